 
/*
 * pnpm bench: seeds the national scale once (cached in .data/pglite-national, or in DATABASE_URL's
 * database), measures every figure of issue 9 against its goal on PGlite and, when DATABASE_URL is
 * set, on PostgreSQL, runs the fault drills that need a real process, prints a table and writes the
 * same figures as JSON to .bench/ (git-ignored).
 *
 *   pnpm bench [--runs 3] [--seconds 5] [--import-rows 1000000] [--soak 600] [--only id,id]
 *              [--engine pglite|postgres]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createDb, DEFAULT_DATA_DIR, seedDemo, seededScale } from '@kwadrant/db';
import { referenceGeography } from '@kwadrant/geo';
import { bundleFigures, firstChartFigure, funnelRenderFigure } from './browser';
import { databaseFigures } from './database';
import { httpFigures, sigtermDrill, soak } from './http';
import { met, table, type Figure } from './measure';
import { startServer } from './server';

const ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '5' },
    'import-rows': { type: 'string', default: '1000000' },
    soak: { type: 'string', default: '600' },
    only: { type: 'string' },
    engine: { type: 'string' },
  },
});
const runs = Number(values.runs);
const selected = values.only?.split(',').map((s) => s.trim());
const only = (id: string) => !selected || selected.some((s) => id === s || id.startsWith(`${s}-`));
const log = (m: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${m}`);

interface Drill {
  name: string;
  passed: boolean;
  detail: string;
}

async function engineFigures(engine: 'pglite' | 'postgres') {
  const databaseUrl = engine === 'postgres' ? process.env.DATABASE_URL : undefined;
  const dataDir = resolve(DEFAULT_DATA_DIR, '..', 'pglite-national');
  const handle = await createDb({ databaseUrl, dataDir });
  const figures: Figure[] = [];
  const drills: Drill[] = [];
  try {
    const scale = await seededScale(handle.db);
    if (scale === 'demo') throw new Error(`the ${engine} database holds the demo scale; give the bench its own database`);
    if (scale === null) {
      log(`seeding the national scale into ${engine} once (about 15 minutes on 2 cores)…`);
      const report = await seedDemo(handle.db, referenceGeography(), 'national', { onProgress: (m) => log(`  ${m}`) });
      log(`seeded in ${(report.milliseconds / 1000).toFixed(0)} s`);
    }
    figures.push(
      ...(await databaseFigures(handle.db, {
        engine,
        runs,
        importRows: Number(values['import-rows']),
        only,
        log,
      })),
    );
  } finally {
    await handle.close();
  }

  const needsServer = ['api', 'first-chart', 'soak', 'sigterm'].some(only);
  if (!needsServer) return { figures, drills };
  log('starting the server on the national database…');
  const server = await startServer(ROOT, databaseUrl ? { DATABASE_URL: databaseUrl } : { KWADRANT_DATA_DIR: dataDir });
  try {
    figures.push(...(await httpFigures(server, { root: ROOT, runs, seconds: Number(values.seconds), only, log })));
    if (only('first-chart')) {
      log('first chart after sign-in (Chromium)…');
      figures.push(await firstChartFigure(server.url, Math.max(runs, 5)));
    }
    if (only('soak') && Number(values.soak) > 0) {
      log(`soak: ${values.soak} s of mixed reads…`);
      drills.push({ name: `soak ${values.soak} s`, ...(await soak(server, Number(values.soak), log)) });
    }
    if (only('sigterm')) drills.push({ name: 'SIGTERM under load', ...(await sigtermDrill(server, log)) });
  } finally {
    await server.stop();
  }
  return { figures, drills };
}

async function main() {
  const available: ('pglite' | 'postgres')[] = ['pglite', ...(process.env.DATABASE_URL ? (['postgres'] as const) : [])];
  const engines = values.engine ? available.filter((e) => e === values.engine) : available;
  if (engines.length === 0) throw new Error(`--engine ${values.engine}: not available (postgres needs DATABASE_URL)`);
  const results: Record<string, { figures: Figure[]; drills: Drill[] }> = {};
  for (const engine of engines) results[engine] = await engineFigures(engine);
  const front: Figure[] = [...(only('bundle') ? bundleFigures(ROOT) : [])];
  if (only('funnel-render')) {
    log('funnel render, 4,900 points (Chromium)…');
    front.push(await funnelRenderFigure(Math.max(runs, 7)));
  }

  console.log('');
  for (const engine of engines) {
    console.log(table(`Kwadrant bench — ${engine === 'pglite' ? 'embedded PGlite' : 'PostgreSQL'}, national scale`, results[engine]!.figures));
    for (const d of results[engine]!.drills) console.log(`drill: ${d.name}: ${d.passed ? 'passed' : 'FAILED'} — ${d.detail}`);
    console.log('');
  }
  if (front.length > 0) console.log(table('Kwadrant bench — dashboards', front));
  const all = [...Object.values(results).flatMap((r) => r.figures), ...front];
  const drills = Object.values(results).flatMap((r) => r.drills);
  console.log(
    `\n${all.filter(met).length} of ${all.length} goals met; ${drills.filter((d) => d.passed).length} of ${drills.length} drills passed.`,
  );
  const dir = join(ROOT, '.bench');
  mkdirSync(dir, { recursive: true });
  const json = JSON.stringify({ at: new Date().toISOString(), machine: { cpus: (await import('node:os')).cpus().length, node: process.version }, results, front }, null, 2);
  writeFileSync(join(dir, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`), json);
  writeFileSync(join(dir, 'latest.json'), json);
  console.log(`figures written to .bench/latest.json`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
