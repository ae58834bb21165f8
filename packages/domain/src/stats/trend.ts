import type { KpiKind, ObservationFigures } from '../model/kpi-types';
import { estimate } from './estimate';
import { chiSquaredUpperTail } from './gamma';
import { fail, requireFinite, requirePositive, requireProbability } from './validate';

/** The trend is judged over this many most recent periods (domain guide §5). */
export const TREND_PERIODS = 5;
/** Fewer periods than this cannot show a trend. */
export const TREND_MIN_PERIODS = 3;

/** One period's estimate and the variance of that estimate; `time` defaults to the position (0, 1, 2, …). */
export interface TrendPoint {
  value: number;
  variance: number;
  time?: number | undefined;
}

export interface TrendOptions {
  /** Significance level of the two-sided test (default 0.05). */
  alpha?: number | undefined;
}

export type TrendDirection = 'increasing' | 'decreasing' | 'no-change';

export type TrendResult =
  | {
      direction: TrendDirection;
      /** χ² statistic on 1 degree of freedom. */
      chi2: number;
      pValue: number;
      /** Weighted least-squares slope, in the value's unit per period (per unit of `time`). */
      slope: number;
      periods: number;
    }
  | {
      direction: 'insufficient-data';
      chi2: undefined;
      pValue: undefined;
      slope: undefined;
      periods: number;
    };

const DEFAULT_ALPHA = 0.05;

function insufficient(periods: number): TrendResult {
  return { direction: 'insufficient-data', chi2: undefined, pValue: undefined, slope: undefined, periods };
}

function noChange(periods: number): TrendResult {
  return { direction: 'no-change', chi2: 0, pValue: 1, slope: 0, periods };
}

/**
 * Chi-squared test for linear trend over the last five periods, weighting each period by the inverse of
 * its variance: slope b = Sxy/Sxx and χ² = Sxy²/Sxx (1 df), with Sxy = Σw(x − x̄)(y − ȳ),
 * Sxx = Σw(x − x̄)², weighted means x̄, ȳ. The p-value is P(χ²₁ ≥ χ²) = 2(1 − Φ(√χ²)).
 * @param points periods in time order (more than five: the last five are used; fewer than three:
 * 'insufficient-data'); variance > 0 in the value's unit squared.
 * @param options alpha, the two-sided significance level (default 0.05).
 * Source: Armitage, Berry & Matthews (2002) Statistical Methods in Medical Research, 4th ed. (χ² for trend
 * as a weighted regression); domain guide §5.
 */
export function trendTest(points: readonly TrendPoint[], options: TrendOptions = {}): TrendResult {
  const fn = 'trendTest';
  const alpha = requireProbability(fn, 'alpha', options.alpha ?? DEFAULT_ALPHA);
  const recent = points.slice(-TREND_PERIODS);
  const offset = points.length - recent.length;
  recent.forEach((point, i) => {
    requireFinite(fn, `points[${offset + i}].value`, point.value);
    requirePositive(fn, `points[${offset + i}].variance`, point.variance);
    if (point.time !== undefined) requireFinite(fn, `points[${offset + i}].time`, point.time);
  });
  if (recent.length < TREND_MIN_PERIODS) return insufficient(recent.length);

  const xs = recent.map((point, i) => point.time ?? i);
  const weights = recent.map((point) => 1 / point.variance);
  const weightedMean = (values: readonly number[]): number =>
    values.reduce((sum, v, i) => sum + (weights[i] ?? 0) * v, 0) / weights.reduce((a, b) => a + b, 0);
  const xBar = weightedMean(xs);
  const yBar = weightedMean(recent.map((point) => point.value));

  let sxx = 0;
  let sxy = 0;
  recent.forEach((point, i) => {
    const w = weights[i] ?? 0;
    const dx = (xs[i] ?? 0) - xBar;
    sxx += w * dx * dx;
    sxy += w * dx * (point.value - yBar);
  });
  if (sxx === 0) fail(fn, 'the points must not all have the same time');

  const chi2 = (sxy * sxy) / sxx;
  const slope = sxy / sxx;
  const pValue = chiSquaredUpperTail(chi2, 1);
  const direction: TrendDirection = pValue >= alpha ? 'no-change' : slope > 0 ? 'increasing' : 'decreasing';
  return { direction, chi2, pValue, slope, periods: recent.length };
}

