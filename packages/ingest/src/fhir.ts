/**
 * FHIR R4 MeasureReport in and out (hl7.org/fhir/R4/measurereport.html).
 *
 * Import: individual and summary reports, alone or in a Bundle (collection, searchset, transaction), as
 * JSON. The KPI is the last segment of the `measure` canonical (https://kwadrant.nl/fhir/Measure/DM-01),
 * or an identifier of a Measure in the same Bundle; the organisation is the AGB identifier of the subject
 * (summary) or reporter (individual); the period must be exactly one calendar quarter; the figures are
 * the group's populations numerator and denominator (HL7 measure-population codes). Individual reports
 * are summed per organisation × KPI × quarter. A report with only a measureScore is refused: Kwadrant
 * computes from counts.
 *
 * Export: `toMeasureReports` writes a collection Bundle of summary reports that imports to the same
 * figures. FHIR's population.count is an integer; person-years, euros and sums of scores that are not
 * whole go in a Kwadrant extension (valueDecimal) instead.
 */
import type { KpiDefinition } from '@kwadrant/domain/catalogue';
import {
  isAgbCode,
  isPeriod,
  parsePeriod,
  periodEndDate,
  periodStartDate,
  type KpiKind,
  type Localised,
} from '@kwadrant/domain/model';
import { estimate } from '@kwadrant/domain/stats';
import { z } from 'zod';
import { belowMinimum, checkFigures, type Figure } from './figures';
import { issue, type IngestIssue, type Where } from './issues';
import type { ObservationContext, ObservationRecord } from './observations';

export const AGB_SYSTEM = 'http://fhir.nl/fhir/NamingSystem/agb-z';
/** The AGB-Z register's OID, used by older Dutch FHIR profiles. */
export const AGB_OID = 'urn:oid:2.16.840.1.113883.2.4.6.1';
export const MEASURE_BASE = 'https://kwadrant.nl/fhir/Measure/';
export const POPULATION_SYSTEM = 'http://terminology.hl7.org/CodeSystem/measure-population';
/** Populations that HL7 does not define: expected (E) for standardised ratios, Σx² for means. */
export const KWADRANT_POPULATION_SYSTEM = 'https://kwadrant.nl/fhir/CodeSystem/measure-population';
/** A population's value when it is not a whole number (FHIR's count is an integer). */
export const POPULATION_VALUE_EXTENSION = 'https://kwadrant.nl/fhir/StructureDefinition/population-value';
const IMPROVEMENT_SYSTEM = 'http://terminology.hl7.org/CodeSystem/measure-improvement-notation';
const UCUM = 'http://unitsofmeasure.org';

// ---------------------------------------------------------------------------------------------
// Shapes (only what Kwadrant reads; everything else passes through)

const identifier = z.looseObject({ system: z.string().optional(), value: z.string().optional() });
const reference = z.looseObject({
  reference: z.string().optional(),
  identifier: identifier.optional(),
  display: z.string().optional(),
});
const coding = z.looseObject({
  system: z.string().optional(),
  code: z.string().optional(),
  display: z.string().optional(),
});
const concept = z.looseObject({ coding: z.array(coding).optional(), text: z.string().optional() });
const extension = z.looseObject({ url: z.string(), valueDecimal: z.number().optional() });
const population = z.looseObject({
  code: concept.optional(),
  count: z.number().int().nonnegative().optional(),
  extension: z.array(extension).optional(),
});
const quantity = z.looseObject({
  value: z.number().optional(),
  unit: z.string().optional(),
  system: z.string().optional(),
  code: z.string().optional(),
});
const group = z.looseObject({
  code: concept.optional(),
  population: z.array(population).optional(),
  measureScore: quantity.optional(),
});

/** The parts of an R4 MeasureReport Kwadrant reads. */
export const measureReportSchema = z.looseObject({
  resourceType: z.literal('MeasureReport'),
  id: z.string().optional(),
  status: z.enum(['complete', 'pending', 'error']),
  type: z.enum(['individual', 'subject-list', 'summary', 'data-collection']),
  measure: z.string().min(1),
  subject: reference.optional(),
  date: z.string().optional(),
  reporter: reference.optional(),
  period: z.looseObject({ start: z.string().optional(), end: z.string().optional() }),
  improvementNotation: concept.optional(),
  group: z.array(group).optional(),
});
export type MeasureReport = z.infer<typeof measureReportSchema>;

