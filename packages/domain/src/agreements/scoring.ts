import type { Polarity } from '../model/kpi-types';
import type { EvidenceRule, ScoringRule } from './model';
import { snap } from './money';

/*
 * Clause scoring and evidence rules (domain guide §6, step 3). Everything here works on numbers on
 * the KPI estimate's own scale; `direction` is +1 when higher is better and −1 when lower is better.
 */

export type Direction = 1 | -1;

/**
 * Float noise allowed when judging whether a value meets a target: 0.7 + 0.1 must meet a target
 * of 0.8. Far below any meaningful difference on a KPI scale.
 */
const TOLERANCE = 1e-12;

/** +1 for higher-is-better, −1 for lower-is-better; polarity 'none' cannot be scored. */
export function directionOf(polarity: Polarity): Direction {
  if (polarity === 'none') throw new RangeError('directionOf: a KPI without polarity cannot be scored');
  return polarity === 'higher' ? 1 : -1;
}

/** True when `value` is at least as good as `target` in the given direction (domain guide §6). */
export function meets(value: number, target: number, direction: Direction): boolean {
  return direction * (value - target) >= -TOLERANCE;
}

const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));

/** Linear score: 0 at the threshold, 1 at the target, clamped to [0, 1]; either polarity (domain guide §6). */
export function scoreLinear(value: number, threshold: number, target: number): number {
  if (threshold === target) throw new RangeError('scoreLinear: threshold equals target');
  const direction: Direction = target > threshold ? 1 : -1;
  if (meets(value, target, direction)) return 1;
  return clamp01(snap((value - threshold) / (target - threshold)));
}

/** Step-table score: the score of the most demanding band whose `from` the value meets, else 0 (domain guide §6). */
export function scoreBands(
  value: number,
  bands: readonly { from: number; score: number }[],
  direction: Direction,
): number {
  let best: { from: number; score: number } | undefined;
  for (const band of bands) {
    if (!meets(value, band.from, direction)) continue;
    if (best === undefined || direction * (band.from - best.from) > 0) best = band;
  }
  return best === undefined ? 0 : clamp01(best.score);
}

/** All-or-nothing score: 1 when the target is met, else 0 (domain guide §6). */
export function scoreAllOrNothing(value: number, target: number, direction: Direction): number {
  return meets(value, target, direction) ? 1 : 0;
}

/**
 * The target an improvement clause sets from its baseline: baseline ± targetImprovement (absolute,
 * on the KPI scale) or baseline × (1 ± targetImprovement) (relative), ± in the better direction.
 */
export function improvementTarget(
  baseline: number,
  rule: Extract<ScoringRule, { type: 'improvement' }>,
  direction: Direction,
): number {
  return rule.measure === 'absolute'
    ? baseline + direction * rule.targetImprovement
    : baseline * (1 + direction * rule.targetImprovement);
}

/**
 * Improvement score: 1 once the clause's absolute target is met (a unit already at target cannot be
 * asked to improve); otherwise 0 at the baseline rising linearly to 1 at the improved target
 * (domain guide §6). Without a usable baseline only the absolute target can be met.
 */
export function scoreImprovement(
  value: number,
  baseline: number | null,
  improved: number | null,
  target: number,
  direction: Direction,
): number {
  if (meets(value, target, direction)) return 1;
  if (baseline === null || improved === null || improved === baseline) return 0;
  return scoreLinear(value, baseline, improved);
}

/**
 * The value an evidence rule scores (domain guide §6): 'point' the estimate itself; 'benefit-of-doubt'
 * the most favourable interval bound, so the target counts as met whenever it lies inside the
 * interval; 'significant' the least favourable bound, so the whole interval must clear the target.
 */
export function evidenceValue(
  estimate: { value: number; lower: number; upper: number },
  rule: EvidenceRule,
  direction: Direction,
): { scoredOn: 'value' | 'lower' | 'upper'; scoredValue: number } {
  if (rule === 'point') return { scoredOn: 'value', scoredValue: estimate.value };
  const favourable = rule === 'benefit-of-doubt';
  const upper = favourable === (direction === 1);
  return upper
    ? { scoredOn: 'upper', scoredValue: estimate.upper }
    : { scoredOn: 'lower', scoredValue: estimate.lower };
}
