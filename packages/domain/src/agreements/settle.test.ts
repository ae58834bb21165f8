import { describe, expect, it } from 'vitest';
import { SettlementError } from './errors';
import type { Agreement, Settlement } from './model';
import { settle } from './settle';
import { agreement, clause, inputs } from './test/fixtures';

const keys = (s: Settlement) => s.explanation.map((step) => step.key);

describe('worked example 1: Q1 collaborative, capitation, r = 0.3, two clauses (one quarter)', () => {
  /*
   * Lines (capitation, cents per enrolled patient per quarter, 1 quarter):
   *   L1 OI-1A  250 × 4,000 × 1 = 1,000,000 (€ 10,000.00)
   *   L2 OI-1B  125 × 4,000 × 1 =   500,000 (€  5,000.00)
   *   base = 1,500,000
   * at risk = round(0.3 × 1,500,000) = 450,000; guaranteed = 1,500,000 − 450,000 = 1,050,000
   * C1 DM-01 linear, threshold 0.70, target 0.90, point: 160/200 = 0.80 → (0.80 − 0.70) / 0.20 = 0.5
   * C2 KO-01 all-or-nothing, target 300 per 1,000 (lower is better): 140 / 500 patient-years
   *    × 1,000 = 280 ≤ 300 → 1
   * A = 0.6 × 0.5 + 0.4 × 1 = 0.7; conditional = 450,000 × 0.7 = 315,000
   *   allocated over clauses by wᵢ·scoreᵢ (0.3 : 0.4): 135,000 and 180,000
   * total = 1,050,000 + 315,000 = 1,365,000 (€ 13,650.00), all paid by the lead insurer.
   */
  const s = settle(agreement(), inputs());

  it('settles every amount to the cent', () => {
    expect(s.lines.map((l) => l.amountCents)).toEqual([1_000_000, 500_000]);
    expect(s).toMatchObject({
      base: 1_500_000,
      atRisk: 450_000,
      guaranteed: 1_050_000,
      conditional: 315_000,
      bonus: 0,
      malus: 0,
      sharedSavings: 0,
      total: 1_365_000,
      quarters: 1,
    });
    expect(s.attainment).toBeCloseTo(0.7, 12);
  });

  it('scores the clauses and allocates the conditional part over them exactly', () => {
    expect(s.clauses.map((c) => [c.clauseId, c.score, c.contributionCents, c.evidence.verdict])).toEqual([
      ['C1', 0.5, 135_000, 'not-met'],
      ['C2', 1, 180_000, 'met'],
    ]);
    expect(s.clauses[0]!.value).toBeCloseTo(0.8, 12);
    expect(s.clauses[1]!.value).toBeCloseTo(280, 9);
  });

  it('puts the whole total on the lead insurer', () => {
    expect(s.coInsurers).toEqual([{ insurer: '3311', role: 'lead', share: 1, amountCents: 1_365_000 }]);
  });

  it('explains every step in order, in Dutch and English, with the numbers', () => {
    expect(keys(s)).toEqual([
      'agreement',
      'line:L1',
      'line:L2',
      'base',
      'at-risk',
      'guaranteed',
      'clause:C1',
      'clause:C2',
      'attainment',
      'conditional',
      'total',
      'co-insurers',
    ]);
    expect(s.explanation.map((step) => step.step)).toEqual(s.explanation.map((_, i) => i + 1));
    const line = s.explanation[1]!;
    expect(line.text.nl).toBe(
      'Regel L1 (OI-1A Praktijkmanagement): 4.000 ingeschreven patiënten × € 2,50 per patiënt per kwartaal × 1 kwartaal = € 10.000,00.',
    );
    expect(line.text.en).toBe(
      'Line L1 (OI-1A Practice management): 4,000 enrolled patients × €2.50 per patient per quarter × 1 quarter = €10,000.00.',
    );
    expect(line.formula).toBe('tariffCents × volume × quarters = 250 × 4000 × 1 = 1000000');
    const total = s.explanation.find((step) => step.key === 'total')!;
    expect(total.text.nl).toBe(
      'Totaal: gegarandeerd € 10.500,00 + voorwaardelijk € 3.150,00 + bonus € 0,00 − malus € 0,00 + gedeelde besparing € 0,00 = € 13.650,00.',
    );
    const c1 = s.explanation.find((step) => step.key === 'clause:C1')!;
    expect(c1.text.nl).toContain('uitkomst 80,0 %');
    expect(c1.text.nl).toContain('score 0 bij de drempel 70,0 %, 1 bij het doel 90,0 %');
    expect(c1.text.nl).toContain('Score 0,5 × gewicht 0,6 → € 1.350,00 van het risicodeel.');
    expect(c1.text.en).toContain('Score 0.5 × weight 0.6 → €1,350.00 of the at-risk part.');
    for (const step of s.explanation) {
      expect(step.text.nl.length).toBeGreaterThan(10);
      expect(step.text.en.length).toBeGreaterThan(10);
      expect(step.title.nl).not.toBe('');
    }
  });
});

