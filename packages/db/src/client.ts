import { mkdirSync, existsSync, openSync, closeSync, readFileSync, writeFileSync, unlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql, type SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema';

export type Schema = typeof schema;
/** The database, whichever engine is behind it: both drivers share drizzle's PostgreSQL API. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Engine = 'pglite' | 'postgres';

export interface DbHandle {
  db: Db;
  engine: Engine;
  /** True when the database answers a trivial query. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface CreateDbOptions {
  /** A PostgreSQL connection string; when set, PostgreSQL is used and `dataDir` is ignored. */
  databaseUrl?: string | undefined;
  /** Where PGlite keeps its files, or 'memory'. Default: `.data/pglite` at the repository root. */
  dataDir?: string | undefined;
  /** Run pending migrations on open (default true). */
  migrate?: boolean;
  /** Largest number of PostgreSQL connections in the pool. */
  poolSize?: number;
}

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../migrations', import.meta.url));
export const DEFAULT_DATA_DIR = resolve(
  fileURLToPath(new URL('../../..', import.meta.url)),
  '.data',
  'pglite',
);

// Any fixed 64-bit key shared by every Kwadrant process; it serialises concurrent migrations.
const MIGRATION_LOCK_KEY = 7_317_734_101;

/**
 * Opens the database: PostgreSQL when `databaseUrl` is given, otherwise embedded PGlite stored in
 * `dataDir` (or in memory). Pending migrations run on open, safely when two processes start at once.
 */
export async function createDb(options: CreateDbOptions = {}): Promise<DbHandle> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options) : openPglite(options);
}

async function openPostgres(url: string, options: CreateDbOptions): Promise<DbHandle> {
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  const db = drizzlePg(pool, { schema, casing: 'snake_case' }) as unknown as Db;
  if (options.migrate !== false) {
    const client = await pool.connect();
    try {
      await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
      await migratePg(drizzlePg(client, { casing: 'snake_case' }), { migrationsFolder: MIGRATIONS_FOLDER });
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
      client.release();
    }
  }
  return {
    db,
    engine: 'postgres',
    ping: () => ping(db),
    close: () => pool.end(),
  };
}

async function openPglite(options: CreateDbOptions): Promise<DbHandle> {
  const dataDir = options.dataDir ?? DEFAULT_DATA_DIR;
  const inMemory = dataDir === 'memory';
  const release = inMemory ? () => undefined : lockDataDir(dataDir);
  try {
    const client = inMemory ? await PGlite.create() : await PGlite.create(dataDir);
    const pgliteDb = drizzlePglite(client, { schema, casing: 'snake_case' });
    if (options.migrate !== false) await migratePglite(pgliteDb, { migrationsFolder: MIGRATIONS_FOLDER });
    const db = pgliteDb as unknown as Db;
    return {
      db,
      engine: 'pglite',
      ping: () => ping(db),
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/** Runs raw SQL and returns its rows, the same way on both engines. */
export async function queryRows<T extends Record<string, unknown>>(db: Db, query: SQL): Promise<T[]> {
  // node-postgres and PGlite both answer with { rows }; drizzle's shared type leaves it abstract.
  const result: unknown = await db.execute(query);
  return (result as { rows: T[] }).rows;
}

async function ping(db: Db): Promise<boolean> {
  try {
    await db.execute(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}

/**
 * PGlite is a single-process database: a second process opening the same directory would corrupt it.
 * A lock file holding our pid keeps it to one; a lock left by a dead process is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockFile = join(dataDir, '..', `${dataDir.split(/[\\/]/).pop() ?? 'pglite'}.lock`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        if (existsSync(lockFile) && readFileSync(lockFile, 'utf8') === String(process.pid))
          unlinkSync(lockFile);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(lockFile, 'utf8'));
      if (holder && isAlive(holder)) {
        throw new Error(
          `The embedded database in ${dataDir} is in use by process ${holder}. Stop that process, or set DATABASE_URL to use PostgreSQL.`,
          { cause: error },
        );
      }
      unlinkSync(lockFile);
    }
  }
  throw new Error(`Could not lock the embedded database in ${dataDir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
