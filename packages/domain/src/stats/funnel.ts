/**
 * Funnel-plot control limits: Spiegelhalter (2005) "Funnel plots for comparing institutional
 * performance", Stat Med 24:1185–1202, with the overdispersion adjustment of Spiegelhalter (2005)
 * Qual Saf Health Care 14:347–351.
 */
import type { Confidence, Interval } from '../model/kpi-types';
import { poissonCdf } from './gamma';
import { normalQuantile, zFor } from './normal';
import { fromStableScale, toStableScale } from './scale';
import type { FunnelKind } from './types';
import {
  fail,
  requireConfidence,
  requireFinite,
  requireNonNegative,
  requirePositive,
  requireProbability,
} from './validate';

/**
 * Wilson-based funnel limits for a proportion around target p0 at denominator n.
 * Construction: the limits are the observed proportions p̂ whose Wilson interval just touches p0.
 * Wilson's interval is the set {p : (p̂ − p)² ≤ z² p(1 − p)/n} (it inverts the score test), so its lower
 * bound equals p0 exactly when (p̂ − p0)² = z² p0(1 − p0)/n with p̂ > p0, i.e. p̂ = p0 + z√(p0(1 − p0)/n),
 * and its upper bound equals p0 at p̂ = p0 − z√(p0(1 − p0)/n). Inverting Wilson therefore gives
 * p0 ± z√(p0(1 − p0)/n) exactly, clipped to [0, 1]; a unit lies outside the funnel if and only if its
 * Wilson interval excludes p0, the same judgement as compareToBenchmark. This is also what the
 * Fingertips funnel method computes (PHEindicatormethods `sigma_adjustment`, whose quadratic reduces to it).
 * @param p0 target proportion in [0, 1]. @param n denominator > 0 (need not be an integer, for plotting).
 * @param confidence 0.95 or 0.998.
 * @returns the limits as proportions in [0, 1].
 * Source: Wilson (1927) JASA 22:209–212; Spiegelhalter (2005) Stat Med 24:1185–1202; PHE/OHID Fingertips
 * technical guidance, funnel plots.
 */
export function proportionFunnelLimits(p0: number, n: number, confidence: Confidence): Interval {
  const fn = 'proportionFunnelLimits';
  requireProbability(fn, 'p0', p0);
  requirePositive(fn, 'n', n);
  const halfWidth = zFor(requireConfidence(fn, confidence)) * Math.sqrt((p0 * (1 - p0)) / n);
  return { lower: Math.max(0, p0 - halfWidth), upper: Math.min(1, p0 + halfWidth) };
}

/**
 * The p-quantile of a Poisson(mean) count, interpolated so that it is continuous in the mean: with r the
 * smallest integer such that P(Y ≤ r) ≥ p, the limit is r − (P(Y ≤ r) − p) / (P(Y ≤ r) − P(Y ≤ r − 1)).
 * Source: Spiegelhalter (2005) Stat Med 24:1185–1202, appendix (limits for discrete data).
 */
function interpolatedPoissonQuantile(p: number, mean: number): number {
  let r = Math.max(0, Math.floor(mean + normalQuantile(p) * Math.sqrt(mean)));
  while (poissonCdf(r, mean) < p) r++;
  while (r > 0 && poissonCdf(r - 1, mean) >= p) r--;
  const atR = poissonCdf(r, mean);
  const belowR = poissonCdf(r - 1, mean);
  return r - (atR - p) / (atR - belowR);
}

/**
 * Exact Poisson funnel limits for a standardised ratio O / E at expected count E.
 * @param expected expected count E > 0 (need not be an integer). @param confidence 0.95 or 0.998.
 * @param target the ratio the funnel is centred on (default 1, i.e. O = E); the null is O ~ Poisson(target · E).
 * @returns the interpolated α/2 and 1 − α/2 quantiles of O divided by E; the lower limit is clipped at 0,
 * which the interpolation crosses when P(O = 0) > α/2 (E ≲ 3.7 at 95 %).
 * Source: Spiegelhalter (2005) Stat Med 24:1185–1202, §3 and appendix (interpolated exact limits).
 */
export function ratioFunnelLimits(expected: number, confidence: Confidence, target = 1): Interval {
  const fn = 'ratioFunnelLimits';
  requirePositive(fn, 'expected', expected);
  requirePositive(fn, 'target', target);
  const alpha = 1 - requireConfidence(fn, confidence);
  const mean = target * expected;
  return {
    lower: Math.max(0, interpolatedPoissonQuantile(alpha / 2, mean)) / expected,
    upper: interpolatedPoissonQuantile(1 - alpha / 2, mean) / expected,
  };
}

