/** Kinds of KPI (domain guide §4). `ratio` is a standardised ratio (observed / expected). */
export const KPI_KINDS = ['proportion', 'rate', 'ratio', 'mean'] as const;
export type KpiKind = (typeof KPI_KINDS)[number];

/** Which direction is better. `none` means no judgement (e.g. substitution KPIs). */
export const POLARITIES = ['higher', 'lower', 'none'] as const;
export type Polarity = (typeof POLARITIES)[number];

/** Supported two-sided confidence levels: 95 % and 99.8 % (≈ 2 and 3 standard deviations). */
export const CONFIDENCE_LEVELS = [0.95, 0.998] as const;
export type Confidence = (typeof CONFIDENCE_LEVELS)[number];

/** Outcome of comparing a unit with a benchmark. */
export type Comparison = 'better' | 'similar' | 'worse' | 'not-compared';

/** An interval as [lower, upper] on the scale of the estimate it belongs to. */
export interface Interval {
  lower: number;
  upper: number;
}

/**
 * The raw figures of one observation. Meaning by kind:
 * - proportion: numerator = count with the property, denominator = eligible count;
 * - rate: numerator = events, denominator = person-years at risk (value per `multiplier` person-years);
 * - ratio: numerator = observed O, expected = E (denominator may repeat E);
 * - mean: numerator = sum of values, denominator = number of values, sumSquares optional.
 */
export interface ObservationFigures {
  numerator: number;
  denominator: number;
  expected?: number | undefined;
  sumSquares?: number | undefined;
}
