import { describe, expect, it } from 'vitest';
import type { Agreement, ValidationIssue } from './model';
import { agreement, clause, KPIS, TITLES } from './test/fixtures';
import { validateAgreement } from './validate';

const context = { titles: TITLES, kpis: KPIS };
const issuesOf = (a: unknown, others?: Agreement[]) =>
  validateAgreement(a, { ...context, otherAgreements: others }).issues;
const only = (issues: ValidationIssue[], code: string) => {
  const found = issues.filter((i) => i.code === code);
  expect(found, `expected one "${code}" issue in ${JSON.stringify(issues.map((i) => i.code))}`).toHaveLength(
    1,
  );
  return found[0]!;
};

describe('validateAgreement', () => {
  it('accepts the worked example without issues', () => {
    expect(validateAgreement(agreement(), context)).toEqual({ valid: true, issues: [] });
  });

  it('reports weights that do not sum to 1, with the actual sum', () => {
    const issue = only(
      issuesOf(
        agreement({ clauses: [clause({ id: 'C1', weight: 0.5 }), clause({ id: 'C2', weight: 0.4 })] }),
      ),
      'weights-sum',
    );
    expect(issue).toMatchObject({ path: 'clauses', severity: 'error' });
    expect(issue.message.nl).toBe(
      'De gewichten van de resultaatafspraken tellen op tot 0,9; dat moet 1 zijn.',
    );
    expect(issue.message.en).toBe('The clause weights sum to 0.9; they must sum to 1.');
  });

  it('tolerates float noise in the weights (0.1 + 0.2 + 0.7)', () => {
    const clauses = [0.1, 0.2, 0.7].map((weight, i) => clause({ id: `C${i}`, weight }));
    expect(validateAgreement(agreement({ clauses }), context).valid).toBe(true);
  });

  it('reports a weight outside [0, 1]', () => {
    const issues = issuesOf(
      agreement({ clauses: [clause({ id: 'C1', weight: 1.5 }), clause({ id: 'C2', weight: -0.5 })] }),
    );
    expect(issues.filter((i) => i.code === 'weight-range').map((i) => i.path)).toEqual([
      'clauses[0].weight',
      'clauses[1].weight',
    ]);
  });

  it('reports a threshold equal to the target', () => {
    const issue = only(
      issuesOf(agreement({ clauses: [clause({ threshold: 0.9, target: 0.9 })] })),
      'threshold-equals-target',
    );
    expect(issue.path).toBe('clauses[0].threshold');
    expect(issue.message.nl).toBe(
      'Bij resultaatafspraak C1 is de drempel gelijk aan het doel (90,0 %); tussen drempel en doel moet ruimte zitten.',
    );
  });

  it('reports a threshold on the wrong side for higher-is-better', () => {
    const issue = only(
      issuesOf(agreement({ clauses: [clause({ threshold: 0.95, target: 0.9 })] })),
      'threshold-wrong-side',
    );
    expect(issue.message.en).toBe(
      'In clause C1 the threshold (95.0%) lies above the target (90.0%), but for DM-01 higher is better: the threshold must lie below the target.',
    );
  });

  it('reports a threshold on the wrong side for lower-is-better', () => {
    const issue = only(
      issuesOf(agreement({ clauses: [clause({ kpiCode: 'KO-01', threshold: 250, target: 300 })] })),
      'threshold-wrong-side',
    );
    expect(issue.message.nl).toContain(
      'ligt de drempel (250,0 per 1.000 ingeschrevenen per jaar) onder het doel',
    );
    expect(issue.message.nl).toContain('"lager is beter": de drempel moet hoger liggen dan het doel');
  });

  it('reports a linear clause without threshold', () => {
    only(issuesOf(agreement({ clauses: [clause({ threshold: undefined })] })), 'threshold-missing');
  });

  it('reports a KPI without polarity in a clause', () => {
    const issue = only(
      issuesOf(agreement({ clauses: [clause({ kpiCode: 'KO-08', target: 10, threshold: 20 })] })),
      'kpi-polarity-none',
    );
    expect(issue.message.en).toContain('KPI KO-08');
    expect(issue.message.en).toContain('has no polarity');
  });

  it('reports unknown KPIs and titles', () => {
    const issues = issuesOf(
      agreement({
        lines: [{ id: 'L1', titleCode: 'OI-9Z', basis: 'capitation', tariffCents: 100 }],
        clauses: [clause({ kpiCode: 'XX-99' })],
      }),
    );
    expect(only(issues, 'unknown-title').message.nl).toBe('Betaaltitel OI-9Z staat niet in de catalogus.');
    expect(only(issues, 'unknown-kpi').path).toBe('clauses[0].kpiCode');
  });

  it('reports a title outside the organisation quadrant, naming title, its quadrant and the organisation quadrant', () => {
    const issue = only(
      issuesOf(
        agreement({ lines: [{ id: 'L1', titleCode: 'OI-4E', basis: 'availability', tariffCents: 100 }] }),
      ),
      'title-quadrant',
    );
    expect(issue.message.nl).toBe(
      'Betaaltitel OI-4E (Systeemfuncties) hoort bij kwadrant Q4, maar de organisatie zit in kwadrant Q1.',
    );
    expect(issue.message.en).toBe(
      'Payment title OI-4E (System functions) belongs to quadrant Q4, but the organisation is in quadrant Q1.',
    );
  });

  it('reports a line basis that does not match the title', () => {
    only(
      issuesOf(agreement({ lines: [{ id: 'L1', titleCode: 'OI-1A', basis: 'fte', tariffCents: 100 }] })),
      'basis-mismatch',
    );
  });

  it('reports negative tariffs and volumes', () => {
    const issues = issuesOf(
      agreement({
        lines: [{ id: 'L1', titleCode: 'OI-1A', basis: 'capitation', tariffCents: -250, volume: -3 }],
      }),
    );
    expect(only(issues, 'negative-tariff').message.en).toBe(
      'The tariff of line L1 is negative (-250 cents).',
    );
    only(issues, 'negative-volume');
  });

  it('reports an at-risk share outside [0, 1]', () => {
    const issue = only(issuesOf(agreement({ atRiskShare: 1.2 })), 'at-risk-share-range');
    expect(issue.message.nl).toBe('Het risicodeel r is 1,2; dat moet tussen 0 en 1 liggen.');
    only(issuesOf(agreement({ atRiskShare: -0.1 })), 'at-risk-share-range');
  });

  it('reports a period that ends before it starts', () => {
    const issue = only(issuesOf(agreement({ period: { start: '2026-Q1', end: '2025-Q4' } })), 'period-order');
    expect(issue.message.en).toBe('The period ends (2025-Q4) before it starts (2026-Q1).');
  });

  it('reports co-insurer shares above 1, duplicates, the lead as co-insurer, and shares out of range', () => {
    const issues = issuesOf(
      agreement({
        coInsurers: [
          { insurer: '7029', share: 0.6 },
          { insurer: '7029', share: 0.5 },
          { insurer: '3311', share: 0.1 },
          { insurer: '8401', share: 0 },
        ],
      }),
    );
    expect(only(issues, 'co-insurer-shares-sum').message.en).toBe(
      "The co-insurers' shares sum to 1.2; they may be at most 1 (the lead insurer carries the remainder).",
    );
    expect(only(issues, 'co-insurer-duplicate').path).toBe('coInsurers[1].insurer');
    only(issues, 'co-insurer-is-lead');
    expect(only(issues, 'co-insurer-share-range').path).toBe('coInsurers[3].share');
  });

  it('warns when the co-insurers take everything', () => {
    const result = validateAgreement(
      agreement({
        coInsurers: [
          { insurer: '7029', share: 0.5 },
          { insurer: '8401', share: 0.5 },
        ],
      }),
      context,
    );
    expect(result.valid).toBe(true);
    expect(only(result.issues, 'lead-share-zero').severity).toBe('warning');
  });

  it('reports overlapping agreements of the same insurer and organisation with the same title', () => {
    const other = agreement({
      id: 'AGR-OLD',
      version: 3,
      period: { start: '2024-Q1', end: '2025-Q2' },
      lines: [{ id: 'X', titleCode: 'OI-1A', basis: 'capitation', tariffCents: 200 }],
    });
    const issue = only(issuesOf(agreement(), [other]), 'overlapping-agreement');
    expect(issue).toMatchObject({ severity: 'error', path: 'lines[0].titleCode' });
    expect(issue.message.en).toBe(
      'Payment title OI-1A is also in agreement AGR-OLD (version 3, agreed) of insurer 3311 with organisation ORG-1; the periods overlap from 2025-Q1 to 2025-Q2 inclusive.',
    );
  });

  it('ignores other agreements that do not overlap, differ in insurer, organisation or titles, or are this one', () => {
    const base = { lines: [{ id: 'X', titleCode: 'OI-1A', basis: 'capitation' as const, tariffCents: 200 }] };
    const others = [
      agreement({ ...base, id: 'A', period: { start: '2023-Q1', end: '2024-Q4' } }),
      agreement({ ...base, id: 'B', insurer: '7029' }),
      agreement({ ...base, id: 'C', organisation: { id: 'ORG-2', quadrant: 'Q1' } }),
      agreement({ id: 'D', lines: [{ id: 'X', titleCode: 'OI-2A', basis: 'capitation', tariffCents: 1 }] }),
      agreement({ ...base, version: 7 }),
    ];
    expect(issuesOf(agreement(), others)).toEqual([]);
  });

  it('only warns about overlap with a draft', () => {
    const draft = agreement({ id: 'AGR-DRAFT', status: 'draft' });
    const issues = issuesOf(agreement(), [draft]);
    expect(issues.map((i) => [i.code, i.severity])).toEqual([
      ['overlapping-agreement', 'warning'],
      ['overlapping-agreement', 'warning'],
    ]);
  });

  it('reports a shared-savings KPI that is not a ratio, and missing gate and loss rate', () => {
    const issues = issuesOf(
      agreement({
        sharedSavings: {
          costKpiCode: 'KO-01',
          minimumSavingsRate: 0.02,
          sharingRate: 1.5,
          gateByAttainment: 'gate',
          capRateOfExpected: 0.1,
          twoSided: true,
        },
      }),
    );
    expect(only(issues, 'shared-savings-kind').message.en).toBe(
      'Shared savings need a standardised cost KPI (kind "ratio", observed/expected), but KO-01 is of kind "rate".',
    );
    expect(only(issues, 'rate-range').path).toBe('sharedSavings.sharingRate');
    only(issues, 'attainment-gate-missing');
    only(issues, 'loss-sharing-missing');
  });

  it('reports bands that are empty, out of range, duplicated or falling as results improve', () => {
    const bands = (list: { from: number; score: number }[]) =>
      issuesOf(
        agreement({ clauses: [clause({ threshold: undefined, scoring: { type: 'bands', bands: list } })] }),
      );
    only(bands([]), 'bands-empty');
    only(bands([{ from: 0.5, score: 1.5 }]), 'band-score-range');
    only(
      bands([
        { from: 0.5, score: 0.5 },
        { from: 0.5, score: 0.5 },
      ]),
      'bands-duplicate',
    );
    const falling = only(
      bands([
        { from: 0.5, score: 1 },
        { from: 0.8, score: 0.5 },
      ]),
      'bands-not-monotone',
    );
    expect(falling.message.en).toContain('the band from 80.0% scores 0.5, less than the band from 50.0% (1)');
  });

  it('reports a proportion target given as a percentage', () => {
    const issue = only(
      issuesOf(agreement({ clauses: [clause({ target: 90, threshold: 0.7 })] })),
      'value-scale',
    );
    expect(issue.message.nl).toContain('(bedoelt u 0,9?)');
  });

  it('reports a non-positive improvement and a baseline that is not before the start', () => {
    const issues = issuesOf(
      agreement({
        clauses: [
          clause({
            threshold: undefined,
            scoring: {
              type: 'improvement',
              baselinePeriod: '2025',
              targetImprovement: 0,
              measure: 'absolute',
            },
          }),
        ],
      }),
    );
    only(issues, 'improvement-target');
    expect(only(issues, 'baseline-not-before-start').severity).toBe('warning');
  });

  it('reports bonus and malus conditions pointing the wrong way and negative amounts', () => {
    const issues = issuesOf(
      agreement({
        bonusMalus: [
          {
            id: 'B1',
            kpiCode: 'KO-01',
            kind: 'bonus',
            condition: { comparator: 'at-least', value: 300 },
            amountCents: 100,
          },
          {
            id: 'M1',
            kpiCode: 'DM-01',
            kind: 'malus',
            condition: { comparator: 'at-most', value: 0.5 },
            amountCents: -100,
          },
        ],
      }),
    );
    const direction = only(issues, 'bonus-malus-direction');
    expect(direction.path).toBe('bonusMalus[0].condition.comparator');
    expect(direction.message.en).toContain('a bonus needs "at-most"');
    only(issues, 'negative-amount');
  });

  it('warns about an at-risk share without clauses, and about no lines', () => {
    const result = validateAgreement(agreement({ clauses: [], lines: [] }), context);
    expect(result.valid).toBe(true);
    expect(result.issues.map((i) => i.code).sort()).toEqual(['at-risk-without-clauses', 'no-lines']);
  });

  it('reports duplicate ids', () => {
    const issue = only(
      issuesOf(
        agreement({ clauses: [clause({ id: 'C1', weight: 0.5 }), clause({ id: 'C1', weight: 0.5 })] }),
      ),
      'duplicate-id',
    );
    expect(issue.path).toBe('clauses[1].id');
  });

  it('reports shape errors with a path, in Dutch and English', () => {
    const broken = { ...agreement(), version: 0, period: { start: '2025Q1', end: '2025-Q4' }, insurer: 'ZK' };
    const result = validateAgreement(broken, context);
    expect(result.valid).toBe(false);
    const byPath = Object.fromEntries(result.issues.map((i) => [i.path, i]));
    expect(byPath['period.start']!.message.nl).toBe(
      'Ongeldig veld period.start: verwacht een kwartaal zoals "2025-Q1".',
    );
    expect(byPath.insurer!.message.en).toBe('Invalid field insurer: expected a UZOVI code of 4 digits.');
    expect(byPath.version!.code).toBe('invalid-field');
    expect(
      validateAgreement(
        {
          ...agreement(),
          tariff: 1,
          lines: [{ id: 'L1', titleCode: 'OI-1A', basis: 'capitation', tariffCents: 2.5 }],
        },
        context,
      ).issues[0]!.path,
    ).toBe('lines[0].tariffCents');
  });
});
