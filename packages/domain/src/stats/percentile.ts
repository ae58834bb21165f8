import { at, fail, requireFinite, requireProbability } from './validate';

function sortedCopy(fn: string, values: readonly number[]): number[] {
  if (values.length === 0) fail(fn, 'values must not be empty');
  // The check's message is only built for a value that fails it (this runs for every benchmark group).
  for (let index = 0; index < values.length; index++)
    if (!Number.isFinite(values[index])) requireFinite(fn, `values[${index}]`, values[index]!);
  return [...values].sort((a, b) => a - b);
}

/** Type 7 on an already sorted, non-empty array. */
function percentileOfSorted(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const below = Math.floor(h);
  const low = at(sorted, below);
  if (below === sorted.length - 1) return low;
  const high = at(sorted, below + 1);
  // Clamping keeps the result monotone in p even where low + (h − below)(high − low) rounds past high.
  return Math.min(high, Math.max(low, low + (h - below) * (high - low)));
}

/**
 * The p-th percentile by linear interpolation between order statistics.
 * @param values finite numbers, at least one. @param p probability in [0, 1] (0.5 = median).
 * @returns x_(⌊h⌋) + (h − ⌊h⌋)(x_(⌊h⌋+1) − x_(⌊h⌋)) with h = (n − 1)p on the sorted values.
 * Source: Hyndman & Fan (1996) Am Stat 50:361–365, definition 7 (R's default, NumPy's default 'linear',
 * SQL PERCENTILE_CONT).
 */
export function percentile(values: readonly number[], p: number): number {
  requireProbability('percentile', 'p', p);
  return percentileOfSorted(sortedCopy('percentile', values), p);
}

/**
 * Several percentiles of the same values, sorting once.
 * @param values finite numbers, at least one. @param ps probabilities in [0, 1].
 * Source: Hyndman & Fan (1996) definition 7, as percentile.
 */
export function percentiles(values: readonly number[], ps: readonly number[]): number[] {
  ps.forEach((p, index) => requireProbability('percentiles', `ps[${index}]`, p));
  const sorted = sortedCopy('percentiles', values);
  return ps.map((p) => percentileOfSorted(sorted, p));
}

/** p = 0.1, 0.2, …, 0.9, written as i/10 so that each is the double nearest the decimal. */
const DECILE_PROBABILITIES = Array.from({ length: 9 }, (_, i) => (i + 1) / 10);

/**
 * The nine decile cut points (p = 0.1 … 0.9) across units.
 * @param values finite numbers, at least one.
 * Source: Hyndman & Fan (1996) definition 7, as percentile.
 */
export function deciles(values: readonly number[]): number[] {
  return percentiles(values, DECILE_PROBABILITIES);
}

/**
 * A unit's percentile position among the values, in [0, 1]: the inverse of `percentile`.
 * Definition: the p for which percentile(values, p) = x. For x between two neighbouring order statistics
 * x_(i) < x < x_(i+1) (0-based) that is (i + (x − x_(i)) / (x_(i+1) − x_(i))) / (n − 1); where x equals a run
 * of tied values x_(i) … x_(j) it is the midpoint ((i + j) / 2) / (n − 1); below the minimum 0, above the
 * maximum 1; a single value gives 0.5 when x equals it. For untied members this equals SQL PERCENT_RANK,
 * and percentRank(values, percentile(values, p)) = p, so a unit on the 9th decile reads 0.9.
 * @param values finite numbers, at least one (the unit's own value included, as a rule). @param x the unit's value.
 * Source: inverse of Hyndman & Fan (1996) definition 7.
 */
export function percentRank(values: readonly number[], x: number): number {
  const fn = 'percentRank';
  requireFinite(fn, 'x', x);
  const sorted = sortedCopy(fn, values);
  const n = sorted.length;
  if (x < at(sorted, 0)) return 0;
  if (x > at(sorted, n - 1)) return 1;
  if (n === 1) return 0.5;

  const first = sorted.findIndex((v) => v >= x);
  if (at(sorted, first) === x) {
    let last = first;
    while (last + 1 < n && at(sorted, last + 1) === x) last++;
    return (first + last) / 2 / (n - 1);
  }
  const below = at(sorted, first - 1);
  const above = at(sorted, first);
  return (first - 1 + (x - below) / (above - below)) / (n - 1);
}
