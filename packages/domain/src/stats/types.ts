/** An estimate with its confidence interval, all on the same scale. */
export interface EstimateWithInterval {
  value: number;
  lower: number;
  upper: number;
}

/**
 * An estimate for which no interval can be given (a mean without a sum of squares, or of a single
 * value). The bounds are explicitly undefined, never NaN, so `if (e.lower !== undefined)` narrows.
 */
export interface PointEstimate {
  value: number;
  lower: undefined;
  upper: undefined;
}

/** What `estimate` returns: an interval whenever the figures allow one. */
export type Estimate = EstimateWithInterval | PointEstimate;

/** Kinds that have a variance-stabilising scale for funnel plots and overdispersion. */
export type FunnelKind = 'proportion' | 'ratio';
