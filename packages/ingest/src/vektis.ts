/**
 * Vektis Open Databestand Zorgverzekeringswet, municipality level: one row per municipality × sex × age
 * class with the number of insured, insured-years and costs per care type in euros (KOSTEN_* columns,
 * about 22, varying by year). ';'-separated; older years latin-1; no year column (the year comes from an
 * option or the published file name); municipality names in upper case in Vektis' own spelling.
 */
import type { Localised } from '@kwadrant/domain/model';
import { collect, type CollectOptions, type Item, type ReadSummary, type ValidationResult } from './collect';
import { mapColumns, normaliseHeader, type ColumnSpec } from './columns';
import { readCsv, type CsvRow } from './csv';
import type { ByteSource, EncodingOption } from './decode';
import { FILE, issue, type IngestIssue, type Where } from './issues';
import {
  createMunicipalityMatcher,
  normaliseMunicipalityName,
  type Municipality,
  type MunicipalityMatcher,
} from './municipalities';
import { numberProblem, parseDecimal, type DecimalPolicy } from './numbers';

export interface VektisContext {
  /** The municipalities to match names to: CBS code and 2025 name. */
  municipalities: readonly Municipality[];
}

export interface VektisOptions {
  /** The year of the data; wins over a year in the file name. */
  year?: number | undefined;
  /** The file's name as published, e.g. "Vektis Open Databestand Zorgverzekeringswet 2015 - gemeente.csv". */
  fileName?: string | undefined;
  encoding?: EncodingOption | undefined;
}

/** One row of the Vektis file. */
export interface VektisRecord {
  row: number;
  year: number;
  /** CBS code of the 2025 municipality the name belongs to; null when it could not be matched. */
  municipalityCode: string | null;
  /** The name as written in the file, e.g. "S GRAVENHAGE". */
  municipalityName: string;
  sex: 'M' | 'F';
  ageFrom: number;
  /** Inclusive; null for the open class ("90 jaar en ouder"). */
  ageTo: number | null;
  /** The age class as written in the file, e.g. " 0 t/m  4 jaar". */
  ageClass: string;
  /** AANTAL_BSN: number of insured persons. */
  insured: number;
  /** AANTAL_VERZEKERDEJAREN: insured-years. */
  insuredYears: number;
  /** Euros per care type, keyed by the column name without KOSTEN_, lower case (e.g. 'farmacie'). */
  costs: Record<string, number>;
}

export type VektisItem = Item<VektisRecord>;

/** Municipality names that could not be matched, with how often they occurred. */
export interface UnmatchedMunicipality {
  name: string;
  rows: number;
  firstRow: number;
}

export interface VektisSummary extends ReadSummary {
  year: number | null;
  /** The care types (KOSTEN_ columns) found, in file order. */
  careTypes: string[];
  unmatched: UnmatchedMunicipality[];
}

type Key = 'sex' | 'ageClass' | 'municipality' | 'insured' | 'insuredYears';

const COLUMNS: readonly ColumnSpec<Key>[] = [
  { key: 'sex', names: ['GESLACHT'], required: true, label: { nl: 'geslacht', en: 'sex' } },
  {
    key: 'ageClass',
    names: ['LEEFTIJDSKLASSE'],
    required: true,
    label: { nl: 'leeftijdsklasse', en: 'age class' },
  },
  {
    key: 'municipality',
    names: ['GEMEENTENAAM'],
    required: true,
    label: { nl: 'gemeentenaam', en: 'municipality' },
  },
  {
    key: 'insured',
    names: ['AANTAL_BSN'],
    required: true,
    label: { nl: 'aantal verzekerden', en: 'number insured' },
  },
  {
    key: 'insuredYears',
    names: ['AANTAL_VERZEKERDEJAREN'],
    required: true,
    label: { nl: 'verzekerdejaren', en: 'insured-years' },
  },
];

