import { describe, expect, it } from 'vitest';
import type { ObservationFigures } from '../model/kpi-types';
import { trendTest, trendTestFromFigures } from './trend';

const proportions = (counts: number[], sizes: number[]): ObservationFigures[] =>
  counts.map((numerator, i) => ({ numerator, denominator: sizes[i] ?? 0 }));

describe('trendTestFromFigures', () => {
  // R documentation, ?prop.trend.test (data from Fleiss 1981, p. 139):
  // smokers <- c(83, 90, 129, 70); patients <- c(86, 93, 136, 82); prop.trend.test(smokers, patients)
  // → X-squared = 8.2249, df = 1, p-value = 0.004132.
  it('reproduces prop.trend.test for proportions (Cochran–Armitage)', () => {
    const result = trendTestFromFigures('proportion', proportions([83, 90, 129, 70], [86, 93, 136, 82]));
    expect(result.chi2).toBeCloseTo(8.2249, 4);
    expect(result.pValue).toBeCloseTo(0.004132, 6);
    expect(result.direction).toBe('decreasing');
    expect(result.periods).toBe(4);
  });

  it('uses only the last five periods', () => {
    const lastFive = proportions([83, 90, 129, 70, 60], [86, 93, 136, 82, 80]);
    const withHistory = [
      { numerator: 0, denominator: 500 },
      { numerator: 500, denominator: 500 },
      ...lastFive,
    ];
    expect(trendTestFromFigures('proportion', withHistory)).toEqual(
      trendTestFromFigures('proportion', lastFive),
    );
  });

  it('needs at least three periods', () => {
    expect(trendTestFromFigures('proportion', proportions([1, 2], [10, 10]))).toEqual({
      direction: 'insufficient-data',
      chi2: undefined,
      pValue: undefined,
      slope: undefined,
      periods: 2,
    });
  });

  it('reports no change for flat series, including all-zero counts', () => {
    expect(trendTestFromFigures('proportion', proportions([0, 0, 0, 0], [50, 60, 70, 80])).direction).toBe(
      'no-change',
    );
    const flat = trendTestFromFigures('rate', [
      { numerator: 20, denominator: 1000 },
      { numerator: 40, denominator: 2000 },
      { numerator: 30, denominator: 1500 },
    ]);
    expect(flat).toEqual({ direction: 'no-change', chi2: 0, pValue: 1, slope: 0, periods: 3 });
  });

  // By hand, rates over 5 years of 10,000 person-years each with 300, 320, 340, 360, 380 events:
  // pooled rate r̄ = 1700/50,000 = 0.034 per person-year; per 1,000 the values are 30, 32, …, 38 with
  // variance r̄/PY × 1000² = 3.4 each. Equal weights: x̄ = 2, Sxx = 10/3.4, Sxy = 20/3.4,
  // slope = 2 per 1,000 per year, χ² = Sxy²/Sxx = 40/3.4 = 11.764706 → p = 0.000604.
  it('detects an increasing rate (by hand)', () => {
    const figures = [300, 320, 340, 360, 380].map((numerator) => ({ numerator, denominator: 10_000 }));
    const result = trendTestFromFigures('rate', figures);
    expect(result.slope).toBeCloseTo(2, 10);
    expect(result.chi2).toBeCloseTo(11.764706, 6);
    expect(result.pValue).toBeCloseTo(0.000604, 6);
    expect(result.direction).toBe('increasing');
  });

  it('treats a mean without sums of squares as insufficient, and tests one with them', () => {
    const withoutSpread = [7.1, 7.3, 7.5].map((m) => ({ numerator: m * 100, denominator: 100 }));
    expect(trendTestFromFigures('mean', withoutSpread).direction).toBe('insufficient-data');
    // Same means with s² = 1 in every period: variance of each mean 1/100, weights 100;
    // slope 0.2 per period, Sxx = 200, Sxy = 40, χ² = 8 → p = 0.004678.
    const withSpread = [7.1, 7.3, 7.5].map((m) => ({
      numerator: m * 100,
      denominator: 100,
      sumSquares: 99 + 100 * m * m,
    }));
    const result = trendTestFromFigures('mean', withSpread);
    expect(result.slope).toBeCloseTo(0.2, 8);
    expect(result.chi2).toBeCloseTo(8, 6);
    expect(result.direction).toBe('increasing');
  });

  it('uses expected counts for ratios', () => {
    const result = trendTestFromFigures('ratio', [
      { numerator: 100, denominator: 0, expected: 100 },
      { numerator: 90, denominator: 0, expected: 100 },
      { numerator: 80, denominator: 0, expected: 100 },
      { numerator: 70, denominator: 0, expected: 100 },
    ]);
    expect(result.direction).toBe('decreasing');
    expect(result.slope).toBeCloseTo(-0.1, 10);
  });

  it('rejects invalid figures with the message of estimate', () => {
    expect(() => trendTestFromFigures('proportion', proportions([1, 2, 3], [10, 0, 10]))).toThrow(
      new RangeError('wilsonInterval: denominator must be positive (got 0)'),
    );
  });
});

describe('trendTest', () => {
  // By hand: values 1, 2, 3, 4, 5 with variance 1: x̄ = 2, ȳ = 3, Sxx = 10, Sxy = 10, slope 1, χ² = 10,
  // p = P(χ²₁ ≥ 10) = 2(1 − Φ(√10)) = 0.001565.
  it('computes the weighted slope and χ² (by hand)', () => {
    const result = trendTest([1, 2, 3, 4, 5].map((value) => ({ value, variance: 1 })));
    expect(result.slope).toBeCloseTo(1, 12);
    expect(result.chi2).toBeCloseTo(10, 12);
    expect(result.pValue).toBeCloseTo(0.001565, 6);
    expect(result.direction).toBe('increasing');
  });

  it('weights by precision: a noisy period moves the slope less', () => {
    const precise = trendTest([
      { value: 1, variance: 0.01 },
      { value: 2, variance: 0.01 },
      { value: 0, variance: 100 },
    ]);
    expect(precise.slope).toBeCloseTo(1, 2);
  });

  it('honours alpha and explicit times', () => {
    const points = [1, 2, 3, 4, 5].map((value, i) => ({ value, variance: 1, time: 2 * i }));
    const result = trendTest(points, { alpha: 0.001 });
    expect(result.slope).toBeCloseTo(0.5, 12);
    expect(result.direction).toBe('no-change');
  });

  it('rejects a non-positive variance', () => {
    expect(() =>
      trendTest([
        { value: 1, variance: 1 },
        { value: 2, variance: 0 },
        { value: 3, variance: 1 },
      ]),
    ).toThrow(new RangeError('trendTest: points[1].variance must be positive (got 0)'));
  });
});
