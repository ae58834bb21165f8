import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Confidence } from '../model/kpi-types';
import {
  byarInterval,
  countInterval,
  exactPoissonInterval,
  meanInterval,
  rateInterval,
  ratioInterval,
  wilsonInterval,
} from './intervals';

const CONFIDENCES: readonly Confidence[] = [0.95, 0.998];

/** Published values are rounded; agreement means within half a unit of their last decimal. */
const decimals = (published: string): number => published.split('.')[1]?.length ?? 0;

describe('wilsonInterval', () => {
  // Newcombe (1998) Stat Med 17:857–872, Table I, method 3 (Wilson score interval without continuity
  // correction), 95 %.
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('%s/%s → %s–%s (Newcombe 1998 Table I)', (count, n, lower, upper) => {
    const interval = wilsonInterval(count, n, 0.95);
    expect(interval.lower).toBeCloseTo(lower, 4);
    expect(interval.upper).toBeCloseTo(upper, 4);
  });

  // By hand from the domain guide's formula with z = 3.090232 (99.8 %), x = 0, n = 10:
  // upper = (0 + z² + z·√z²) / (2(10 + z²)) = 2z² / (2(10 + z²)) = 9.549534 / 19.549534 = 0.488479.
  it('0/10 at 99.8 % → 0–0.488479 (by hand)', () => {
    const interval = wilsonInterval(0, 10, 0.998);
    expect(interval.lower).toBe(0);
    expect(interval.upper).toBeCloseTo(0.488479, 6);
  });

  it('gives exactly 0 for no events and exactly 1 when every unit has the property', () => {
    expect(wilsonInterval(0, 1, 0.95).lower).toBe(0);
    expect(wilsonInterval(1, 1, 0.95).upper).toBe(1);
    // Unclamped, the formula gives 1.0000000000000002 here.
    expect(wilsonInterval(29, 29, 0.998).upper).toBe(1);
  });

  it('rejects a zero denominator with a clear message (0/0 has no proportion)', () => {
    expect(() => wilsonInterval(0, 0, 0.95)).toThrow(
      new RangeError('wilsonInterval: denominator must be positive (got 0)'),
    );
  });

  it.each([
    [12, 10, 0.95, 'wilsonInterval: count (12) exceeds denominator (10)'],
    [-1, 10, 0.95, 'wilsonInterval: count must not be negative (got -1)'],
    [Number.NaN, 10, 0.95, 'wilsonInterval: count must be a finite number (got NaN)'],
    [1, Infinity, 0.95, 'wilsonInterval: denominator must be a finite number (got Infinity)'],
    [1, 10, 0.9, 'wilsonInterval: confidence must be one of 0.95, 0.998 (got 0.9)'],
  ])('rejects (%s, %s, %s)', (count, n, confidence, message) => {
    expect(() => wilsonInterval(count, n, confidence as Confidence)).toThrow(new RangeError(message));
  });

  it('contains the proportion, stays in [0, 1] and widens from 95 % to 99.8 %', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 1_000_000 })
          .chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))),
        ([count, n]) => {
          const p = count / n;
          const narrow = wilsonInterval(count, n, 0.95);
          const wide = wilsonInterval(count, n, 0.998);
          for (const { lower, upper } of [narrow, wide]) {
            expect(lower).toBeGreaterThanOrEqual(0);
            expect(upper).toBeLessThanOrEqual(1);
            expect(lower).toBeLessThanOrEqual(p);
            expect(upper).toBeGreaterThanOrEqual(p);
          }
          expect(wide.lower).toBeLessThanOrEqual(narrow.lower);
          expect(wide.upper).toBeGreaterThanOrEqual(narrow.upper);
        },
      ),
    );
  });
});

