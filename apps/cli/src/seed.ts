import { resolve } from 'node:path';
import { sql } from 'drizzle-orm';
import { createDb, DEFAULT_DATA_DIR, queryRows, SCALES, seedDemo, type ScaleName } from '@kwadrant/db';
import { referenceGeography } from '@kwadrant/geo';
import { loadEnv } from './env';

/** Where each scale lives by default on PGlite: the product's own data directory, or one beside it. */
function defaultDataDir(scale: ScaleName): string {
  return scale === 'demo' ? DEFAULT_DATA_DIR : resolve(DEFAULT_DATA_DIR, '..', `pglite-${scale}`);
}

/** `kwadrant seed --scale demo|national`: seeds once, idempotently, and reports time and size. */
export async function seedCommand(args: readonly string[]): Promise<number> {
  const at = args.indexOf('--scale');
  const scale = (at >= 0 ? args[at + 1] : 'demo') as ScaleName;
  if (!(scale in SCALES)) {
    console.error(`Onbekende schaal / unknown scale "${scale}": use ${Object.keys(SCALES).join(' or ')}.`);
    return 2;
  }
  const env = loadEnv();
  const dataDir = env.KWADRANT_DATA_DIR ?? defaultDataDir(scale);
  const handle = await createDb({ databaseUrl: env.DATABASE_URL, dataDir });
  try {
    console.log(
      `Seeding "${scale}" into ${handle.engine === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : dataDir}`,
    );
    const report = await seedDemo(handle.db, referenceGeography(), scale, {
      onProgress: (m) => console.log(`  ${m}`),
    });
    if (report.seeded) {
      const [size] = await queryRows<{ bytes: string }>(
        handle.db,
        sql`select pg_database_size(current_database()) as bytes`,
      );
      const megabytes = Number(size?.bytes ?? 0) / 1024 / 1024;
      console.log(
        `Done in ${(report.milliseconds / 1000).toFixed(1)} s: ${report.practices} practices, ${report.observations} observations, ` +
          `${report.enrolledRows} enrolled-population rows, ${report.benchmarks} benchmarks, ${report.settlements} settlements; ` +
          `database ${megabytes.toFixed(0)} MB.`,
      );
    }
    return 0;
  } finally {
    await handle.close();
  }
}
