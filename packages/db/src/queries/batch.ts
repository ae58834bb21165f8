import type { PgTable, PgInsertValue } from 'drizzle-orm/pg-core';
import type { Db } from '../client';

// PostgreSQL allows 65,535 bind parameters per statement; stay well below it.
const MAX_PARAMETERS = 30_000;

/**
 * Inserts rows from any iterable in multi-row statements sized to the bind-parameter limit, without
 * holding them all in memory. Returns the number of rows written.
 */
export async function insertInBatches<T extends PgTable>(
  db: Db,
  table: T,
  rows: Iterable<PgInsertValue<T>>,
  onProgress?: (written: number) => void,
): Promise<number> {
  let batch: PgInsertValue<T>[] = [];
  let size = 0;
  let written = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await db.insert(table).values(batch);
    written += batch.length;
    onProgress?.(written);
    batch = [];
  };
  for (const row of rows) {
    if (size === 0) size = Math.max(1, Math.floor(MAX_PARAMETERS / Object.keys(row).length));
    batch.push(row);
    if (batch.length >= size) await flush();
  }
  await flush();
  return written;
}
