/**
 * The statistics engine of Kwadrant's domain: intervals, estimates, benchmark comparison, percentiles,
 * roll-ups, funnel limits, overdispersion, trend and indirect standardisation (domain guide §4–§5).
 * Pure functions; invalid input throws a RangeError naming the argument, and no result is ever NaN.
 */
export { chiSquaredQuantile, chiSquaredUpperTail, gammaQuantile, logGamma, poissonCdf } from './gamma';
export { regularizedGammaP, regularizedGammaQ } from './gamma';
export { normalQuantile, zFor } from './normal';
export {
  EXACT_POISSON_BELOW,
  byarInterval,
  countInterval,
  exactPoissonInterval,
  meanInterval,
  rateInterval,
  ratioInterval,
  wilsonInterval,
} from './intervals';
export { DEFAULT_RATE_MULTIPLIER, compareToBenchmark, estimate, pointEstimate } from './estimate';
export type { BenchmarkFigures, CompareOptions, EstimateOptions } from './estimate';
export { deciles, percentRank, percentile, percentiles } from './percentile';
export { rollup, sumFigures } from './rollup';
export { adjustedFunnelLimits, funnelCurve, proportionFunnelLimits, ratioFunnelLimits } from './funnel';
export type { FunnelPoint } from './funnel';
export { WINSOR_FRACTION, ZERO_COUNT_CORRECTION, overdispersion } from './overdispersion';
export type { OverdispersionResult, OverdispersionUnit } from './overdispersion';
export { TREND_MIN_PERIODS, TREND_PERIODS, trendTest, trendTestFromFigures } from './trend';
export type { TrendDirection, TrendFiguresOptions, TrendOptions, TrendPoint, TrendResult } from './trend';
export { expectedFromReference, indirectlyStandardise, referenceRates } from './standardise';
export type {
  ReferenceRates,
  ReferenceStratum,
  StandardisationInput,
  StandardisedRatio,
  Stratum,
} from './standardise';
export type { Estimate, EstimateWithInterval, FunnelKind, PointEstimate } from './types';
