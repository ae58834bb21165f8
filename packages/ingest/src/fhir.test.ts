import { DEFAULT_KPIS } from '@kwadrant/domain/catalogue';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { brief, CONTEXT, expectIssueShape, fixture } from '../test/helpers';
import {
  AGB_SYSTEM,
  importMeasureReports,
  KWADRANT_POPULATION_SYSTEM,
  POPULATION_SYSTEM,
  POPULATION_VALUE_EXTENSION,
  quarterOfFhirPeriod,
  toMeasureReports,
  type ExportObservation,
} from './fhir';

const agb = (value: string) => ({ identifier: { system: AGB_SYSTEM, value } });
const pop = (code: string, count: number, system = POPULATION_SYSTEM) => ({
  code: { coding: [{ system, code }] },
  count,
});

/** A summary report of DM-01 for De Brink, Q3 2025: 112 of 130. */
const summaryReport = (overrides: Record<string, unknown> = {}) => ({
  resourceType: 'MeasureReport',
  status: 'complete',
  type: 'summary',
  measure: 'https://kwadrant.nl/fhir/Measure/DM-01',
  subject: agb('01012345'),
  period: { start: '2025-07-01', end: '2025-09-30' },
  group: [
    {
      population: [pop('initial-population', 140), pop('denominator', 130), pop('numerator', 112)],
      measureScore: { value: 86.15, unit: '%' },
    },
  ],
  ...overrides,
});

const individual = (score: number) => ({
  resourceType: 'MeasureReport',
  status: 'complete',
  type: 'individual',
  measure: 'https://kwadrant.nl/fhir/Measure/PE-01|1.2.0',
  subject: { reference: 'Patient/123' },
  reporter: agb('01023456'),
  period: { start: '2025-04', end: '2025-06' },
  group: [{ population: [pop('numerator', score), pop('denominator', 1)] }],
});

const bundle = (type: string, resources: unknown[]) => ({
  resourceType: 'Bundle',
  type,
  entry: resources.map((resource) => ({ resource })),
});

