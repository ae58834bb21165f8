import fc from 'fast-check';
import type { ObservationFigures } from '../../model/kpi-types';
import type {
  Agreement,
  BonusMalus,
  CoInsurer,
  ResultClause,
  SettlementInputs,
  SharedSavings,
} from '../model';
import { KPIS, TITLES } from './fixtures';

/*
 * Random valid agreements with their settlement inputs, for property tests. Clauses are on DM-01
 * (proportion, higher is better) and KO-01 (rate per 1,000, lower is better), so both polarities and
 * both interval methods (Wilson, Byar/exact Poisson) are exercised; shared savings on KO-06.
 */

type ClauseKpi = 'DM-01' | 'KO-01';

/** The KPI scale: proportion 0–1 for DM-01, per 1,000 patient-years for KO-01. */
const SCALE: Record<ClauseKpi, { direction: 1 | -1; lo: number; hi: number; step: number }> = {
  'DM-01': { direction: 1, lo: 0.3, hi: 0.95, step: 0.3 },
  'KO-01': { direction: -1, lo: 150, hi: 450, step: 150 },
};

const clauseArb = (id: string, weight: number): fc.Arbitrary<ResultClause> =>
  fc
    .record({
      kpiCode: fc.constantFrom<ClauseKpi>('DM-01', 'KO-01'),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      gap: fc.double({ min: 0.05, max: 1, noNaN: true }),
      type: fc.constantFrom('linear', 'bands', 'all-or-nothing', 'improvement'),
      bandFroms: fc.uniqueArray(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 3 }),
      bandScores: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }),
      improvement: fc.double({ min: 0.01, max: 0.3, noNaN: true }),
      measure: fc.constantFrom<'relative' | 'absolute'>('relative', 'absolute'),
      evidence: fc.constantFrom<ResultClause['evidence']>('point', 'benefit-of-doubt', 'significant'),
      confidence: fc.constantFrom<ResultClause['confidence']>(0.95, 0.998),
    })
    .map((g): ResultClause => {
      const s = SCALE[g.kpiCode];
      const target = s.direction === 1 ? s.lo + g.at * (s.hi - s.lo) : s.hi - g.at * (s.hi - s.lo);
      const threshold = target - s.direction * g.gap * s.step;
      const common = {
        id,
        kpiCode: g.kpiCode,
        target,
        weight,
        evidence: g.evidence,
        confidence: g.confidence,
      };
      switch (g.type) {
        case 'linear':
          return {
            ...common,
            threshold: s.direction === 1 ? Math.max(0, threshold) : threshold,
            scoring: { type: 'linear' },
          };
        case 'bands': {
          // Boundaries from least to most demanding, scores never falling: a valid step table.
          const froms = [...g.bandFroms]
            .sort((a, b) => a - b)
            .map((f) =>
              s.direction === 1 ? s.lo + (f / 100) * (s.hi - s.lo) : s.hi - (f / 100) * (s.hi - s.lo),
            );
          const scores = [...g.bandScores].sort((a, b) => a - b);
          return {
            ...common,
            scoring: { type: 'bands', bands: froms.map((from, i) => ({ from, score: scores[i]! })) },
          };
        }
        case 'all-or-nothing':
          return { ...common, scoring: { type: 'all-or-nothing' } };
        case 'improvement':
          return {
            ...common,
            scoring: {
              type: 'improvement',
              baselinePeriod: '2024',
              targetImprovement: g.measure === 'relative' ? g.improvement : g.improvement * s.step,
              measure: g.measure,
            },
          };
      }
    });

const clausesArb: fc.Arbitrary<ResultClause[]> = fc
  .array(fc.integer({ min: 1, max: 10 }), { minLength: 0, maxLength: 3 })
  .chain((raw) => {
    const sum = raw.reduce((a, b) => a + b, 0);
    return raw.length === 0 ? fc.constant([]) : fc.tuple(...raw.map((w, i) => clauseArb(`C${i}`, w / sum)));
  });

const bonusMalusArb: fc.Arbitrary<BonusMalus[]> = fc
  .record({
    bonus: fc.option(
      fc.tuple(fc.double({ min: 150, max: 450, noNaN: true }), fc.integer({ min: 0, max: 1_000_000 })),
      { nil: undefined },
    ),
    malus: fc.option(
      fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 1_000_000 })),
      { nil: undefined },
    ),
  })
  .map(({ bonus, malus }) => [
    ...(bonus
      ? [
          {
            id: 'B1',
            kpiCode: 'KO-01',
            kind: 'bonus' as const,
            condition: { comparator: 'at-most' as const, value: bonus[0] },
            amountCents: bonus[1],
          },
        ]
      : []),
    ...(malus
      ? [
          {
            id: 'M1',
            kpiCode: 'DM-01',
            kind: 'malus' as const,
            condition: { comparator: 'at-most' as const, value: malus[0] },
            amountCents: malus[1],
          },
        ]
      : []),
  ]);

