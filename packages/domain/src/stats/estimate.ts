import type { Comparison, Confidence, KpiKind, ObservationFigures, Polarity } from '../model/kpi-types';
import { meanInterval, rateInterval, ratioInterval, wilsonInterval } from './intervals';
import type { Estimate } from './types';
import { fail, requireConfidence, requireFinite, requireNonNegative, requirePositive } from './validate';

/** Rates are per 1,000 person-years unless the KPI says otherwise (domain guide §4). */
export const DEFAULT_RATE_MULTIPLIER = 1000;

export interface EstimateOptions {
  confidence: Confidence;
  /** Rates only: express the rate per this many person-years (default 1,000). */
  multiplier?: number | undefined;
}

/**
 * The value of a KPI observation with its confidence interval, by kind.
 * @param kind proportion (value 0–1, Wilson), rate (per `multiplier` person-years, denominator =
 * person-years, count interval), ratio (O / E with E = expected ?? denominator, count interval over E),
 * mean (numerator = sum, denominator = count, interval only with sumSquares).
 * @param figures the raw figures; a zero denominator (or E) has no value and throws a RangeError.
 * @param options confidence 0.95 or 0.998; multiplier for rates.
 * Source: domain guide §4–§5; see wilsonInterval, rateInterval, ratioInterval, meanInterval.
 */
export function estimate(kind: KpiKind, figures: ObservationFigures, options: EstimateOptions): Estimate {
  const { numerator, denominator } = figures;
  switch (kind) {
    case 'proportion': {
      const interval = wilsonInterval(numerator, denominator, options.confidence);
      return { value: numerator / denominator, ...interval };
    }
    case 'rate':
      return rateInterval(
        numerator,
        denominator,
        options.confidence,
        options.multiplier ?? DEFAULT_RATE_MULTIPLIER,
      );
    case 'ratio':
      return ratioInterval(numerator, figures.expected ?? denominator, options.confidence);
    case 'mean':
      return meanInterval(numerator, denominator, figures.sumSquares, options.confidence);
    default:
      return fail('estimate', `unknown kind (${String(kind satisfies never)})`);
  }
}

/**
 * The point estimate alone, computed exactly as `estimate` computes its value (same floating-point
 * expression), without the interval: for percentiles and funnel points over thousands of units.
 */
export function pointEstimate(
  kind: KpiKind,
  figures: ObservationFigures,
  options: Pick<EstimateOptions, 'multiplier'> = {},
): number {
  const { numerator, denominator } = figures;
  switch (kind) {
    case 'proportion':
    case 'mean':
      return numerator / denominator;
    case 'rate':
      return numerator * ((options.multiplier ?? DEFAULT_RATE_MULTIPLIER) / denominator);
    case 'ratio':
      return numerator * (1 / (figures.expected ?? denominator));
    default:
      return fail('pointEstimate', `unknown kind (${String(kind satisfies never)})`);
  }
}

/** The figures compared with a benchmark: `count` is the numerator of ObservationFigures. */
export interface BenchmarkFigures {
  count: number;
  denominator: number;
  expected?: number | undefined;
  sumSquares?: number | undefined;
}

export interface CompareOptions {
  polarity: Polarity;
  confidence: Confidence;
  kind?: KpiKind | undefined;
  /** The KPI's minimum denominator to report; below it the unit is not compared. */
  minDenominator?: number | undefined;
  /** Rates only, as in `estimate`. */
  multiplier?: number | undefined;
}

/**
 * Compares a unit with a benchmark, polarity-aware: 'similar' when the benchmark lies inside the
 * unit's confidence interval (bounds inclusive), else 'better' or 'worse'.
 * @param figures the unit's figures (count = numerator). @param benchmark on the scale of `estimate`'s
 * value (a proportion as 0–1, a rate per `multiplier`, a ratio with 1 = expected).
 * @param options polarity 'none' → 'not-compared'; denominator below minDenominator (default 0) →
 * 'not-compared'. A unit without a value (denominator or E of 0) or without an interval (a mean lacking
 * sumSquares) is also 'not-compared' rather than an error: it is an ordinary state of real data.
 * Source: domain guide §5 (benchmark comparison; PHE/OHID Fingertips "compared with benchmark").
 */
export function compareToBenchmark(
  figures: BenchmarkFigures,
  benchmark: number,
  options: CompareOptions,
): Comparison {
  const fn = 'compareToBenchmark';
  const kind = options.kind ?? 'proportion';
  requireFinite(fn, 'count', figures.count);
  requireNonNegative(fn, 'denominator', figures.denominator);
  if (figures.expected !== undefined) requireNonNegative(fn, 'expected', figures.expected);
  requireFinite(fn, 'benchmark', benchmark);
  if (kind === 'proportion' && (benchmark < 0 || benchmark > 1)) {
    fail(fn, `benchmark for a proportion must lie in [0, 1] (got ${benchmark})`);
  }
  requireConfidence(fn, options.confidence);
  const minDenominator = requireNonNegative(fn, 'minDenominator', options.minDenominator ?? 0);
  if (options.multiplier !== undefined) requirePositive(fn, 'multiplier', options.multiplier);

  const scaleSize = kind === 'ratio' ? (figures.expected ?? figures.denominator) : figures.denominator;
  if (options.polarity === 'none' || figures.denominator < minDenominator || scaleSize === 0) {
    return 'not-compared';
  }

  const unit = estimate(
    kind,
    {
      numerator: figures.count,
      denominator: figures.denominator,
      expected: figures.expected,
      sumSquares: figures.sumSquares,
    },
    { confidence: options.confidence, multiplier: options.multiplier },
  );
  if (unit.lower === undefined) return 'not-compared';
  if (benchmark >= unit.lower && benchmark <= unit.upper) return 'similar';
  const unitIsHigher = unit.lower > benchmark;
  return unitIsHigher === (options.polarity === 'higher') ? 'better' : 'worse';
}