describe('importMeasureReports', () => {
  it('reads a summary MeasureReport given as JSON text', () => {
    const { records, issues, summary } = importMeasureReports(JSON.stringify(summaryReport()), CONTEXT);
    expect(issues).toEqual([]);
    expect(summary).toMatchObject({ reports: 1, valid: 1, rejected: 0 });
    expect(records).toEqual([
      {
        path: '',
        reports: 1,
        organisationId: 'practice-de-brink',
        organisationCode: '01012345',
        kpiCode: 'DM-01',
        kind: 'proportion',
        period: '2025-Q3',
        numerator: 112,
        denominator: 130,
        expected: null,
        sumSquares: null,
      },
    ]);
  });

  it('reads a Bundle file from bytes', () => {
    const { records, issues } = importMeasureReports(fixture('fhir-measurereports.json'), CONTEXT);
    expect(issues).toEqual([]);
    expect(records.map((r) => [r.path, r.kpiCode, r.period, r.numerator, r.denominator, r.expected])).toEqual(
      [
        ['entry[0].resource', 'DM-01', '2025-Q3', 112, 130, null],
        ['entry[1].resource', 'KO-06', '2025-Q3', 1_234_567.89, 1_180_000.5, 1_180_000.5],
      ],
    );
  });

  it('sums individual reports in a transaction Bundle per organisation × KPI × quarter', () => {
    const scores = [8, 7, 9, 6];
    const { records, issues } = importMeasureReports(bundle('transaction', scores.map(individual)), CONTEXT);
    expect(issues.map((i) => i.code)).toEqual(['below-min-denominator']);
    expect(records).toEqual([
      expect.objectContaining({
        path: 'entry[0].resource',
        reports: 4,
        organisationId: 'practice-het-anker',
        kpiCode: 'PE-01',
        period: '2025-Q2',
        numerator: 30,
        denominator: 4,
        sumSquares: 64 + 49 + 81 + 36,
      }),
    ]);
  });

  it('finds the KPI through the identifier of a Measure in a searchset Bundle', () => {
    const measure = {
      resourceType: 'Measure',
      url: 'https://zorggroep.example/fhir/Measure/hba1c-jaarlijks',
      identifier: [{ system: 'https://kwadrant.nl/fhir/NamingSystem/kpi', value: 'DM-01' }],
    };
    const report = summaryReport({ measure: 'https://zorggroep.example/fhir/Measure/hba1c-jaarlijks|2' });
    const { records, issues } = importMeasureReports(bundle('searchset', [report, measure]), CONTEXT);
    expect(issues).toEqual([]);
    expect(records[0]).toMatchObject({ kpiCode: 'DM-01', numerator: 112 });
  });

  it('subtracts exclusions and exceptions, warning once', () => {
    const report = summaryReport({
      group: [
        {
          population: [
            pop('denominator', 140),
            pop('denominator-exclusion', 6),
            pop('denominator-exception', 4),
            pop('numerator', 115),
            pop('numerator-exclusion', 3),
          ],
        },
      ],
    });
    const { records, issues } = importMeasureReports(report, CONTEXT);
    expect(records[0]).toMatchObject({ numerator: 112, denominator: 130 });
    expect(brief(issues)).toEqual([
      { row: null, column: 'group[0].population', code: 'exclusions-applied', severity: 'warning' },
    ]);
  });

  it('refuses a period that is not exactly one calendar quarter', () => {
    for (const period of [
      { start: '2025-07-01', end: '2025-12-31' },
      { start: '2025-07-02', end: '2025-09-30' },
      { start: '2025', end: '2025' },
    ]) {
      const { records, issues } = importMeasureReports(summaryReport({ period }), CONTEXT);
      expect(records).toEqual([]);
      expect(brief(issues)).toEqual([{ row: null, column: 'period', code: 'bad-period', severity: 'error' }]);
    }
    expect(
      importMeasureReports(summaryReport({ period: { start: '2025-07-01' } }), CONTEXT).issues[0],
    ).toMatchObject({
      code: 'missing-value',
      column: 'period.end',
    });
  });

  it('refuses a report with only a score: Kwadrant needs counts', () => {
    const report = summaryReport({ group: [{ measureScore: { value: 86.2, unit: '%' } }] });
    const { records, issues } = importMeasureReports(report, CONTEXT);
    expect(records).toEqual([]);
    expect(brief(issues)).toEqual([
      { row: null, column: 'group[0]', code: 'missing-counts', severity: 'error' },
    ]);
    expect(issues[0]!.message.en).toBe(
      'At group[0]: The report gives a score (measureScore) only, no numerator and denominator.',
    );
  });

  it('reports shape errors with their JSON path', () => {
    const broken = summaryReport({ status: 'final' });
    (broken.group[0]!.population[1] as { count: number }).count = -3;
    const { records, issues } = importMeasureReports(bundle('collection', [broken]), CONTEXT);
    expect(records).toEqual([]);
    expect(brief(issues)).toEqual([
      { row: null, column: 'entry[0].resource.status', code: 'invalid-resource', severity: 'error' },
      {
        row: null,
        column: 'entry[0].resource.group[0].population[1].count',
        code: 'invalid-resource',
        severity: 'error',
      },
    ]);
    expect(issues[0]!.message.en).toBe(
      'At entry[0].resource.status: Invalid value: expected one of "complete" | "pending" | "error".',
    );
    expect(issues[1]!.value).toBe('-3');
  });

  it('checks the figures as for a CSV row, with the path of the population', () => {
    const report = summaryReport({
      group: [{ population: [pop('numerator', 140), pop('denominator', 130)] }],
    });
    const { issues } = importMeasureReports(bundle('collection', [report]), CONTEXT);
    expect(brief(issues)).toEqual([
      {
        row: null,
        column: 'entry[0].resource.group[0].population[0]',
        code: 'numerator-above-denominator',
        severity: 'error',
      },
    ]);
  });

  it('reports unknown and missing organisations and KPIs, duplicates, and pending reports', () => {
    const reports = [
      summaryReport({ subject: agb('09999999') }),
      summaryReport({ subject: { reference: 'Organization/1' } }),
      summaryReport({ measure: 'https://kwadrant.nl/fhir/Measure/XX-99' }),
      summaryReport(),
      summaryReport({ status: 'pending' }),
    ];
    const { records, issues, summary } = importMeasureReports(bundle('collection', reports), CONTEXT);
    expect(brief(issues)).toEqual([
      {
        row: null,
        column: 'entry[0].resource.subject.identifier.value',
        code: 'unknown-organisation',
        severity: 'error',
      },
      { row: null, column: 'entry[1].resource.subject', code: 'missing-organisation', severity: 'error' },
      { row: null, column: 'entry[2].resource.measure', code: 'unknown-kpi', severity: 'error' },
      { row: null, column: 'entry[4].resource.status', code: 'report-pending', severity: 'warning' },
      { row: null, column: 'entry[4].resource', code: 'duplicate-row', severity: 'error' },
    ]);
    expect(issues[4]!.message.nl).toBe(
      'Bij entry[4].resource: 01012345 × DM-01 × 2025-Q3 staat al op entry[3].resource; dit is een dubbeling.',
    );
    expect(records.map((r) => r.path)).toEqual(['entry[3].resource']);
    expect(summary).toMatchObject({ reports: 5, valid: 1, rejected: 4 });
    for (const entry of issues) expectIssueShape(entry);
  });

  it('warns when the reported score does not follow from the counts', () => {
    const report = summaryReport({
      group: [
        { population: [pop('numerator', 112), pop('denominator', 130)], measureScore: { value: 91.2 } },
      ],
    });
    const { records, issues } = importMeasureReports(report, CONTEXT);
    expect(records).toHaveLength(1);
    expect(brief(issues)).toEqual([
      { row: null, column: 'group[0].measureScore.value', code: 'score-mismatch', severity: 'warning' },
    ]);
    // Scores on the 0–1 scale (FHIR's default for proportions) are accepted.
    const raw = summaryReport({
      group: [
        { population: [pop('numerator', 112), pop('denominator', 130)], measureScore: { value: 0.8615 } },
      ],
    });
    expect(importMeasureReports(raw, CONTEXT).issues).toEqual([]);
  });

  it('refuses invalid JSON (with its line), other resources and unsupported Bundle types', () => {
    // A trailing comma, as hand-edited JSON often has: the line is given where the parser says where.
    const invalid = importMeasureReports(
      '{\n  "resourceType": "MeasureReport",\n  "status": "complete",\n}',
      CONTEXT,
    );
    expect(brief(invalid.issues)).toEqual([
      { row: 4, column: null, code: 'invalid-json', severity: 'error' },
    ]);
    expect(importMeasureReports({ resourceType: 'Patient' }, CONTEXT).issues[0]!.code).toBe(
      'unsupported-resource',
    );
    expect(importMeasureReports(null, CONTEXT).issues[0]!.code).toBe('unsupported-resource');
    expect(importMeasureReports(bundle('document', []), CONTEXT).issues[0]).toMatchObject({
      code: 'unsupported-bundle-type',
      column: 'type',
    });
    const collection = summaryReport({ type: 'data-collection' });
    expect(importMeasureReports(collection, CONTEXT).issues.map((i) => i.code)).toEqual([
      'unsupported-report-type',
    ]);
  });

  it('never throws on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = importMeasureReports(value, CONTEXT);
        for (const entry of result.issues) expectIssueShape(entry);
        expect(result.records).toEqual([]);
      }),
    );
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(() => importMeasureReports(text, CONTEXT)).not.toThrow();
      }),
    );
  });
});