describe('worked example 2: Q4 region, every funding basis, bands and improvement, three insurers (a year)', () => {
  /*
   * Year 2025 = 4 quarters.
   *   L1 OI-4A capitation  150 × 120,000 × 4           = 72,000,000
   *   L2 OI-4E availability 4,000,000 × 1 × 4 / 4       =  4,000,000 (volume 1 from the agreement)
   *   L3 OI-4D project     2,500,000 × 3 milestones     =  7,500,000
   *   L4 TEST-FTE fte      7,777,777 × 0.8 × 4 / 4      =  6,222,221.6 → 6,222,222 (rounded once)
   *   base = 89,722,222
   * at risk = round(0.2 × 89,722,222) = round(17,944,444.4) = 17,944,444; guaranteed = 71,777,778
   * C1 OU-01 bands {≥ 0.5 → 0.5, ≥ 0.7 → 1}: 1,300 / 2,000 = 0.65 → 0.5
   * C2 KO-02 improvement, relative 10 % on 2024: baseline 18,000 / 120,000 × 1,000 = 150;
   *    improved target 150 × 0.9 = 135; result 17,100 / 120,000 × 1,000 = 142.5
   *    → (142.5 − 150) / (135 − 150) = 0.5 (absolute target 100 not met)
   * A = 0.5 × 0.5 + 0.5 × 0.5 = 0.5; conditional = 17,944,444 × 0.5 = 8,972,222 → 4,486,111 each
   * total = 71,777,778 + 8,972,222 = 80,750,000
   * insurers 1/3 each (lead the remainder): 26,916,666.67 each → floors 80,749,998, 2 cents left
   *   → lead 26,916,667, 7029 26,916,667, 8401 26,916,666.
   */
  const a = agreement({
    id: 'AGR-2',
    organisation: { id: 'REGIO-1', quadrant: 'Q4' },
    period: { start: '2025-Q1', end: '2027-Q4' },
    atRiskShare: 0.2,
    lines: [
      { id: 'L1', titleCode: 'OI-4A', basis: 'capitation', tariffCents: 150 },
      { id: 'L2', titleCode: 'OI-4E', basis: 'availability', tariffCents: 4_000_000, volume: 1 },
      { id: 'L3', titleCode: 'OI-4D', basis: 'project', tariffCents: 2_500_000 },
      { id: 'L4', titleCode: 'TEST-FTE', basis: 'fte', tariffCents: 7_777_777 },
    ],
    clauses: [
      clause({
        id: 'C1',
        kpiCode: 'OU-01',
        target: 0.7,
        threshold: undefined,
        weight: 0.5,
        scoring: {
          type: 'bands',
          bands: [
            { from: 0.5, score: 0.5 },
            { from: 0.7, score: 1 },
          ],
        },
      }),
      clause({
        id: 'C2',
        kpiCode: 'KO-02',
        target: 100,
        threshold: undefined,
        weight: 0.5,
        scoring: { type: 'improvement', baselinePeriod: '2024', targetImprovement: 0.1, measure: 'relative' },
      }),
    ],
    coInsurers: [
      { insurer: '7029', share: 1 / 3 },
      { insurer: '8401', share: 1 / 3 },
    ],
    coInsuranceBasis: 'market-share',
  });
  const s = settle(
    a,
    inputs({
      period: '2025',
      volumes: { L1: 120_000, L3: 3, L4: 0.8 },
      observations: {
        'OU-01': { numerator: 1_300, denominator: 2_000 },
        'KO-02': { numerator: 17_100, denominator: 120_000 },
      },
      baselines: { '2024': { 'KO-02': { numerator: 18_000, denominator: 120_000 } } },
    }),
  );

  it('settles every line by its funding basis, rounded once', () => {
    expect(s.quarters).toBe(4);
    expect(s.lines.map((l) => [l.lineId, l.volume, l.amountCents])).toEqual([
      ['L1', 120_000, 72_000_000],
      ['L2', 1, 4_000_000],
      ['L3', 3, 7_500_000],
      ['L4', 0.8, 6_222_222],
    ]);
    expect(s.explanation.find((x) => x.key === 'line:L2')!.inputs.volumeSource).toBe('agreement');
  });

  it('settles the totals to the cent', () => {
    expect(s).toMatchObject({
      base: 89_722_222,
      atRisk: 17_944_444,
      guaranteed: 71_777_778,
      conditional: 8_972_222,
      total: 80_750_000,
    });
    expect(s.attainment).toBeCloseTo(0.5, 12);
    expect(s.clauses.map((c) => c.contributionCents)).toEqual([4_486_111, 4_486_111]);
  });

  it('scores bands and improvement against the baseline', () => {
    expect(s.clauses[0]!.score).toBe(0.5);
    expect(s.clauses[1]!.baseline).toBeCloseTo(150, 9);
    expect(s.clauses[1]!.score).toBeCloseTo(0.5, 9);
    expect(s.clauses[1]!.evidence.effectiveTarget).toBeCloseTo(135, 9);
    expect(s.clauses[1]!.evidence.verdict).toBe('not-met');
  });

  it('splits over three insurers with thirds so that the parts add up exactly', () => {
    expect(s.coInsurers.map((p) => [p.insurer, p.role, p.amountCents])).toEqual([
      ['3311', 'lead', 26_916_667],
      ['7029', 'co-insurer', 26_916_667],
      ['8401', 'co-insurer', 26_916_666],
    ]);
    expect(s.coInsurers.reduce((sum, p) => sum + p.amountCents, 0)).toBe(s.total);
    expect(s.explanation.at(-1)!.text.nl).toContain('naar marktaandeel');
  });

  it('settles a quarter of the same agreement pro rata', () => {
    // L1 150 × 120,000 × 1 = 18,000,000; L2 4,000,000 / 4 = 1,000,000; L3 2,500,000 × 1 milestone;
    // L4 7,777,777 × 0.8 / 4 = 1,555,555.4 → 1,555,555.
    const q = settle(
      a,
      inputs({ period: '2025-Q2', volumes: { L1: 120_000, L3: 1, L4: 0.8 }, observations: {} }),
    );
    expect(q.lines.map((l) => l.amountCents)).toEqual([18_000_000, 1_000_000, 2_500_000, 1_555_555]);
  });
});