describe('exactPoissonInterval', () => {
  // Exact 95 % limits for a Poisson count, standard tables going back to Garwood (1936) Biometrika
  // 28:437–442 (values as quoted in the project brief): O = 0 → (0, 3.689),
  // 1 → (0.0253, 5.572), 2 → (0.242, 7.225), 5 → (1.623, 11.668), 10 → (4.795, 18.39).
  it.each([
    [0, '0', '3.689'],
    [1, '0.0253', '5.572'],
    [2, '0.242', '7.225'],
    [5, '1.623', '11.668'],
    [10, '4.795', '18.39'],
  ])('O = %s → (%s, %s) at 95 %', (observed, lower, upper) => {
    const interval = exactPoissonInterval(observed, 0.95);
    expect(interval.lower).toBeCloseTo(Number(lower), decimals(lower));
    expect(interval.upper).toBeCloseTo(Number(upper), decimals(upper));
  });

  // By hand: for O = 0 the upper limit solves P(Y = 0) = e^(−μ) = α/2, so μ = ln(2/α): ln 40 = 3.6888794541
  // at 95 %, ln 1000 = 6.9077552790 at 99.8 %. For O = 1 the lower limit solves P(Y ≥ 1) = 1 − e^(−μ) = α/2,
  // so μ = −ln(1 − α/2) = −ln 0.975 = 0.0253178080.
  it('matches the closed forms for O = 0 and O = 1', () => {
    expect(exactPoissonInterval(0, 0.95).upper).toBeCloseTo(Math.log(40), 10);
    expect(exactPoissonInterval(0, 0.998).upper).toBeCloseTo(Math.log(1000), 10);
    expect(exactPoissonInterval(1, 0.95).lower).toBeCloseTo(-Math.log(0.975), 12);
  });
});

describe('byarInterval', () => {
  // By hand from Byar's formula (Breslow & Day 1987 vol. II p. 69), O = 10, z = 1.959964:
  // lower = 10(1 − 1/90 − z/(3√10))³ = 10 · 0.782291³ = 4.787450;
  // upper = 11(1 − 1/99 + z/(3√11))³ = 11 · 1.186883³ = 18.391459.
  it('O = 10 at 95 % → (4.787450, 18.391459) (by hand)', () => {
    const interval = byarInterval(10, 0.95);
    expect(interval.lower).toBeCloseTo(4.78745, 5);
    expect(interval.upper).toBeCloseTo(18.391459, 5);
  });

  // Byar approximates the exact limits closely from O = 10 on (exact, above: 4.795–18.39).
  it('agrees with the exact limits within 0.2 % at O = 10 … 1000 (95 %)', () => {
    for (const observed of [10, 20, 50, 100, 1000]) {
      const byar = byarInterval(observed, 0.95);
      const exact = exactPoissonInterval(observed, 0.95);
      expect(Math.abs(byar.lower / exact.lower - 1)).toBeLessThan(0.002);
      expect(Math.abs(byar.upper / exact.upper - 1)).toBeLessThan(0.002);
    }
  });

  it('clamps a lower limit that the cube would make negative, and gives 0 for O = 0', () => {
    // 1 − 1/9 − 3.090232/3 = −0.141 at O = 1, 99.8 %.
    expect(byarInterval(1, 0.998).lower).toBe(0);
    expect(byarInterval(0, 0.95).lower).toBe(0);
  });
});

describe('countInterval', () => {
  it('uses exact limits below 10 and Byar from 10', () => {
    expect(countInterval(9, 0.95)).toEqual(exactPoissonInterval(9, 0.95));
    expect(countInterval(10, 0.95)).toEqual(byarInterval(10, 0.95));
  });

  it.each([
    [-1, 'countInterval: observed must not be negative (got -1)'],
    [Number.NaN, 'countInterval: observed must be a finite number (got NaN)'],
    [Infinity, 'countInterval: observed must be a finite number (got Infinity)'],
  ])('rejects observed = %s', (observed, message) => {
    expect(() => countInterval(observed, 0.95)).toThrow(new RangeError(message));
  });

  it('contains the count, is non-negative and widens from 95 % to 99.8 %', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: 0, max: 100_000 }), fc.double({ min: 0, max: 1e6, noNaN: true })),
        (o) => {
          const narrow = countInterval(o, 0.95);
          const wide = countInterval(o, 0.998);
          for (const { lower, upper } of [narrow, wide]) {
            expect(lower).toBeGreaterThanOrEqual(0);
            expect(lower).toBeLessThanOrEqual(o);
            expect(upper).toBeGreaterThan(o);
            expect(Number.isFinite(upper)).toBe(true);
          }
          expect(wide.lower).toBeLessThanOrEqual(narrow.lower);
          expect(wide.upper).toBeGreaterThanOrEqual(narrow.upper);
        },
      ),
    );
  });
});

