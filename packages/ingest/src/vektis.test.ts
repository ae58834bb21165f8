import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { brief, chunks, expectIssueShape, fixture, municipalities2025, utf8 } from '../test/helpers';
import { careTypeOf, parseAgeClass, validateVektis, yearsInFileName } from './vektis';

const FILE_2015 = 'Vektis Open Databestand Zorgverzekeringswet 2015 - gemeente.csv';
const FILE_2020 = 'Vektis Open Databestand Zorgverzekeringswet 2020 - gemeente.csv';
const CONTEXT = { municipalities: municipalities2025() };

const read = (
  name: string,
  options: { year?: number; fileName?: string } = { fileName: name },
  size?: number,
) => validateVektis(chunks(fixture(name), size), CONTEXT, options);

describe('Vektis open data, municipality level', () => {
  it('reads a latin-1 file as published, with the year from its name', async () => {
    const { records, issues, summary } = await read(FILE_2015);
    expect(summary).toMatchObject({
      year: 2015,
      encoding: 'windows-1252',
      delimiter: ';',
      rowsRead: 48,
      valid: 48,
      rejected: 0,
    });
    expect(summary.careTypes).toEqual([
      'medisch_specialistische_zorg',
      'farmacie',
      'huisarts_inschrijftarief',
      'huisarts_consult',
      'huisarts_overig',
      'mondzorg',
      'geriatrische_revalidatiezorg',
      'verpleging_en_verzorging',
    ]);
    expect(records[0]).toEqual({
      row: 2,
      year: 2015,
      municipalityCode: 'GM0518',
      municipalityName: 'S GRAVENHAGE',
      sex: 'M',
      ageFrom: 0,
      ageTo: 4,
      ageClass: ' 0 t/m  4 jaar',
      insured: 16307,
      insuredYears: 15909.25,
      costs: {
        medisch_specialistische_zorg: 12830473.96,
        farmacie: 1229731.76,
        huisarts_inschrijftarief: 1073177.85,
        huisarts_consult: 601537.71,
        huisarts_overig: 348131.31,
        mondzorg: 550775.65,
        geriatrische_revalidatiezorg: 0,
        verpleging_en_verzorging: 89263.37,
      },
    });
    expect(records[2]).toMatchObject({ ageClass: '90 jaar en ouder', ageFrom: 90, ageTo: null });

    // Vektis spellings, a merger, a name with latin-1 accents, and a dissolved municipality.
    const codes = Object.fromEntries(records.map((r) => [r.municipalityName, r.municipalityCode]));
    expect(codes).toEqual({
      'S GRAVENHAGE': 'GM0518',
      'NUENEN CA': 'GM0820',
      GRONINGEN: 'GM0014',
      HAREN: 'GM0014',
      'BERGEN NH': 'GM0373',
      'BERGEN LB': 'GM0893',
      'SÚDWEST-FRYSLÂN': 'GM1900',
      HAAREN: null,
    });
    // The unmatched name is reported once, and its rows are kept.
    expect(brief(issues)).toEqual([
      { row: 44, column: 'GEMEENTENAAM', code: 'unmatched-municipality', severity: 'warning' },
    ]);
    expect(issues[0]!.message.en).toBe(
      'Row 44, column GEMEENTENAAM: Municipality "HAAREN" was dissolved and split between Boxtel, Oisterwijk, Tilburg, Vught; its rows are kept without a municipality code.',
    );
    expect(records.filter((r) => r.municipalityName === 'HAAREN')).toHaveLength(6);
    expect(summary.unmatched).toEqual([{ name: 'HAAREN', rows: 6, firstRow: 44 }]);
  });

  it('reads a UTF-8 file with decimal commas, ignoring unknown columns with a warning', async () => {
    const { records, issues, summary } = await read(FILE_2020, { fileName: `downloads/2020/${FILE_2020}` });
    expect(summary).toMatchObject({ year: 2020, encoding: 'utf-8', valid: 24 });
    expect(summary.careTypes).toContain('wijkverpleging');
    expect(brief(issues)).toEqual([{ row: 1, column: null, code: 'unknown-column', severity: 'warning' }]);
    expect(issues[0]!.message.nl).toBe('Rij 1: Onbekende kolom "UZOVI" wordt genegeerd.');
    expect(records[0]).toMatchObject({
      insured: 16239,
      insuredYears: 15540.41,
      costs: { farmacie: 1714116.32 },
    });
    // Weesp merged into Amsterdam in 2022: its 2020 rows carry Amsterdam's code.
    expect(
      new Set(records.filter((r) => r.municipalityName === 'WEESP').map((r) => r.municipalityCode)),
    ).toEqual(new Set(['GM0363']));
  });

  describe('the year rule', () => {
    it('takes the year from the option', async () => {
      const { summary, records } = await read('vektis-gemeente.csv', { year: 2019 });
      expect(summary.year).toBe(2019);
      expect(records.every((r) => r.year === 2019)).toBe(true);
    });

    it('takes the year from the published file name', async () => {
      expect((await read(FILE_2015)).summary.year).toBe(2015);
      expect(
        yearsInFileName('C:\\data\\Vektis Open Databestand Zorgverzekeringswet 2015 - gemeente (3).csv'),
      ).toEqual([2015]);
    });

    it('refuses the file when neither gives a year, before reading it', async () => {
      const { records, issues, summary } = await read('vektis-gemeente.csv', {
        fileName: 'vektis-gemeente.csv',
      });
      expect(records).toEqual([]);
      expect(summary).toMatchObject({ year: null, rowsRead: 0 });
      expect(brief(issues)).toEqual([{ row: null, column: null, code: 'missing-year', severity: 'error' }]);
      expect(issues[0]!.message.en).toBe(
        'The year of the data is unknown: the Vektis file has no year column and the file name "vektis-gemeente.csv" names no year.',
      );
      expect((await read('vektis-gemeente.csv', {})).issues[0]!.code).toBe('missing-year');
    });

    it('refuses a file name with two different years, unless the option decides', async () => {
      const fileName = 'vektis_2019_gemeente_export_2021.csv';
      expect((await read('vektis-gemeente.csv', { fileName })).issues.map((i) => i.code)).toEqual([
        'missing-year',
      ]);
      const { summary, issues } = await read('vektis-gemeente.csv', { fileName, year: 2019 });
      expect(summary.year).toBe(2019);
      expect(issues.map((i) => i.code)).not.toContain('missing-year');
    });

    it('warns when the option and the file name disagree, and uses the option', async () => {
      const { summary, issues } = await read(FILE_2015, { fileName: FILE_2015, year: 2016 });
      expect(summary.year).toBe(2016);
      expect(brief(issues)[0]).toEqual({
        row: null,
        column: null,
        code: 'year-mismatch',
        severity: 'warning',
      });
    });
  });

  it('reports bad rows, keeps unmatched names, and warns once about empty and negative costs', async () => {
    const { records, issues } = await read('vektis-gemeente.csv', { year: 2019 });
    expect(brief(issues)).toEqual([
      { row: 4, column: 'GESLACHT', code: 'bad-sex', severity: 'error' },
      { row: 5, column: 'LEEFTIJDSKLASSE', code: 'bad-age-class', severity: 'error' },
      { row: 6, column: 'AANTAL_BSN', code: 'thousands-separator', severity: 'error' },
      { row: 7, column: null, code: 'duplicate-row', severity: 'error' },
      { row: 8, column: 'GEMEENTENAAM', code: 'unmatched-municipality', severity: 'warning' },
      { row: 8, column: 'KOSTEN_MONDZORG', code: 'missing-cost', severity: 'warning' },
      { row: 9, column: 'GEMEENTENAAM', code: 'unmatched-municipality', severity: 'warning' },
      { row: 9, column: 'KOSTEN_MONDZORG', code: 'negative-cost', severity: 'warning' },
    ]);
    expect(issues[4]!.suggestion.nl).toBe('Bedoelt u Bergen (L.), Bergen (NH.)?');
    expect(issues[6]!.suggestion.en).toBe('Did you mean Amsterdam?');
    expect(records.map((r) => [r.row, r.municipalityCode, r.costs])).toEqual([
      [2, 'GM0344', { farmacie: 1520011.8, mondzorg: 591164.7 }],
      [3, 'GM0344', { farmacie: 1288168.8, mondzorg: 611880.18 }],
      [8, null, { farmacie: 290000 }],
      [9, null, { farmacie: 5900000, mondzorg: -120 }],
    ]);
    for (const entry of issues) expectIssueShape(entry);
  });

  it('reports a postcode-level file (no GEMEENTENAAM) as a missing column', async () => {
    const text =
      'GESLACHT;LEEFTIJDSKLASSE;POSTCODE_3;AANTAL_BSN;AANTAL_VERZEKERDEJAREN;KOSTEN_FARMACIE\nM;0 t/m 4 jaar;101;10;9,5;100\n';
    const { issues } = await validateVektis([utf8(text)], CONTEXT, { year: 2019 });
    expect(brief(issues)).toEqual([{ row: 1, column: null, code: 'missing-column', severity: 'error' }]);
    expect(issues[0]!.message.nl).toContain('mist de kolom GEMEENTENAAM');
  });

  it('never throws on random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 1500 }), async (bytes) => {
        const { issues, summary, records } = await validateVektis(chunks(bytes, 97), CONTEXT, { year: 2019 });
        for (const entry of issues) expectIssueShape(entry);
        expect(summary.valid).toBe(records.length);
      }),
      { numRuns: 200 },
    );
  });
});

describe('Vektis helpers', () => {
  it.each([
    [' 0 t/m  4 jaar', { from: 0, to: 4 }],
    ['5 t/m 9 jaar', { from: 5, to: 9 }],
    ['85 t/m 89 jaar', { from: 85, to: 89 }],
    ['90 jaar en ouder', { from: 90, to: null }],
    ['90+', { from: 90, to: null }],
    ['0', { from: 0, to: 0 }],
    ['9 t/m 5 jaar', null],
    ['onbekend', null],
  ])('parseAgeClass(%j)', (text, expected) => {
    expect(parseAgeClass(text)).toEqual(expected);
  });

  it('names care types after their column', () => {
    expect(careTypeOf('KOSTEN_MEDISCH_SPECIALISTISCHE_ZORG')).toBe('medisch_specialistische_zorg');
    expect(careTypeOf(' kosten_huisarts_consult ')).toBe('huisarts_consult');
  });
});
