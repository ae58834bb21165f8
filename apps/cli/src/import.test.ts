import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createDb, queryRows, seedDemo } from '@kwadrant/db';
import { gridGeography } from '@kwadrant/db/test';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'kwadrant-crash-'));
const dataDir = join(dir, 'pglite');
const file = join(dir, 'observations.csv');
const ROWS = 60_000;

/** Runs the import command; with `killAfterRows`, kills it (SIGKILL) once it has reported that many rows. */
function runImport(
  killAfterRows?: number,
): Promise<{ code: number | null; signal: string | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'apps/cli/src/main.ts'), 'import', 'observations', file],
      {
        cwd: ROOT,
        env: { ...process.env, KWADRANT_DATA_DIR: dataDir, DATABASE_URL: '' },
      },
    );
    let output = '';
    const watch = (chunk: Buffer) => {
      output += chunk.toString();
      const rows = [...output.matchAll(/([\d.]+) rijen/g)].map((m) => Number(m[1]!.replace(/\./g, '')));
      if (killAfterRows !== undefined && Math.max(0, ...rows) >= killAfterRows) child.kill('SIGKILL');
    };
    child.stdout.on('data', watch);
    child.stderr.on('data', watch);
    child.on('exit', (code, signal) => resolve({ code, signal, output }));
  });
}

const counts = async () => {
  const handle = await createDb({ dataDir });
  try {
    const [row] = await queryRows<{ batches: string; imported: string }>(
      handle.db,
      sql`select (select count(*) from import_batches) as batches, (select count(*) from observations where source = 'import') as imported`,
    );
    return { batches: Number(row!.batches), imported: Number(row!.imported) };
  } finally {
    await handle.close();
  }
};

beforeAll(async () => {
  const handle = await createDb({ dataDir });
  await seedDemo(handle.db, gridGeography(28, 2_000), 'demo');
  await handle.close();
  const kpis = ['DM-01', 'DM-02', 'DM-03', 'DM-04', 'DM-05', 'DM-06', 'CV-01', 'CV-02', 'CO-01', 'CO-02'];
  const lines = ['agb;kpi;periode;teller;noemer'];
  for (let q = 0; lines.length <= ROWS; q++) {
    const period = `${2027 + Math.floor(q / 4)}-Q${(q % 4) + 1}`;
    for (let p = 1; p <= 100 && lines.length <= ROWS; p++) {
      for (const kpi of kpis)
        if (lines.length <= ROWS) lines.push(`01${String(p).padStart(6, '0')};${kpi};${period};30;40`);
    }
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a process killed during an import', () => {
  it(
    'leaves the import whole or absent, and the next run imports it whole',
    { timeout: 300_000 },
    async () => {
      const killed = await runImport(10_000);
      expect(killed.signal).toBe('SIGKILL');
      expect(await counts()).toEqual({ batches: 0, imported: 0 });

      const whole = await runImport();
      expect(whole.code).toBe(0);
      expect(whole.output).toMatch(/Status: committed/);
      expect(await counts()).toEqual({ batches: 1, imported: ROWS });
    },
  );
});
