import type { Interval } from '../model/kpi-types';
import { percentiles } from './percentile';
import { toStableScale } from './scale';
import type { FunnelKind } from './types';
import { fail, requireCountWithin, requireNonNegative, requirePositive } from './validate';

/** Share of z-scores Winsorised at each end (Spiegelhalter 2005: the 10th and 90th percentiles). */
export const WINSOR_FRACTION = 0.1;

/**
 * An observed count of zero has no logarithm; it is replaced by this count for the ratio's z-score
 * (a ½ continuity correction) so that every unit still counts in I. Its z stays strongly negative when E
 * is large, and Winsorisation bounds its influence on φ.
 */
export const ZERO_COUNT_CORRECTION = 0.5;

/** One unit: for proportions numerator = count and denominator = n; for ratios numerator = O and denominator = E. */
export interface OverdispersionUnit {
  numerator: number;
  denominator: number;
}

export interface OverdispersionResult {
  /** Dispersion φ = Σ z_w² / I of the Winsorised z-scores (1 means no overdispersion). */
  phi: number;
  /** Between-unit variance τ² on the stabilised scale (0 when I·φ ≤ I − 1). */
  tau2: number;
  /** The target on the estimate's scale: p̄ (ratio of sums) for proportions, 1 for ratios. */
  target: number;
  /** θ0, the target on the stabilised scale: asin√p̄ or 0. */
  transformedTarget: number;
  /** Per unit in input order: (y − θ0) / s. */
  zScores: number[];
  /** The z-scores clamped to winsorLimits. */
  winsorisedZScores: number[];
  /** Per unit: (y − θ0) / √(s² + τ²), for flagging against overdispersion-adjusted limits. */
  adjustedZScores: number[];
  /** The 10th and 90th percentiles (type 7) of the z-scores. */
  winsorLimits: Interval;
}

/**
 * Overdispersion of units around a target: Winsorised dispersion φ and additive random-effects τ².
 * Proportions: y = asin√(x/n), s = 1/(2√n), θ0 = asin√p̄ with p̄ = Σx/Σn. Ratios: y = log(O/E), s = 1/√E,
 * θ0 = 0 (O/E = 1); O = 0 is taken as O = 0.5 (ZERO_COUNT_CORRECTION). z = (y − θ0)/s, Winsorised at its
 * 10th and 90th percentiles (R type 7); φ = Σz_w²/I; with w = 1/s²,
 * τ² = max(0, (Iφ − (I − 1)) / (Σw − Σw²/Σw)).
 * @param units at least two; numerators ≥ 0; denominators > 0 (n or E); for proportions numerator ≤ denominator.
 * @param kind 'proportion' or 'ratio'.
 * Source: Spiegelhalter (2005) "Handling over-dispersion of performance indicators", Qual Saf Health Care
 * 14:347–351; Spiegelhalter et al. (2012) J R Stat Soc A 175:1–47; DerSimonian & Laird (1986) for τ².
 */
export function overdispersion(units: readonly OverdispersionUnit[], kind: FunnelKind): OverdispersionResult {
  const fn = 'overdispersion';
  if (kind !== 'proportion' && kind !== 'ratio') fail(fn, `unknown kind (${String(kind)})`);
  if (units.length < 2) fail(fn, `needs at least 2 units (got ${units.length})`);
  let totalNumerator = 0;
  let totalDenominator = 0;
  units.forEach((unit, index) => {
    totalNumerator += requireNonNegative(fn, `units[${index}].numerator`, unit.numerator);
    totalDenominator += requirePositive(fn, `units[${index}].denominator`, unit.denominator);
    if (kind === 'proportion') requireCountWithin(fn, unit.numerator, unit.denominator);
  });

  const target = kind === 'proportion' ? totalNumerator / totalDenominator : 1;
  const transformedTarget = toStableScale(kind, target, 1).y;
  const stable = units.map(({ numerator, denominator }) => {
    const count = kind === 'ratio' && numerator === 0 ? ZERO_COUNT_CORRECTION : numerator;
    return toStableScale(kind, count / denominator, denominator);
  });
  const zScores = stable.map(({ y, s }) => (y - transformedTarget) / s);

  const [lowerLimit = 0, upperLimit = 0] = percentiles(zScores, [WINSOR_FRACTION, 1 - WINSOR_FRACTION]);
  const winsorisedZScores = zScores.map((z) => Math.min(upperLimit, Math.max(lowerLimit, z)));
  const count = units.length;
  const phi = winsorisedZScores.reduce((sum, z) => sum + z * z, 0) / count;

  const weights = stable.map(({ s }) => 1 / (s * s));
  const sumWeights = weights.reduce((sum, w) => sum + w, 0);
  const sumSquaredWeights = weights.reduce((sum, w) => sum + w * w, 0);
  // With two or more positive weights the denominator is strictly positive.
  const tau2 = Math.max(0, (count * phi - (count - 1)) / (sumWeights - sumSquaredWeights / sumWeights));

  return {
    phi,
    tau2,
    target,
    transformedTarget,
    zScores,
    winsorisedZScores,
    adjustedZScores: stable.map(({ y, s }) => (y - transformedTarget) / Math.sqrt(s * s + tau2)),
    winsorLimits: { lower: lowerLimit, upper: upperLimit },
  };
}
