import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ObservationFigures } from '../model/kpi-types';
import { rollup, sumFigures } from './rollup';

describe('sumFigures', () => {
  it('adds every field that every row has', () => {
    expect(
      sumFigures([
        { numerator: 3, denominator: 10, expected: 2.5, sumSquares: 5 },
        { numerator: 4, denominator: 20, expected: 3.5, sumSquares: 6 },
      ]),
    ).toEqual({ numerator: 7, denominator: 30, expected: 6, sumSquares: 11 });
  });

  it('is 0/0 for no rows', () => {
    expect(sumFigures([])).toEqual({ numerator: 0, denominator: 0 });
  });

  it('drops sumSquares when a row lacks it (the roll-up then has no interval)', () => {
    expect(
      sumFigures([
        { numerator: 30, denominator: 4, sumSquares: 230 },
        { numerator: 16, denominator: 2 },
      ]),
    ).toEqual({ numerator: 46, denominator: 6 });
  });

  it('rejects expected on some rows only, and invalid figures', () => {
    expect(() =>
      sumFigures([
        { numerator: 3, denominator: 10, expected: 2.5 },
        { numerator: 4, denominator: 20 },
      ]),
    ).toThrow(new RangeError('sumFigures: expected is given on 1 of 2 rows; give it on all or none'));
    expect(() => sumFigures([{ numerator: 1, denominator: -2 }])).toThrow(
      new RangeError('sumFigures: figures[0].denominator must not be negative (got -2)'),
    );
    expect(() => sumFigures([{ numerator: Number.NaN, denominator: 2 }])).toThrow(
      new RangeError('sumFigures: figures[0].numerator must be a finite number (got NaN)'),
    );
  });

  // By hand: practice A 9/10 (90 %) and practice B 10/100 (10 %). The collaborative is
  // 19/110 = 17.27 %, not the mean of ratios (90 + 10)/2 = 50 %.
  it('is a ratio of sums, never a mean of ratios', () => {
    const total = sumFigures([
      { numerator: 9, denominator: 10 },
      { numerator: 10, denominator: 100 },
    ]);
    expect(total.numerator / total.denominator).toBeCloseTo(19 / 110, 14);
  });
});

interface Row extends ObservationFigures {
  region: string;
  practice: string;
}

describe('rollup', () => {
  const rows: Row[] = [
    { region: 'Noord', practice: 'A', numerator: 9, denominator: 10 },
    { region: 'Noord', practice: 'B', numerator: 10, denominator: 100 },
    { region: 'Zuid', practice: 'C', numerator: 50, denominator: 60 },
    { region: 'Noord', practice: 'A', numerator: 1, denominator: 5 },
  ];

  it('sums per key in order of first appearance', () => {
    const byRegion = rollup(rows, (r) => r.region);
    expect([...byRegion.keys()]).toEqual(['Noord', 'Zuid']);
    expect(byRegion.get('Noord')).toEqual({ numerator: 20, denominator: 115 });
    expect(byRegion.get('Zuid')).toEqual({ numerator: 50, denominator: 60 });
    expect(rollup(rows, (r) => r.practice).get('A')).toEqual({ numerator: 10, denominator: 15 });
  });

  it('rolling up roll-ups equals rolling up the whole', () => {
    const row = fc.record({
      region: fc.constantFrom('Noord', 'Zuid', 'Oost'),
      practice: fc.constantFrom('p1', 'p2', 'p3', 'p4', 'p5'),
      numerator: fc.integer({ min: 0, max: 10_000 }),
      denominator: fc.integer({ min: 0, max: 10_000 }),
      expected: fc.integer({ min: 0, max: 10_000 }),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 80 }), (data) => {
        // Practices nest in regions: key practices by region + practice, then roll them up to regions.
        const byPractice = rollup(data, (r) => `${r.region}/${r.practice}`);
        const twoStep = rollup(
          [...byPractice].map(([key, figures]) => ({ ...figures, region: key.split('/')[0] ?? '' })),
          (r) => r.region,
        );
        const direct = rollup(data, (r) => r.region);
        expect(twoStep).toEqual(direct);
        expect(sumFigures([...direct.values()])).toEqual(sumFigures(data));
      }),
    );
  });
});