describe('quarterOfFhirPeriod', () => {
  it.each([
    ['2025-07-01', '2025-09-30', '2025-Q3'],
    ['2025-01-01T00:00:00+01:00', '2025-03-31T23:59:59+02:00', '2025-Q1'],
    ['2025-10', '2025-12', '2025-Q4'],
    ['2024-04-01', '2024-06-30', '2024-Q2'],
    ['2025-07-01', '2025-10-01', null],
    ['2025-06-30', '2025-09-30', null],
    ['2025-07-01', '2026-09-30', null],
    ['2025-02-30', '2025-03-31', null],
    ['juli 2025', '2025-09-30', null],
  ])('%s … %s → %s', (start, end, quarter) => {
    expect(quarterOfFhirPeriod(start, end)).toBe(quarter);
  });
});

describe('toMeasureReports', () => {
  const organisation = { id: 'practice-de-brink', agbCode: '01012345', name: 'Huisartsenpraktijk De Brink' };
  const options = { kpis: DEFAULT_KPIS, organisation, generatedAt: '2025-10-15T09:30:00Z' };

  it('writes a collection Bundle of complete summary reports with counts and a display-scale score', () => {
    const bundleOut = toMeasureReports(
      [
        { kpiCode: 'DM-01', period: '2025-Q3', numerator: 112, denominator: 130 },
        { kpiCode: 'KO-01', period: '2025-Q3', numerator: 41, denominator: 637.25 },
      ],
      options,
    );
    expect(bundleOut).toMatchObject({
      resourceType: 'Bundle',
      type: 'collection',
      timestamp: '2025-10-15T09:30:00Z',
    });
    const [dm, ko] = bundleOut.entry.map((e) => e.resource);
    expect(bundleOut.entry[0]!.fullUrl).toBe('https://kwadrant.nl/fhir/MeasureReport/01012345-DM-01-2025-Q3');
    expect(dm).toEqual({
      resourceType: 'MeasureReport',
      id: '01012345-DM-01-2025-Q3',
      status: 'complete',
      type: 'summary',
      measure: 'https://kwadrant.nl/fhir/Measure/DM-01',
      subject: {
        identifier: { system: AGB_SYSTEM, value: '01012345' },
        display: 'Huisartsenpraktijk De Brink',
      },
      date: '2025-10-15T09:30:00Z',
      reporter: {
        identifier: { system: AGB_SYSTEM, value: '01012345' },
        display: 'Huisartsenpraktijk De Brink',
      },
      period: { start: '2025-07-01', end: '2025-09-30' },
      improvementNotation: {
        coding: [
          { system: 'http://terminology.hl7.org/CodeSystem/measure-improvement-notation', code: 'increase' },
        ],
      },
      group: [
        {
          population: [pop('numerator', 112), pop('denominator', 130)],
          measureScore: { value: 86.15, unit: '%', system: 'http://unitsofmeasure.org', code: '%' },
        },
      ],
    });
    // Person-years are not whole: FHIR's integer count cannot hold them, the extension does.
    expect(ko!.group![0]!.population![1]).toEqual({
      code: { coding: [{ system: POPULATION_SYSTEM, code: 'denominator' }] },
      extension: [{ url: POPULATION_VALUE_EXTENSION, valueDecimal: 637.25 }],
    });
    expect(ko!.group![0]!.measureScore).toEqual({ value: 64.34, unit: 'per 1,000 enrolled per year' });
  });

  it('writes E for ratios and Σx² for means as Kwadrant populations', () => {
    const out = toMeasureReports(
      [
        { kpiCode: 'KO-06', period: '2025-Q3', numerator: 1200, denominator: 1000, expected: 1000 },
        { kpiCode: 'PE-01', period: '2025-Q3', numerator: 361.5, denominator: 45, sumSquares: 2997.25 },
      ],
      options,
    );
    expect(out.entry[0]!.resource.group![0]!.population![2]).toEqual(
      pop('expected', 1000, KWADRANT_POPULATION_SYSTEM),
    );
    expect(out.entry[0]!.resource.group![0]!.measureScore).toMatchObject({ value: 1.2, code: '1' });
    expect(out.entry[1]!.resource.group![0]!.population![2]).toMatchObject({
      code: { coding: [{ system: KWADRANT_POPULATION_SYSTEM, code: 'sum-squares' }] },
    });
  });

  it('refuses what it cannot write faithfully', () => {
    const one = (o: Partial<ExportObservation>) => [
      { kpiCode: 'DM-01', period: '2025-Q3', numerator: 1, denominator: 2, ...o },
    ];
    expect(() => toMeasureReports(one({ kpiCode: 'XX-99' }), options)).toThrow(/unknown KPI "XX-99"/);
    expect(() => toMeasureReports(one({ period: '2025' }), options)).toThrow(/not a quarter/);
    expect(() => toMeasureReports(one({ organisationId: 'other' }), options)).toThrow(/belongs to "other"/);
    expect(() => toMeasureReports(one({ numerator: Infinity }), options)).toThrow(/finite/);
    expect(() =>
      toMeasureReports(one({}), { ...options, organisation: { ...organisation, agbCode: '1012345' } }),
    ).toThrow(/8 digits/);
  });

  it('round-trips: export then import gives the same figures', () => {
    const KPIS = DEFAULT_KPIS;
    const observation = fc
      .record({
        kpi: fc.constantFrom(...KPIS),
        year: fc.integer({ min: 2000, max: 2040 }),
        quarter: fc.integer({ min: 1, max: 4 }),
        a: fc.integer({ min: 0, max: 1_000_000 }),
        b: fc.integer({ min: 1, max: 1_000_000 }),
        x: fc.double({ min: 0, max: 1e9, noNaN: true }),
        y: fc.double({ min: 1e-3, max: 1e9, noNaN: true }),
      })
      .map(({ kpi, year, quarter, a, b, x, y }): ExportObservation => {
        const period = `${year}-Q${quarter}`;
        if (kpi.kind === 'proportion')
          return { kpiCode: kpi.code, period, numerator: Math.min(a, b), denominator: b };
        if (kpi.kind === 'ratio')
          return { kpiCode: kpi.code, period, numerator: x, denominator: y, expected: y };
        if (kpi.kind === 'mean') {
          // Scores of at most 10 each (PREM 1–10), so Σx²  = (Σx)²/n + spread stays exact in a double.
          const sum = Math.min(x, 10 * b);
          return {
            kpiCode: kpi.code,
            period,
            numerator: sum,
            denominator: b,
            sumSquares: (sum * sum) / b + y,
          };
        }
        return { kpiCode: kpi.code, period, numerator: x, denominator: y };
      });
    fc.assert(
      fc.property(
        fc.uniqueArray(observation, { maxLength: 30, selector: (o) => `${o.kpiCode}|${o.period}` }),
        (observations) => {
          const json = JSON.stringify(toMeasureReports(observations, options));
          const { records, issues } = importMeasureReports(json, CONTEXT);
          expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
          expect(issues.map((i) => i.code).filter((c) => c !== 'below-min-denominator')).toEqual([]);
          expect(
            records.map((r) => ({
              kpiCode: r.kpiCode,
              period: r.period,
              numerator: r.numerator,
              denominator: r.denominator,
              expected: r.expected,
              sumSquares: r.sumSquares,
              organisationId: r.organisationId,
            })),
          ).toEqual(
            observations.map((o) => {
              const kind = KPIS.find((k) => k.code === o.kpiCode)!.kind;
              return {
                kpiCode: o.kpiCode,
                period: o.period,
                numerator: o.numerator,
                denominator: o.denominator,
                expected: kind === 'ratio' ? o.expected : null,
                sumSquares: kind === 'mean' ? o.sumSquares : null,
                organisationId: 'practice-de-brink',
              };
            }),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});
