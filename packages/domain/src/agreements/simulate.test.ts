import { describe, expect, it } from 'vitest';
import { SettlementError } from './errors';
import { simulate, type SimulationUnit } from './simulate';
import { agreement, inputs } from './test/fixtures';

/*
 * The worked-example agreement (base 1,500,000, at risk 450,000, guaranteed 1,050,000; C1 DM-01
 * linear 0.70 → 0.90, weight 0.6; C2 KO-01 all-or-nothing ≤ 300, weight 0.4) over three practices:
 *
 *                 DM-01          KO-01 per 1,000   scores      A      conditional   total
 *   A  shift 0     160/200 0.80   140/500 280       0.5, 1      0.70   315,000       1,365,000
 *   B  shift 0     150/200 0.75   160/500 320       0.25, 0     0.15    67,500       1,117,500
 *   C  shift 0     190/200 0.95   100/500 200       1, 1        1      450,000       1,500,000
 *
 * Shift +0.05 (5 percentage points on DM-01, 0.05 per 1,000 on KO-01, both in the better direction):
 *   A  0.85 → 0.75; 279.95 → 1: A = 0.85 → 382,500 → 1,432,500
 *   B  0.80 → 0.5;  319.95 → 0: A = 0.30 → 135,000 → 1,185,000
 *   C  unchanged at 1,500,000
 * Shift −0.05:
 *   A  0.75 → 0.25: A = 0.55 → 247,500 → 1,297,500
 *   B  0.70 → 0:    A = 0    →       0 → 1,050,000
 *   C  0.90 → 1 (target still met): 1,500,000
 */
const units: SimulationUnit[] = [
  { organisationId: 'A', inputs: inputs() },
  {
    organisationId: 'B',
    inputs: inputs({
      observations: {
        'DM-01': { numerator: 150, denominator: 200 },
        'KO-01': { numerator: 160, denominator: 500 },
      },
    }),
  },
  {
    organisationId: 'C',
    inputs: inputs({
      observations: {
        'DM-01': { numerator: 190, denominator: 200 },
        'KO-01': { numerator: 100, denominator: 500 },
      },
    }),
  },
];

describe('simulate (impact analysis)', () => {
  const result = simulate(agreement(), units, [-0.05, 0, 0.05]);
  const at = (shift: number) => result.shifts.find((s) => s.shift === shift)!;

  it('settles every unit at every shift', () => {
    expect(result.shifts.map((s) => s.shift)).toEqual([-0.05, 0, 0.05]);
    expect(at(0).units.map((u) => [u.organisationId, u.total])).toEqual([
      ['A', 1_365_000],
      ['B', 1_117_500],
      ['C', 1_500_000],
    ]);
    expect(at(0.05).units.map((u) => u.total)).toEqual([1_432_500, 1_185_000, 1_500_000]);
    expect(at(-0.05).units.map((u) => u.total)).toEqual([1_297_500, 1_050_000, 1_500_000]);
    expect(at(0.05).units.map((u) => u.changeVsBaseline)).toEqual([67_500, 67_500, 0]);
  });

  it('summarises the baseline: insurer total, type-7 distribution, gainers and money at risk', () => {
    // Sorted totals 1,117,500 / 1,365,000 / 1,500,000. p10: h = 0.2 → 1,117,500 + 0.2 × 247,500 = 1,167,000;
    // p90: h = 1.8 → 1,365,000 + 0.8 × 135,000 = 1,473,000. Forfeited: 135,000 + 382,500 + 0 = 517,500.
    expect(at(0).summary).toEqual({
      units: 3,
      insurerTotal: 3_982_500,
      distribution: { min: 1_117_500, p10: 1_167_000, median: 1_365_000, p90: 1_473_000, max: 1_500_000 },
      gainingVsBaseline: 0,
      losingVsBaseline: 0,
      gainingVsGuaranteed: 3,
      losingVsGuaranteed: 0,
      moneyAtRisk: 1_350_000,
      forfeited: 517_500,
    });
  });

  it('counts who gains and loses against the baseline and against the guaranteed amount', () => {
    expect(at(0.05).summary).toMatchObject({
      insurerTotal: 4_117_500,
      gainingVsBaseline: 2,
      losingVsBaseline: 0,
    });
    // B at −0.05 earns nothing on top of its guaranteed 1,050,000: neither gaining nor losing on it.
    expect(at(-0.05).summary).toMatchObject({
      insurerTotal: 3_847_500,
      gainingVsBaseline: 0,
      losingVsBaseline: 2,
      gainingVsGuaranteed: 2,
      losingVsGuaranteed: 0,
    });
  });

  it('counts a unit paid less than its guaranteed amount (a malus) as losing against it', () => {
    // Malus € 4,000 per year (400,000 × 1/4 = 100,000 per quarter) when DM-01 ≤ 0.72: B at −0.05 (0.70) pays it.
    const withMalus = agreement({
      bonusMalus: [
        {
          id: 'M1',
          kpiCode: 'DM-01',
          kind: 'malus',
          condition: { comparator: 'at-most', value: 0.72 },
          amountCents: 400_000,
        },
      ],
    });
    const declined = simulate(withMalus, units, [-0.05]).shifts[0]!;
    expect(declined.units.map((u) => u.total)).toEqual([1_297_500, 950_000, 1_500_000]);
    expect(declined.summary.losingVsGuaranteed).toBe(1);
  });

  it('applies the organisation id of each unit', () => {
    expect(simulate(agreement(), units.slice(0, 1), [0]).shifts[0]!.units[0]!.organisationId).toBe('A');
  });

  it('returns an empty summary without units', () => {
    expect(simulate(agreement(), [], [0]).shifts[0]!.summary).toMatchObject({
      units: 0,
      insurerTotal: 0,
      distribution: null,
    });
  });

  it('names the unit that cannot be settled', () => {
    const broken: SimulationUnit = { organisationId: 'X', inputs: inputs({ volumes: {} }) };
    expect(() => simulate(agreement(), [units[0]!, broken], [0])).toThrow(SettlementError);
    expect(() => simulate(agreement(), [units[0]!, broken], [0])).toThrow(/^Organisation X: No volume/);
  });

  it('refuses a non-finite shift', () => {
    expect(() => simulate(agreement(), units, [Number.NaN])).toThrow(/not a finite number/);
  });
});

describe('settling without an explanation (as simulate does)', () => {
  it('gives the same amounts as a full settlement, with no steps and no fingerprint', async () => {
    const { settleAt } = await import('./settle');
    for (const unit of units) {
      for (const shift of [-0.05, 0, 0.05]) {
        const full = settleAt(agreement(), unit.inputs, shift);
        const lean = settleAt(agreement(), unit.inputs, shift, { explain: false });
        expect(full.explanation.length).toBeGreaterThan(5);
        expect(full.inputFingerprint.length).toBeGreaterThan(20);
        expect(lean.explanation).toEqual([]);
        expect(lean.inputFingerprint).toBe('');
        expect({ ...lean, explanation: [], inputFingerprint: '' }).toEqual({
          ...full,
          explanation: [],
          inputFingerprint: '',
        });
      }
    }
  });
});
