import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Confidence } from '../model/kpi-types';
import { adjustedFunnelLimits, funnelCurve, proportionFunnelLimits, ratioFunnelLimits } from './funnel';
import { wilsonInterval } from './intervals';

describe('proportionFunnelLimits (Wilson-based)', () => {
  // Reference: the Fingertips funnel method, PHEindicatormethods `sigma_adjustment(p, population,
  // average_proportion, side)`, evaluated by hand with p = 0.975 and clipped to [0, 1] as its callers do.
  // For N = 100, p0 = 0.5: 0.40200180077 and 0.59799819923; N = 20, p0 = 0.8: 0.62469549188 and
  // 0.97530450812; N = 1000, p0 = 0.1: 0.08140614903 and 0.11859385097; N = 5, p0 = 0.8: 0.44939098377 and
  // 1.1506 → clipped to 1.
  it.each([
    [0.5, 100, 0.40200180077, 0.59799819923],
    [0.8, 20, 0.62469549188, 0.97530450812],
    [0.1, 1000, 0.08140614903, 0.11859385097],
    [0.8, 5, 0.44939098377, 1],
  ])('p0 = %s, n = %s → %s–%s', (p0, n, lower, upper) => {
    const limits = proportionFunnelLimits(p0, n, 0.95);
    expect(limits.lower).toBeCloseTo(lower, 10);
    expect(limits.upper).toBeCloseTo(upper, 10);
  });

  it('places each limit where the Wilson interval of the observed proportion just touches p0', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        fc.constantFrom<Confidence>(0.95, 0.998),
        (p0, n, confidence) => {
          const { lower, upper } = proportionFunnelLimits(p0, n, confidence);
          if (upper < 1) expect(wilsonInterval(upper * n, n, confidence).lower).toBeCloseTo(p0, 9);
          if (lower > 0) expect(wilsonInterval(lower * n, n, confidence).upper).toBeCloseTo(p0, 9);
        },
      ),
    );
  });

  it('collapses onto a target of 0 or 1', () => {
    expect(proportionFunnelLimits(0, 50, 0.998)).toEqual({ lower: 0, upper: 0 });
    expect(proportionFunnelLimits(1, 50, 0.998)).toEqual({ lower: 1, upper: 1 });
  });

  it('rejects p0 outside [0, 1] and n ≤ 0', () => {
    expect(() => proportionFunnelLimits(80, 50, 0.95)).toThrow(
      new RangeError('proportionFunnelLimits: p0 must lie in [0, 1] (got 80)'),
    );
    expect(() => proportionFunnelLimits(0.8, 0, 0.95)).toThrow(
      new RangeError('proportionFunnelLimits: n must be positive (got 0)'),
    );
  });
});

describe('ratioFunnelLimits (exact Poisson, Spiegelhalter interpolation)', () => {
  // By hand, E = 1, 95 %: P(Y ≤ 2) = 2.5e⁻¹ = 0.919699 < 0.975 ≤ P(Y ≤ 3) = (8/3)e⁻¹ = 0.981012, so r = 3 and
  // the upper limit is 3 − (0.981012 − 0.975)/(0.981012 − 0.919699) = 2.901949. Lower: P(Y ≤ 0) = 0.367879 ≥
  // 0.025, r = 0, limit 0 − (0.367879 − 0.025)/0.367879 = −0.932 → clipped to 0.
  // E = 100, 95 %: r = 81 (P(Y ≤ 80) = 0.022649, P(Y ≤ 81) = 0.029066) → 80.366337; r = 120
  // (P(Y ≤ 119) = 0.971770, P(Y ≤ 120) = 0.977331) → 119.580895; divided by E.
  // E = 10, 99.8 %: r = 2 → 1.220529 and r = 21 → 20.662001 (same construction).
  it.each([
    [1, 0.95, 0, 2.901949],
    [100, 0.95, 0.80366337, 1.19580895],
    [10, 0.998, 0.1220529, 2.0662001],
  ] as const)('E = %s at %s → %s–%s', (expected, confidence, lower, upper) => {
    const limits = ratioFunnelLimits(expected, confidence);
    expect(limits.lower).toBeCloseTo(lower, 6);
    expect(limits.upper).toBeCloseTo(upper, 6);
  });

  it('brackets the target, is non-negative and is wider at 99.8 %', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 50_000, noNaN: true }),
        fc.double({ min: 0.5, max: 2, noNaN: true }),
        (e, target) => {
          const narrow = ratioFunnelLimits(e, 0.95, target);
          const wide = ratioFunnelLimits(e, 0.998, target);
          expect(narrow.lower).toBeGreaterThanOrEqual(0);
          expect(narrow.lower).toBeLessThan(target);
          expect(narrow.upper).toBeGreaterThan(target);
          expect(wide.lower).toBeLessThanOrEqual(narrow.lower);
          expect(wide.upper).toBeGreaterThanOrEqual(narrow.upper);
        },
      ),
    );
  });

  it('rejects E ≤ 0', () => {
    expect(() => ratioFunnelLimits(0, 0.95)).toThrow(
      new RangeError('ratioFunnelLimits: expected must be positive (got 0)'),
    );
  });
});