describe('evidence rules in a settlement, both polarities', () => {
  /*
   * DM-01 (higher is better), 160 / 200 = 0.80, Wilson 95 % (z = 1.959964):
   *   (2x + z² ± z·√(z² + 4x(1 − x/n))) / (2(n + z²)) = [0.739145, 0.849548]
   * Linear, threshold 0.70, target 0.82 (width 0.12):
   *   point            0.80     → 0.10 / 0.12     = 0.833333, not met
   *   benefit of doubt 0.849548 ≥ 0.82           = 1,        met (target inside the interval)
   *   significant      0.739145 → 0.039145 / 0.12 = 0.326207, not met
   */
  const higher = (evidence: 'point' | 'benefit-of-doubt' | 'significant') =>
    settle(agreement({ clauses: [clause({ target: 0.82, threshold: 0.7, evidence })] }), inputs())
      .clauses[0]!;

  it('point scores the value', () => {
    const c = higher('point');
    expect(c.score).toBeCloseTo(0.833333, 6);
    expect(c.evidence).toMatchObject({ scoredOn: 'value', verdict: 'not-met' });
  });
  it('benefit of the doubt scores the upper bound when higher is better', () => {
    const c = higher('benefit-of-doubt');
    expect(c.upper).toBeCloseTo(0.849548, 6);
    expect(c.score).toBe(1);
    expect(c.evidence).toMatchObject({ scoredOn: 'upper', verdict: 'met' });
  });
  it('significant scores the lower bound when higher is better', () => {
    const c = higher('significant');
    expect(c.lower).toBeCloseTo(0.739145, 6);
    expect(c.score).toBeCloseTo(0.326207, 5);
    expect(c.evidence).toMatchObject({ scoredOn: 'lower', verdict: 'not-met' });
  });

  /*
   * KO-01 (lower is better), 140 referrals / 500 patient-years = 280 per 1,000. Byar 95 % for O = 140:
   *   lower = 140(1 − 1/1260 − z/(3√140))³ = 117.769, upper = 141(1 − 1/1269 + z/(3√141))³ = 165.207
   *   → per 1,000: [235.538, 330.413]
   * Linear, threshold 320, target 260 (width −60):
   *   point            280     → (280 − 320) / −60     = 0.666667
   *   benefit of doubt 235.538 ≤ 260                   = 1 (scored on the lower bound)
   *   significant      330.413 beyond the threshold    = 0 (scored on the upper bound)
   */
  const lower = (evidence: 'point' | 'benefit-of-doubt' | 'significant') =>
    settle(
      agreement({ clauses: [clause({ kpiCode: 'KO-01', target: 260, threshold: 320, evidence })] }),
      inputs(),
    ).clauses[0]!;

  it('point, lower is better', () => {
    expect(lower('point').score).toBeCloseTo(2 / 3, 9);
  });
  it('benefit of the doubt scores the lower bound when lower is better', () => {
    const c = lower('benefit-of-doubt');
    expect(c.lower).toBeCloseTo(235.538, 3);
    expect(c.evidence).toMatchObject({ scoredOn: 'lower', verdict: 'met' });
    expect(c.score).toBe(1);
  });
  it('significant scores the upper bound when lower is better', () => {
    const c = lower('significant');
    expect(c.upper).toBeCloseTo(330.413, 3);
    expect(c.evidence).toMatchObject({ scoredOn: 'upper', verdict: 'not-met' });
    expect(c.score).toBe(0);
  });

  it('falls back to the value for a mean without sum of squares (no interval), and says so', () => {
    // PE-01 mean 8.2 from 41 / 5 … use 410 / 50 = 8.2; all-or-nothing target 8: met on every rule.
    const s = settle(
      agreement({
        clauses: [
          clause({
            kpiCode: 'PE-01',
            target: 8,
            threshold: undefined,
            scoring: { type: 'all-or-nothing' },
            evidence: 'significant',
          }),
        ],
      }),
      inputs({ observations: { 'PE-01': { numerator: 410, denominator: 50 } } }),
    );
    expect(s.clauses[0]).toMatchObject({ score: 1, lower: 8.2, upper: 8.2 });
    expect(s.explanation.find((x) => x.key === 'clause:C1')!.text.en).toContain(
      'no confidence interval available',
    );
  });
});

