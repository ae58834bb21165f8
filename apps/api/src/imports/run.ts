import { createHash } from 'node:crypto';
import {
  agbCodes,
  importObservations,
  importRegionalFacts,
  listKpis,
  type Db,
  type ImportItem,
  type ImportMode,
  type ImportOutcome,
} from '@kwadrant/db';
import { referenceMunicipalities } from './municipalities';
import {
  importMeasureReports,
  readObservations,
  regionalCostPicture,
  validateCbsPopulation,
  validateVektis,
  issue,
  type IngestIssue,
  type ObservationRecord,
} from '@kwadrant/ingest';

export const IMPORT_KINDS = ['observations', 'fhir', 'vektis', 'cbs-population'] as const;

/** Most rows one import takes (about 175 MB of CSV); split larger deliveries per period. */
export const MAX_ROWS = 5_000_000;

/** The issue that stops an import at MAX_ROWS. */
const tooManyRows = (row: number): IngestIssue =>
  issue('too-many-rows', { row, column: null, value: null }, { limit: MAX_ROWS });
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface ImportRequest {
  kind: ImportKind;
  fileName: string;
  /** Opens the file's content as a stream of chunks (may be called once). */
  open: () => AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
  /** SHA-256 of the whole file, hex: what makes a re-import recognisable. */
  contentHash: string;
  mode: ImportMode;
  /** Organisations whose observations this caller may deliver, or all. */
  organisations: readonly string[] | 'all';
  importedBy: number | null;
  organisationId: string | null;
  now: Date;
  year?: number | undefined;
  onProgress?: (rowsRead: number) => void;
}

export interface ImportReport extends ImportOutcome<IngestIssue> {
  kind: ImportKind;
  fileName: string;
  /** Municipality names (Vektis) that matched no CBS code: kept, reported, never dropped. */
  unmatched: string[];
}

/** SHA-256 of bytes held in memory, hex. */
export const hashOf = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Feeds bytes held in memory to a parser in 64 KiB chunks, as a stream would. */
export function* chunks(bytes: Uint8Array): Generator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += 65_536) yield bytes.subarray(i, i + 65_536);
}

/** A whole (JSON) document from a stream of chunks. */
async function collect(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const part of source) parts.push(part);
  return Buffer.concat(parts);
}

const observationItem = (record: Omit<ObservationRecord, 'row' | 'organisationCode'>) => ({
  kind: 'record' as const,
  record: {
    organisationId: record.organisationId,
    kpiCode: record.kpiCode,
    kind: record.kind,
    period: record.period,
    numerator: record.numerator,
    denominator: record.denominator,
    expected: record.expected,
    sumSquares: record.sumSquares,
  },
});

const empty = (): ImportOutcome<IngestIssue> => ({
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
});

const hasErrors = (issues: readonly IngestIssue[]) => issues.some((i) => i.severity === 'error');

/**
 * Runs one import end to end: parse and validate with @kwadrant/ingest, then persist with
 * @kwadrant/db's all-or-nothing, idempotent import. Shared by the API and the command line.
 */
export async function runImport(db: Db, req: ImportRequest): Promise<ImportReport> {
  const meta = {
    kind: req.kind,
    fileName: req.fileName,
    contentHash: req.contentHash,
    importedBy: req.importedBy,
    organisationId: req.organisationId,
    now: req.now,
  };
  const base = { kind: req.kind, fileName: req.fileName, unmatched: [] as string[] };

  if (req.kind === 'observations' || req.kind === 'fhir') {
    const context = { kpis: await listKpis(db), organisations: await agbCodes(db, req.organisations) };
    let items: AsyncIterable<ImportItem<IngestIssue>> | ImportItem<IngestIssue>[];
    if (req.kind === 'observations') {
      items = (async function* () {
        let records = 0;
        for await (const item of readObservations(req.open(), context)) {
          if (item.kind === 'record' && ++records > MAX_ROWS) {
            yield { kind: 'issue' as const, issue: tooManyRows(item.record.row) };
            return;
          }
          yield item.kind === 'record' ? observationItem(item.record) : item;
        }
      })();
    } else {
      const parsed = importMeasureReports(await collect(req.open()), context);
      // A FHIR document is parsed whole (it is JSON); its items are then fed like a stream.
      items = [
        ...parsed.issues.map((issue) => ({ kind: 'issue' as const, issue })),
        ...parsed.records.map(observationItem),
      ];
    }
    return { ...base, ...(await importObservations<IngestIssue>(db, items, meta, req.mode, req.onProgress)) };
  }

  if (req.kind === 'vektis') {
    const result = await validateVektis(
      req.open(),
      { municipalities: referenceMunicipalities() },
      { year: req.year, fileName: req.fileName },
    );
    const unmatched = [
      ...new Set(result.records.filter((r) => r.municipalityCode === null).map((r) => r.municipalityName)),
    ];
    const outcome = {
      ...empty(),
      rowsRead: result.summary.rowsRead,
      valid: result.records.length,
      rejected: result.summary.rejected,
      issues: result.issues,
    };
    if (hasErrors(result.issues) && req.mode !== 'commit-valid')
      return { ...base, ...outcome, unmatched, status: req.mode === 'dry-run' ? 'validated' : 'rejected' };
    const facts = regionalCostPicture(result.records)
      .filter((c) => c.municipalityCode !== null)
      .flatMap((c) => [
        {
          areaKind: 'municipality' as const,
          areaCode: c.municipalityCode!,
          indicator: `costs:${c.careType}`,
          period: String(c.year),
          value: c.costs,
          denominator: c.insuredYears > 0 ? c.insuredYears : null,
          source: 'vektis',
        },
        ...(c.expected !== null && c.expected > 0
          ? [
              {
                areaKind: 'municipality' as const,
                areaCode: c.municipalityCode!,
                indicator: `scr:${c.careType}`,
                period: String(c.year),
                value: c.costs,
                denominator: c.expected,
                source: 'vektis',
              },
            ]
          : []),
      ]);
    if (req.mode === 'dry-run') return { ...base, ...outcome, unmatched, status: 'validated' };
    const written = await importRegionalFacts(db, facts, meta);
    return {
      ...base,
      ...outcome,
      unmatched,
      batchId: written.batchId,
      status: written.status,
      imported: written.written,
      inserted: written.written,
    };
  }

  const result = await validateCbsPopulation(req.open());
  const outcome = {
    ...empty(),
    rowsRead: result.summary.rowsRead,
    valid: result.records.length,
    rejected: result.summary.rejected,
    issues: result.issues,
  };
  if (hasErrors(result.issues) && req.mode !== 'commit-valid')
    return { ...base, ...outcome, status: req.mode === 'dry-run' ? 'validated' : 'rejected' };
  const facts = result.records.flatMap((r) => [
    {
      areaKind: 'pc4' as const,
      areaCode: r.pc4,
      indicator: 'population',
      period: '2021',
      stratum: `M|${r.ageBand}`,
      value: r.men,
      denominator: null,
      source: 'cbs',
    },
    {
      areaKind: 'pc4' as const,
      areaCode: r.pc4,
      indicator: 'population',
      period: '2021',
      stratum: `F|${r.ageBand}`,
      value: r.women,
      denominator: null,
      source: 'cbs',
    },
  ]);
  if (req.mode === 'dry-run') return { ...base, ...outcome, status: 'validated' };
  const written = await importRegionalFacts(db, facts, meta);
  return {
    ...base,
    ...outcome,
    batchId: written.batchId,
    status: written.status,
    imported: written.written,
    inserted: written.written,
  };
}