describe('adjustedFunnelLimits', () => {
  // By hand, proportion p0 = 0.5, n = 100, τ² = 0: θ0 = asin√0.5 = π/4, s = 1/(2√100) = 0.05,
  // θ0 ± 1.959964 × 0.05 = 0.785398 ± 0.097998 → sin²: 0.402628 and 0.597372.
  it('proportion: sin²(θ0 ± z·s)', () => {
    const limits = adjustedFunnelLimits('proportion', 0.5, 100, 0, 0.95);
    expect(limits.lower).toBeCloseTo(0.402628, 6);
    expect(limits.upper).toBeCloseTo(0.597372, 6);
  });

  // By hand, ratio target 1, E = 100, τ² = 0.01: √(0.01 + 0.01) = 0.141421, z × 0.141421 = 0.277181,
  // exp(∓0.277181) = 0.757917 and 1.319405.
  it('ratio: exp(log θ0 ± z√(s² + τ²))', () => {
    const limits = adjustedFunnelLimits('ratio', 1, 100, 0.01, 0.95);
    expect(limits.lower).toBeCloseTo(0.757917, 6);
    expect(limits.upper).toBeCloseTo(1.319405, 6);
  });

  it('clips proportions at 0 and 1 instead of folding sin² back', () => {
    const limits = adjustedFunnelLimits('proportion', 0.02, 5, 0.5, 0.998);
    expect(limits.lower).toBe(0);
    expect(limits.upper).toBeLessThanOrEqual(1);
    expect(adjustedFunnelLimits('proportion', 0.98, 5, 0.5, 0.998).upper).toBe(1);
  });

  it('widens with τ²', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('proportion' as const, 'ratio' as const),
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        fc.double({ min: 1, max: 1e5, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (kind, target, precision, tau2) => {
          const plain = adjustedFunnelLimits(kind, target, precision, 0, 0.95);
          const wide = adjustedFunnelLimits(kind, target, precision, tau2, 0.95);
          expect(wide.lower).toBeLessThanOrEqual(plain.lower);
          expect(wide.upper).toBeGreaterThanOrEqual(plain.upper);
          expect(wide.lower).toBeLessThanOrEqual(target);
          expect(wide.upper).toBeGreaterThanOrEqual(target);
        },
      ),
    );
  });

  it('rejects a negative τ²', () => {
    expect(() => adjustedFunnelLimits('ratio', 1, 10, -0.1, 0.95)).toThrow(
      new RangeError('adjustedFunnelLimits: tau2 must not be negative (got -0.1)'),
    );
  });
});

describe('funnelCurve', () => {
  it('gives log-spaced points over exactly the requested range, matching the single-point functions', () => {
    const curve = funnelCurve('proportion', 0.8, [10, 10_000], 0.998, 100, 0.002);
    expect(curve).toHaveLength(100);
    expect(curve[0]?.precision).toBe(10);
    expect(curve[99]?.precision).toBe(10_000);
    const ratios = curve.slice(1).map((point, i) => point.precision / (curve[i]?.precision ?? Number.NaN));
    for (const r of ratios) expect(r).toBeCloseTo(1000 ** (1 / 99), 10);
    for (const point of curve) {
      expect({ lower: point.lower, upper: point.upper }).toEqual(
        proportionFunnelLimits(0.8, point.precision, 0.998),
      );
      expect({ lower: point.adjustedLower, upper: point.adjustedUpper }).toEqual(
        adjustedFunnelLimits('proportion', 0.8, point.precision, 0.002, 0.998),
      );
    }
  });

  it('narrows towards the target as precision grows (ratios)', () => {
    const curve = funnelCurve('ratio', 1, [1, 1000], 0.95, 20);
    const first = curve[0];
    const last = curve[19];
    if (!first || !last) throw new Error('expected 20 points');
    expect(last.upper - last.lower).toBeLessThan(first.upper - first.lower);
    expect(last.lower).toBeGreaterThan(0.9);
    expect(last.upper).toBeLessThan(1.1);
  });

  it('rejects an empty or inverted range and too few points', () => {
    expect(() => funnelCurve('ratio', 1, [0, 10], 0.95)).toThrow(
      new RangeError('funnelCurve: precisionRange[0] must be positive (got 0)'),
    );
    expect(() => funnelCurve('ratio', 1, [10, 5], 0.95)).toThrow(
      new RangeError('funnelCurve: precisionRange[0] (10) exceeds precisionRange[1] (5)'),
    );
    expect(() => funnelCurve('ratio', 1, [1, 5], 0.95, 1)).toThrow(
      new RangeError('funnelCurve: points must be an integer ≥ 2 (got 1)'),
    );
  });
});