describe('bonus and malus', () => {
  /*
   * Example 1 plus: bonus B1 € 5,000 per year when KO-01 ≤ 300 (280: applies) → 500,000 × 1/4 = 125,000;
   * malus M1 € 2,000 per year when DM-01 ≤ 0.75 (0.80: does not apply) → 0.
   * total = 1,365,000 + 125,000 = 1,490,000.
   */
  const withBonusMalus = agreement({
    bonusMalus: [
      {
        id: 'B1',
        kpiCode: 'KO-01',
        kind: 'bonus',
        condition: { comparator: 'at-most', value: 300 },
        amountCents: 500_000,
      },
      {
        id: 'M1',
        kpiCode: 'DM-01',
        kind: 'malus',
        condition: { comparator: 'at-most', value: 0.75 },
        amountCents: 200_000,
      },
    ],
  });

  it('pays a bonus whose condition holds, pro-rated to the quarter', () => {
    const s = settle(withBonusMalus, inputs());
    expect(s).toMatchObject({ bonus: 125_000, malus: 0, total: 1_490_000 });
    expect(s.bonusMalus.map((b) => [b.id, b.applies, b.amountCents])).toEqual([
      ['B1', true, 125_000],
      ['M1', false, 0],
    ]);
  });

  it('applies the malus when its condition holds', () => {
    // DM-01 140/200 = 0.70 ≤ 0.75 → malus 50,000. C1 scores 0 → A = 0.4 → conditional 180,000.
    // total = 1,050,000 + 180,000 + 125,000 − 50,000 = 1,305,000.
    const s = settle(
      withBonusMalus,
      inputs({
        observations: {
          'DM-01': { numerator: 140, denominator: 200 },
          'KO-01': { numerator: 140, denominator: 500 },
        },
      }),
    );
    expect(s).toMatchObject({ conditional: 180_000, bonus: 125_000, malus: 50_000, total: 1_305_000 });
  });

  it('takes the worst case without data: no bonus, malus applied', () => {
    const s = settle(withBonusMalus, inputs({ observations: {} }));
    expect(s).toMatchObject({ bonus: 0, malus: 50_000 });
    expect(s.explanation.find((x) => x.key === 'malus:M1')!.text.nl).toContain('geen bruikbare waarneming');
  });
});

