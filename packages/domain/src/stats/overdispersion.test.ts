import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { overdispersion, type OverdispersionUnit } from './overdispersion';

/** Deterministic PRNG (mulberry32) so the simulations are reproducible. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function binomial(n: number, p: number, next: () => number): number {
  let count = 0;
  for (let i = 0; i < n; i++) if (next() < p) count++;
  return count;
}

/** Poisson draw by inversion of the cumulative sum (means up to a few hundred). */
function poisson(mean: number, next: () => number): number {
  const u = next();
  let k = 0;
  let term = Math.exp(-mean);
  let cumulative = term;
  while (cumulative < u && k < 10 * mean + 100) {
    k++;
    term *= mean / k;
    cumulative += term;
  }
  return k;
}

describe('overdispersion', () => {
  // By hand, ratios, five units with E = 100 (s = 1/√100 = 0.1, w = 100) and O = 80, 90, 100, 110, 130:
  // z = 10 · ln(O/100) = −2.231436, −1.053605, 0, 0.953102, 2.623643.
  // Type 7 percentiles of z: 10th: h = 0.4 → −2.231436 + 0.4 × 1.177830 = −1.760303;
  // 90th: h = 3.6 → 0.953102 + 0.6 × 1.670541 = 1.955426.
  // Winsorised z: −1.760303, −1.053605, 0, 0.953102, 1.955426; Σz² = 8.940847, φ = 8.940847/5 = 1.788169.
  // τ² = (5 × 1.788169 − 4) / (500 − 50000/500) = 4.940847 / 400 = 0.012352.
  it('matches a hand-worked example for ratios', () => {
    const units = [80, 90, 100, 110, 130].map((observed) => ({ numerator: observed, denominator: 100 }));
    const result = overdispersion(units, 'ratio');
    expect(result.target).toBe(1);
    expect(result.transformedTarget).toBe(0);
    const expectedZ = [-2.231436, -1.053605, 0, 0.953102, 2.623643];
    result.zScores.forEach((z, i) => expect(z).toBeCloseTo(expectedZ[i] ?? Number.NaN, 6));
    expect(result.winsorLimits.lower).toBeCloseTo(-1.760303, 6);
    expect(result.winsorLimits.upper).toBeCloseTo(1.955426, 6);
    expect(result.winsorisedZScores[0]).toBeCloseTo(-1.760303, 6);
    expect(result.winsorisedZScores[4]).toBeCloseTo(1.955426, 6);
    expect(result.phi).toBeCloseTo(1.788169, 6);
    expect(result.tau2).toBeCloseTo(0.012352, 6);
    // Adjusted z = ln(O/E)/√(0.01 + τ²): for O = 130, 0.262364/0.149229 = 1.754872.
    expect(result.adjustedZScores[4]).toBeCloseTo(1.754872, 5);
  });

  // By hand, proportions: units 10/100 and 30/100, p̄ = 40/200 = 0.2, θ0 = asin√0.2 = 0.463648;
  // y = asin√0.1 = 0.3217506 and asin√0.3 = 0.5796397; s = 1/(2√100) = 0.05;
  // z = (0.3217506 − 0.4636476)/0.05 = −2.837941 and (0.5796397 − 0.4636476)/0.05 = 2.319843.
  // With two units the 10th/90th percentiles are −2.837941 + 0.1 × 5.157784 = −2.322163 and
  // −2.837941 + 0.9 × 5.157784 = 1.804064; φ = (2.322163² + 1.804064²)/2 = 4.323544;
  // w = 4n = 400 each → τ² = (2 × 4.323544 − 1)/(800 − 400) = 0.019118.
  it('matches a hand-worked example for proportions', () => {
    const result = overdispersion(
      [
        { numerator: 10, denominator: 100 },
        { numerator: 30, denominator: 100 },
      ],
      'proportion',
    );
    expect(result.target).toBeCloseTo(0.2, 14);
    expect(result.transformedTarget).toBeCloseTo(0.463648, 6);
    expect(result.zScores[0]).toBeCloseTo(-2.837941, 5);
    expect(result.zScores[1]).toBeCloseTo(2.319843, 5);
    expect(result.phi).toBeCloseTo(4.323544, 5);
    expect(result.tau2).toBeCloseTo(0.019118, 6);
  });

  it('gives φ = 0 and τ² = 0 for identical units', () => {
    const proportions = Array.from({ length: 12 }, () => ({ numerator: 30, denominator: 120 }));
    const ratios = Array.from({ length: 12 }, () => ({ numerator: 30, denominator: 30 }));
    for (const [units, kind] of [
      [proportions, 'proportion'],
      [ratios, 'ratio'],
    ] as const) {
      const result = overdispersion(units, kind);
      expect(result.phi).toBe(0);
      expect(result.tau2).toBe(0);
    }
  });

  it('gives τ² = 0 when the units vary no more than chance (Iφ < I − 1)', () => {
    // Five units with E = 100 and O within ±2 of E: |z| ≤ 0.2, so Iφ ≤ 0.2 < 4.
    const result = overdispersion(
      [98, 99, 100, 101, 102].map((o) => ({ numerator: o, denominator: 100 })),
      'ratio',
    );
    expect(result.phi).toBeLessThan(0.05);
    expect(result.tau2).toBe(0);
  });

  it('finds large φ and τ² > 0 in heavily overdispersed practice data', () => {
    // 50 practices of 1,000 patients whose true rates spread uniformly over 40–95 %, with binomial noise.
    const next = random(2005);
    const units = Array.from({ length: 50 }, () => ({
      numerator: binomial(1000, 0.4 + 0.55 * next(), next),
      denominator: 1000,
    }));
    const result = overdispersion(units, 'proportion');
    expect(result.phi).toBeGreaterThan(50);
    expect(result.tau2).toBeGreaterThan(0.01);
    // The adjustment brings the z-scores back to a plausible range.
    expect(Math.max(...result.adjustedZScores.map(Math.abs))).toBeLessThan(3);
  });

  it('finds φ near or below 1 and small τ² when data are Poisson around their expectation', () => {
    const next = random(1985);
    const units = Array.from({ length: 200 }, () => {
      const expected = 20 + 180 * next();
      return { numerator: poisson(expected, next), denominator: expected };
    });
    const result = overdispersion(units, 'ratio');
    // Winsorising at 10 % shrinks φ of pure noise to about 0.7.
    expect(result.phi).toBeLessThan(1.2);
    expect(result.tau2).toBeLessThan(0.002);
  });

  // By hand: O = 0 with E = 4 is taken as O = 0.5: z = ln(0.5/4) · √4 = −2.079442 × 2 = −4.158883.
  it('takes O = 0 as 0.5 for a ratio so that the unit still counts', () => {
    const result = overdispersion(
      [
        { numerator: 0, denominator: 4 },
        { numerator: 5, denominator: 5 },
      ],
      'ratio',
    );
    expect(result.zScores[0]).toBeCloseTo(-4.158883, 6);
    expect(result.zScores[1]).toBe(0);
  });

  it('keeps φ ≥ 0, τ² ≥ 0 and every number finite', () => {
    const unit = fc
      .integer({ min: 1, max: 100_000 })
      .chain((n) => fc.record({ numerator: fc.integer({ min: 0, max: n }), denominator: fc.constant(n) }));
    fc.assert(
      fc.property(
        fc.array(unit, { minLength: 2, maxLength: 40 }),
        fc.constantFrom('proportion' as const, 'ratio' as const),
        (units, kind) => {
          const result = overdispersion(units, kind);
          expect(result.phi).toBeGreaterThanOrEqual(0);
          expect(result.tau2).toBeGreaterThanOrEqual(0);
          const numbers = [
            result.phi,
            result.tau2,
            result.target,
            ...result.zScores,
            ...result.adjustedZScores,
          ];
          for (const v of numbers) expect(Number.isFinite(v)).toBe(true);
          for (const z of result.winsorisedZScores) {
            expect(z).toBeGreaterThanOrEqual(result.winsorLimits.lower);
            expect(z).toBeLessThanOrEqual(result.winsorLimits.upper);
          }
        },
      ),
    );
  });

  it.each([
    [[{ numerator: 1, denominator: 2 }], 'proportion', 'overdispersion: needs at least 2 units (got 1)'],
    [
      [
        { numerator: 1, denominator: 2 },
        { numerator: 1, denominator: 0 },
      ],
      'ratio',
      'overdispersion: units[1].denominator must be positive (got 0)',
    ],
    [
      [
        { numerator: 3, denominator: 2 },
        { numerator: 1, denominator: 2 },
      ],
      'proportion',
      'overdispersion: count (3) exceeds denominator (2)',
    ],
    [
      [
        { numerator: -1, denominator: 2 },
        { numerator: 1, denominator: 2 },
      ],
      'ratio',
      'overdispersion: units[0].numerator must not be negative (got -1)',
    ],
  ] as [OverdispersionUnit[], 'proportion' | 'ratio', string][])(
    'rejects %j (%s)',
    (units, kind, message) => {
      expect(() => overdispersion(units, kind)).toThrow(new RangeError(message));
    },
  );
});
