import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { KpiKind } from '@kwadrant/domain/model';
import type { Db } from '../client';
import { importBatches, observations, regionalFacts } from '../schema';
import { refreshBenchmarks, type BenchmarkKey } from './benchmarks';
import { insertInBatches } from './batch';

/** An observation as an import delivers it (already validated by @kwadrant/ingest). */
export interface ImportedObservation {
  organisationId: string;
  kpiCode: string;
  kind: KpiKind;
  period: string;
  numerator: number;
  denominator: number;
  expected: number | null;
  sumSquares: number | null;
}

/** A problem found in the file, as stored with the batch (the ingest issue shape, kept whole). */
export interface StoredIssue {
  row: number | null;
  severity: 'error' | 'warning';
}

/** What an import consumes: validated records and the issues found on the way. */
export type ImportItem<I extends StoredIssue = StoredIssue> =
  { kind: 'record'; record: ImportedObservation } | { kind: 'issue'; issue: I };

export type ImportMode = 'dry-run' | 'commit' | 'commit-valid';

export interface ImportOutcome<I extends StoredIssue = StoredIssue> {
  batchId: number | null;
  status: 'validated' | 'committed' | 'rejected' | 'duplicate';
  rowsRead: number;
  valid: number;
  rejected: number;
  imported: number;
  /** Of the valid rows: new cells, corrections (new versions) and rows equal to what is stored. */
  inserted: number;
  corrected: number;
  unchanged: number;
  issues: I[];
  benchmarksRefreshed: number;
}

export interface ImportMeta {
  kind: string;
  fileName: string;
  contentHash: string;
  importedBy: number | null;
  organisationId: string | null;
  now: Date;
}

/** Thrown inside the transaction to roll back a dry run or a file with errors. */
class RollBack extends Error {}

const CHUNK = 2_000;
const MAX_STORED_ISSUES = 10_000;

/** The committed batch with this content, if any (re-imports are idempotent). */
async function committedBatch(db: Db, kind: string, contentHash: string) {
  const [row] = await db
    .select({ id: importBatches.id })
    .from(importBatches)
    .where(
      and(
        eq(importBatches.kind, kind),
        eq(importBatches.contentHash, contentHash),
        eq(importBatches.status, 'committed'),
      ),
    );
  return row ?? null;
}

const sameFigures = (
  a: ImportedObservation,
  b: { numerator: number; denominator: number; expected: number | null; sumSquares: number | null },
) =>
  a.numerator === b.numerator &&
  a.denominator === b.denominator &&
  (a.expected ?? null) === b.expected &&
  (a.sumSquares ?? null) === b.sumSquares;

/** Writes one chunk: new cells as version 1, changed cells as a new version superseding the old (never deleted). */
async function writeChunk(
  db: Db,
  chunk: readonly ImportedObservation[],
  batchId: number,
  now: Date,
  counts: ImportOutcome,
) {
  // Candidates by organisation and period (plain IN lists), narrowed to the chunk's exact cells below.
  const organisations = [...new Set(chunk.map((r) => r.organisationId))];
  const periods = [...new Set(chunk.map((r) => r.period))];
  const kpis = [...new Set(chunk.map((r) => r.kpiCode))];
  const current = await db
    .select({
      id: observations.id,
      organisationId: observations.organisationId,
      kpiCode: observations.kpiCode,
      period: observations.period,
      numerator: observations.numerator,
      denominator: observations.denominator,
      expected: observations.expected,
      sumSquares: observations.sumSquares,
      version: observations.version,
    })
    .from(observations)
    .where(
      and(
        isNull(observations.supersededAt),
        inArray(observations.organisationId, organisations),
        inArray(observations.period, periods),
        inArray(observations.kpiCode, kpis),
      ),
    );
  const byKey = new Map(current.map((c) => [`${c.organisationId}|${c.kpiCode}|${c.period}`, c]));
  const superseded: number[] = [];
  const rows: (typeof observations.$inferInsert)[] = [];
  for (const r of chunk) {
    const old = byKey.get(`${r.organisationId}|${r.kpiCode}|${r.period}`);
    if (old && sameFigures(r, old)) {
      counts.unchanged++;
      continue;
    }
    if (old) {
      superseded.push(old.id);
      counts.corrected++;
    } else counts.inserted++;
    rows.push({ ...r, source: 'import', batchId, version: (old?.version ?? 0) + 1, createdAt: now });
  }
  if (superseded.length > 0)
    await db.update(observations).set({ supersededAt: now }).where(inArray(observations.id, superseded));
  await insertInBatches(db, observations, rows);
}

