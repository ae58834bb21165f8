/**
 * Observations CSV: one row per organisation × KPI × quarter with numerator and denominator, optionally
 * expected (standardised ratios) and sum of squares (means). Streamed: a file of millions of rows never
 * sits in memory; only one small number per accepted row is kept, to find duplicates.
 */
import type { KpiDefinition } from '@kwadrant/domain/catalogue';
import type { KpiKind, Localised } from '@kwadrant/domain/model';
import { collect, type CollectOptions, type Item, type ReadSummary, type ValidationResult } from './collect';
import { mapColumns, normaliseHeader, type ColumnMap, type ColumnSpec } from './columns';
import { readCsv, type CsvRow, type Delimiter } from './csv';
import type { ByteSource, EncodingOption } from './decode';
import { belowMinimum, checkFigures, type Figure, type FigurePlace, type Figures } from './figures';
import { issue, type IngestIssue, type IssueCode, type Where } from './issues';
import { numberProblem, parseDecimal, type DecimalPolicy } from './numbers';
import { MIN_YEAR, notationOf, parseQuarter, type QuarterParse } from './period';
import { nearest } from './text';

/** What the caller knows: the KPI catalogue and the organisations by AGB code. */
export interface ObservationContext {
  /** KPI definitions (code → kind and minimum denominator); full `KpiDefinition`s will do. */
  kpis: readonly Pick<KpiDefinition, 'code' | 'kind' | 'minDenominator'>[];
  /** AGB code (8 digits) → organisation id. */
  organisations: ReadonlyMap<string, string>;
}

/** One accepted row. Figures are as in the file; `period` is canonical ("2025-Q3"). */
export interface ObservationRecord {
  /** Line number in the file. */
  row: number;
  organisationId: string;
  /** The AGB code as found in the context (leading zeros restored). */
  organisationCode: string;
  /** The catalogue's spelling of the KPI code. */
  kpiCode: string;
  kind: KpiKind;
  period: string;
  numerator: number;
  denominator: number;
  /** E for standardised ratios; null for other kinds. */
  expected: number | null;
  /** Σx² for means, when given; null otherwise. */
  sumSquares: number | null;
}

export type ObservationItem = Item<ObservationRecord>;

export interface ObservationOptions {
  /** Force an encoding instead of detecting it. */
  encoding?: EncodingOption | undefined;
}

type Key = 'organisation' | 'kpi' | 'period' | 'numerator' | 'denominator' | 'expected' | 'sumSquares';

/** The accepted header names (compared ignoring case, accents, spaces and punctuation). */
export const OBSERVATION_COLUMNS: readonly ColumnSpec<Key>[] = [
  {
    key: 'organisation',
    names: ['agb', 'agb_code', 'organisatie', 'organisation', 'organization', 'org'],
    required: true,
    label: { nl: 'organisatie (AGB-code)', en: 'organisation (AGB code)' },
  },
  {
    key: 'kpi',
    names: ['kpi', 'indicator', 'kpi_code'],
    required: true,
    label: { nl: 'KPI', en: 'KPI' },
  },
  {
    key: 'period',
    names: ['periode', 'period', 'kwartaal', 'quarter'],
    required: true,
    label: { nl: 'periode', en: 'period' },
  },
  {
    key: 'numerator',
    names: ['teller', 'numerator'],
    required: true,
    label: { nl: 'teller', en: 'numerator' },
  },
  {
    key: 'denominator',
    names: ['noemer', 'denominator'],
    required: true,
    label: { nl: 'noemer', en: 'denominator' },
  },
  {
    key: 'expected',
    names: ['verwacht', 'expected', 'e'],
    required: false,
    label: { nl: 'verwacht (E)', en: 'expected (E)' },
  },
  {
    key: 'sumSquares',
    names: ['kwadratensom', 'sum_squares'],
    required: false,
    label: { nl: 'kwadratensom', en: 'sum of squares' },
  },
];

const FORMAT: Localised = { nl: 'CSV-bestand met waarnemingen', en: 'observations CSV file' };

/** Quarters per year × years the domain allows: the period part of a duplicate key. */
const PERIOD_SLOTS = 4 * 1100;
const CACHE_LIMIT = 10_000;

type Kpi = ObservationContext['kpis'][number];

