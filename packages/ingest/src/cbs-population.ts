/**
 * CBS population by postcode area × five-year age band × sex (CBS 83502NED as published in
 * pc4_population_age5_sex_2021.csv): header `postcode,leeftijd,inwoners,inwoners_man,inwoners_vrouw`,
 * counts written as "39925.0" and rounded to 5 by CBS. The file mixes levels: 4-digit postcodes (PC4)
 * are read; 2- and 3-digit aggregates are skipped and counted. Rows without figures (CBS suppresses
 * areas with (almost) no residents) are skipped and counted too.
 */
import type { Localised } from '@kwadrant/domain/model';
import { collect, type CollectOptions, type Item, type ReadSummary, type ValidationResult } from './collect';
import { mapColumns, type ColumnSpec } from './columns';
import { readCsv, type CsvRow } from './csv';
import type { ByteSource, EncodingOption } from './decode';
import { FILE, issue, type IngestIssue } from './issues';
import { numberProblem, parseDecimal, type DecimalPolicy } from './numbers';

import { AGE_BANDS, type AgeBand } from '@kwadrant/domain/model';

export { AGE_BANDS, type AgeBand };

/**
 * How far men + women may differ from the total. CBS rounds each of the three counts to a multiple of
 * 5 independently (by random rounding, each off by less than 5), so the difference is a multiple of 5
 * below 15: at most 10. In the 2021 file 1,001 of 81,180 PC4 rows differ by exactly 10 and none by more.
 */
export const ROUNDING_TOLERANCE = 10;

export interface PopulationRecord {
  row: number;
  /** Four-digit postcode area, "1011" … "9999". */
  pc4: string;
  ageBand: AgeBand;
  men: number;
  women: number;
  total: number;
}

export type PopulationItem = Item<PopulationRecord>;

export interface PopulationSummary extends ReadSummary {
  /** Rows of 2- and 3-digit postcode aggregates, skipped. */
  aggregateRowsSkipped: number;
  /** Rows without figures, skipped. */
  suppressedRows: number;
}

export interface PopulationOptions {
  encoding?: EncodingOption | undefined;
}

type Key = 'postcode' | 'ageBand' | 'total' | 'men' | 'women';

const COLUMNS: readonly ColumnSpec<Key>[] = [
  { key: 'postcode', names: ['postcode', 'pc4'], required: true, label: { nl: 'postcode', en: 'postcode' } },
  {
    key: 'ageBand',
    names: ['leeftijd', 'leeftijdsgroep', 'age'],
    required: true,
    label: { nl: 'leeftijd', en: 'age band' },
  },
  { key: 'total', names: ['inwoners', 'totaal'], required: true, label: { nl: 'inwoners', en: 'residents' } },
  {
    key: 'men',
    names: ['inwoners_man', 'mannen'],
    required: true,
    label: { nl: 'inwoners_man', en: 'men' },
  },
  {
    key: 'women',
    names: ['inwoners_vrouw', 'vrouwen'],
    required: true,
    label: { nl: 'inwoners_vrouw', en: 'women' },
  },
];

const FORMAT: Localised = { nl: 'CBS-bevolkingsbestand per postcode', en: 'CBS population file by postcode' };
const BANDS = new Set<string>(AGE_BANDS);
const COUNT: Localised = { nl: 'het aantal inwoners', en: 'the number of residents' };

class PopulationRows {
  private readonly policy: DecimalPolicy;
  private readonly seen = new Map<string, number>();
  aggregates = 0;
  suppressed = 0;
  suppressedExample = '';

  constructor(
    private readonly index: Record<Key, number>,
    private readonly names: Record<Key, string>,
    private readonly width: number,
    delimiter: ';' | ',',
  ) {
    this.policy = delimiter === ';' ? 'comma-or-point' : 'point';
  }

  private count(key: Key, row: CsvRow, out: IngestIssue[]): number | null {
    const text = row.fields[this.index[key]]!;
    const shown = text.trim();
    const where = { row: row.line, column: this.names[key], value: shown };
    const value = parseDecimal(text, this.policy);
    if (Number.isNaN(value)) {
      const problem = numberProblem(text, this.policy);
      if (problem === 'empty') out.push(issue('missing-value', where, {}));
      else {
        const code = problem === 'thousands' ? 'thousands-separator' : 'not-a-number';
        out.push(
          issue(code as 'not-a-number', where, { value: shown, decimalComma: this.policy !== 'point' }),
        );
      }
      return null;
    }
    if (value < 0) {
      out.push(issue('negative-number', where, { value: shown }));
      return null;
    }
    if (!Number.isInteger(value)) {
      out.push(issue('not-an-integer', where, { value: shown, what: COUNT }));
      return null;
    }
    return value;
  }