const sharedSavingsArb: fc.Arbitrary<SharedSavings> = fc.record({
  costKpiCode: fc.constant('KO-06'),
  minimumSavingsRate: fc.double({ min: 0, max: 0.05, noNaN: true }),
  sharingRate: fc.double({ min: 0, max: 1, noNaN: true }),
  gateByAttainment: fc.constantFrom<SharedSavings['gateByAttainment']>('none', 'scale', 'gate'),
  attainmentGate: fc.double({ min: 0, max: 1, noNaN: true }),
  capRateOfExpected: fc.double({ min: 0, max: 0.2, noNaN: true }),
  twoSided: fc.boolean(),
  lossSharingRate: fc.double({ min: 0, max: 1, noNaN: true }),
});

/** Co-insurer shares summing to at most 1, including awkward thirds. */
export const coInsurersArb: fc.Arbitrary<CoInsurer[]> = fc
  .subarray(['7029', '8401', '3343'], { minLength: 0, maxLength: 3 })
  .chain((insurers) =>
    fc
      .tuple(
        ...insurers.map(() =>
          fc.oneof(fc.constant(1 / 3), fc.double({ min: 0.001, max: 0.33, noNaN: true })),
        ),
      )
      .map((shares) => insurers.map((insurer, i) => ({ insurer, share: shares[i]! }))),
  );

export const agreementArb: fc.Arbitrary<Agreement> = fc.record({
  id: fc.constant('AGR-P'),
  version: fc.constant(1),
  status: fc.constant('agreed' as const),
  insurer: fc.constant('3311'),
  organisation: fc.constant({ id: 'ORG-P', quadrant: 'Q1' as const }),
  period: fc.constant({ start: '2025-Q1', end: '2025-Q4' }),
  atRiskShare: fc.oneof(fc.constantFrom(0, 1), fc.double({ min: 0, max: 1, noNaN: true })),
  lines: fc.tuple(fc.integer({ min: 0, max: 1_000 }), fc.integer({ min: 0, max: 600 })).map(([a, b]) => [
    { id: 'L1', titleCode: 'OI-1A', basis: 'capitation' as const, tariffCents: a },
    { id: 'L2', titleCode: 'OI-1B', basis: 'capitation' as const, tariffCents: b },
  ]),
  clauses: clausesArb,
  bonusMalus: bonusMalusArb,
  sharedSavings: fc.option(sharedSavingsArb, { nil: undefined }),
  coInsurers: coInsurersArb,
});

const proportionArb: fc.Arbitrary<ObservationFigures> = fc
  .integer({ min: 20, max: 600 })
  .chain((n) => fc.integer({ min: 0, max: n }).map((x) => ({ numerator: x, denominator: n })));
const rateArb: fc.Arbitrary<ObservationFigures> = fc
  .tuple(fc.integer({ min: 0, max: 2_000 }), fc.integer({ min: 250, max: 5_000 }))
  .map(([events, years]) => ({ numerator: events, denominator: years }));
const costArb: fc.Arbitrary<ObservationFigures> = fc
  .tuple(fc.integer({ min: 1_000_000, max: 100_000_000 }), fc.double({ min: 0.5, max: 1.5, noNaN: true }))
  .map(([e, ratio]) => ({ numerator: Math.round(e * ratio), denominator: e, expected: e }));

/** Settlement inputs without the catalogues (so that a failing case prints readably); see `withCatalogues`. */
export type InputData = Omit<SettlementInputs, 'kpis' | 'titles'>;

export const withCatalogues = (data: InputData): SettlementInputs => ({
  ...data,
  kpis: KPIS,
  titles: TITLES,
});

export const inputsArb: fc.Arbitrary<InputData> = fc.record({
  period: fc.constantFrom('2025-Q1', '2025-Q3', '2025'),
  volumes: fc.record({ L1: fc.integer({ min: 0, max: 20_000 }), L2: fc.integer({ min: 0, max: 20_000 }) }),
  observations: fc.record(
    { 'DM-01': proportionArb, 'KO-01': rateArb, 'KO-06': costArb },
    { requiredKeys: [] }, // any of them may be missing
  ),
  baselines: fc.record({ '2024': fc.record({ 'DM-01': proportionArb, 'KO-01': rateArb }) }),
});

/** Makes one KPI's result better by a random amount, in its own better direction. */
export const improvementArb = fc.record({
  kpi: fc.constantFrom('DM-01', 'KO-01', 'KO-06'),
  fraction: fc.double({ min: 0, max: 1, noNaN: true }),
});

export function improve(inputs: InputData, change: { kpi: string; fraction: number }): InputData {
  const figures = inputs.observations[change.kpi];
  if (!figures) return inputs;
  const better =
    change.kpi === 'DM-01'
      ? {
          ...figures,
          numerator:
            figures.numerator + Math.floor(change.fraction * (figures.denominator - figures.numerator)),
        }
      : { ...figures, numerator: figures.numerator - Math.floor(change.fraction * figures.numerator) };
  return { ...inputs, observations: { ...inputs.observations, [change.kpi]: better } };
}