/** Validates rows one by one; keeps only what duplicate detection and once-per-file warnings need. */
class RowValidator implements FigurePlace {
  private readonly width: number;
  private readonly lastRequired: number;
  private readonly policy: DecimalPolicy;
  private readonly kpiByCode = new Map<string, { kpi: Kpi; index: number }>();
  private readonly kpiByKey = new Map<string, { kpi: Kpi; index: number }>();
  private readonly periods = new Map<string, QuarterParse>();
  private readonly orgIndex = new Map<string, number>();
  private readonly seen = new Map<number, number>();
  private readonly warned = new Set<string>();
  private readonly i: Record<Key, number>;

  constructor(
    private readonly context: ObservationContext,
    private readonly columns: ColumnMap<Key>,
    header: readonly string[],
    private readonly delimiter: Delimiter,
  ) {
    this.i = columns.index;
    this.width = header.length;
    this.lastRequired = Math.max(
      ...OBSERVATION_COLUMNS.filter((c) => c.required).map((c) => columns.index[c.key]),
    );
    this.policy = delimiter === ';' ? 'comma-or-point' : 'point';
    context.kpis.forEach((kpi, index) => {
      this.kpiByCode.set(kpi.code, { kpi, index });
      this.kpiByKey.set(kpiKey(kpi.code), { kpi, index });
    });
  }

  private at(key: Key, row: CsvRow, value: string | null): Where {
    return { row: row.line, column: this.columns.name[key], value };
  }

  /** Reused for every row: checkFigures runs synchronously, one row at a time. */
  private readonly figures: Figures = { numerator: 0, denominator: 0, expected: null, sumSquares: null };

  /** The row whose figures `checkFigures` is checking (this validator is its FigurePlace). */
  private current: CsvRow | null = null;

  /** FigurePlace: where a figure of the current row sits; an empty field has no value. */
  whereOf(figure: Figure): Where {
    const shown = this.shown(figure);
    return this.at(figure, this.current!, shown === '' ? null : shown);
  }

  /** FigurePlace: a figure of the current row as written. */
  shown(figure: Figure): string {
    return text(this.current!.fields, this.i[figure]);
  }

  private once(name: string): boolean {
    if (this.warned.has(name)) return false;
    this.warned.add(name);
    return true;
  }

  private kpiFor(text: string): { kpi: Kpi; index: number } | null {
    const exact = this.kpiByCode.get(text);
    if (exact) return exact;
    const key = kpiKey(text);
    return this.kpiByKey.get(key) ?? null;
  }

  private periodFor(text: string): QuarterParse {
    let parsed = this.periods.get(text);
    if (parsed === undefined) {
      parsed = parseQuarter(text);
      if (this.periods.size < CACHE_LIMIT) this.periods.set(text, parsed);
    }
    return parsed;
  }

  /**
   * Reads a number field. Returns the value, null for an empty optional field, or NaN after reporting
   * why the field is unusable.
   */
  private number(key: Key, row: CsvRow, out: IngestIssue[], required: boolean): number | null {
    const index = this.i[key];
    if (index < 0) return null;
    const text = row.fields[index]!;
    const value = parseDecimal(text, this.policy);
    if (!Number.isNaN(value)) return value;
    const problem = numberProblem(text, this.policy);
    if (problem === 'empty') {
      if (!required) return null;
      out.push(issue('missing-value', this.at(key, row, ''), {}));
      return NaN;
    }
    const trimmed = text.trim();
    const decimalComma = this.policy === 'comma-or-point';
    const code: IssueCode = problem === 'thousands' ? 'thousands-separator' : 'not-a-number';
    out.push(issue(code as 'not-a-number', this.at(key, row, trimmed), { value: trimmed, decimalComma }));
    return NaN;
  }

