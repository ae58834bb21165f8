import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { KpiKind } from '@kwadrant/domain/model';
import { queryRows, type Db } from '../client';
import { importBatches, observations, regionalFacts } from '../schema';
import { refreshBenchmarks, type BenchmarkKey } from './benchmarks';

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

const CHUNK = 20_000;
/** Regional facts are written with a row of parameters each: stay below PostgreSQL's 65,535. */
const FACTS_CHUNK = 2_000;
/** After importing this many rows, refresh the planner's statistics. */
const ANALYZE_AFTER = 50_000;
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

/**
 * Stages one chunk: a single INSERT … SELECT FROM unnest() of one array per column (eight bind
 * parameters however long the chunk), far cheaper than a row of parameters per observation.
 */
async function stageChunk(db: Db, chunk: readonly ImportedObservation[]) {
  // sql.param keeps each array one bind parameter (drizzle would otherwise expand it into a list).
  const column = <T>(pick: (r: ImportedObservation) => T) => sql.param(chunk.map(pick));
  await db.execute(sql`
    insert into import_stage (organisation_id, kpi_code, kind, period, numerator, denominator, expected, sum_squares)
    select * from unnest(
      ${column((r) => r.organisationId)}::text[], ${column((r) => r.kpiCode)}::text[],
      ${column((r) => r.kind)}::text[], ${column((r) => r.period)}::text[],
      ${column((r) => r.numerator)}::float8[], ${column((r) => r.denominator)}::float8[],
      ${column((r) => r.expected)}::float8[], ${column((r) => r.sumSquares)}::float8[])`);
}

/**
 * Merges the staged rows into the observations, set-based: a new cell becomes version 1, a changed cell a
 * new version superseding the old one (never deleted), an equal cell is left alone. Returns the counts
 * and the KPI × period pairs whose values changed.
 */
async function mergeStaged(db: Db, batchId: number, now: Date, counts: ImportOutcome) {
  await db.execute(sql`
    create temp table import_diff on commit drop as
    select s.*, o.id as old_id, coalesce(o.version, 0) + 1 as version,
      (o.id is not null and o.numerator = s.numerator and o.denominator = s.denominator
        and o.expected is not distinct from s.expected and o.sum_squares is not distinct from s.sum_squares) as same
    from import_stage s
    left join ${observations} o on o.organisation_id = s.organisation_id and o.kpi_code = s.kpi_code
      and o.period = s.period and o.superseded_at is null`);
  const [tally] = await queryRows<{ inserted: number; corrected: number; unchanged: number }>(
    db,
    sql`select count(*) filter (where old_id is null)::int as inserted,
          count(*) filter (where old_id is not null and not same)::int as corrected,
          count(*) filter (where same)::int as unchanged
        from import_diff`,
  );
  counts.inserted += tally?.inserted ?? 0;
  counts.corrected += tally?.corrected ?? 0;
  counts.unchanged += tally?.unchanged ?? 0;
  await db.execute(sql`
    update ${observations} o set superseded_at = ${now}
    from import_diff d where d.old_id = o.id and not d.same`);
  await db.execute(sql`
    insert into ${observations} (organisation_id, kpi_code, kind, period, numerator, denominator, expected,
      sum_squares, source, batch_id, version, created_at)
    select organisation_id, kpi_code, kind::kpi_kind, period, numerator, denominator, expected, sum_squares,
      'import', ${batchId}, version, ${now}
    from import_diff where not same`);
  const keys = await queryRows<BenchmarkKey & Record<string, unknown>>(
    db,
    sql`select distinct kpi_code as "kpiCode", period from import_diff where not same`,
  );
  const practices = await queryRows<{ id: string }>(
    db,
    sql`select distinct organisation_id as id from import_diff where not same limit ${FEW_PRACTICES + 1}`,
  );
  return { keys, practices: practices.length <= FEW_PRACTICES ? practices.map((p) => p.id) : undefined };
}

/** Up to this many changed practices, only their groups' benchmarks are recomputed (a small import). */
const FEW_PRACTICES = 50;

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
      // Rows are staged in a temporary table chunk by chunk (only one chunk in memory), then merged.
      await t.execute(sql`
        create temp table import_stage (organisation_id text, kpi_code text, kind text, period text,
          numerator float8, denominator float8, expected float8, sum_squares float8) on commit drop`);
      let chunk: ImportedObservation[] = [];
      const flush = async () => {
        if (chunk.length === 0) return;
        await stageChunk(t, chunk);
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
      const touched = await mergeStaged(t, batch!.id, meta.now, outcome);
      outcome.rejected = rejectedRows.size;
      outcome.rowsRead += outcome.rejected;
      if (mode === 'dry-run' || (mode === 'commit' && errors > 0)) throw new RollBack();
      outcome.benchmarksRefreshed = await refreshBenchmarks(t, touched.keys, {
        organisations: touched.practices,
      });
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
  if (outcome.status === 'committed') {
    // A large import changes the tables' make-up; PGlite runs no autovacuum to notice.
    if (outcome.imported >= ANALYZE_AFTER) await db.execute(sql`analyze observations, benchmarks`);
    return outcome;
  }
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
    for (let i = 0; i < facts.length; i += FACTS_CHUNK) {
      await t
        .insert(regionalFacts)
        .values(facts.slice(i, i + FACTS_CHUNK).map((f) => ({ ...f, batchId: batch!.id })))
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