const FORMAT: Localised = {
  nl: 'Vektis Open Databestand (gemeente)',
  en: 'Vektis open data file (municipality)',
};

/** The care type of a KOSTEN_ column: "KOSTEN_MEDISCH_SPECIALISTISCHE_ZORG" → "medisch_specialistische_zorg". */
export function careTypeOf(column: string): string {
  return column
    .trim()
    .toLowerCase()
    .replace(/^kosten[\s_-]*/, '')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

/**
 * Reads a Vektis age class: " 0 t/m  4 jaar" → 0–4, "90 jaar en ouder" → 90–null. Spacing varies by
 * year; "85+" and "85-89" are accepted as well.
 */
export function parseAgeClass(text: string): { from: number; to: number | null } | null {
  const s = text.trim().replace(/\s+/g, ' ').toLowerCase();
  let match = /^(\d{1,3}) ?(?:t\/m|tm|tot en met|-|–) ?(\d{1,3})(?: jaar)?$/.exec(s);
  if (match) {
    const from = Number(match[1]);
    const to = Number(match[2]);
    return from <= to ? { from, to } : null;
  }
  match = /^(\d{1,3}) ?(?:jaar en ouder|jaar of ouder|en ouder|\+)$/.exec(s);
  if (match) return { from: Number(match[1]), to: null };
  match = /^(\d{1,3})(?: jaar)?$/.exec(s);
  if (match) return { from: Number(match[1]), to: Number(match[1]) };
  return null;
}

/** The years in a file name, e.g. "… Zorgverzekeringswet 2015 - gemeente.csv" → [2015]. */
export function yearsInFileName(fileName: string): number[] {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const years = [...base.matchAll(/(?<!\d)((?:19|20)\d{2})(?!\d)/g)].map((m) => Number(m[1]));
  return [...new Set(years)];
}

/** Decides the year: the option wins; else a single year in the file name; else an error. */
function resolveYear(options: VektisOptions): { year: number | null; issues: IngestIssue[] } {
  const fileName = options.fileName ?? null;
  const years = fileName === null ? [] : yearsInFileName(fileName);
  if (options.year !== undefined) {
    const issues: IngestIssue[] = [];
    if (years.length === 1 && years[0] !== options.year) {
      issues.push(issue('year-mismatch', FILE, { option: options.year, fromName: years[0]! }));
    }
    return { year: options.year, issues };
  }
  if (years.length === 1) return { year: years[0]!, issues: [] };
  return {
    year: null,
    issues: [issue('missing-year', { row: null, column: null, value: fileName }, { fileName, years })],
  };
}

class VektisRows {
  private readonly policy: DecimalPolicy;
  private readonly match: MunicipalityMatcher;
  private readonly seen = new Map<string, number>();
  private readonly warned = new Set<string>();
  readonly unmatched = new Map<string, UnmatchedMunicipality>();

  constructor(
    context: VektisContext,
    private readonly year: number,
    private readonly index: Record<Key, number>,
    private readonly names: Record<Key, string>,
    private readonly costColumns: readonly { index: number; name: string; careType: string }[],
    private readonly width: number,
    delimiter: ';' | ',',
  ) {
    this.policy = delimiter === ';' ? 'comma-or-point' : 'point';
    this.match = createMunicipalityMatcher(context.municipalities);
  }

  private at(column: string, row: CsvRow, value: string | null): Where {
    return { row: row.line, column, value };
  }

  private once(key: string): boolean {
    if (this.warned.has(key)) return false;
    this.warned.add(key);
    return true;
  }

  /** A number ≥ 0 (costs may be negative); NaN after reporting, null for an empty optional field. */
  private number(
    column: string,
    text: string,
    row: CsvRow,
    out: IngestIssue[],
    options: { required: boolean; integer?: Localised; negativeAllowed?: boolean },
  ): number | null {
    const value = parseDecimal(text, this.policy);
    const shown = text.trim();
    if (Number.isNaN(value)) {
      const problem = numberProblem(text, this.policy);
      if (problem === 'empty') {
        if (!options.required) return null;
        out.push(issue('missing-value', this.at(column, row, ''), {}));
        return NaN;
      }
      const decimalComma = this.policy === 'comma-or-point';
      const code = problem === 'thousands' ? 'thousands-separator' : 'not-a-number';
      out.push(issue(code as 'not-a-number', this.at(column, row, shown), { value: shown, decimalComma }));
      return NaN;
    }
    if (value < 0 && !options.negativeAllowed) {
      out.push(issue('negative-number', this.at(column, row, shown), { value: shown }));
      return NaN;
    }
    if (options.integer && !Number.isInteger(value)) {
      out.push(issue('not-an-integer', this.at(column, row, shown), { value: shown, what: options.integer }));
      return NaN;
    }
    return value;
  }

  row(row: CsvRow, out: IngestIssue[]): VektisRecord | null {
    const before = out.length;
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
    const i = this.index;

    const sexText = f[i.sex]!.trim();
    const sexUpper = sexText.toUpperCase();
    const sex = sexUpper === 'M' ? 'M' : sexUpper === 'V' || sexUpper === 'F' ? 'F' : null;
    if (sex === null) {
      out.push(
        sexText === ''
          ? issue('missing-value', this.at(this.names.sex, row, ''), {})
          : issue('bad-sex', this.at(this.names.sex, row, sexText), { value: sexText }),
      );
    }

    const ageClass = f[i.ageClass]!;
    const age = parseAgeClass(ageClass);
    if (age === null) {
      const shown = ageClass.trim();
      out.push(
        shown === ''
          ? issue('missing-value', this.at(this.names.ageClass, row, ''), {})
          : issue('bad-age-class', this.at(this.names.ageClass, row, shown), { value: shown }),
      );
    }

    const municipalityName = f[i.municipality]!.trim();
    let municipalityCode: string | null = null;
    if (municipalityName === '') {
      out.push(issue('missing-value', this.at(this.names.municipality, row, ''), {}));
    } else {
      const found = this.match(municipalityName);
      if (found.code !== null) municipalityCode = found.code;
      else {
        const key = normaliseMunicipalityName(municipalityName);
        const seen = this.unmatched.get(key);
        if (seen) seen.rows++;
        else {
          this.unmatched.set(key, { name: municipalityName, rows: 1, firstRow: row.line });
          out.push(
            issue('unmatched-municipality', this.at(this.names.municipality, row, municipalityName), {
              value: municipalityName,
              reason: found.reason,
              candidates: found.candidates,
            }),
          );
        }
      }
    }

    const insured = this.number(this.names.insured, f[i.insured]!, row, out, {
      required: true,
      integer: { nl: 'het aantal verzekerden', en: 'the number insured' },
    });
    const insuredYears = this.number(this.names.insuredYears, f[i.insuredYears]!, row, out, {
      required: true,
    });

    const costs: Record<string, number> = {};
    for (const column of this.costColumns) {
      const text = f[column.index]!;
      const value = this.number(column.name, text, row, out, { required: false, negativeAllowed: true });
      if (value === null) {
        if (this.once(`empty:${column.careType}`)) {
          out.push(issue('missing-cost', this.at(column.name, row, ''), { column: column.name }));
        }
        continue;
      }
      if (Number.isNaN(value)) continue;
      if (value < 0 && this.once('negative-cost')) {
        out.push(issue('negative-cost', this.at(column.name, row, text.trim()), { value: text.trim() }));
      }
      costs[column.careType] = value;
    }

    for (let k = before; k < out.length; k++) if (out[k]!.severity === 'error') return null;
    if (sex === null || age === null || insured === null || insuredYears === null) return null;

    const key = `${normaliseMunicipalityName(municipalityName)}|${sex}|${age.from}`;
    const first = this.seen.get(key);
    if (first !== undefined) {
      out.push(
        issue(
          'duplicate-row',
          { row: row.line, column: null, value: null },
          {
            first: { nl: `rij ${first}`, en: `row ${first}` },
            key: `${municipalityName} × ${sex === 'M' ? 'M' : 'V'} × ${ageClass.trim()}`,
          },
        ),
      );
      return null;
    }
    this.seen.set(key, row.line);

    return {
      row: row.line,
      year: this.year,
      municipalityCode,
      municipalityName,
      sex,
      ageFrom: age.from,
      ageTo: age.to,
      ageClass,
      insured,
      insuredYears,
      costs,
    };
  }
}

/**
 * Streams the records and issues of a Vektis municipality file. Rows whose municipality cannot be
 * matched are kept (municipalityCode null) and reported once per name.
 * @returns an async generator of items; its return value is the `VektisSummary`.
 */
export async function* readVektis(
  source: ByteSource,
  context: VektisContext,
  options: VektisOptions = {},
): AsyncGenerator<VektisItem, VektisSummary, undefined> {
  const { year, issues } = resolveYear(options);
  const summary: VektisSummary = {
    rowsRead: 0,
    valid: 0,
    rejected: 0,
    encoding: null,
    delimiter: null,
    year,
    careTypes: [],
    unmatched: [],
  };
  for (const entry of issues) yield { kind: 'issue', issue: entry };
  if (year === null) return summary;

  let rows: VektisRows | null = null;
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
      const costColumns = columns.unknown
        .filter((u) => normaliseHeader(u.name).startsWith('kosten'))
        .map((u) => ({ ...u, careType: careTypeOf(u.name) }));
      const errors = [...columns.errors];
      if (costColumns.length === 0 && errors.length === 0) {
        errors.push(
          issue(
            'missing-column',
            { row: event.headerLine, column: null, value: null },
            {
              missing: ['KOSTEN_…'],
              found: event.header.filter((h) => h !== ''),
              expected: {
                nl: 'GESLACHT, LEEFTIJDSKLASSE, GEMEENTENAAM, AANTAL_BSN, AANTAL_VERZEKERDEJAREN en KOSTEN_-kolommen',
                en: 'GESLACHT, LEEFTIJDSKLASSE, GEMEENTENAAM, AANTAL_BSN, AANTAL_VERZEKERDEJAREN and KOSTEN_ columns',
              },
            },
          ),
        );
      }
      for (const error of errors) yield { kind: 'issue', issue: error };
      if (errors.length > 0) return summary;
      const other = columns.unknown.filter((u) => !normaliseHeader(u.name).startsWith('kosten'));
      if (other.length > 0) {
        yield {
          kind: 'issue',
          issue: issue(
            'unknown-column',
            { row: event.headerLine, column: null, value: null },
            {
              columns: other.map((u) => u.name),
            },
          ),
        };
      }
      summary.careTypes = costColumns.map((c) => c.careType);
      rows = new VektisRows(
        context,
        year,
        columns.index,
        columns.name,
        costColumns,
        event.header.length,
        event.delimiter,
      );
    } else {
      for (const row of event.rows) {
        summary.rowsRead++;
        const record = rows!.row(row, out);
        for (const entry of out) yield { kind: 'issue', issue: entry };
        out.length = 0;
        if (record) {
          summary.valid++;
          yield { kind: 'record', record };
        } else summary.rejected++;
      }
    }
  }
  summary.unmatched = [...(rows?.unmatched.values() ?? [])];
  return summary;
}

/** Reads a whole Vektis file: records, issues (up to `maxIssues`) and a summary with the year and unmatched names. */
export function validateVektis(
  source: ByteSource,
  context: VektisContext,
  options: VektisOptions & CollectOptions = {},
): Promise<ValidationResult<VektisRecord, VektisSummary>> {
  return collect(readVektis(source, context, options), options);
}
