/**
 * Argument checks shared by the statistics functions. Every failure is a RangeError whose message
 * names the calling function, the argument and the offending value, so a bad input surfaces where it
 * entered rather than as a NaN three layers further on.
 */
import { CONFIDENCE_LEVELS, type Confidence } from '../model/kpi-types';

/** Throws `RangeError("<fn>: <message>")`. */
export function fail(fn: string, message: string): never {
  throw new RangeError(`${fn}: ${message}`);
}

/** Requires a finite number (rejects NaN and ±Infinity). */
export function requireFinite(fn: string, name: string, value: number): number {
  if (!Number.isFinite(value)) fail(fn, `${name} must be a finite number (got ${String(value)})`);
  return value;
}

/** Requires a finite number ≥ 0. */
export function requireNonNegative(fn: string, name: string, value: number): number {
  requireFinite(fn, name, value);
  if (value < 0) fail(fn, `${name} must not be negative (got ${value})`);
  return value;
}

/** Requires a finite number > 0. */
export function requirePositive(fn: string, name: string, value: number): number {
  requireFinite(fn, name, value);
  if (value <= 0) fail(fn, `${name} must be positive (got ${value})`);
  return value;
}

/** Requires a probability in [0, 1]. */
export function requireProbability(fn: string, name: string, value: number): number {
  requireFinite(fn, name, value);
  if (value < 0 || value > 1) fail(fn, `${name} must lie in [0, 1] (got ${value})`);
  return value;
}

/** Requires `count ≤ denominator`; both are assumed already checked to be finite and ≥ 0. */
export function requireCountWithin(fn: string, count: number, denominator: number): void {
  if (count > denominator) fail(fn, `count (${count}) exceeds denominator (${denominator})`);
}

function isConfidence(value: number): value is Confidence {
  return (CONFIDENCE_LEVELS as readonly number[]).includes(value);
}

/** Requires one of the supported confidence levels (0.95 or 0.998); callers outside TypeScript can pass anything. */
export function requireConfidence(fn: string, value: number): Confidence {
  if (!isConfidence(value)) {
    fail(fn, `confidence must be one of ${CONFIDENCE_LEVELS.join(', ')} (got ${String(value)})`);
  }
  return value;
}

/**
 * Reads `values[index]` where the caller has already established that the index is in range;
 * a miss is a programming error, not bad input, so it is a plain Error.
 */
export function at(values: readonly number[], index: number): number {
  const value = values[index];
  if (value === undefined)
    throw new Error(`internal: index ${index} outside array of length ${values.length}`);
  return value;
}