  /** The record, 'skipped' for aggregates and suppressed rows, or null when rejected. */
  row(row: CsvRow, out: IngestIssue[]): PopulationRecord | 'skipped' | null {
    if (row.present !== this.width) {
      const where = { row: row.line, column: null, value: null };
      out.push(
        row.last && row.present < this.width
          ? issue('truncated-file', where, { fields: row.present, expected: this.width })
          : issue('wrong-field-count', where, {
              fields: row.present,
              expected: this.width,
              commaFile: false,
            }),
      );
      return null;
    }
    const f = row.fields;
    const postcode = f[this.index.postcode]!.trim();
    if (/^\d{2,3}$/.test(postcode)) {
      this.aggregates++;
      return 'skipped';
    }
    const before = out.length;
    if (!/^[1-9]\d{3}$/.test(postcode)) {
      out.push(
        postcode === ''
          ? issue('missing-value', { row: row.line, column: this.names.postcode, value: '' }, {})
          : issue(
              'bad-postcode',
              { row: row.line, column: this.names.postcode, value: postcode },
              { value: postcode },
            ),
      );
    }
    const band = f[this.index.ageBand]!.trim().replace(/\s+/g, '');
    if (!BANDS.has(band)) {
      const shown = f[this.index.ageBand]!.trim();
      out.push(
        issue('bad-age-band', { row: row.line, column: this.names.ageBand, value: shown }, { value: shown }),
      );
    }
    const texts = [f[this.index.total]!, f[this.index.men]!, f[this.index.women]!];
    if (texts.every((t) => t.trim() === '') && out.length === before) {
      this.suppressed++;
      if (this.suppressedExample === '') this.suppressedExample = postcode;
      return 'skipped';
    }
    const total = this.count('total', row, out);
    const men = this.count('men', row, out);
    const women = this.count('women', row, out);
    if (out.length > before || total === null || men === null || women === null) return null;

    const key = `${postcode}|${band}`;
    const first = this.seen.get(key);
    if (first !== undefined) {
      out.push(
        issue(
          'duplicate-row',
          { row: row.line, column: null, value: null },
          {
            first: { nl: `rij ${first}`, en: `row ${first}` },
            key: `${postcode} × ${band}`,
          },
        ),
      );
      return null;
    }
    this.seen.set(key, row.line);
    if (Math.abs(men + women - total) > ROUNDING_TOLERANCE) {
      out.push(
        issue(
          'sum-mismatch',
          { row: row.line, column: this.names.total, value: f[this.index.total]!.trim() },
          {
            men,
            women,
            total,
            tolerance: ROUNDING_TOLERANCE,
          },
        ),
      );
    }
    return { row: row.line, pc4: postcode, ageBand: band as AgeBand, men, women, total };
  }
}

/**
 * Streams the PC4 × age band records of a CBS population file.
 * @returns an async generator of items; its return value is the `PopulationSummary`.
 */
export async function* readCbsPopulation(
  source: ByteSource,
  options: PopulationOptions = {},
): AsyncGenerator<PopulationItem, PopulationSummary, undefined> {
  const summary: PopulationSummary = {
    rowsRead: 0,
    valid: 0,
    rejected: 0,
    encoding: null,
    delimiter: null,
    aggregateRowsSkipped: 0,
    suppressedRows: 0,
  };
  let rows: PopulationRows | null = null;
  const out: IngestIssue[] = [];
  for await (const event of readCsv(source, { encoding: options.encoding, format: FORMAT })) {
    if (event.kind === 'issue') {
      if (event.rowLost) {
        summary.rowsRead++;
        summary.rejected++;
      }
      yield { kind: 'issue', issue: event.issue };
    } else if (event.kind === 'end') {
      summary.encoding = event.encoding;
    } else if (event.kind === 'start') {
      summary.delimiter = event.delimiter;
      const columns = mapColumns(event.header, COLUMNS, event.headerLine);
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
      rows = new PopulationRows(columns.index, columns.name, event.header.length, event.delimiter);
    } else {
      for (const row of event.rows) {
        summary.rowsRead++;
        const record = rows!.row(row, out);
        for (const entry of out) yield { kind: 'issue', issue: entry };
        out.length = 0;
        if (record === 'skipped') continue;
        if (record) {
          summary.valid++;
          yield { kind: 'record', record };
        } else summary.rejected++;
      }
    }
  }
  if (rows) {
    summary.aggregateRowsSkipped = rows.aggregates;
    summary.suppressedRows = rows.suppressed;
    if (rows.aggregates > 0) {
      yield { kind: 'issue', issue: issue('aggregate-rows-skipped', FILE, { count: rows.aggregates }) };
    }
    if (rows.suppressed > 0) {
      yield {
        kind: 'issue',
        issue: issue('suppressed-figures', FILE, { count: rows.suppressed, example: rows.suppressedExample }),
      };
    }
  }
  return summary;
}

/** Reads a whole CBS population file: PC4 records, issues (up to `maxIssues`) and a summary. */
export function validateCbsPopulation(
  source: ByteSource,
  options: PopulationOptions & CollectOptions = {},
): Promise<ValidationResult<PopulationRecord, PopulationSummary>> {
  return collect(readCbsPopulation(source, options), options);
}