  /** Checks one row; pushes its issues to `out` and returns the record, or null when rejected. */
  row(row: CsvRow, out: IngestIssue[]): ObservationRecord | null {
    const before = out.length;

    if (row.present !== this.width && (row.present <= this.lastRequired || row.present > this.width)) {
      const where = { row: row.line, column: null, value: null };
      if (row.last && row.present < this.width) {
        out.push(issue('truncated-file', where, { fields: row.present, expected: this.width }));
      } else {
        out.push(
          issue('wrong-field-count', where, {
            fields: row.present,
            expected: this.width,
            commaFile: this.delimiter === ',',
          }),
        );
      }
      return null;
    }

    const f = row.fields;
    const i = this.i;

    // Organisation, by AGB code; Excel drops the leading zero of GP codes (01…).
    const orgText = f[i.organisation]!.trim();
    let organisationId: string | undefined;
    let organisationCode = orgText;
    if (orgText === '') out.push(issue('missing-value', this.at('organisation', row, ''), {}));
    else {
      organisationId = this.context.organisations.get(orgText);
      if (organisationId === undefined && /^\d{1,7}$/.test(orgText)) {
        const padded = orgText.padStart(8, '0');
        organisationId = this.context.organisations.get(padded);
        if (organisationId !== undefined) {
          organisationCode = padded;
          if (this.once('agb-leading-zero')) {
            out.push(
              issue('agb-leading-zero', this.at('organisation', row, orgText), { value: orgText, padded }),
            );
          }
        }
      }
      if (organisationId === undefined) {
        out.push(
          issue('unknown-organisation', this.at('organisation', row, orgText), {
            value: orgText,
            eightDigits: /^\d{8}$/.test(orgText),
          }),
        );
      }
    }

    // KPI, by code in any case or punctuation ("dm01" is DM-01).
    const kpiText = f[i.kpi]!.trim();
    const found = kpiText === '' ? null : this.kpiFor(kpiText);
    if (kpiText === '') out.push(issue('missing-value', this.at('kpi', row, ''), {}));
    else if (found === null) {
      const keys = this.context.kpis.map((k) => kpiKey(k.code));
      const close = nearest(kpiKey(kpiText), keys, 1, 1)[0];
      const closest = close === undefined ? null : (this.kpiByKey.get(close)?.kpi.code ?? null);
      out.push(issue('unknown-kpi', this.at('kpi', row, kpiText), { value: kpiText, closest }));
    }

    // Period, in any accepted notation; one warning per notation.
    const periodText = f[i.period]!.trim();
    let period: (QuarterParse & { ok: true }) | null = null;
    if (periodText === '') out.push(issue('missing-value', this.at('period', row, ''), {}));
    else {
      const parsed = this.periodFor(periodText);
      if (!parsed.ok) {
        out.push(
          issue('bad-period', this.at('period', row, periodText), {
            value: periodText,
            reason: parsed.reason,
          }),
        );
      } else {
        period = parsed;
        if (!parsed.canonical && this.once(`period:${notationOf(periodText)}`)) {
          out.push(
            issue('period-normalised', this.at('period', row, periodText), {
              value: periodText,
              canonical: parsed.period,
            }),
          );
        }
      }
    }

    const numerator = this.number('numerator', row, out, true);
    const denominator = this.number('denominator', row, out, true);
    const expectedRaw = this.number('expected', row, out, false);
    const sumSquaresRaw = this.number('sumSquares', row, out, false);

    const kind = found?.kpi.kind;
    const figuresOk =
      numerator !== null && denominator !== null && !Number.isNaN(numerator) && !Number.isNaN(denominator);
    const figures = this.figures;
    figures.expected = null;
    figures.sumSquares = null;
    if (found !== null && figuresOk && !Number.isNaN(expectedRaw) && !Number.isNaN(sumSquaresRaw)) {
      figures.numerator = numerator;
      figures.denominator = denominator;
      figures.expected = expectedRaw;
      figures.sumSquares = sumSquaresRaw;
      this.current = row;
      checkFigures(found.kpi, figures, this, out);
    }
    const { expected, sumSquares } = figures;
    if (kind && kind !== 'ratio' && expectedRaw !== null && !Number.isNaN(expectedRaw)) {
      if (this.once('expected-ignored')) {
        out.push(
          issue('value-ignored', this.at('expected', row, text(f, i.expected)), {
            kinds: { nl: 'gestandaardiseerde ratio’s', en: 'standardised ratios' },
          }),
        );
      }
    }
    if (kind && kind !== 'mean' && sumSquaresRaw !== null && !Number.isNaN(sumSquaresRaw)) {
      if (this.once('sum-squares-ignored')) {
        out.push(
          issue('value-ignored', this.at('sumSquares', row, text(f, i.sumSquares)), {
            kinds: { nl: 'gemiddelden', en: 'means' },
          }),
        );
      }
    }

    if (
      hasError(out, before) ||
      organisationId === undefined ||
      found === null ||
      period === null ||
      !figuresOk
    ) {
      return null;
    }

    // Duplicates: organisation × KPI × quarter, as one number per accepted row.
    let org = this.orgIndex.get(organisationId);
    if (org === undefined) {
      org = this.orgIndex.size;
      this.orgIndex.set(organisationId, org);
    }
    const slot = (period.year - MIN_YEAR) * 4 + period.quarter - 1;
    const key = (org * this.context.kpis.length + found.index) * PERIOD_SLOTS + slot;
    const first = this.seen.get(key);
    if (first !== undefined) {
      out.push(
        issue(
          'duplicate-row',
          { row: row.line, column: null, value: null },
          {
            first: { nl: `rij ${first}`, en: `row ${first}` },
            key: `${organisationCode} × ${found.kpi.code} × ${period.period}`,
          },
        ),
      );
      return null;
    }
    this.seen.set(key, row.line);

    const small = belowMinimum(
      found.kpi,
      denominator,
      this.at('denominator', row, text(f, i.denominator)),
      text(f, i.denominator),
    );
    if (small) out.push(small);

    return {
      row: row.line,
      organisationId,
      organisationCode,
      kpiCode: found.kpi.code,
      kind: found.kpi.kind,
      period: period.period,
      numerator,
      denominator,
      expected,
      sumSquares,
    };
  }
}

