import { describe, expect, it } from 'vitest';
import { expectIssueShape } from '../test/helpers';
import { issue, ISSUE_CODES, quote, type IssueCode, type IssueParams } from './issues';

const L = (nl: string, en: string) => ({ nl, en });

/** One example per code; the type makes a new code without an example a compile error. */
const EXAMPLES: { [C in IssueCode]: IssueParams[C] } = {
  'empty-file': { format: L('CSV-bestand', 'CSV file') },
  'no-data-rows': {},
  'too-many-rows': { limit: 5_000_000 },
  'wrong-delimiter': { found: L('tabs', 'tabs') },
  'missing-column': {
    missing: ['noemer'],
    found: ['agb', 'kpi'],
    expected: L('agb, kpi, noemer', 'agb, kpi, noemer'),
  },
  'duplicate-column': { column: 'teller', first: 'numerator' },
  'unknown-column': { columns: ['opmerking'] },
  'truncated-file': { fields: 3, expected: 5 },
  'unclosed-quote': { maxBytes: 1024 },
  'wrong-field-count': { fields: 6, expected: 5, commaFile: true },
  'bad-encoding': {},
  'missing-value': {},
  'not-a-number': { value: '12,5x', decimalComma: true },
  'thousands-separator': { value: '1.234,5', decimalComma: true },
  'not-an-integer': { value: '1.5', what: L('de teller', 'the numerator') },
  'negative-number': { value: '-1' },
  'denominator-not-positive': { value: '0' },
  'numerator-above-denominator': { numerator: '140', denominator: '130' },
  'missing-expected': { kpi: 'KO-06' },
  'expected-not-positive': { value: '0' },
  'inconsistent-sum-squares': { sumSquares: '10', minimum: 12.5 },
  'value-ignored': { kinds: L('gemiddelden', 'means') },
  'below-min-denominator': { kpi: 'DM-01', denominator: '12', minimum: 20 },
  'unknown-kpi': { value: 'DM-1', closest: 'DM-01' },
  'unknown-organisation': { value: '123', eightDigits: false },
  'agb-leading-zero': { value: '1012345', padded: '01012345' },
  'duplicate-row': { first: L('rij 2', 'row 2'), key: '01012345 × DM-01 × 2025-Q3' },
  'bad-period': { value: '2025-3', reason: 'month-or-quarter' },
  'period-normalised': { value: '2025Q3', canonical: '2025-Q3' },
  'missing-year': { fileName: 'vektis.csv', years: [] },
  'year-mismatch': { option: 2016, fromName: 2015 },
  'unmatched-municipality': { value: 'HAAREN', reason: 'split', candidates: ['Boxtel', 'Vught'] },
  'bad-sex': { value: 'X' },
  'bad-age-class': { value: 'onbekend' },
  'missing-cost': { column: 'KOSTEN_MONDZORG' },
  'negative-cost': { value: '-120,00' },
  'bad-postcode': { value: '0351' },
  'bad-age-band': { value: '15-20' },
  'sum-mismatch': { men: 165, women: 95, total: 280, tolerance: 10 },
  'aggregate-rows-skipped': { count: 40 },
  'suppressed-figures': { count: 20, example: '1044' },
  'invalid-json': { detail: 'Unexpected end of JSON input' },
  'invalid-resource': { expected: L('een getal', 'a number') },
  'unsupported-resource': { resourceType: 'Patient' },
  'unsupported-bundle-type': { type: 'document' },
  'unsupported-report-type': { type: 'data-collection' },
  'report-in-error': {},
  'report-pending': {},
  'missing-organisation': {},
  'missing-counts': { hasScore: true },
  'score-mismatch': { reported: 91.2, computed: 86.1538, unit: ' %' },
  'extra-groups-ignored': { count: 1 },
  'exclusions-applied': {},
};

describe('issue catalogue', () => {
  it.each(ISSUE_CODES)('%s has a Dutch and an English message and suggestion', (code) => {
    const built = issue(code, { row: 12, column: 'teller', value: 'x' }, EXAMPLES[code] as never);
    expectIssueShape(built);
    for (const text of [built.message.nl, built.message.en, built.suggestion.nl, built.suggestion.en]) {
      expect(text).not.toMatch(/undefined|NaN|\[object/);
    }
    expect(built.message.nl.startsWith('Rij 12, kolom teller: ')).toBe(true);
    expect(built.message.en.startsWith('Row 12, column teller: ')).toBe(true);
    expect(built.message.nl).not.toBe(built.message.en);
  });

  it('places an issue in the file: row and column, row only, a JSON path, or nowhere', () => {
    expect(issue('missing-value', { row: 3, column: null, value: null }, {}).message.nl).toBe(
      'Rij 3: Dit verplichte veld is leeg.',
    );
    expect(issue('missing-value', { row: null, column: 'period.end', value: null }, {}).message.en).toBe(
      'At period.end: This required field is empty.',
    );
    expect(issue('bad-encoding', { row: null, column: null, value: null }, {}).message.en).toMatch(
      /^The file/,
    );
  });

  it('keeps a runaway value out of the message', () => {
    expect(quote('x'.repeat(500))).toHaveLength(60);
  });
});
