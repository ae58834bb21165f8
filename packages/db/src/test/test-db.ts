import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import pg from 'pg';
import { MIGRATIONS_FOLDER, createDb, type DbHandle, type Db } from '../client';
import * as schema from '../schema';

let template: Promise<File | Blob> | undefined;

/** A migrated PGlite data directory, made once per test worker and cloned for every test database. */
function migratedTemplate(): Promise<File | Blob> {
  template ??= (async () => {
    const handle = await createDb({ dataDir: 'memory' });
    const client = (handle.db as unknown as { $client: PGlite }).$client;
    const dump = await client.dumpDataDir('none');
    await handle.close();
    return dump;
  })();
  return template;
}

/**
 * A fresh, migrated, empty database for one test file: an in-memory PGlite clone by default, or a new
 * PostgreSQL database (from a migrated template) when DATABASE_URL is set.
 */
export async function createTestDb(): Promise<DbHandle> {
  const url = process.env.DATABASE_URL;
  return url ? createPostgresTestDb(url) : createPgliteTestDb();
}

async function createPgliteTestDb(): Promise<DbHandle> {
  const client = await PGlite.create({ loadDataDir: await migratedTemplate() });
  const db = drizzle(client, { schema, casing: 'snake_case' }) as unknown as Db;
  return {
    db,
    engine: 'pglite',
    ping: () => Promise.resolve(true),
    close: () => client.close(),
  };
}

let pgTemplate: Promise<string> | undefined;

/**
 * The name of a migrated template database for the current migrations. It is named by a hash of the
 * migration journal, so every worker and every run with the same schema shares one, and none piles up.
 */
function postgresTemplate(url: string, admin: pg.Client): Promise<string> {
  pgTemplate ??= (async () => {
    const journal = readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'));
    const name = `kwadrant_tpl_${createHash('sha256').update(journal).digest('hex').slice(0, 12)}`;
    await admin.query('select pg_advisory_lock(7317734102)');
    try {
      const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
      if (exists.rowCount === 0) {
        await admin.query(`create database ${name}`);
        const handle = await createDb({ databaseUrl: withDatabase(url, name) });
        await handle.close();
      }
    } finally {
      await admin.query('select pg_advisory_unlock(7317734102)');
    }
    return name;
  })();
  return pgTemplate;
}

async function createPostgresTestDb(url: string): Promise<DbHandle> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const templateName = await postgresTemplate(url, admin);
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
