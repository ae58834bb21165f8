import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { brief, chunks, expectIssueShape, fixture, utf8 } from '../test/helpers';
import { AGE_BANDS, validateCbsPopulation } from './cbs-population';

describe('CBS population by PC4 × age band × sex', () => {
  it('reads the published format: PC4 rows only, aggregates and suppressed rows counted', async () => {
    // An excerpt of pc4_population_age5_sex_2021.csv (CBS, CC BY 4.0): postcode 10 (2-digit), 101
    // (3-digit), 1011, 1044 (no figures) and 9999.
    const { records, issues, summary } = await validateCbsPopulation(
      chunks(fixture('cbs-pc4-population-2021-excerpt.csv'), 1000),
    );
    expect(summary).toMatchObject({
      rowsRead: 100,
      valid: 40,
      rejected: 0,
      aggregateRowsSkipped: 40,
      suppressedRows: 20,
      delimiter: ',',
    });
    expect(brief(issues)).toEqual([
      { row: null, column: null, code: 'aggregate-rows-skipped', severity: 'warning' },
      { row: null, column: null, code: 'suppressed-figures', severity: 'warning' },
    ]);
    expect(issues[0]!.message.nl).toBe(
      '40 regels met 2- of 3-cijferige postcodes (totalen van grotere gebieden) zijn overgeslagen.',
    );
    expect(issues[1]!.message.en).toContain('e.g. postcode 1044');
    expect(records[0]).toEqual({ row: 42, pc4: '1011', ageBand: '0-4', men: 135, women: 140, total: 275 });
    const pc1011 = records.filter((r) => r.pc4 === '1011');
    expect(pc1011.map((r) => r.ageBand)).toEqual([...AGE_BANDS]);
    expect(pc1011.reduce((sum, r) => sum + r.total, 0)).toBe(9630);
    expect(records.filter((r) => r.pc4 === '9999').reduce((sum, r) => sum + r.total, 0)).toBe(95);
  });

  it('checks values, bands, postcodes, duplicates, and men + women against the total within CBS rounding', async () => {
    const { records, issues } = await validateCbsPopulation(chunks(fixture('cbs-pc4-errors.csv')));
    expect(brief(issues)).toEqual([
      { row: 4, column: 'inwoners', code: 'sum-mismatch', severity: 'warning' },
      { row: 6, column: 'leeftijd', code: 'bad-age-band', severity: 'error' },
      { row: 7, column: 'inwoners', code: 'not-an-integer', severity: 'error' },
      { row: 7, column: 'inwoners_vrouw', code: 'not-an-integer', severity: 'error' },
      { row: 8, column: 'postcode', code: 'bad-postcode', severity: 'error' },
      { row: 9, column: null, code: 'duplicate-row', severity: 'error' },
      { row: 10, column: 'inwoners', code: 'missing-value', severity: 'error' },
      { row: 11, column: 'inwoners', code: 'negative-number', severity: 'error' },
    ]);
    expect(issues[0]!.message.nl).toBe(
      'Rij 4, kolom inwoners: Mannen + vrouwen (165 + 95 = 260) wijkt meer dan 10 af van het totaal (280); meer dan de afronding van CBS verklaart.',
    );
    // A difference of 10 (row 3) is within rounding; "15 - 19" is read as 15-19.
    expect(records.map((r) => [r.row, r.ageBand])).toEqual([
      [2, '0-4'],
      [3, '5-9'],
      [4, '10-14'],
      [5, '15-19'],
    ]);
    for (const entry of issues) expectIssueShape(entry);
  });

  it('refuses a file without the expected columns', async () => {
    const { issues } = await validateCbsPopulation([utf8('pc4,leeftijd,inwoners\n1011,0-4,275\n')]);
    expect(brief(issues)).toEqual([{ row: 1, column: null, code: 'missing-column', severity: 'error' }]);
    expect(issues[0]!.message.en).toBe(
      'Row 1: The header lacks the columns inwoners_man, inwoners_vrouw. Columns found: pc4, leeftijd, inwoners.',
    );
  });

  it('never throws on random CSV-ish text after the header', async () => {
    const part = fc.constantFrom(',', '\n', '"', '1011', '10', '0-4', '95+', '5.0', '', ' ', '-', 'x');
    await fc.assert(
      fc.asyncProperty(fc.array(part, { maxLength: 200 }), async (parts) => {
        const text = 'postcode,leeftijd,inwoners,inwoners_man,inwoners_vrouw\n' + parts.join('');
        const { records, issues, summary } = await validateCbsPopulation(chunks(utf8(text), 13));
        for (const entry of issues) expectIssueShape(entry);
        for (const record of records) expect(record.pc4).toMatch(/^[1-9]\d{3}$/);
        expect(summary.valid + summary.rejected + summary.aggregateRowsSkipped + summary.suppressedRows).toBe(
          summary.rowsRead,
        );
      }),
      { numRuns: 300 },
    );
  });
});