const measureSchema = z.looseObject({
  resourceType: z.literal('Measure'),
  url: z.string().optional(),
  identifier: z.array(identifier).optional(),
});

const bundleSchema = z.looseObject({
  resourceType: z.literal('Bundle'),
  type: z.string(),
  entry: z
    .array(
      z.looseObject({
        fullUrl: z.string().optional(),
        resource: z.looseObject({ resourceType: z.string() }).optional(),
      }),
    )
    .optional(),
});

/** A Bundle as `toMeasureReports` writes it. */
export interface MeasureReportBundle {
  resourceType: 'Bundle';
  type: 'collection';
  timestamp: string;
  entry: { fullUrl: string; resource: MeasureReport }[];
}

// ---------------------------------------------------------------------------------------------
// Import

/** An observation read from a MeasureReport; `path` locates the (first) report in the JSON. */
export interface MeasureReportRecord extends Omit<ObservationRecord, 'row'> {
  path: string;
  /** How many reports make up this record: 1 for a summary, n for n individual reports. */
  reports: number;
}

export interface MeasureReportImport {
  records: MeasureReportRecord[];
  issues: IngestIssue[];
  summary: { reports: number; valid: number; rejected: number; errors: number; warnings: number };
}

const ACCEPTED_BUNDLES = new Set(['collection', 'searchset', 'transaction']);

type PathPart = string | number;

/** ["entry", 3, "resource"] → "entry[3].resource". */
function pathOf(parts: readonly PropertyKey[]): string {
  return parts.reduce<string>((acc, part) => {
    if (typeof part === 'number') return `${acc}[${part}]`;
    return acc === '' ? String(part) : `${acc}.${String(part)}`;
  }, '');
}

const TYPE_NAMES: Record<string, Localised> = {
  string: { nl: 'tekst', en: 'a string' },
  number: { nl: 'een getal', en: 'a number' },
  int: { nl: 'een geheel getal', en: 'a whole number' },
  array: { nl: 'een lijst', en: 'an array' },
  object: { nl: 'een object', en: 'an object' },
};

function zodIssues(error: z.ZodError, base: readonly PathPart[], value: unknown): IngestIssue[] {
  return error.issues.map((entry) => {
    const path = pathOf([...base, ...entry.path]);
    let found: unknown = value;
    for (const part of entry.path) {
      found =
        found !== null && typeof found === 'object'
          ? (found as Record<PropertyKey, unknown>)[part]
          : undefined;
    }
    let expected: Localised;
    if (entry.code === 'invalid_type') {
      expected = TYPE_NAMES[entry.expected] ?? { nl: entry.expected, en: entry.expected };
      if (found === undefined)
        expected = { nl: `${expected.nl} (ontbreekt)`, en: `${expected.en} (missing)` };
    } else if (entry.code === 'invalid_value') {
      const values = entry.values.map((v) => JSON.stringify(v)).join(' | ');
      expected = { nl: `een van ${values}`, en: `one of ${values}` };
    } else if (entry.code === 'too_small') {
      expected = { nl: 'een grotere waarde (≥ 0, niet leeg)', en: 'a larger value (≥ 0, not empty)' };
    } else {
      expected = { nl: 'een geldige waarde', en: `a valid value (${entry.message})` };
    }
    const shown = found === undefined ? null : truncate(JSON.stringify(found));
    return issue('invalid-resource', { row: null, column: path, value: shown }, { expected });
  });
}

const truncate = (text: string): string => (text.length > 200 ? `${text.slice(0, 197)}…` : text);

function parseJson(input: unknown): { ok: true; value: unknown } | { ok: false; issue: IngestIssue } {
  if (typeof input !== 'string' && !(input instanceof Uint8Array)) return { ok: true, value: input };
  const text = typeof input === 'string' ? input : new TextDecoder('utf-8').decode(input);
  try {
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, '')) as unknown };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const position = /position (\d+)/.exec(message);
    const line = position ? text.slice(0, Number(position[1])).split('\n').length : null;
    const detail = line === null ? message : `${message}; line ${line}`;
    return { ok: false, issue: issue('invalid-json', { row: line, column: null, value: null }, { detail }) };
  }
}

