import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Comparison, Confidence, KpiKind, Polarity } from '../model/kpi-types';
import { compareToBenchmark, estimate, pointEstimate } from './estimate';
import { proportionFunnelLimits } from './funnel';
import { meanInterval, rateInterval, ratioInterval, wilsonInterval } from './intervals';

describe('estimate', () => {
  it('dispatches each kind to its interval on its own scale', () => {
    expect(estimate('proportion', { numerator: 81, denominator: 263 }, { confidence: 0.95 })).toEqual({
      value: 81 / 263,
      ...wilsonInterval(81, 263, 0.95),
    });
    expect(estimate('rate', { numerator: 30, denominator: 12_000 }, { confidence: 0.95 })).toEqual(
      rateInterval(30, 12_000, 0.95, 1000),
    );
    expect(
      estimate('rate', { numerator: 30, denominator: 12_000 }, { confidence: 0.998, multiplier: 10_000 }),
    ).toEqual(rateInterval(30, 12_000, 0.998, 10_000));
    expect(estimate('ratio', { numerator: 40, denominator: 35.6 }, { confidence: 0.95 })).toEqual(
      ratioInterval(40, 35.6, 0.95),
    );
    expect(
      estimate('mean', { numerator: 40, denominator: 5, sumSquares: 330 }, { confidence: 0.95 }),
    ).toEqual(meanInterval(40, 5, 330, 0.95));
  });

  it('takes E from expected before denominator for ratios', () => {
    const ratio = estimate('ratio', { numerator: 12, denominator: 5000, expected: 10 }, { confidence: 0.95 });
    expect(ratio.value).toBeCloseTo(1.2, 14);
  });

  it('gives a mean without sumSquares as a point estimate, never NaN', () => {
    const mean = estimate('mean', { numerator: 7.5 * 120, denominator: 120 }, { confidence: 0.95 });
    expect(mean).toEqual({ value: 7.5, lower: undefined, upper: undefined });
  });

  it('rejects a zero denominator and an unknown kind', () => {
    expect(() => estimate('proportion', { numerator: 0, denominator: 0 }, { confidence: 0.95 })).toThrow(
      new RangeError('wilsonInterval: denominator must be positive (got 0)'),
    );
    expect(() =>
      estimate('median' as KpiKind, { numerator: 1, denominator: 2 }, { confidence: 0.95 }),
    ).toThrow(new RangeError('estimate: unknown kind (median)'));
  });

  it('never returns NaN for valid figures', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<KpiKind>('proportion', 'rate', 'ratio', 'mean'),
        fc.integer({ min: 1, max: 100_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom<Confidence>(0.95, 0.998),
        (kind, denominator, share, confidence) => {
          const numerator = Math.round(share * denominator);
          const sumSquares =
            kind === 'mean' ? (numerator * numerator) / denominator + denominator : undefined;
          const result = estimate(kind, { numerator, denominator, sumSquares }, { confidence });
          for (const v of [result.value, result.lower, result.upper]) expect(Number.isNaN(v)).toBe(false);
        },
      ),
    );
  });
});

