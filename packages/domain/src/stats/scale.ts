/**
 * The variance-stabilising scales of Spiegelhalter (2005) "Handling over-dispersion of performance
 * indicators", Qual Saf Health Care 14:347–351, on which an estimate's standard error depends only on its
 * precision: proportions y = asin√p with s = 1/(2√n); ratios y = log(O/E) with s = 1/√E.
 */
import type { FunnelKind } from './types';

/** An estimate on the stabilised scale with its standard error. */
export interface StableValue {
  y: number;
  s: number;
}

/** Transforms an estimate (proportion 0–1 or ratio > 0) and its precision (n or E, > 0). */
export function toStableScale(kind: FunnelKind, value: number, precision: number): StableValue {
  return kind === 'proportion'
    ? { y: Math.asin(Math.sqrt(value)), s: 1 / (2 * Math.sqrt(precision)) }
    : { y: Math.log(value), s: 1 / Math.sqrt(precision) };
}

/**
 * Back to the estimate's scale. For proportions the angle is clamped to [0, π/2] first: sin² is not
 * monotone beyond it, so an unclamped limit below 0 would fold back up into a positive proportion.
 */
export function fromStableScale(kind: FunnelKind, y: number): number {
  if (kind === 'ratio') return Math.exp(y);
  const angle = Math.min(Math.PI / 2, Math.max(0, y));
  return Math.min(1, Math.sin(angle) ** 2);
}