/**
 * Funnel limits widened for overdispersion: θ0 ± z√(s² + τ²) on the variance-stabilising scale,
 * back-transformed (sin² clipped to [0, 1] for proportions, exp for ratios).
 * @param kind 'proportion' (target 0–1, precision n) or 'ratio' (target > 0, usually 1, precision E).
 * @param precision n or E, > 0. @param tau2 between-unit variance τ² ≥ 0 on the stabilised scale
 * (from `overdispersion`); τ² = 0 gives the normal approximation on that scale.
 * @param confidence 0.95 or 0.998.
 * Source: Spiegelhalter (2005) Qual Saf Health Care 14:347–351; Spiegelhalter et al. (2012) J R Stat Soc A
 * 175:1–47 "Statistical methods for healthcare regulation: rating, screening and surveillance".
 */
export function adjustedFunnelLimits(
  kind: FunnelKind,
  target: number,
  precision: number,
  tau2: number,
  confidence: Confidence,
): Interval {
  const fn = 'adjustedFunnelLimits';
  requireTarget(fn, kind, target);
  requirePositive(fn, 'precision', precision);
  requireNonNegative(fn, 'tau2', tau2);
  const z = zFor(requireConfidence(fn, confidence));
  const { y, s } = toStableScale(kind, target, precision);
  const halfWidth = z * Math.sqrt(s * s + tau2);
  return { lower: fromStableScale(kind, y - halfWidth), upper: fromStableScale(kind, y + halfWidth) };
}

function requireTarget(fn: string, kind: FunnelKind, target: number): void {
  if (kind === 'proportion') requireProbability(fn, 'target', target);
  else if (kind === 'ratio') requirePositive(fn, 'target', target);
  else fail(fn, `unknown kind (${String(kind satisfies never)})`);
}

/** One x-position of a funnel plot with its control limits on the estimate's scale. */
export interface FunnelPoint {
  /** n for proportions, E for ratios. */
  precision: number;
  lower: number;
  upper: number;
  /** Limits widened by τ² (equal to the normal approximation on the stabilised scale when τ² = 0). */
  adjustedLower: number;
  adjustedUpper: number;
}

/**
 * Plottable funnel limits over a range of precision, log-spaced so the narrow end is as smooth as the wide.
 * @param kind 'proportion' (Wilson-based limits, target 0–1, precision n) or 'ratio' (exact Poisson limits,
 * target usually 1, precision E). Rates are plotted as ratios to the target rate (E = target × person-time).
 * @param target p0 or the target ratio. @param precisionRange [min, max], 0 < min ≤ max.
 * @param confidence 0.95 or 0.998. @param points number of points ≥ 2 (default 100).
 * @param tau2 τ² for the adjusted series (default 0).
 * Source: Spiegelhalter (2005) Stat Med 24:1185–1202; Spiegelhalter (2005) Qual Saf Health Care 14:347–351.
 */
export function funnelCurve(
  kind: FunnelKind,
  target: number,
  precisionRange: readonly [number, number],
  confidence: Confidence,
  points = 100,
  tau2 = 0,
): FunnelPoint[] {
  const fn = 'funnelCurve';
  requireTarget(fn, kind, target);
  const [min, max] = precisionRange;
  requirePositive(fn, 'precisionRange[0]', min);
  requirePositive(fn, 'precisionRange[1]', max);
  if (min > max) fail(fn, `precisionRange[0] (${min}) exceeds precisionRange[1] (${max})`);
  requireFinite(fn, 'points', points);
  if (!Number.isInteger(points) || points < 2) fail(fn, `points must be an integer ≥ 2 (got ${points})`);
  requireNonNegative(fn, 'tau2', tau2);
  requireConfidence(fn, confidence);

  const logMin = Math.log(min);
  const logStep = (Math.log(max) - logMin) / (points - 1);
  return Array.from({ length: points }, (_, i) => {
    // Pin the ends so the curve spans exactly the requested range despite exp/log rounding.
    const precision = i === 0 ? min : i === points - 1 ? max : Math.exp(logMin + i * logStep);
    const limits =
      kind === 'proportion'
        ? proportionFunnelLimits(target, precision, confidence)
        : ratioFunnelLimits(precision, confidence, target);
    const adjusted = adjustedFunnelLimits(kind, target, precision, tau2, confidence);
    return { precision, ...limits, adjustedLower: adjusted.lower, adjustedUpper: adjusted.upper };
  });
}