describe('rateInterval', () => {
  // By hand: 30 referrals in 12,000 person-years is 2.5 per 1,000; Byar(30) at 95 % is
  // (20.236939, 42.828372) events, over 12 (thousand person-years): (1.686412, 3.569031).
  it('30 events in 12,000 person-years → 2.5 (1.686412–3.569031) per 1,000', () => {
    const rate = rateInterval(30, 12_000, 0.95);
    expect(rate.value).toBeCloseTo(2.5, 12);
    expect(rate.lower).toBeCloseTo(1.686412, 6);
    expect(rate.upper).toBeCloseTo(3.569031, 6);
  });

  it('honours the multiplier and has a positive upper bound for 0 events', () => {
    const perPerson = rateInterval(30, 12_000, 0.95, 1);
    expect(perPerson.value).toBeCloseTo(0.0025, 14);
    const none = rateInterval(0, 500, 0.95);
    expect(none).toEqual({ value: 0, lower: 0, upper: (exactPoissonInterval(0, 0.95).upper / 500) * 1000 });
  });

  it('rejects zero person-time', () => {
    expect(() => rateInterval(3, 0, 0.95)).toThrow(
      new RangeError('rateInterval: personTime must be positive (got 0)'),
    );
  });
});

describe('ratioInterval', () => {
  // By hand: O = 0, E = 5 → ratio 0 with upper ln 40 / 5 = 0.737776 (exact limit of O over E).
  it('O = 0, E = 5 → 0 (0–0.737776)', () => {
    const ratio = ratioInterval(0, 5, 0.95);
    expect(ratio.value).toBe(0);
    expect(ratio.lower).toBe(0);
    expect(ratio.upper).toBeCloseTo(0.737776, 6);
  });

  it('rejects E = 0', () => {
    expect(() => ratioInterval(1, 0, 0.95)).toThrow(
      new RangeError('ratioInterval: expected must be positive (got 0)'),
    );
  });
});

describe('meanInterval', () => {
  // By hand: PREM scores 7, 8, 9, 6, 10 → sum 40, n 5, Σx² 330; mean 8, s² = (330 − 40²/5)/4 = 2.5,
  // SE = √(2.5/5) = 0.707107; 95 %: 8 ± 1.959964 × 0.707107 = (6.614096, 9.385904).
  it('sum 40, n 5, Σx² 330 → 8 (6.614096–9.385904)', () => {
    const mean = meanInterval(40, 5, 330, 0.95);
    expect(mean.value).toBe(8);
    expect(mean.lower).toBeCloseTo(6.614096, 6);
    expect(mean.upper).toBeCloseTo(9.385904, 6);
  });

  it('has no interval without a sum of squares or with a single value, and never NaN', () => {
    expect(meanInterval(40, 5, undefined, 0.95)).toEqual({ value: 8, lower: undefined, upper: undefined });
    expect(meanInterval(7, 1, 49, 0.95)).toEqual({ value: 7, lower: undefined, upper: undefined });
  });

  it('gives a zero-width interval when every value is equal', () => {
    expect(meanInterval(21, 3, 147, 0.998)).toEqual({ value: 7, lower: 7, upper: 7 });
  });

  it('rejects contradictory figures and a zero count', () => {
    expect(() => meanInterval(40, 5, 300, 0.95)).toThrow(
      new RangeError('meanInterval: sumSquares (300) is less than sum²/count (320)'),
    );
    expect(() => meanInterval(0, 0, 0, 0.95)).toThrow(
      new RangeError('meanInterval: count must be positive (got 0)'),
    );
  });

  it('contains the mean and widens with confidence', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e4, max: 1e4, noNaN: true }), { minLength: 2, maxLength: 50 }),
        (xs) => {
          const sum = xs.reduce((a, b) => a + b, 0);
          const sumSquares = xs.reduce((a, b) => a + b * b, 0);
          const [narrow, wide] = CONFIDENCES.map((c) => meanInterval(sum, xs.length, sumSquares, c));
          if (narrow?.lower === undefined || wide?.lower === undefined) throw new Error('expected intervals');
          expect(narrow.lower).toBeLessThanOrEqual(narrow.value);
          expect(narrow.upper).toBeGreaterThanOrEqual(narrow.value);
          expect(wide.lower).toBeLessThanOrEqual(narrow.lower);
          expect(wide.upper).toBeGreaterThanOrEqual(narrow.upper);
        },
      ),
    );
  });
});
