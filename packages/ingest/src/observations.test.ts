import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  asyncChunks,
  brief,
  chunks,
  CONTEXT,
  cp1252,
  expectIssueShape,
  fixture,
  utf8,
} from '../test/helpers';
import { readObservations, validateObservations, type ObservationRecord } from './observations';

const validate = (bytes: Uint8Array, size?: number) => validateObservations(chunks(bytes, size), CONTEXT);

const figures = (records: readonly ObservationRecord[]) =>
  records.map(({ row, organisationId, kpiCode, period, numerator, denominator, expected, sumSquares }) => ({
    row,
    organisationId,
    kpiCode,
    period,
    numerator,
    denominator,
    expected,
    sumSquares,
  }));

describe('observations CSV: accepted quirks', () => {
  it('reads Dutch headers, ";" with decimal commas, UTF-8 with BOM and CRLF line ends', async () => {
    const { records, issues, summary } = await validate(fixture('observations-nl-bom.csv'));
    expect(issues).toEqual([]);
    expect(summary).toMatchObject({
      rowsRead: 5,
      valid: 5,
      rejected: 0,
      encoding: 'utf-8-bom',
      delimiter: ';',
    });
    expect(figures(records)).toEqual([
      {
        row: 2,
        organisationId: 'practice-de-brink',
        kpiCode: 'DM-01',
        period: '2025-Q3',
        numerator: 112,
        denominator: 130,
        expected: null,
        sumSquares: null,
      },
      {
        row: 3,
        organisationId: 'practice-de-brink',
        kpiCode: 'KO-01',
        period: '2025-Q3',
        numerator: 41,
        denominator: 637.25,
        expected: null,
        sumSquares: null,
      },
      {
        row: 4,
        organisationId: 'practice-de-brink',
        kpiCode: 'KO-06',
        period: '2025-Q3',
        numerator: 1_234_567.89,
        denominator: 1_180_000.5,
        expected: 1_180_000.5,
        sumSquares: null,
      },
      {
        row: 5,
        organisationId: 'practice-de-brink',
        kpiCode: 'PE-01',
        period: '2025-Q3',
        numerator: 361.5,
        denominator: 45,
        expected: null,
        sumSquares: 2997.25,
      },
      {
        row: 6,
        organisationId: 'practice-het-anker',
        kpiCode: 'DM-01',
        period: '2025-Q3',
        numerator: 88,
        denominator: 97,
        expected: null,
        sumSquares: null,
      },
    ]);
    expect(records[0]).toMatchObject({ organisationCode: '01012345', kind: 'proportion' });
  });

  it('reads English headers, "," with decimal points, and other quarter notations (one warning each)', async () => {
    const { records, issues, summary } = await validate(fixture('observations-en.csv'));
    expect(summary).toMatchObject({ valid: 4, rejected: 0, encoding: 'utf-8', delimiter: ',' });
    expect(records.map((r) => [r.kpiCode, r.period, r.numerator, r.denominator, r.expected])).toEqual([
      ['DM-01', '2025-Q2', 104, 128, null],
      ['KO-01', '2025-Q2', 39, 630.5, null],
      ['KO-06', '2025-Q2', 1_190_000.1, 1_175_000, 1_175_000],
      ['DM-01', '2025-Q2', 80, 95, null],
    ]);
    expect(brief(issues)).toEqual([
      { row: 2, column: 'Quarter', code: 'period-normalised', severity: 'warning' },
      { row: 3, column: 'Quarter', code: 'period-normalised', severity: 'warning' },
      { row: 4, column: 'Quarter', code: 'period-normalised', severity: 'warning' },
    ]);
    expect(issues[1]!.message.en).toBe(
      'Row 3, column Quarter: Period "Q2 2025" was read as 2025-Q2 (first case of this notation).',
    );
  });

  it('reads windows-1252 files and skips Excel\'s "sep=;" line, keeping file line numbers', async () => {
    const { records, issues, summary } = await validate(fixture('observations-cp1252.csv'));
    expect(summary).toMatchObject({ valid: 2, encoding: 'windows-1252', delimiter: ';' });
    expect(records.map((r) => r.row)).toEqual([3, 4]);
    expect(brief(issues)).toEqual([{ row: 2, column: null, code: 'unknown-column', severity: 'warning' }]);
    expect(issues[0]!.message.nl).toBe('Rij 2: Onbekende kolom "opmerking" wordt genegeerd.');
  });

  it('restores the leading zero Excel drops from a GP AGB code, warning once', async () => {
    const text = 'agb;kpi;periode;teller;noemer\n1012345;DM-01;2025-Q3;10;30\n1023456;DM-01;2025-Q3;11;30\n';
    const { records, issues } = await validate(utf8(text));
    expect(records.map((r) => [r.organisationCode, r.organisationId])).toEqual([
      ['01012345', 'practice-de-brink'],
      ['01023456', 'practice-het-anker'],
    ]);
    expect(brief(issues)).toEqual([{ row: 2, column: 'agb', code: 'agb-leading-zero', severity: 'warning' }]);
  });

  it('accepts KPI codes in any case and punctuation, and header names in any case, accent or spacing', async () => {
    const text = 'AGB Code;Kpi-Code;PERIODE;Téller;Noemer\n01012345;dm01;2025-Q3;10;30\n';
    const { records, issues } = await validate(utf8(text));
    expect(issues).toEqual([]);
    expect(records[0]).toMatchObject({ kpiCode: 'DM-01', numerator: 10 });
  });

  it('tolerates trailing delimiters and rows that omit empty optional fields (Excel)', async () => {
    const text =
      'agb;kpi;periode;teller;noemer;verwacht;\n01012345;DM-01;2025-Q3;10;30;;\n01012345;DM-02;2025-Q3;11;30\n';
    const { records, issues } = await validate(utf8(text));
    expect(issues).toEqual([]);
    expect(records.map((r) => r.kpiCode)).toEqual(['DM-01', 'DM-02']);
  });

  it('gives the same result however the bytes are chunked', async () => {
    const bytes = fixture('observations-errors.csv');
    const whole = await validate(bytes);
    for (const size of [1, 2, 7, 64]) {
      const pieces = await validate(bytes, size);
      expect(pieces).toEqual(whole);
    }
  });
});