function agbOf(ref: z.infer<typeof reference> | undefined): string | null {
  const id = ref?.identifier;
  if (!id?.value) return null;
  return id.system === AGB_SYSTEM || id.system === AGB_OID ? id.value.trim() : null;
}

/** A FHIR date or dateTime as [year, month, day]; a partial date takes its first (start) or last (end) day. */
function dateParts(text: string, edge: 'start' | 'end'): [number, number, number] | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T.*)?$/.exec(text.trim());
  if (!match) return null;
  const year = Number(match[1]);
  const month = match[2] === undefined ? (edge === 'start' ? 1 : 12) : Number(match[2]);
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = match[3] === undefined ? (edge === 'start' ? 1 : lastDay) : Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > lastDay) return null;
  return [year, month, day];
}

/** The quarter a period covers exactly, e.g. 2025-07-01 … 2025-09-30 → "2025-Q3"; null otherwise. */
export function quarterOfFhirPeriod(start: string, end: string): string | null {
  const from = dateParts(start, 'start');
  const to = dateParts(end, 'end');
  if (!from || !to) return null;
  const [year, month, day] = from;
  if (day !== 1 || (month - 1) % 3 !== 0) return null;
  const quarter = `${year}-Q${(month - 1) / 3 + 1}`;
  if (!isPeriod(quarter)) return null;
  const last = periodEndDate(quarter);
  const toText = `${to[0]}-${String(to[1]).padStart(2, '0')}-${String(to[2]).padStart(2, '0')}`;
  return toText === last ? quarter : null;
}

interface Counts {
  /** Index of the first population with each code, for paths in messages. */
  index: Map<string, number>;
  numerator: number | null;
  denominator: number | null;
  expected: number | null;
  sumSquares: number | null;
  excluded: boolean;
}

/** Reads the populations of a group: count, or the decimal extension when the value is not whole. */
function countsOf(populations: z.infer<typeof population>[]): Counts {
  const values = new Map<string, number>();
  const index = new Map<string, number>();
  for (const [position, entry] of populations.entries()) {
    const code = entry.code?.coding?.find(
      (c) =>
        c.system === undefined || c.system === POPULATION_SYSTEM || c.system === KWADRANT_POPULATION_SYSTEM,
    )?.code;
    if (code === undefined) continue;
    const decimal = entry.extension?.find((e) => e.url === POPULATION_VALUE_EXTENSION)?.valueDecimal;
    const value = entry.count ?? decimal;
    if (value === undefined) continue;
    values.set(code, (values.get(code) ?? 0) + value);
    if (!index.has(code)) index.set(code, position);
  }
  const numerator = values.get('numerator');
  const denominator = values.get('denominator');
  const numeratorExclusion = values.get('numerator-exclusion') ?? 0;
  const denominatorOut =
    (values.get('denominator-exclusion') ?? 0) + (values.get('denominator-exception') ?? 0);
  return {
    index,
    numerator: numerator === undefined ? null : numerator - numeratorExclusion,
    denominator: denominator === undefined ? null : denominator - denominatorOut,
    expected: values.get('expected') ?? null,
    sumSquares: values.get('sum-squares') ?? null,
    excluded: numeratorExclusion + denominatorOut > 0,
  };
}

/** Decimal places of a reported number, for a fair comparison with the computed one. */
function decimalsOf(value: number): number {
  const text = String(value);
  if (/e/i.test(text)) return 12;
  const point = text.indexOf('.');
  return point < 0 ? 0 : text.length - point - 1;
}

type Kpi = ObservationContext['kpis'][number];

interface Pending {
  record: MeasureReportRecord;
  kpi: Kpi;
  individual: boolean;
  /** Population index per code in the (first) report. */
  populations: Map<string, number>;
}

/**
 * Reads FHIR R4 MeasureReports (JSON text, bytes or an already parsed object): a report on its own or a
 * Bundle of them. Issues carry the JSON path in `column`.
 * @param context KPI definitions and organisations by AGB code, as for the observations CSV.
 */