export interface TrendFiguresOptions extends TrendOptions {
  /** Rates only: per this many person-years (default 1,000). */
  multiplier?: number | undefined;
}

/**
 * Chi-squared test for linear trend from a KPI's per-period figures (oldest first; the last five are used).
 * The variance of each period's estimate is taken under the null of no trend, pooled over the periods
 * tested: proportions p̄(1 − p̄)/nᵢ, which makes this exactly the Cochran–Armitage χ² for trend on the counts
 * (the statistic of R's prop.trend.test); rates r̄/PYᵢ (Poisson); ratios R̄/Eᵢ with R̄ = ΣO/ΣE (Poisson);
 * means s²_pooled/nᵢ from the within-period sums of squares. Periods whose values are all equal give
 * 'no-change'; a mean without sumSquares on every period, or with no within-period variance to pool, gives
 * 'insufficient-data'. Invalid figures (e.g. a zero denominator) throw a RangeError, as in `estimate`.
 * @param kind the KPI kind. @param figures per period, in time order. @param options alpha; multiplier for rates.
 * Source: Armitage (1955) Biometrics 11:375–386; Cochran (1954) Biometrics 10:417–451; domain guide §5.
 */
export function trendTestFromFigures(
  kind: KpiKind,
  figures: readonly ObservationFigures[],
  options: TrendFiguresOptions = {},
): TrendResult {
  const recent = figures.slice(-TREND_PERIODS);
  const multiplier = requirePositive('trendTestFromFigures', 'multiplier', options.multiplier ?? 1000);
  // estimate() validates each period's figures for its kind and gives the values on the KPI's own scale.
  const values = recent.map((f) => estimate(kind, f, { confidence: 0.95, multiplier }).value);
  if (recent.length < TREND_MIN_PERIODS) return insufficient(recent.length);
  if (values.every((v) => v === values[0])) return noChange(recent.length);

  const variances = nullVariances(kind, recent, multiplier);
  if (variances === undefined || variances.some((v) => !(v > 0))) return insufficient(recent.length);
  return trendTest(
    values.map((value, i) => ({ value, variance: variances[i] ?? 0 })),
    options,
  );
}

/**
 * Each period's variance under the null of no trend, pooled over the periods tested; undefined when
 * the figures carry no variance (a mean without sums of squares or without within-period spread).
 */
function nullVariances(
  kind: KpiKind,
  recent: readonly ObservationFigures[],
  multiplier: number,
): number[] | undefined {
  const pooledOver = (denominatorOf: (f: ObservationFigures) => number): number =>
    recent.reduce((sum, f) => sum + f.numerator, 0) / recent.reduce((sum, f) => sum + denominatorOf(f), 0);
  switch (kind) {
    case 'proportion': {
      const p = pooledOver((f) => f.denominator);
      return recent.map((f) => (p * (1 - p)) / f.denominator);
    }
    case 'rate': {
      const rate = pooledOver((f) => f.denominator);
      return recent.map((f) => (rate / f.denominator) * multiplier * multiplier);
    }
    case 'ratio': {
      const expectedOf = (f: ObservationFigures): number => f.expected ?? f.denominator;
      const ratio = pooledOver(expectedOf);
      return recent.map((f) => ratio / expectedOf(f));
    }
    case 'mean': {
      if (recent.some((f) => f.sumSquares === undefined)) return undefined;
      let squaredDeviations = 0;
      let degreesOfFreedom = 0;
      for (const f of recent) {
        squaredDeviations += Math.max(0, (f.sumSquares ?? 0) - (f.numerator * f.numerator) / f.denominator);
        degreesOfFreedom += f.denominator - 1;
      }
      if (degreesOfFreedom <= 0) return undefined;
      const variance = squaredDeviations / degreesOfFreedom;
      return recent.map((f) => variance / f.denominator);
    }
    default:
      return fail('trendTestFromFigures', `unknown kind (${String(kind satisfies never)})`);
  }
}