describe('compareToBenchmark', () => {
  // CO-01 (COPD spirometry) against the national 80 % benchmark, higher is better. Wilson 95 % intervals
  // by hand from the domain guide's formula: 150/200 → 0.685659–0.804918 (contains 0.8);
  // 120/200 → 0.530837–0.665394 (below); 190/200 → 0.910422–0.972617 (above).
  it.each([
    [150, 'higher', 'similar'],
    [120, 'higher', 'worse'],
    [190, 'higher', 'better'],
    [120, 'lower', 'better'],
    [190, 'lower', 'worse'],
    [190, 'none', 'not-compared'],
  ] as const)('%s/200 vs 80 %%, polarity %s → %s', (count, polarity, expected) => {
    expect(compareToBenchmark({ count, denominator: 200 }, 0.8, { polarity, confidence: 0.95 })).toBe(
      expected,
    );
  });

  // KO-01 referral rate, lower is better, national 327 per 1,000 (domain guide §4).
  // 30 per 100 person-years = 300 per 1,000, Byar 95 % 202.4–428.3 per 1,000: contains 327 → similar;
  // 2,400 per 10,000 person-years = 240 per 1,000 (230.5–249.8): below 327 → better.
  it('compares rates on the per-multiplier scale', () => {
    const options = { polarity: 'lower', confidence: 0.95, kind: 'rate' } as const;
    expect(compareToBenchmark({ count: 30, denominator: 100 }, 327, options)).toBe('similar');
    expect(compareToBenchmark({ count: 2400, denominator: 10_000 }, 327, options)).toBe('better');
    expect(
      compareToBenchmark({ count: 2400, denominator: 10_000 }, 0.327, { ...options, multiplier: 1 }),
    ).toBe('better');
  });

  it('compares standardised ratios with the ratio benchmark 1', () => {
    const options = { polarity: 'lower', confidence: 0.95, kind: 'ratio' } as const;
    // By hand (Byar, 95 %): 140/100 → 1.178–1.652 excludes 1; 105/100 → 0.859–1.271 contains it.
    expect(compareToBenchmark({ count: 140, denominator: 0, expected: 100 }, 1, options)).toBe('worse');
    expect(compareToBenchmark({ count: 105, denominator: 100 }, 1, options)).toBe('similar');
  });

  it('is 99.8 % more cautious than 95 %', () => {
    // 120/150 = 0.8: Wilson 95 % 0.729–0.856 excludes 0.7; 99.8 % 0.683–0.882 includes it.
    const figures = { count: 120, denominator: 150 };
    expect(compareToBenchmark(figures, 0.7, { polarity: 'higher', confidence: 0.95 })).toBe('better');
    expect(compareToBenchmark(figures, 0.7, { polarity: 'higher', confidence: 0.998 })).toBe('similar');
  });

  it('does not compare below the minimum denominator, at a zero denominator, or without an interval', () => {
    const options = { polarity: 'higher', confidence: 0.95 } as const;
    expect(compareToBenchmark({ count: 19, denominator: 19 }, 0.5, { ...options, minDenominator: 20 })).toBe(
      'not-compared',
    );
    expect(compareToBenchmark({ count: 20, denominator: 20 }, 0.5, { ...options, minDenominator: 20 })).toBe(
      'better',
    );
    expect(compareToBenchmark({ count: 0, denominator: 0 }, 0.5, options)).toBe('not-compared');
    expect(compareToBenchmark({ count: 800, denominator: 100 }, 7, { ...options, kind: 'mean' })).toBe(
      'not-compared',
    );
  });

  it('rejects bad input with a clear message', () => {
    const options = { polarity: 'higher', confidence: 0.95 } as const;
    expect(() => compareToBenchmark({ count: 5, denominator: 10 }, 80, options)).toThrow(
      new RangeError('compareToBenchmark: benchmark for a proportion must lie in [0, 1] (got 80)'),
    );
    expect(() => compareToBenchmark({ count: Number.NaN, denominator: 10 }, 0.8, options)).toThrow(
      new RangeError('compareToBenchmark: count must be a finite number (got NaN)'),
    );
    expect(() => compareToBenchmark({ count: 12, denominator: 10 }, 0.8, options)).toThrow(
      new RangeError('wilsonInterval: count (12) exceeds denominator (10)'),
    );
  });

  it('flags exactly the units outside the Wilson-based funnel (same judgement, two views)', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 5000 })
          .chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.constantFrom<Confidence>(0.95, 0.998),
        fc.constantFrom<Polarity>('higher', 'lower'),
        ([count, n], p0, confidence, polarity) => {
          const { lower, upper } = proportionFunnelLimits(p0, n, confidence);
          const p = count / n;
          // Skip points on a limit, where the two computations may round differently.
          fc.pre(Math.abs(p - lower) > 1e-9 && Math.abs(p - upper) > 1e-9);
          const outcome: Comparison = compareToBenchmark({ count, denominator: n }, p0, {
            polarity,
            confidence,
          });
          expect(outcome === 'similar').toBe(p > lower && p < upper);
        },
      ),
    );
  });
});

describe('pointEstimate', () => {
  it('is bit for bit the value estimate computes, for every kind', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<KpiKind>('proportion', 'rate', 'ratio', 'mean'),
        fc.integer({ min: 0, max: 100_000 }),
        fc.double({ min: 0.5, max: 1e6, noNaN: true }),
        fc.double({ min: 0.01, max: 1e5, noNaN: true }),
        fc.constantFrom(undefined, 1, 1_000, 10_000),
        (kind, count, denominator, expected, multiplier) => {
          const figures = {
            numerator: kind === 'proportion' ? Math.min(count, Math.floor(denominator)) : count,
            denominator: kind === 'proportion' ? Math.max(1, Math.floor(denominator)) : denominator,
            expected,
            sumSquares: 2 * count * count + 1,
          };
          const full = estimate(kind, figures, { confidence: 0.95, multiplier });
          expect(Object.is(pointEstimate(kind, figures, { multiplier }), full.value)).toBe(true);
        },
      ),
    );
  });
});
