import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  chiSquaredQuantile,
  chiSquaredUpperTail,
  gammaQuantile,
  logGamma,
  poissonCdf,
  regularizedGammaP,
  regularizedGammaQ,
} from './gamma';

const relativeError = (actual: number, expected: number): number =>
  Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-300);

describe('logGamma', () => {
  // Exact values: Γ(1) = 1, Γ(1/2) = √π, Γ(5) = 4! = 24, Γ(10) = 9! = 362880; lnΓ(100) = 359.1342053695754
  // (Abramowitz & Stegun 1964, Table 6.4 / R lgamma(100)).
  it.each([
    [1, 0],
    [0.5, 0.5 * Math.log(Math.PI)],
    [5, Math.log(24)],
    [10, Math.log(362880)],
    [100, 359.1342053695754],
  ])('lnΓ(%s) = %s', (x, expected) => {
    expect(Math.abs(logGamma(x) - expected)).toBeLessThan(1e-12 * Math.max(1, Math.abs(expected)));
  });

  it('satisfies Γ(x + 1) = xΓ(x)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 500, noNaN: true }), (x) => {
        expect(logGamma(x + 1) - logGamma(x) - Math.log(x)).toBeCloseTo(0, 10);
      }),
    );
  });
});

describe('regularised incomplete gamma', () => {
  // P(1, x) = 1 − e^(−x) exactly; Q(1/2, x) = erfc(√x), erfc(1) = 0.157299207050285 (A&S Table 7.1);
  // P(Y ≤ 2) for Y ~ Poisson(1) = e^(−1)(1 + 1 + 1/2) = 0.9196986029286058 (by hand).
  it('matches closed forms', () => {
    expect(relativeError(regularizedGammaP(1, 2.5), 1 - Math.exp(-2.5))).toBeLessThan(1e-14);
    expect(relativeError(regularizedGammaQ(1, 30), Math.exp(-30))).toBeLessThan(1e-12);
    expect(relativeError(regularizedGammaQ(0.5, 1), 0.157299207050285)).toBeLessThan(1e-13);
    expect(relativeError(poissonCdf(2, 1), 0.9196986029286058)).toBeLessThan(1e-14);
    expect(poissonCdf(-1, 3)).toBe(0);
  });

  it('P + Q = 1 and both lie in [0, 1]', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 2000, noNaN: true }),
        fc.double({ min: 0, max: 4000, noNaN: true }),
        (a, x) => {
          const p = regularizedGammaP(a, x);
          const q = regularizedGammaQ(a, x);
          expect(p).toBeGreaterThanOrEqual(0);
          expect(q).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(1);
          expect(q).toBeLessThanOrEqual(1);
          expect(p + q).toBeCloseTo(1, 12);
        },
      ),
    );
  });

  it('rejects a non-positive shape or a negative x', () => {
    expect(() => regularizedGammaP(0, 1)).toThrow('regularizedGammaP: a must be positive (got 0)');
    expect(() => regularizedGammaQ(1, -1)).toThrow('regularizedGammaQ: x must not be negative (got -1)');
  });
});

describe('chiSquaredQuantile', () => {
  // NIST/SEMATECH e-Handbook of Statistical Methods, §1.3.6.7.4 "Critical values of the chi-square
  // distribution" (3 decimals).
  it.each([
    [0.95, 1, 3.841],
    [0.95, 2, 5.991],
    [0.99, 10, 23.209],
    [0.05, 10, 3.94],
    [0.975, 20, 34.17],
    [0.025, 2, 0.051],
    [0.999, 5, 20.515],
    [0.95, 100, 124.342],
  ])('χ²_%s(%s) = %s (table)', (p, df, expected) => {
    expect(chiSquaredQuantile(p, df)).toBeCloseTo(expected, 3);
  });

  // Full-precision values from R qchisq(p, df) (digits = 16), to check the inversion to ~1e-12.
  it.each([
    [0.95, 1, 3.841458820694124],
    [0.025, 2, 0.05063561596857975],
    [0.001, 1, 1.5707971492624921e-6],
    [0.5, 3, 2.3659738843753377],
    [0.999, 5, 20.515005652432873],
  ])('χ²_%s(%s) = %s to 1e-11 relative', (p, df, expected) => {
    expect(relativeError(chiSquaredQuantile(p, df), expected)).toBeLessThan(1e-11);
  });

  it('inverts the distribution function', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }),
        fc.double({ min: 0.5, max: 5000, noNaN: true }),
        (p, shape) => {
          const x = gammaQuantile(p, shape);
          expect(x).toBeGreaterThan(0);
          const achieved = p > 0.5 ? 1 - regularizedGammaQ(shape, x) : regularizedGammaP(shape, x);
          expect(Math.abs(achieved - p)).toBeLessThan(1e-10);
        },
      ),
    );
  });

  it('gives 0 at p = 0 and rejects p = 1', () => {
    expect(gammaQuantile(0, 3)).toBe(0);
    expect(() => gammaQuantile(1, 3)).toThrow('gammaQuantile: p must lie in [0, 1) (got 1)');
  });
});

describe('chiSquaredUpperTail', () => {
  // The 5 % critical value of χ²(1) (above) has upper tail 0.05; χ² = 10 on 1 df has
  // p = 2(1 − Φ(√10)) = 0.001565402258002549 (R pchisq(10, 1, lower.tail = FALSE)).
  it('gives p-values', () => {
    expect(chiSquaredUpperTail(3.841458820694124, 1)).toBeCloseTo(0.05, 12);
    expect(relativeError(chiSquaredUpperTail(10, 1), 0.001565402258002549)).toBeLessThan(1e-12);
    expect(chiSquaredUpperTail(0, 1)).toBe(1);
  });
});
