/**
 * Confidence intervals for the four KPI kinds, as in the PHE/OHID Fingertips technical guidance
 * "Confidence intervals" and the domain guide §5.
 */
import type { Confidence, Interval } from '../model/kpi-types';
import { gammaQuantile } from './gamma';
import { zFor } from './normal';
import type { Estimate, EstimateWithInterval } from './types';
import {
  fail,
  requireConfidence,
  requireCountWithin,
  requireFinite,
  requireNonNegative,
  requirePositive,
} from './validate';

/** Counts below this use exact Poisson limits, above it Byar's approximation (the PHE convention; domain guide §5). */
export const EXACT_POISSON_BELOW = 10;

/**
 * Wilson score interval for a proportion count / denominator.
 * @param count units with the property (≥ 0, ≤ denominator). @param denominator eligible units (> 0).
 * @param confidence 0.95 or 0.998.
 * @returns bounds as proportions in [0, 1].
 * Source: Wilson (1927) JASA 22:209–212; Newcombe (1998) Stat Med 17:857–872, method 3:
 * (2x + z² ± z√(z² + 4x(1 − x/n))) / (2(n + z²)).
 */
export function wilsonInterval(count: number, denominator: number, confidence: Confidence): Interval {
  const fn = 'wilsonInterval';
  requireNonNegative(fn, 'count', count);
  requirePositive(fn, 'denominator', denominator);
  requireCountWithin(fn, count, denominator);
  const z = zFor(requireConfidence(fn, confidence));

  const z2 = z * z;
  const centre = 2 * count + z2;
  const halfWidth = z * Math.sqrt(z2 + 4 * count * (1 - count / denominator));
  const scale = 2 * (denominator + z2);
  // At the boundaries the formula is exact in theory but can miss 0 or 1 by an ulp in floating point.
  return {
    lower: count === 0 ? 0 : Math.max(0, (centre - halfWidth) / scale),
    upper: count === denominator ? 1 : Math.min(1, (centre + halfWidth) / scale),
  };
}

/**
 * Exact (Garwood) Poisson interval for an observed count.
 * @param observed count O ≥ 0 (non-integers are allowed and interpolate smoothly).
 * @param confidence 0.95 or 0.998.
 * @returns bounds on the count scale: lower = χ²_{α/2}(2O)/2 (0 when O = 0), upper = χ²_{1−α/2}(2O+2)/2.
 * Source: Garwood (1936) Biometrika 28:437–442; PHE/OHID Fingertips technical guidance
 * "Confidence intervals" (exact Poisson for small counts). χ²(2k)/2 is Gamma(k), so gammaQuantile is used directly.
 */
export function exactPoissonInterval(observed: number, confidence: Confidence): Interval {
  const fn = 'exactPoissonInterval';
  requireNonNegative(fn, 'observed', observed);
  const alpha = 1 - requireConfidence(fn, confidence);
  return {
    lower: observed === 0 ? 0 : gammaQuantile(alpha / 2, observed),
    upper: gammaQuantile(1 - alpha / 2, observed + 1),
  };
}

/**
 * Byar's approximation to the exact Poisson interval for an observed count.
 * @param observed count O ≥ 0. @param confidence 0.95 or 0.998.
 * @returns bounds on the count scale: lower = O(1 − 1/(9O) − z/(3√O))³, upper = (O+1)(1 − 1/(9(O+1)) + z/(3√(O+1)))³.
 * The lower bound is 0 for O = 0 and is clamped at 0 where the cubed term turns negative (O ≲ 1 at 99.8 %).
 * Source: Breslow & Day (1987) Statistical Methods in Cancer Research vol. II, p. 69;
 * PHE/OHID Fingertips technical guidance "Confidence intervals".
 */
export function byarInterval(observed: number, confidence: Confidence): Interval {
  const fn = 'byarInterval';
  requireNonNegative(fn, 'observed', observed);
  const z = zFor(requireConfidence(fn, confidence));
  const lowerBase = observed === 0 ? 0 : 1 - 1 / (9 * observed) - z / (3 * Math.sqrt(observed));
  const next = observed + 1;
  return {
    lower: observed * Math.max(0, lowerBase) ** 3,
    upper: next * (1 - 1 / (9 * next) + z / (3 * Math.sqrt(next))) ** 3,
  };
}

