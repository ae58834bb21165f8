import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { inject } from 'vitest';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import pg from 'pg';
import { MIGRATIONS_FOLDER, createDb, type DbHandle, type Db } from '../client';
import * as schema from '../schema';
import { seedDemo } from '../demo/seed';
import { gridGeography } from './grid-geography';

/** The source files of the package (not tests): a change to any makes a new seeded PostgreSQL template. */
function sourceDigest(hash: ReturnType<typeof createHash>): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .sort();
  for (const f of files) hash.update(f).update(readFileSync(join(root, f)));
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** Folder with the PGlite templates built by global-setup.ts for this run. */
    kwadrantTemplates: string;
  }
}

const templates = new Map<TemplateKind, Promise<File | Blob>>();

/** What a test database starts with: nothing but the schema, or the demo on the test grid. */
export const TEMPLATE_KINDS = ['empty', 'seeded'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

/** The grid the seeded template is built on (shared so tests can reason about it). */
export const TEST_GEOGRAPHY = () => gridGeography(28, 2_000);

async function prepare(handle: DbHandle, kind: TemplateKind): Promise<void> {
  if (kind === 'seeded') await seedDemo(handle.db, TEST_GEOGRAPHY(), 'demo');
}

/** A PGlite data directory with the schema (and for 'seeded' the demo), dumped for cloning. */
export async function buildPgliteTemplate(kind: TemplateKind): Promise<File | Blob> {
  const handle = await createDb({ dataDir: 'memory' });
  await prepare(handle, kind);
  const client = (handle.db as unknown as { $client: PGlite }).$client;
  const dump = await client.dumpDataDir('none');
  await handle.close();
  return dump;
}

/**
 * The template to clone: the one the global setup built for this run when there is one (see
 * global-setup.ts), else one made once per test worker.
 */
function pgliteTemplate(kind: TemplateKind): Promise<File | Blob> {
  let template = templates.get(kind);
  if (!template) {
    let dir: string | undefined;
    try {
      dir = inject('kwadrantTemplates');
    } catch {
      dir = undefined;
    }
    const file = dir ? join(dir, `${kind}.tar`) : undefined;
    template =
      file && existsSync(file) ? Promise.resolve(new Blob([readFileSync(file)])) : buildPgliteTemplate(kind);
    templates.set(kind, template);
  }
  return template;
}

/**
 * A fresh, migrated database for one test file: an in-memory PGlite clone by default, or a new
 * PostgreSQL database (from a template) when DATABASE_URL is set. `seeded` starts from the demo
 * landscape on the test grid, with its users, agreements and settlements.
 */
export async function createTestDb(kind: TemplateKind = 'empty'): Promise<DbHandle> {
  const url = process.env.DATABASE_URL;
  return url ? createPostgresTestDb(url, kind) : createPgliteTestDb(kind);
}

async function createPgliteTestDb(kind: TemplateKind): Promise<DbHandle> {
  const client = await PGlite.create({ loadDataDir: await pgliteTemplate(kind) });
  const db = drizzle(client, { schema, casing: 'snake_case' }) as unknown as Db;
  return {
    db,
    engine: 'pglite',
    ping: () => Promise.resolve(true),
    close: () => client.close(),
  };
}

const pgTemplates = new Map<TemplateKind, Promise<string>>();

/**
 * The name of a migrated template database for the current migrations. It is named by a hash of the
 * migration journal, so every worker and every run with the same schema shares one, and none piles up.
 */
function postgresTemplate(url: string, admin: pg.Client, kind: TemplateKind): Promise<string> {
  let pgTemplate = pgTemplates.get(kind);
  if (pgTemplate) return pgTemplate;
  pgTemplate = (async () => {
    // Named by the migrations and the seeding code, so a changed schema or demo makes a new template.
    const hash = createHash('sha256').update(readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json')));
    if (kind === 'seeded') sourceDigest(hash);
    const name = `kwadrant_tpl_${kind}_${hash.digest('hex').slice(0, 12)}`;
    await admin.query('select pg_advisory_lock(7317734102)');
    try {
      const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
      if (exists.rowCount === 0) {
        await admin.query(`create database ${name}`);
        const handle = await createDb({ databaseUrl: withDatabase(url, name) });
        try {
          await prepare(handle, kind);
        } catch (error) {
          await handle.close();
          await admin.query(`drop database ${name}`);
          throw error;
        }
        await handle.close();
      }
    } finally {
      await admin.query('select pg_advisory_unlock(7317734102)');
    }
    return name;
  })();
  pgTemplates.set(kind, pgTemplate);
  return pgTemplate;
}

async function createPostgresTestDb(url: string, kind: TemplateKind): Promise<DbHandle> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const templateName = await postgresTemplate(url, admin, kind);
    const name = `kwadrant_test_${randomBytes(6).toString('hex')}`;
    await admin.query(`create database ${name} template ${templateName}`);
    const handle = await createDb({ databaseUrl: withDatabase(url, name), migrate: false, poolSize: 4 });
    return {
      ...handle,
      close: async () => {
        await handle.close();
        const cleanup = new pg.Client({ connectionString: url });
        await cleanup.connect();
        await cleanup.query(`drop database if exists ${name}`);
        await cleanup.end();
      },
    };
  } finally {
    await admin.end();
  }
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