describe('observations CSV: malformed files', () => {
  it('reports a tab-separated file as wrong-delimiter and reads nothing', async () => {
    const { records, issues } = await validate(fixture('observations-tabs.csv'));
    expect(records).toEqual([]);
    expect(brief(issues)).toEqual([{ row: 1, column: null, code: 'wrong-delimiter', severity: 'error' }]);
    expect(issues[0]!.message.nl).toBe(
      'Rij 1: De kopregel is gescheiden door tabs, niet door puntkomma’s (;) of komma’s (,).',
    );
  });

  it('reads Excel\'s UTF-16 "Unicode text" when it is ;-separated, and names the tabs when it is not', async () => {
    const utf16 = (text: string) =>
      new Uint8Array([
        0xff,
        0xfe,
        ...[...text].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]),
      ]);
    const good = await validate(
      utf16('agb;kpi;periode;teller;noemer\r\n01012345;DM-01;2025-Q3;10;30\r\n'),
      5,
    );
    expect(good.summary).toMatchObject({ encoding: 'utf-16le', valid: 1 });
    const tabs = await validate(
      utf16('agb\tkpi\tperiode\tteller\tnoemer\r\n01012345\tDM-01\t2025-Q3\t10\t30\r\n'),
    );
    expect(tabs.issues.map((i) => i.code)).toEqual(['wrong-delimiter']);
  });

  it('refuses two columns with the same meaning', async () => {
    const { issues, records } = await validate(
      utf8('agb;kpi;periode;teller;noemer;numerator\n01012345;DM-01;2025-Q3;1;2;3\n'),
    );
    expect(records).toEqual([]);
    expect(brief(issues)).toEqual([
      { row: 1, column: 'numerator', code: 'duplicate-column', severity: 'error' },
    ]);
    expect(issues[0]!.message.en).toBe(
      'Row 1, column numerator: The column "numerator" means the same as the earlier column "teller".',
    );
  });

  it('reports one file-level error listing the columns found and expected', async () => {
    const { records, issues } = await validate(fixture('observations-missing-column.csv'));
    expect(records).toEqual([]);
    expect(brief(issues)).toEqual([{ row: 1, column: null, code: 'missing-column', severity: 'error' }]);
    expect(issues[0]!.message.nl).toBe(
      'Rij 1: De kopregel mist de kolom noemer. Gevonden kolommen: agb, kpi, periode, teller.',
    );
    expect(issues[0]!.suggestion.en).toContain('denominator [noemer | denominator]');
  });

  it('reports every row-level error on its own line and column', async () => {
    const { records, issues, summary } = await validate(fixture('observations-errors.csv'));
    expect(brief(issues)).toEqual([
      { row: 3, column: 'teller', code: 'not-a-number', severity: 'error' },
      { row: 4, column: 'teller', code: 'numerator-above-denominator', severity: 'error' },
      { row: 5, column: 'agb', code: 'unknown-organisation', severity: 'error' },
      { row: 6, column: 'kpi', code: 'unknown-kpi', severity: 'error' },
      { row: 7, column: null, code: 'duplicate-row', severity: 'error' },
      { row: 8, column: 'periode', code: 'bad-period', severity: 'error' },
      { row: 9, column: 'teller', code: 'thousands-separator', severity: 'error' },
      { row: 10, column: 'verwacht', code: 'missing-expected', severity: 'error' },
      { row: 11, column: 'teller', code: 'negative-number', severity: 'error' },
      { row: 12, column: 'noemer', code: 'denominator-not-positive', severity: 'error' },
      { row: 13, column: 'agb', code: 'agb-leading-zero', severity: 'warning' },
      { row: 14, column: 'teller', code: 'missing-value', severity: 'error' },
      { row: 16, column: 'periode', code: 'bad-period', severity: 'error' },
      { row: 17, column: 'noemer', code: 'below-min-denominator', severity: 'warning' },
    ]);
    expect(records.map((r) => r.row)).toEqual([2, 13, 15, 17]);
    expect(summary).toMatchObject({ rowsRead: 16, valid: 4, rejected: 12, errors: 12, warnings: 2 });
    const byCode = Object.fromEntries(issues.map((i) => [i.code, i]));
    expect(byCode['not-a-number']!.message.nl).toBe('Rij 3, kolom teller: "12,5x" is geen getal.');
    expect(byCode['not-a-number']!.suggestion.nl).toBe(
      'Gebruik alleen cijfers, met een komma of punt als decimaalteken.',
    );
    expect(byCode['not-a-number']!.value).toBe('12,5x');
    expect(byCode['duplicate-row']!.message.en).toBe(
      'Row 7: 01012345 × DM-01 × 2025-Q3 already appears at row 2; this is a duplicate.',
    );
    expect(byCode['numerator-above-denominator']!.message.nl).toContain(
      'De teller (140) is groter dan de noemer (130)',
    );
    for (const entry of issues) expectIssueShape(entry);
  });

  it('suggests the nearest KPI code', async () => {
    const text = 'agb;kpi;periode;teller;noemer\n01012345;DM-1;2025-Q3;10;30\n';
    const { issues } = await validate(utf8(text));
    expect(issues[0]!.suggestion.en).toBe('Did you mean DM-01?');
  });

  it('reports a last row cut off mid-row as truncated-file on that row', async () => {
    const { records, issues, summary } = await validate(fixture('observations-truncated.csv'));
    expect(records.map((r) => r.row)).toEqual([2, 3]);
    expect(brief(issues)).toEqual([{ row: 4, column: null, code: 'truncated-file', severity: 'error' }]);
    expect(issues[0]!.message.en).toBe('Row 4: The last line has 4 of 5 fields; the file looks cut off.');
    expect(summary).toMatchObject({ rowsRead: 3, valid: 2, rejected: 1 });
  });

  it('reports a file ending inside a quoted field as truncated-file on the row where the quote opens', async () => {
    const { records, issues, summary } = await validate(fixture('observations-unclosed-quote.csv'));
    expect(records.map((r) => r.row)).toEqual([2]);
    expect(brief(issues)).toEqual([{ row: 3, column: null, code: 'truncated-file', severity: 'error' }]);
    expect(summary).toMatchObject({ rowsRead: 2, valid: 1, rejected: 1 });
  });

  it('reports a short row in the middle of the file as a wrong field count, not truncation', async () => {
    const text = 'agb;kpi;periode;teller;noemer\n01012345;DM-01;2025-Q3;10\n01012345;DM-02;2025-Q3;10;30\n';
    const { issues, records } = await validate(utf8(text));
    expect(brief(issues)).toEqual([{ row: 2, column: null, code: 'wrong-field-count', severity: 'error' }]);
    expect(records).toHaveLength(1);
  });

  it('refuses decimal commas and thousands separators in a comma-separated file, clearly', async () => {
    const { records, issues } = await validate(fixture('observations-comma-decimals.csv'));
    expect(brief(issues)).toEqual([
      { row: 2, column: null, code: 'wrong-field-count', severity: 'error' },
      { row: 3, column: 'teller', code: 'not-a-number', severity: 'error' },
      { row: 4, column: 'teller', code: 'thousands-separator', severity: 'error' },
    ]);
    expect(issues[0]!.suggestion.nl).toContain('splitst een komma in een getal');
    expect(issues[1]!.suggestion.en).toContain('in a comma-separated file a comma cannot be a decimal sign');
    expect(records.map((r) => [r.numerator, r.denominator])).toEqual([[3.5, 630.25]]);
  });

  it('refuses a fractional count and a sum of squares below (Σx)²/n', async () => {
    const text =
      'agb;kpi;periode;teller;noemer;kwadratensom\n' +
      '01012345;DM-01;2025-Q3;1.234;2000;\n' +
      '01012345;PE-01;2025-Q3;360;45;2000\n' +
      '01012345;PE-01;2025-Q4;360;45;2880\n';
    const { issues, records } = await validate(utf8(text));
    expect(brief(issues)).toEqual([
      { row: 2, column: 'teller', code: 'not-an-integer', severity: 'error' },
      { row: 3, column: 'kwadratensom', code: 'inconsistent-sum-squares', severity: 'error' },
    ]);
    // 360²/45 = 2880: exactly the minimum is possible (every score 8).
    expect(records).toEqual([expect.objectContaining({ row: 4, sumSquares: 2880 })]);
  });

  it('warns once when an expected value or sum of squares is given for a KPI that does not use it', async () => {
    const text =
      'agb;kpi;periode;teller;noemer;verwacht;kwadratensom\n' +
      '01012345;DM-01;2025-Q3;10;30;25;\n01012345;DM-02;2025-Q3;10;30;25;40\n';
    const { issues, records } = await validate(utf8(text));
    expect(brief(issues)).toEqual([
      { row: 2, column: 'verwacht', code: 'value-ignored', severity: 'warning' },
      { row: 3, column: 'kwadratensom', code: 'value-ignored', severity: 'warning' },
    ]);
    expect(records.map((r) => [r.expected, r.sumSquares])).toEqual([
      [null, null],
      [null, null],
    ]);
  });

  it('reports an empty file, a header without rows, and invalid UTF-8 after valid UTF-8', async () => {
    expect(brief((await validate(utf8(''))).issues)).toEqual([
      { row: null, column: null, code: 'empty-file', severity: 'error' },
    ]);
    expect(brief((await validate(utf8('agb;kpi;periode;teller;noemer\n'))).issues)).toEqual([
      { row: null, column: null, code: 'no-data-rows', severity: 'warning' },
    ]);
    // Valid UTF-8 for more than the 64 KiB that decide the encoding, then a windows-1252 byte.
    const mixed = new Uint8Array([
      ...utf8('agb;kpi;periode;teller;noemer;opmerking\n01012345;DM-01;2025-Q3;10;30;café\n'),
      ...utf8(' '.repeat(70_000) + '\n'),
      ...cp1252('01012345;DM-02;2025-Q3;10;30;café\n'),
    ]);
    for (const size of [1 << 20, 1000]) {
      const { issues, records, summary } = await validate(mixed, size);
      expect(records).toHaveLength(2);
      expect(summary.encoding).toBe('utf-8');
      expect(issues.map((i) => i.code)).toEqual(['unknown-column', 'bad-encoding']);
    }
  });
});