export function importMeasureReports(input: unknown, context: ObservationContext): MeasureReportImport {
  const issues: IngestIssue[] = [];
  const summary = { reports: 0, valid: 0, rejected: 0, errors: 0, warnings: 0 };
  const finish = (records: MeasureReportRecord[]): MeasureReportImport => {
    for (const entry of issues) {
      if (entry.severity === 'error') summary.errors++;
      else summary.warnings++;
    }
    summary.valid = records.length;
    return { records, issues, summary };
  };

  const parsed = parseJson(input);
  if (!parsed.ok) {
    issues.push(parsed.issue);
    return finish([]);
  }
  const root = parsed.value;
  const resourceType =
    root !== null && typeof root === 'object' ? (root as { resourceType?: unknown }).resourceType : undefined;

  // Which reports to read, with their path; Measures in a Bundle, for identifiers.
  const reports: { value: unknown; path: PathPart[] }[] = [];
  const measures = new Map<string, string[]>();
  if (resourceType === 'Bundle') {
    const bundle = bundleSchema.safeParse(root);
    if (!bundle.success) {
      issues.push(...zodIssues(bundle.error, [], root));
      return finish([]);
    }
    if (!ACCEPTED_BUNDLES.has(bundle.data.type)) {
      issues.push(
        issue(
          'unsupported-bundle-type',
          { row: null, column: 'type', value: bundle.data.type },
          { type: bundle.data.type },
        ),
      );
      return finish([]);
    }
    (bundle.data.entry ?? []).forEach((entry, index) => {
      const resource = entry.resource;
      if (resource?.resourceType === 'MeasureReport')
        reports.push({ value: resource, path: ['entry', index, 'resource'] });
      else if (resource?.resourceType === 'Measure') {
        const measure = measureSchema.safeParse(resource);
        if (measure.success && measure.data.url) {
          measures.set(
            measure.data.url,
            (measure.data.identifier ?? []).flatMap((id) => (id.value ? [id.value] : [])),
          );
        }
      }
    });
  } else if (resourceType === 'MeasureReport') {
    reports.push({ value: root, path: [] });
  } else {
    const type = typeof resourceType === 'string' ? resourceType : '';
    issues.push(
      issue(
        'unsupported-resource',
        { row: null, column: 'resourceType', value: type || null },
        { resourceType: type },
      ),
    );
    return finish([]);
  }

  const kpiByKey = new Map<string, Kpi>();
  for (const kpi of context.kpis) kpiByKey.set(kpiKey(kpi.code), kpi);
  const kpiOf = (measure: string): Kpi | null => {
    const canonical = measure.split('|')[0]!.trim();
    for (const id of measures.get(canonical) ?? []) {
      const kpi = kpiByKey.get(kpiKey(id));
      if (kpi) return kpi;
    }
    const last = canonical.split(/[/:#]/).pop() ?? '';
    return kpiByKey.get(kpiKey(last)) ?? null;
  };

  const pending = new Map<string, Pending>();
  const order: string[] = [];
  let exclusionsWarned = false;

  for (const { value, path } of reports) {
    summary.reports++;
    const where = (...rest: PathPart[]): Where => ({
      row: null,
      column: pathOf([...path, ...rest]) || null,
      value: null,
    });
    const before = issues.length;
    const report = measureReportSchema.safeParse(value);
    if (!report.success) {
      issues.push(...zodIssues(report.error, path, value));
      summary.rejected++;
      continue;
    }
    const r = report.data;
    if (r.status === 'error') issues.push(issue('report-in-error', where('status'), {}));
    else if (r.status === 'pending') issues.push(issue('report-pending', where('status'), {}));
    if (r.type === 'data-collection') {
      issues.push(issue('unsupported-report-type', { ...where('type'), value: r.type }, { type: r.type }));
    }

    const kpi = kpiOf(r.measure);
    if (!kpi)
      issues.push(
        issue('unknown-kpi', { ...where('measure'), value: r.measure }, { value: r.measure, closest: null }),
      );

    const individual = r.type === 'individual';
    // A summary is about its subject (the organisation); an individual report's subject is a patient,
    // so the organisation is its reporter. Either falls back to the other.
    const [primary, fallback] = individual
      ? (['reporter', 'subject'] as const)
      : (['subject', 'reporter'] as const);
    const agbPath = agbOf(r[primary]) !== null ? primary : fallback;
    const agb = agbOf(r[agbPath]);
    const organisationId = agb === null ? undefined : context.organisations.get(agb);
    if (agb === null) issues.push(issue('missing-organisation', where(primary), {}));
    else if (organisationId === undefined) {
      issues.push(
        issue(
          'unknown-organisation',
          { ...where(agbPath, 'identifier', 'value'), value: agb },
          {
            value: agb,
            eightDigits: isAgbCode(agb),
          },
        ),
      );
    }

    let period: string | null = null;
    const { start, end } = r.period;
    if (start === undefined) issues.push(issue('missing-value', where('period', 'start'), {}));
    if (end === undefined) issues.push(issue('missing-value', where('period', 'end'), {}));
    if (start !== undefined && end !== undefined) {
      period = quarterOfFhirPeriod(start, end);
      if (period === null) {
        const shown = `${start} – ${end}`;
        issues.push(
          issue(
            'bad-period',
            { ...where('period'), value: shown },
            { value: shown, reason: 'not-a-quarter' },
          ),
        );
      }
    }

    const groups = r.group ?? [];
    const first = groups[0];
    if (groups.length > 1)
      issues.push(issue('extra-groups-ignored', where('group'), { count: groups.length - 1 }));
    const counts = countsOf(first?.population ?? []);
    if (counts.numerator === null || counts.denominator === null) {
      issues.push(
        issue('missing-counts', where('group', 0), { hasScore: first?.measureScore?.value !== undefined }),
      );
    }
    if (counts.excluded && !exclusionsWarned) {
      exclusionsWarned = true;
      issues.push(issue('exclusions-applied', where('group', 0, 'population'), {}));
    }

    if (hasError(issues, before) || !kpi || organisationId === undefined || period === null) {
      summary.rejected++;
      continue;
    }
    const numerator = counts.numerator!;
    const denominator = counts.denominator!;
    // An individual report of a mean holds one patient's score: its square adds to Σx².
    const sumSquares =
      counts.sumSquares ??
      (individual && kpi.kind === 'mean' && denominator === 1 ? numerator * numerator : null);

    const key = `${organisationId}|${kpi.code}|${period}`;
    const existing = pending.get(key);
    if (existing && existing.individual && individual) {
      const sum = existing.record;
      sum.numerator += numerator;
      sum.denominator += denominator;
      if (sum.expected !== null || counts.expected !== null)
        sum.expected = (sum.expected ?? 0) + (counts.expected ?? 0);
      sum.sumSquares = sum.sumSquares !== null && sumSquares !== null ? sum.sumSquares + sumSquares : null;
      sum.reports++;
      continue;
    }
    if (existing) {
      issues.push(
        issue('duplicate-row', where(), {
          first: {
            nl: existing.record.path || 'het eerste rapport',
            en: existing.record.path || 'the first report',
          },
          key: `${agb} × ${kpi.code} × ${period}`,
        }),
      );
      summary.rejected++;
      continue;
    }
    const record: MeasureReportRecord = {
      path: pathOf(path),
      reports: 1,
      organisationId,
      organisationCode: agb!,
      kpiCode: kpi.code,
      kind: kpi.kind,
      period,
      numerator,
      denominator,
      expected: counts.expected,
      sumSquares,
    };
    pending.set(key, { record, kpi, individual, populations: counts.index });
    order.push(key);
    if (!individual && first?.measureScore?.value !== undefined) {
      checkScore(first.measureScore, kpi, record, where('group', 0, 'measureScore', 'value'), issues);
    }
  }

  // Rules on the (summed) figures, once per record.
  const records: MeasureReportRecord[] = [];
  for (const key of order) {
    const { record, kpi, populations } = pending.get(key)!;
    const out: IngestIssue[] = [];
    const at = (figure: Figure): Where => {
      const position = populations.get(POPULATION_CODE[figure]);
      const inGroup = position === undefined ? 'group[0].population' : `group[0].population[${position}]`;
      return {
        row: null,
        column: record.path === '' ? inGroup : `${record.path}.${inGroup}`,
        value: figureValue(record, figure),
      };
    };
    // The record's own figures are checked, and expected / sumSquares kept only where the kind uses them.
    checkFigures(kpi, record, { whereOf: at, shown: (figure) => figureValue(record, figure) ?? '' }, out);
    issues.push(...out);
    if (hasError(out, 0)) {
      summary.rejected++;
      continue;
    }
    const small = belowMinimum(kpi, record.denominator, at('denominator'), String(record.denominator));
    if (small) issues.push(small);
    records.push(record);
  }
  return finish(records);
}

const POPULATION_CODE: Record<Figure, string> = {
  numerator: 'numerator',
  denominator: 'denominator',
  expected: 'expected',
  sumSquares: 'sum-squares',
};

function figureValue(record: MeasureReportRecord, figure: Figure): string | null {
  const value = record[figure];
  return value === null ? null : String(value);
}

function hasError(issues: readonly IngestIssue[], from: number): boolean {
  for (let k = from; k < issues.length; k++) if (issues[k]!.severity === 'error') return true;
  return false;
}

const kpiKey = (code: string): string => code.toLowerCase().replace(/[^a-z0-9]+/g, '');

/** Warns when a reported score does not follow from the counts (on the 0–1 or the display scale). */
function checkScore(
  score: z.infer<typeof quantity>,
  kpi: Kpi & { multiplier?: number },
  record: MeasureReportRecord,
  where: Where,
  issues: IngestIssue[],
): void {
  const reported = score.value!;
  const base = record.kind === 'ratio' ? (record.expected ?? record.denominator) : record.denominator;
  if (!(base > 0)) return;
  const raw = record.numerator / base;
  const multiplier = kpi.multiplier ?? DISPLAY_MULTIPLIER[record.kind];
  const tolerance = 0.5 * 10 ** -decimalsOf(reported) + 1e-9 * Math.abs(reported);
  const candidates = [raw, raw * multiplier];
  if (candidates.some((c) => Math.abs(c - reported) <= tolerance)) return;
  const percent = score.unit === '%' || score.code === '%';
  const computed = percent || reported > 1 ? raw * multiplier : raw;
  issues.push(
    issue(
      'score-mismatch',
      { ...where, value: String(reported) },
      {
        reported,
        computed: Number(computed.toPrecision(6)),
        unit: percent ? ' %' : '',
      },
    ),
  );
}

const DISPLAY_MULTIPLIER: Record<KpiKind, number> = { proportion: 100, rate: 1000, ratio: 1, mean: 1 };

// ---------------------------------------------------------------------------------------------
// Export

/** The figures of one observation to export. */
export interface ExportObservation {
  kpiCode: string;
  /** A quarter, "2025-Q3". */
  period: string;
  numerator: number;
  denominator: number;
  expected?: number | null | undefined;
  sumSquares?: number | null | undefined;
  /** When given, must be the exporting organisation's id. */
  organisationId?: string | undefined;
}

export interface ExportOptions {
  kpis: readonly KpiDefinition[];
  organisation: { id: string; agbCode: string; name: string };
  /** Time of generation (ISO 8601 or a Date): the Bundle's timestamp and each report's date. */
  generatedAt: string | Date;
}

function populationEntry(code: string, value: number, system = POPULATION_SYSTEM): Record<string, unknown> {
  const entry: Record<string, unknown> = { code: { coding: [{ system, code }] } };
  if (Number.isInteger(value) && value >= 0) entry.count = value;
  else entry.extension = [{ url: POPULATION_VALUE_EXTENSION, valueDecimal: value }];
  return entry;
}

/** The score on the KPI's display scale (12.3 %, 64.1 per 1,000), rounded for reading. */
function measureScore(kpi: KpiDefinition, observation: ExportObservation): Record<string, unknown> {
  const { value } = estimate(
    kpi.kind,
    {
      numerator: observation.numerator,
      denominator: observation.denominator,
      expected: observation.expected ?? undefined,
      sumSquares: observation.sumSquares ?? undefined,
    },
    { confidence: 0.95, multiplier: kpi.kind === 'rate' ? kpi.multiplier : undefined },
  );
  // estimate gives proportions on 0–1 and rates already per multiplier.
  const display = kpi.kind === 'proportion' ? value * kpi.multiplier : value;
  const decimals = kpi.kind === 'ratio' || kpi.kind === 'mean' ? 3 : 2;
  const rounded = Number(display.toFixed(decimals));
  if (kpi.kind === 'proportion' && kpi.multiplier === 100) {
    return { value: rounded, unit: '%', system: UCUM, code: '%' };
  }
  if (kpi.kind === 'ratio') return { value: rounded, unit: kpi.unit.en, system: UCUM, code: '1' };
  return { value: rounded, unit: kpi.unit.en };
}

/**
 * Writes observations of one organisation as a FHIR R4 Bundle (type collection) of summary
 * MeasureReports: status complete, the measure canonical, the organisation's AGB as subject and
 * reporter, the quarter as period, the populations and the score on the KPI's display scale with unit.
 * Throws a RangeError for an unknown KPI, a period that is not a quarter, another organisation's
 * observation, an invalid AGB code or figures that are not finite.
 */
export function toMeasureReports(
  observations: readonly ExportObservation[],
  options: ExportOptions,
): MeasureReportBundle {
  const { organisation } = options;
  if (!isAgbCode(organisation.agbCode)) {
    throw new RangeError(`toMeasureReports: AGB code "${organisation.agbCode}" must be 8 digits`);
  }
  const generatedAt =
    options.generatedAt instanceof Date ? options.generatedAt.toISOString() : options.generatedAt;
  const kpis = new Map(options.kpis.map((k) => [k.code, k]));
  const org = { identifier: { system: AGB_SYSTEM, value: organisation.agbCode }, display: organisation.name };

  const entry = observations.map((observation, index) => {
    const kpi = kpis.get(observation.kpiCode);
    if (!kpi)
      throw new RangeError(`toMeasureReports: observations[${index}]: unknown KPI "${observation.kpiCode}"`);
    if (!isPeriod(observation.period) || parsePeriod(observation.period).kind !== 'quarter') {
      throw new RangeError(
        `toMeasureReports: observations[${index}]: "${observation.period}" is not a quarter`,
      );
    }
    if (observation.organisationId !== undefined && observation.organisationId !== organisation.id) {
      throw new RangeError(
        `toMeasureReports: observations[${index}] belongs to "${observation.organisationId}", not "${organisation.id}"`,
      );
    }
    const figures = [
      observation.numerator,
      observation.denominator,
      observation.expected,
      observation.sumSquares,
    ];
    if (figures.some((f) => f !== null && f !== undefined && !Number.isFinite(f))) {
      throw new RangeError(`toMeasureReports: observations[${index}]: figures must be finite`);
    }
    const populations = [
      populationEntry('numerator', observation.numerator),
      populationEntry('denominator', observation.denominator),
    ];
    if (kpi.kind === 'ratio' && observation.expected !== null && observation.expected !== undefined) {
      populations.push(populationEntry('expected', observation.expected, KWADRANT_POPULATION_SYSTEM));
    }
    if (kpi.kind === 'mean' && observation.sumSquares !== null && observation.sumSquares !== undefined) {
      populations.push(populationEntry('sum-squares', observation.sumSquares, KWADRANT_POPULATION_SYSTEM));
    }
    const id = `${organisation.agbCode}-${kpi.code}-${observation.period}`;
    const report: Record<string, unknown> = {
      resourceType: 'MeasureReport',
      id,
      status: 'complete',
      type: 'summary',
      measure: `${MEASURE_BASE}${kpi.code}`,
      subject: org,
      date: generatedAt,
      reporter: org,
      period: { start: periodStartDate(observation.period), end: periodEndDate(observation.period) },
      group: [{ population: populations, measureScore: measureScore(kpi, observation) }],
    };
    if (kpi.polarity !== 'none') {
      report.improvementNotation = {
        coding: [{ system: IMPROVEMENT_SYSTEM, code: kpi.polarity === 'higher' ? 'increase' : 'decrease' }],
      };
    }
    return { fullUrl: `https://kwadrant.nl/fhir/MeasureReport/${id}`, resource: report as MeasureReport };
  });
  return { resourceType: 'Bundle', type: 'collection', timestamp: generatedAt, entry };
}
