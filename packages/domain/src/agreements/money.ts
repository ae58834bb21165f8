/*
 * Integer-cent arithmetic (domain guide §6: money in integer euro cents, rounded once per line,
 * parts adding up to the total exactly).
 */

/**
 * Significant digits kept before rounding. Binary floating point turns 0.285 × 100 into
 * 28.499999999999996; snapping to 12 significant digits first gives the 28.5 a person computes.
 * Exact for amounts below 10¹⁰ cents (€ 100 million) per rounded quantity, far above any line.
 */
const SNAP_DIGITS = 12;

/** Removes binary floating-point noise: rounds to 12 significant digits (monotone, so order is kept). */
export const snap = (x: number): number => Number(x.toPrecision(SNAP_DIGITS));

/** Rounds an amount in cents to whole cents, half away from zero ("commercial rounding"); domain guide §6. */
export function roundCents(amount: number): number {
  if (!Number.isFinite(amount)) throw new RangeError(`roundCents: ${amount} is not a finite amount`);
  const snapped = snap(amount);
  const rounded = Math.sign(snapped) * Math.floor(Math.abs(snapped) + 0.5);
  return rounded === 0 ? 0 : rounded; // no -0
}

/**
 * Splits integer cents over non-negative weights so that the parts add up to the total exactly
 * (largest-remainder / Hamilton method; domain guide §6). Each part gets the floor of its exact
 * quota; the cents left go one each to the largest remainders, ties to the earlier weight. A
 * negative total is split as its absolute value and negated.
 */
export function allocateCents(totalCents: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(totalCents))
    throw new RangeError(`allocateCents: total ${totalCents} is not whole cents`);
  if (weights.some((w) => !Number.isFinite(w) || w < 0)) {
    throw new RangeError(
      `allocateCents: weights must be finite and non-negative, got [${weights.join(', ')}]`,
    );
  }
  const sum = weights.reduce((a, w) => a + w, 0);
  if (sum === 0) {
    if (totalCents === 0) return weights.map(() => 0);
    throw new RangeError(`allocateCents: cannot split ${totalCents} cents over weights that are all zero`);
  }
  const sign = totalCents < 0 ? -1 : 1;
  const amount = Math.abs(totalCents);
  const quotas = weights.map((w) => snap((amount * w) / sum));
  const parts = quotas.map(Math.floor);
  const byRemainder = quotas
    .map((q, i) => ({ i, remainder: snap(q - Math.floor(q)) }))
    .sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  let left = amount - parts.reduce((a, p) => a + p, 0);
  // Σ floors ≤ Σ quotas = amount, so `left` is between 0 and the number of parts; the loop guards
  // against float drift in either direction all the same.
  for (let k = 0; left !== 0; k++) {
    const target =
      left > 0
        ? byRemainder[k % byRemainder.length]!
        : byRemainder[byRemainder.length - 1 - (k % byRemainder.length)]!;
    const step = left > 0 ? 1 : -1;
    parts[target.i] = parts[target.i]! + step;
    left -= step;
  }
  return parts.map((p) => (p === 0 ? 0 : sign * p));
}

/** Sum of integer cents (exact: integers below 2⁵³ add without rounding). */
export function sumCents(amounts: readonly number[]): number {
  return amounts.reduce((a, x) => a + x, 0);
}