/**
 * Imports validated observations in one transaction: all or nothing. The same file twice adds nothing
 * (its committed batch is returned as 'duplicate'); a changed value becomes a new version and the old
 * one is kept; unchanged rows are left alone. A file with errors changes nothing unless the mode is
 * 'commit-valid'; 'dry-run' does the whole import and rolls it back, to report what it would do. The
 * records stream in: only one chunk is held in memory. Benchmarks of the touched KPI × period pairs
 * are refreshed in the same transaction.
 */
export async function importObservations<I extends StoredIssue>(
  db: Db,
  items: AsyncIterable<ImportItem<I>> | Iterable<ImportItem<I>>,
  meta: ImportMeta,
  mode: ImportMode,
  onProgress?: (rowsRead: number) => void,
): Promise<ImportOutcome<I>> {
  const outcome: ImportOutcome<I> = {
    batchId: null,
    status: 'validated',
    rowsRead: 0,
    valid: 0,
    rejected: 0,
    imported: 0,
    inserted: 0,
    corrected: 0,
    unchanged: 0,
    issues: [],
    benchmarksRefreshed: 0,
  };
  const duplicate = await committedBatch(db, meta.kind, meta.contentHash);
  if (duplicate && mode !== 'dry-run') {
    // Drain the source so the caller still gets the file's own report.
    for await (const item of items) if (item.kind === 'record') outcome.rowsRead++;
    return { ...outcome, batchId: duplicate.id, status: 'duplicate', valid: outcome.rowsRead };
  }
  const rejectedRows = new Set<unknown>();
  let errors = 0;
  try {
    await db.transaction(async (tx) => {
      const t = tx as unknown as Db;
      const [batch] = await t
        .insert(importBatches)
        .values({
          kind: meta.kind,
          fileName: meta.fileName,
          contentHash: meta.contentHash,
          importedBy: meta.importedBy,
          organisationId: meta.organisationId,
          status: 'committed',
          createdAt: meta.now,
        })
        .returning({ id: importBatches.id });
      const touched = new Map<string, BenchmarkKey>();
      let chunk: ImportedObservation[] = [];
      const flush = async () => {
        if (chunk.length === 0) return;
        await writeChunk(t, chunk, batch!.id, meta.now, outcome);
        for (const r of chunk)
          touched.set(`${r.kpiCode}|${r.period}`, { kpiCode: r.kpiCode, period: r.period });
        chunk = [];
        onProgress?.(outcome.rowsRead);
      };
      for await (const item of items) {
        if (item.kind === 'issue') {
          if (item.issue.severity === 'error') {
            errors++;
            if (item.issue.row !== null) rejectedRows.add(item.issue.row);
          }
          if (outcome.issues.length < MAX_STORED_ISSUES) outcome.issues.push(item.issue);
          continue;
        }
        outcome.rowsRead++;
        outcome.valid++;
        chunk.push(item.record);
        if (chunk.length >= CHUNK) await flush();
      }
      await flush();
      outcome.rejected = rejectedRows.size;
      outcome.rowsRead += outcome.rejected;
      if (mode === 'dry-run' || (mode === 'commit' && errors > 0)) throw new RollBack();
      outcome.benchmarksRefreshed = await refreshBenchmarks(t, [...touched.values()]);
      outcome.imported = outcome.inserted + outcome.corrected;
      await t
        .update(importBatches)
        .set({
          rowCount: outcome.rowsRead,
          importedCount: outcome.imported,
          errorCount: errors,
          errors: outcome.issues,
        })
        .where(eq(importBatches.id, batch!.id));
      outcome.batchId = batch!.id;
      outcome.status = 'committed';
    });
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
  }
  if (outcome.status === 'committed') return outcome;
  if (mode === 'dry-run') return { ...outcome, imported: 0, status: 'validated' };
  // A refused file leaves a trace in the history (with its errors) and nothing else.
  const [batch] = await db
    .insert(importBatches)
    .values({
      kind: meta.kind,
      fileName: meta.fileName,
      contentHash: meta.contentHash,
      importedBy: meta.importedBy,
      organisationId: meta.organisationId,
      status: 'rejected',
      rowCount: outcome.rowsRead,
      importedCount: 0,
      errorCount: errors,
      errors: outcome.issues,
      createdAt: meta.now,
    })
    .returning({ id: importBatches.id });
  return {
    ...outcome,
    batchId: batch!.id,
    status: 'rejected',
    imported: 0,
    inserted: 0,
    corrected: 0,
    unchanged: 0,
  };
}