describe('shared savings on KO-06 (O and E in cents)', () => {
  // Example 1 (A = 0.7) plus shared savings. E = € 1,000,000.00 = 100,000,000 cents.
  const E = 100_000_000;
  const withSavings = (rule: Partial<NonNullable<Agreement['sharedSavings']>> = {}) =>
    agreement({
      sharedSavings: {
        costKpiCode: 'KO-06',
        minimumSavingsRate: 0.02,
        sharingRate: 0.5,
        gateByAttainment: 'none',
        capRateOfExpected: 0.03,
        twoSided: false,
        ...rule,
      },
    });
  const run = (a: Agreement, observed: number) =>
    settle(
      a,
      inputs({
        observations: { ...inputs().observations, 'KO-06': { numerator: observed, denominator: E } },
      }),
    );

  it('shares nothing below the minimum savings rate (1 % < 2 %) or exactly at it', () => {
    expect(run(withSavings(), 99_000_000).sharedSavingsDetail).toMatchObject({
      outcome: 'within-corridor',
      amountCents: 0,
      savingsCents: 1_000_000,
    });
    expect(run(withSavings(), 98_000_000).sharedSavings).toBe(0);
  });

  it('shares sharingRate × savings above the minimum: 5 % saved → 0.5 × 5,000,000 = 2,500,000', () => {
    const s = run(withSavings(), 95_000_000);
    expect(s.sharedSavingsDetail).toMatchObject({
      outcome: 'shared-savings',
      amountCents: 2_500_000,
      savingsRate: 0.05,
    });
    expect(s.total).toBe(1_365_000 + 2_500_000);
  });

  it('caps at capRateOfExpected × E: 10 % saved → 5,000,000, capped at 3 % of E = 3,000,000', () => {
    expect(run(withSavings(), 90_000_000).sharedSavings).toBe(3_000_000);
  });

  it('scales by attainment: 2,500,000 × A 0.7 = 1,750,000', () => {
    expect(run(withSavings({ gateByAttainment: 'scale' }), 95_000_000).sharedSavings).toBe(1_750_000);
  });

  it('gates by attainment: nothing when A 0.7 < gate 0.8, everything when A ≥ gate 0.7', () => {
    const gated = run(withSavings({ gateByAttainment: 'gate', attainmentGate: 0.8 }), 95_000_000);
    expect(gated.sharedSavingsDetail).toMatchObject({ outcome: 'gated', amountCents: 0 });
    expect(
      run(withSavings({ gateByAttainment: 'gate', attainmentGate: 0.7 }), 95_000_000).sharedSavings,
    ).toBe(2_500_000);
  });

  it('mirrors losses when two-sided: 5 % over → −0.4 × 5,000,000 = −2,000,000; 10 % over → capped at −3,000,000', () => {
    const twoSided = withSavings({ twoSided: true, lossSharingRate: 0.4 });
    const loss = run(twoSided, 105_000_000);
    expect(loss.sharedSavingsDetail).toMatchObject({ outcome: 'shared-loss', amountCents: -2_000_000 });
    expect(loss.total).toBe(1_365_000 - 2_000_000 + 0);
    expect(run(twoSided, 110_000_000).sharedSavings).toBe(-3_000_000);
    expect(run(twoSided, 101_000_000).sharedSavings).toBe(0);
  });

  it('does not share a loss when one-sided', () => {
    expect(run(withSavings(), 110_000_000).sharedSavings).toBe(0);
  });

  it('shares nothing without cost figures, and says so', () => {
    const s = settle(withSavings(), inputs());
    expect(s.sharedSavingsDetail).toMatchObject({ outcome: 'no-data', amountCents: 0 });
    expect(s.explanation.find((x) => x.key === 'shared-savings')!.text.en).toContain(
      'No (usable) cost figures',
    );
  });

  it('rounds the shared amount once: 0.5 × 3,333,333 = 1,666,666.5 → 1,666,667', () => {
    expect(run(withSavings({ capRateOfExpected: 1 }), E - 3_333_333).sharedSavings).toBe(1_666_667);
  });
});