function hasError(out: readonly IngestIssue[], from: number): boolean {
  for (let k = from; k < out.length; k++) if (out[k]!.severity === 'error') return true;
  return false;
}

const text = (fields: readonly string[], index: number): string => (index < 0 ? '' : fields[index]!.trim());

/** "dm-01", "DM01" and "DM 01" all find DM-01. */
const kpiKey = (code: string): string => normaliseHeader(code);

/**
 * Streams the records and issues of an observations CSV.
 * @param source the file's bytes, in chunks (a Node stream, a web stream, an array…).
 * @param context KPI definitions and organisations by AGB code.
 * @returns an async generator of `{ kind: 'record' }` and `{ kind: 'issue' }` items, issues of a row
 * before its record; its return value is the `ReadSummary`.
 */
export async function* readObservations(
  source: ByteSource,
  context: ObservationContext,
  options: ObservationOptions = {},
): AsyncGenerator<ObservationItem, ReadSummary, undefined> {
  const summary: ReadSummary = { rowsRead: 0, valid: 0, rejected: 0, encoding: null, delimiter: null };
  let validator: RowValidator | null = null;
  const out: IngestIssue[] = [];
  for await (const event of readCsv(source, { encoding: options.encoding, format: FORMAT })) {
    switch (event.kind) {
      case 'issue':
        if (event.rowLost) {
          summary.rowsRead++;
          summary.rejected++;
        }
        yield { kind: 'issue', issue: event.issue };
        break;
      case 'end':
        summary.encoding = event.encoding;
        break;
      case 'start': {
        summary.delimiter = event.delimiter;
        const columns = mapColumns(event.header, OBSERVATION_COLUMNS, event.headerLine);
        for (const error of columns.errors) yield { kind: 'issue', issue: error };
        if (columns.errors.length > 0) return summary;
        if (columns.unknown.length > 0) {
          yield {
            kind: 'issue',
            issue: issue(
              'unknown-column',
              { row: event.headerLine, column: null, value: null },
              {
                columns: columns.unknown.map((u) => u.name),
              },
            ),
          };
        }
        validator = new RowValidator(context, columns, event.header, event.delimiter);
        break;
      }
      case 'rows':
        for (const row of event.rows) {
          summary.rowsRead++;
          const record = validator!.row(row, out);
          if (out.length > 0) {
            for (const entry of out) yield { kind: 'issue', issue: entry };
            out.length = 0;
          }
          if (record) {
            summary.valid++;
            yield { kind: 'record', record };
          } else summary.rejected++;
        }
        break;
    }
  }
  return summary;
}

/**
 * Reads a whole observations CSV and returns its records, issues (up to `maxIssues`) and a summary
 * (rows read, valid, rejected, issue counts, encoding and delimiter).
 */
export function validateObservations(
  source: ByteSource,
  context: ObservationContext,
  options: ObservationOptions & CollectOptions = {},
): Promise<ValidationResult<ObservationRecord>> {
  return collect(readObservations(source, context, options), options);
}