export type ImportBatchRow = typeof importBatches.$inferSelect;

/** Import history, newest first; limited to batches of the given organisations unless `all`. */
export async function listImportBatches(
  db: Db,
  scope: { organisationIds: readonly string[] | 'all' },
  page: { limit: number; offset: number },
) {
  const where =
    scope.organisationIds === 'all'
      ? undefined
      : inArray(importBatches.organisationId, [...scope.organisationIds]);
  const [items, [count]] = await Promise.all([
    db
      .select()
      .from(importBatches)
      .where(where)
      .orderBy(desc(importBatches.createdAt), desc(importBatches.id))
      .limit(page.limit)
      .offset(page.offset),
    db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(importBatches)
      .where(where),
  ]);
  return { items, total: count?.n ?? 0 };
}

/** One batch by id. */
export async function importBatchById(db: Db, id: number): Promise<ImportBatchRow | null> {
  const [row] = await db.select().from(importBatches).where(eq(importBatches.id, id));
  return row ?? null;
}

/**
 * Imports regional facts (e.g. Vektis costs per municipality and care type, CBS population) as one
 * committed batch, all or nothing; a re-import of the same file is a duplicate; a newer file for the
 * same area × indicator × period × stratum replaces the value (the batch keeps the history).
 */
export async function importRegionalFacts(
  db: Db,
  facts: readonly (typeof regionalFacts.$inferInsert)[],
  meta: ImportMeta,
): Promise<{ batchId: number; status: 'committed' | 'duplicate'; written: number }> {
  const duplicate = await committedBatch(db, meta.kind, meta.contentHash);
  if (duplicate) return { batchId: duplicate.id, status: 'duplicate', written: 0 };
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const [batch] = await t
      .insert(importBatches)
      .values({
        kind: meta.kind,
        fileName: meta.fileName,
        contentHash: meta.contentHash,
        importedBy: meta.importedBy,
        organisationId: meta.organisationId,
        status: 'committed',
        rowCount: facts.length,
        importedCount: facts.length,
        createdAt: meta.now,
      })
      .returning({ id: importBatches.id });
    for (let i = 0; i < facts.length; i += CHUNK) {
      await t
        .insert(regionalFacts)
        .values(facts.slice(i, i + CHUNK).map((f) => ({ ...f, batchId: batch!.id })))
        .onConflictDoUpdate({
          target: [
            regionalFacts.areaKind,
            regionalFacts.areaCode,
            regionalFacts.indicator,
            regionalFacts.period,
            regionalFacts.stratum,
          ],
          set: {
            value: sql`excluded.value`,
            denominator: sql`excluded.denominator`,
            source: sql`excluded.source`,
            batchId: sql`excluded.batch_id`,
          },
        });
    }
    return { batchId: batch!.id, status: 'committed' as const, written: facts.length };
  });
}