describe('edge cases', () => {
  it('no clauses: attainment is 1 by definition and the whole base is paid', () => {
    const s = settle(agreement({ clauses: [] }), inputs());
    expect(s).toMatchObject({ attainment: 1, atRisk: 450_000, conditional: 450_000, total: 1_500_000 });
    expect(s.explanation.find((x) => x.key === 'attainment')!.text.nl).toContain('geen resultaatafspraken');
  });

  it('r = 0: everything guaranteed, results do not matter', () => {
    const s = settle(agreement({ atRiskShare: 0 }), inputs({ observations: {} }));
    expect(s).toMatchObject({ atRisk: 0, guaranteed: 1_500_000, conditional: 0, total: 1_500_000 });
  });

  it('r = 1: nothing guaranteed, total = base × A', () => {
    const s = settle(agreement({ atRiskShare: 1 }), inputs());
    expect(s).toMatchObject({ atRisk: 1_500_000, guaranteed: 0, conditional: 1_050_000, total: 1_050_000 });
  });

  it('zero volume: the line pays nothing', () => {
    const s = settle(agreement(), inputs({ volumes: { L1: 0, L2: 4000 } }));
    expect(s.lines[0]!.amountCents).toBe(0);
    expect(s.base).toBe(500_000);
  });

  it('missing observation: the clause scores 0 with verdict no-data and an explanation', () => {
    // C1 scores 0 → A = 0.4 → conditional = 450,000 × 0.4 = 180,000 → total 1,230,000.
    const s = settle(
      agreement(),
      inputs({ observations: { 'KO-01': { numerator: 140, denominator: 500 } } }),
    );
    expect(s.clauses[0]).toMatchObject({
      score: 0,
      value: null,
      contributionCents: 0,
      evidence: { verdict: 'no-data', scoredOn: null },
    });
    expect(s.total).toBe(1_230_000);
    expect(s.explanation.find((x) => x.key === 'clause:C1')!.text.nl).toContain(
      'geen waarneming aangeleverd',
    );
  });

  it('denominator below the KPI minimum: the clause scores 0 with verdict too-small', () => {
    // DM-01 needs a denominator of at least 20.
    const s = settle(
      agreement(),
      inputs({
        observations: {
          'DM-01': { numerator: 10, denominator: 10 },
          'KO-01': { numerator: 140, denominator: 500 },
        },
      }),
    );
    expect(s.clauses[0]).toMatchObject({ score: 0, evidence: { verdict: 'too-small' } });
    expect(s.explanation.find((x) => x.key === 'clause:C1')!.text.en).toContain(
      'below the minimum for DM-01 (20)',
    );
  });

  it('improvement without baseline figures can still score 1 on the absolute target', () => {
    const a = agreement({
      clauses: [
        clause({
          threshold: undefined,
          scoring: {
            type: 'improvement',
            baselinePeriod: '2024',
            targetImprovement: 0.05,
            measure: 'absolute',
          },
        }),
      ],
    });
    expect(settle(a, inputs()).clauses[0]).toMatchObject({ score: 0, baseline: null });
    const good = settle(a, inputs({ observations: { 'DM-01': { numerator: 190, denominator: 200 } } }));
    expect(good.clauses[0]).toMatchObject({ score: 1 });
  });

  it('throws a SettlementError for a missing volume, naming the line', () => {
    expect(() => settle(agreement(), inputs({ volumes: { L1: 4000 } }))).toThrow(/line L2/);
    try {
      settle(agreement(), inputs({ volumes: { L1: 4000 } }));
    } catch (error) {
      expect(error).toBeInstanceOf(SettlementError);
      expect((error as SettlementError).code).toBe('missing-volume');
      expect((error as SettlementError).localised.nl).toContain('regel L2');
    }
  });

  it('throws for a negative volume, a period outside the agreement and a malformed period', () => {
    expect(() => settle(agreement(), inputs({ volumes: { L1: -1, L2: 1 } }))).toThrow(SettlementError);
    expect(() => settle(agreement(), inputs({ period: '2024-Q4' }))).toThrow(/not lie wholly within/);
    expect(() =>
      settle(agreement({ period: { start: '2025-Q2', end: '2025-Q4' } }), inputs({ period: '2025' })),
    ).toThrow(/2025-Q2 to 2025-Q4/);
    expect(() => settle(agreement(), inputs({ period: 'Q1-2025' }))).toThrow(/not a period/);
  });

  it('throws for impossible figures instead of scoring them', () => {
    expect(() =>
      settle(agreement(), inputs({ observations: { 'DM-01': { numerator: 300, denominator: 200 } } })),
    ).toThrow(/DM-01 cannot be estimated/);
    expect(() =>
      settle(agreement(), inputs({ observations: { 'DM-01': { numerator: -1, denominator: 200 } } })),
    ).toThrow(/DM-01 is invalid/);
  });

  it('refuses to settle an invalid agreement and carries the issues', () => {
    try {
      settle(agreement({ atRiskShare: 1.5 }), inputs());
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SettlementError);
      const e = error as SettlementError;
      expect(e.code).toBe('invalid-agreement');
      expect(e.issues.map((i) => i.code)).toContain('at-risk-share-range');
    }
  });

  it('never lets guaranteed + conditional exceed the base: at-risk cents are rounded once', () => {
    // base 333 × 1 = 333 cents, r = 0.5 → at risk round(166.5) = 167, guaranteed 166; A = 1 → 333.
    const a = agreement({
      atRiskShare: 0.5,
      lines: [{ id: 'L1', titleCode: 'OI-1A', basis: 'capitation', tariffCents: 333 }],
      clauses: [],
    });
    const s = settle(a, inputs({ volumes: { L1: 1 } }));
    expect([s.atRisk, s.guaranteed, s.conditional, s.total]).toEqual([167, 166, 167, 333]);
  });
});