describe('observations CSV: streaming', () => {
  it('yields records as the bytes arrive and returns the summary', async () => {
    const bytes = fixture('observations-nl-bom.csv');
    const reader = readObservations(asyncChunks(bytes, 16), CONTEXT);
    const first = await reader.next();
    expect(first.value).toMatchObject({ kind: 'record', record: { row: 2 } });
    let next = await reader.next();
    while (!next.done) next = await reader.next();
    expect(next.value).toMatchObject({ rowsRead: 5, valid: 5, encoding: 'utf-8-bom' });
  });

  it('stops reading the source when the consumer stops early', async () => {
    let pulled = 0;
    let closed = false;
    const text = 'agb;kpi;periode;teller;noemer\n' + '01012345;DM-01;2025-Q3;10;30\n'.repeat(10_000);
    const bytes = utf8(text);
    async function* source() {
      try {
        for (const chunk of chunks(bytes, 1024)) {
          pulled++;
          await Promise.resolve();
          yield chunk;
        }
      } finally {
        closed = true;
      }
    }
    for await (const item of readObservations(source(), CONTEXT)) {
      if (item.kind === 'record') break;
    }
    expect(closed).toBe(true);
    expect(pulled).toBeLessThan(10);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const ORGS = [...CONTEXT.organisations.keys()];
const KPIS = CONTEXT.kpis;

/** A valid observation as the generator writes it: figures obeying every rule of its KPI's kind. */
const observationArb = fc
  .record({
    org: fc.constantFrom(...ORGS),
    kpi: fc.constantFrom(...KPIS),
    year: fc.integer({ min: 2015, max: 2030 }),
    quarter: fc.integer({ min: 1, max: 4 }),
    a: fc.integer({ min: 0, max: 100_000 }),
    b: fc.integer({ min: 1, max: 100_000 }),
    x: fc.double({ min: 0.001, max: 1e9, noNaN: true }),
    y: fc.double({ min: 0.001, max: 1e9, noNaN: true }),
  })
  .map(({ org, kpi, year, quarter, a, b, x, y }) => {
    const period = `${year}-Q${quarter}`;
    switch (kpi.kind) {
      case 'proportion':
        return {
          org,
          kpi,
          period,
          numerator: Math.min(a, b),
          denominator: b,
          expected: null,
          sumSquares: null,
        };
      case 'rate':
        return { org, kpi, period, numerator: x, denominator: y, expected: null, sumSquares: null };
      case 'ratio':
        return { org, kpi, period, numerator: x, denominator: y, expected: y, sumSquares: null };
      case 'mean':
        // Σx² = (Σx)²/n + a non-negative spread keeps Cauchy–Schwarz.
        return {
          org,
          kpi,
          period,
          numerator: x,
          denominator: b,
          expected: null,
          sumSquares: (x * x) / b + y,
        };
    }
  });

const PERIOD_STYLES = [
  (p: string) => p,
  (p: string) => p.replace('-', ''),
  (p: string) => p.toLowerCase(),
  (p: string) => `${p.slice(5)} ${p.slice(0, 4)}`,
];

describe('observations CSV: properties', () => {
  it('round-trips every value of a generated valid file exactly, in any dialect', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(observationArb, {
          minLength: 1,
          maxLength: 40,
          selector: (o) => `${o.org}|${o.kpi.code}|${o.period}`,
        }),
        fc.record({
          delimiter: fc.constantFrom(',', ';'),
          decimalComma: fc.boolean(),
          english: fc.boolean(),
          upper: fc.boolean(),
          encoding: fc.constantFrom('utf-8', 'utf-8-bom', 'windows-1252'),
          crlf: fc.boolean(),
          finalNewline: fc.boolean(),
          periodStyle: fc.integer({ min: 0, max: PERIOD_STYLES.length - 1 }),
          chunk: fc.integer({ min: 1, max: 300 }),
        }),
        async (rows, dialect) => {
          const names = dialect.english
            ? [
                'organisation',
                'kpi_code',
                'quarter',
                'numerator',
                'denominator',
                'expected',
                'sum_squares',
                'note',
              ]
            : [
                'AGB-code',
                'indicator',
                'kwartaal',
                'teller',
                'noemer',
                'verwacht',
                'kwadratensom',
                'opmerking',
              ];
          const header = names.map((n) => (dialect.upper ? n.toUpperCase() : n));
          const comma = dialect.delimiter === ';' && dialect.decimalComma;
          const num = (x: number | null) =>
            x === null ? '' : comma ? String(x).replace('.', ',') : String(x);
          const style = PERIOD_STYLES[dialect.periodStyle]!;
          const lines = [
            header.join(dialect.delimiter),
            ...rows.map((r) =>
              [
                r.org,
                r.kpi.code,
                style(r.period),
                num(r.numerator),
                num(r.denominator),
                num(r.expected),
                num(r.sumSquares),
                // Text outside ASCII makes the encoding matter.
                'café – € 12',
              ].join(dialect.delimiter),
            ),
          ];
          const eol = dialect.crlf ? '\r\n' : '\n';
          const text = lines.join(eol) + (dialect.finalNewline ? eol : '');
          const bytes =
            dialect.encoding === 'windows-1252'
              ? cp1252(text)
              : dialect.encoding === 'utf-8-bom'
                ? new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)])
                : utf8(text);

          const { records, issues } = await validateObservations(chunks(bytes, dialect.chunk), CONTEXT);
          expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
          expect(records).toHaveLength(rows.length);
          records.forEach((record, index) => {
            const row = rows[index]!;
            expect(record).toEqual({
              row: index + 2,
              organisationId: CONTEXT.organisations.get(row.org),
              organisationCode: row.org,
              kpiCode: row.kpi.code,
              kind: row.kpi.kind,
              period: row.period,
              numerator: row.numerator,
              denominator: row.denominator,
              expected: row.expected,
              sumSquares: row.sumSquares,
            });
          });
        },
      ),
      { numRuns: 150 },
    );
  });

  it('never throws on random bytes: it yields issues instead', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 2000 }),
        fc.integer({ min: 1, max: 64 }),
        async (bytes, size) => {
          const { records, issues, summary } = await validateObservations(chunks(bytes, size), CONTEXT);
          for (const entry of issues) expectIssueShape(entry);
          expect(summary.valid).toBe(records.length);
          expect(summary.valid + summary.rejected).toBe(summary.rowsRead);
          if (records.length === 0) expect(issues.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws on random CSV-ish text after a valid header', async () => {
    const alphabet = fc.constantFrom(
      ...[
        ';',
        ',',
        '"',
        '\n',
        '\r',
        '\t',
        ' ',
        '0',
        '1',
        '9',
        '.',
        ',',
        '-',
        'Q',
        'q',
        'e',
        'é',
        'DM-01',
        '2025',
        '01012345',
      ],
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(alphabet, { maxLength: 300 }).map((parts) => parts.join('')),
        fc.constantFrom('agb;kpi;periode;teller;noemer\n', 'agb,kpi,periode,teller,noemer\n', ''),
        fc.integer({ min: 1, max: 50 }),
        async (body, header, size) => {
          const { records, issues, summary } = await validateObservations(
            chunks(utf8(header + body), size),
            CONTEXT,
          );
          for (const entry of issues) expectIssueShape(entry);
          for (const record of records) {
            expect(record.numerator).toBeGreaterThanOrEqual(0);
            expect(record.denominator).toBeGreaterThan(0);
            expect(record.period).toMatch(/^\d{4}-Q[1-4]$/);
          }
          expect(summary.valid + summary.rejected).toBe(summary.rowsRead);
        },
      ),
      { numRuns: 500 },
    );
  });
});
