import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateCents, roundCents } from './money';

describe('roundCents: half away from zero, once', () => {
  it.each([
    [0.5, 1],
    [1.5, 2],
    [2.5, 3], // banker's rounding would give 2
    [-0.5, -1],
    [-2.5, -3],
    [1.4999, 1],
    [0.285 * 100, 29], // 28.499999999999996 in binary; a person computes 28.5 → 29
    [1.005 * 100, 101], // 100.49999999999999 → 100.5 → 101
    [-0, 0],
    [1_000_000, 1_000_000],
  ])('%s → %s', (amount, expected) => {
    expect(Object.is(roundCents(amount), expected)).toBe(true);
  });

  it('refuses a non-finite amount', () => {
    expect(() => roundCents(Number.NaN)).toThrow(RangeError);
    expect(() => roundCents(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('allocateCents: largest remainder', () => {
  it('splits 100 cents in thirds as 34 + 33 + 33, the extra cent to the first', () => {
    expect(allocateCents(100, [1 / 3, 1 / 3, 1 / 3])).toEqual([34, 33, 33]);
  });

  it('splits €10,000.01 over a lead with the remainder 1 − 2/3 and two co-insurers of 1/3', () => {
    // Quotas 333,333.67 each; floors sum to 999,999; the 2 cents left go to the first two (equal remainders).
    const parts = allocateCents(1_000_001, [1 - 2 / 3, 1 / 3, 1 / 3]);
    expect(parts).toEqual([333_334, 333_334, 333_333]);
    expect(parts.reduce((a, b) => a + b)).toBe(1_000_001);
  });

  it('gives the cent to the largest remainder, not the first', () => {
    // 10 × 0.25 = 2.5, 10 × 0.75 = 7.5: tie, first wins → [3, 7]; 10 × [0.24, 0.76] = 2.4, 7.6 → [2, 8].
    expect(allocateCents(10, [0.25, 0.75])).toEqual([3, 7]);
    expect(allocateCents(10, [0.24, 0.76])).toEqual([2, 8]);
  });

  it('splits a negative total (a shared loss) so the parts still add up', () => {
    expect(allocateCents(-100, [1 / 3, 1 / 3, 1 / 3])).toEqual([-34, -33, -33]);
  });

  it('returns zeros for zero over zero weights and refuses money over zero weights', () => {
    expect(allocateCents(0, [0, 0])).toEqual([0, 0]);
    expect(() => allocateCents(5, [0, 0])).toThrow(RangeError);
    expect(() => allocateCents(5.5, [1])).toThrow(RangeError);
    expect(() => allocateCents(5, [1, -1])).toThrow(RangeError);
  });

  it('always sums exactly to the total, in integers, each part within one cent of its quota', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e10, max: 1e10 }),
        fc
          .array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 8 })
          .filter((w) => w.some((x) => x > 1e-6)),
        (total, weights) => {
          const parts = allocateCents(total, weights);
          const sum = weights.reduce((a, b) => a + b, 0);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          parts.forEach((p, i) => {
            expect(Number.isInteger(p)).toBe(true);
            expect(Math.abs(p - (total * weights[i]!) / sum)).toBeLessThan(1 + 1e-6);
          });
        },
      ),
    );
  });
});