describe('input fingerprint', () => {
  it('is canonical JSON of the inputs used, identical for equal inputs', () => {
    const s = settle(agreement(), inputs());
    expect(settle(agreement(), inputs()).inputFingerprint).toBe(s.inputFingerprint);
    const parsed = JSON.parse(s.inputFingerprint) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual([
      'agreement',
      'baselines',
      'kpis',
      'observations',
      'period',
      'rules',
      'titles',
      'volumes',
    ]);
    expect(parsed.observations).toEqual({
      'DM-01': { denominator: 200, numerator: 160 },
      'KO-01': { denominator: 500, numerator: 140 },
    });
    expect(parsed.volumes).toEqual({ L1: 4000, L2: 4000 });
  });

  it('ignores inputs that were not used and names that cannot change the money', () => {
    const base = settle(agreement(), inputs()).inputFingerprint;
    const extra = inputs();
    const withUnused = settle(agreement(), {
      ...extra,
      volumes: { ...extra.volumes, OTHER: 5 },
      observations: { ...extra.observations, 'CO-01': { numerator: 1, denominator: 2 } },
      kpis: extra.kpis.map((k) => ({ ...k, name: { nl: 'x', en: 'x' } })),
    });
    expect(withUnused.inputFingerprint).toBe(base);
  });

  it('changes when a used input changes, and records a missing observation as null', () => {
    const base = settle(agreement(), inputs()).inputFingerprint;
    const changed = settle(
      agreement(),
      inputs({ observations: { 'DM-01': { numerator: 161, denominator: 200 } } }),
    );
    expect(changed.inputFingerprint).not.toBe(base);
    expect(JSON.parse(changed.inputFingerprint)).toMatchObject({ observations: { 'KO-01': null } });
    expect(settle(agreement({ version: 2 }), inputs()).inputFingerprint).not.toBe(base);
  });
});
