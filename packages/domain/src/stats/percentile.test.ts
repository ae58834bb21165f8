import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deciles, percentRank, percentile, percentiles } from './percentile';

const oneToTen = Array.from({ length: 10 }, (_, i) => i + 1);

describe('percentile (Hyndman & Fan type 7)', () => {
  // R: quantile(1:10) → 0%: 1, 25%: 3.25, 50%: 5.5, 75%: 7.75, 100%: 10 (R's default type 7).
  it.each([
    [0, 1],
    [0.25, 3.25],
    [0.5, 5.5],
    [0.75, 7.75],
    [1, 10],
  ])('quantile(1:10, %s) = %s (R)', (p, expected) => {
    expect(percentile(oneToTen, p)).toBeCloseTo(expected, 12);
  });

  // NumPy documentation, numpy.percentile: a = [[10, 7, 4], [3, 2, 1]]; np.percentile(a, 50) → 3.5.
  it('np.percentile([[10, 7, 4], [3, 2, 1]], 50) = 3.5 (NumPy docs)', () => {
    expect(percentile([10, 7, 4, 3, 2, 1], 0.5)).toBe(3.5);
  });

  // R: quantile(c(2, 4, 4, 5, 7, 9), 0.3) → h = 5 × 0.3 = 1.5 → 4 + 0.5 × (4 − 4) = 4 (by hand).
  it('interpolates between tied order statistics', () => {
    expect(percentile([9, 4, 2, 7, 4, 5], 0.3)).toBe(4);
  });

  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    percentile(values, 0.5);
    expect(values).toEqual([3, 1, 2]);
  });

  it('handles a single value', () => {
    expect(percentile([42], 0.9)).toBe(42);
  });

  it.each([
    [[], 0.5, 'percentile: values must not be empty'],
    [[1, 2], 1.5, 'percentile: p must lie in [0, 1] (got 1.5)'],
    [[1, Number.NaN], 0.5, 'percentile: values[1] must be a finite number (got NaN)'],
    [[1, 2], Number.NaN, 'percentile: p must be a finite number (got NaN)'],
  ])('rejects %j at p = %s', (values, p, message) => {
    expect(() => percentile(values, p)).toThrow(new RangeError(message));
  });

  const values = fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 60 });
  const probability = fc.double({ min: 0, max: 1, noNaN: true });

  it('is monotone in p and stays within [min, max]', () => {
    fc.assert(
      fc.property(values, probability, probability, (xs, p, q) => {
        const [low, high] = p <= q ? [p, q] : [q, p];
        const a = percentile(xs, low);
        const b = percentile(xs, high);
        expect(a).toBeLessThanOrEqual(b);
        expect(a).toBeGreaterThanOrEqual(Math.min(...xs));
        expect(b).toBeLessThanOrEqual(Math.max(...xs));
      }),
    );
  });

  it('gives the minimum at 0 and the maximum at 1', () => {
    fc.assert(
      fc.property(values, (xs) => {
        expect(percentile(xs, 0)).toBe(Math.min(...xs));
        expect(percentile(xs, 1)).toBe(Math.max(...xs));
      }),
    );
  });
});

describe('deciles', () => {
  // R: quantile(1:10, seq(0.1, 0.9, 0.1)) → 1.9 2.8 3.7 4.6 5.5 6.4 7.3 8.2 9.1.
  it('deciles of 1:10 (R)', () => {
    const expected = [1.9, 2.8, 3.7, 4.6, 5.5, 6.4, 7.3, 8.2, 9.1];
    deciles(oneToTen).forEach((d, i) => expect(d).toBeCloseTo(expected[i] ?? Number.NaN, 12));
  });

  it('agrees with percentile at each cut point', () => {
    const values = [0.61, 0.72, 0.55, 0.9, 0.83, 0.77, 0.68];
    expect(deciles(values)).toEqual(percentiles(values, [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]));
  });
});

describe('percentRank', () => {
  // By hand from the documented definition (inverse of type 7), n = 5, so order statistic i sits at i/4:
  // 30 is x_(2) → 0.5; 25 is halfway between x_(1) = 20 and x_(2) = 30 → (1 + 0.5)/4 = 0.375;
  // ties [1, 2, 2, 2, 3] at 2 span x_(1)…x_(3) → midpoint 2/4 = 0.5.
  it.each([
    [[10, 20, 30, 40, 50], 30, 0.5],
    [[50, 40, 30, 20, 10], 25, 0.375],
    [[10, 20, 30, 40, 50], 10, 0],
    [[10, 20, 30, 40, 50], 50, 1],
    [[10, 20, 30, 40, 50], 5, 0],
    [[10, 20, 30, 40, 50], 55, 1],
    [[1, 2, 2, 2, 3], 2, 0.5],
    [[7], 7, 0.5],
  ])('percentRank(%j, %s) = %s', (values, x, expected) => {
    expect(percentRank(values, x)).toBeCloseTo(expected, 12);
  });

  it('inverts percentile for distinct values', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: -1e6, max: 1e6 }), { minLength: 2, maxLength: 40 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (xs, p) => {
          expect(percentRank(xs, percentile(xs, p))).toBeCloseTo(p, 9);
        },
      ),
    );
  });

  it('rejects a non-finite value', () => {
    expect(() => percentRank([1, 2], Infinity)).toThrow(
      new RangeError('percentRank: x must be a finite number (got Infinity)'),
    );
  });
});