/**
 * Confidence interval for a count: exact Poisson for O < 10, Byar's approximation otherwise.
 * @param observed count O ≥ 0. @param confidence 0.95 or 0.998.
 * @returns bounds on the count scale.
 * Source: domain guide §5; PHE/OHID Fingertips technical guidance "Confidence intervals".
 */
export function countInterval(observed: number, confidence: Confidence): Interval {
  requireNonNegative('countInterval', 'observed', observed);
  return observed < EXACT_POISSON_BELOW
    ? exactPoissonInterval(observed, confidence)
    : byarInterval(observed, confidence);
}

/**
 * A crude rate with its interval: the count's interval divided by the person-time.
 * @param events count of events ≥ 0. @param personTime person-years at risk > 0.
 * @param confidence 0.95 or 0.998. @param multiplier rate expressed per this many person-years (default 1,000).
 * @returns value, lower and upper per `multiplier` person-years.
 * Source: domain guide §5; PHE/OHID Fingertips technical guidance "Confidence intervals" (rates).
 */
export function rateInterval(
  events: number,
  personTime: number,
  confidence: Confidence,
  multiplier = 1000,
): EstimateWithInterval {
  const fn = 'rateInterval';
  requireNonNegative(fn, 'events', events);
  requirePositive(fn, 'personTime', personTime);
  requirePositive(fn, 'multiplier', multiplier);
  return scaleCount(events, countInterval(events, confidence), multiplier / personTime);
}

/**
 * A standardised ratio O / E with its interval: the interval of O divided by E.
 * @param observed observed count O ≥ 0. @param expected expected count E > 0. @param confidence 0.95 or 0.998.
 * @returns value, lower and upper as ratios (1 = as expected).
 * Source: domain guide §5; PHE/OHID Fingertips technical guidance "Confidence intervals" (indirectly
 * standardised ratios); Breslow & Day (1987) vol. II ch. 2.
 */
export function ratioInterval(
  observed: number,
  expected: number,
  confidence: Confidence,
): EstimateWithInterval {
  const fn = 'ratioInterval';
  requireNonNegative(fn, 'observed', observed);
  requirePositive(fn, 'expected', expected);
  return scaleCount(observed, countInterval(observed, confidence), 1 / expected);
}

function scaleCount(count: number, interval: Interval, factor: number): EstimateWithInterval {
  return { value: count * factor, lower: interval.lower * factor, upper: interval.upper * factor };
}

/**
 * A mean with a normal-approximation interval, mean ± z · s / √n, s the sample standard deviation.
 * @param sum sum of the values (any sign, in the KPI's unit). @param count number of values > 0.
 * @param sumSquares sum of squared values, or undefined when not collected.
 * @param confidence 0.95 or 0.998.
 * @returns the mean, with bounds only when sumSquares is given and count ≥ 2 (otherwise lower/upper undefined).
 * The normal rather than Student's t quantile is used on purpose: KPI means cover tens to thousands of
 * patients, and it keeps 95 % / 99.8 % the same critical values as every other kind.
 * Source: PHE/OHID Fingertips technical guidance "Confidence intervals" (means).
 */
export function meanInterval(
  sum: number,
  count: number,
  sumSquares: number | undefined,
  confidence: Confidence,
): Estimate {
  const fn = 'meanInterval';
  requireFinite(fn, 'sum', sum);
  requirePositive(fn, 'count', count);
  requireConfidence(fn, confidence);
  const value = sum / count;
  if (sumSquares === undefined || count < 2) return { value, lower: undefined, upper: undefined };

  requireNonNegative(fn, 'sumSquares', sumSquares);
  const squaredDeviations = sumSquares - sum * value;
  // Cancellation can leave a tiny negative residue; anything larger means the figures contradict each other.
  if (squaredDeviations < -1e-9 * sumSquares) {
    fail(fn, `sumSquares (${sumSquares}) is less than sum²/count (${sum * value})`);
  }
  const standardError = Math.sqrt(Math.max(0, squaredDeviations) / (count - 1) / count);
  const halfWidth = zFor(confidence) * standardError;
  return { value, lower: value - halfWidth, upper: value + halfWidth };
}
