import type { ObservationFigures } from '../model/kpi-types';
import { fail, requireFinite, requireNonNegative } from './validate';

/**
 * Adds observation figures field by field: the only correct way to roll a KPI up a level (ratio of
 * sums, never a mean of ratios).
 * @param figures rows of one KPI; numerator finite (a mean's sum may be negative), the rest ≥ 0.
 * @returns summed numerator and denominator (0 and 0 for no rows). `expected` is summed when every row
 * has it and a RangeError when only some do, because a partial E would silently fall back to the
 * denominator in `estimate`. `sumSquares` is summed when every row has it and left out otherwise: a
 * missing sum of squares only means the roll-up has no interval, which is the honest result.
 * Source: domain guide §4 (higher levels as ratio of sums).
 */
export function sumFigures(figures: readonly ObservationFigures[]): ObservationFigures {
  const fn = 'sumFigures';
  let numerator = 0;
  let denominator = 0;
  let expected = 0;
  let sumSquares = 0;
  let withExpected = 0;
  let withSumSquares = 0;
  figures.forEach((row, index) => {
    numerator += requireFinite(fn, `figures[${index}].numerator`, row.numerator);
    denominator += requireNonNegative(fn, `figures[${index}].denominator`, row.denominator);
    if (row.expected !== undefined) {
      expected += requireNonNegative(fn, `figures[${index}].expected`, row.expected);
      withExpected++;
    }
    if (row.sumSquares !== undefined) {
      sumSquares += requireNonNegative(fn, `figures[${index}].sumSquares`, row.sumSquares);
      withSumSquares++;
    }
  });
  if (withExpected > 0 && withExpected < figures.length) {
    fail(fn, `expected is given on ${withExpected} of ${figures.length} rows; give it on all or none`);
  }

  const total: ObservationFigures = { numerator, denominator };
  const complete = (count: number): boolean => figures.length > 0 && count === figures.length;
  if (complete(withExpected)) total.expected = expected;
  if (complete(withSumSquares)) total.sumSquares = sumSquares;
  return total;
}

/**
 * Rolls rows up to any grouping (practice → collaborative → region, or by period) as ratio of sums.
 * @param rows rows carrying ObservationFigures (extra fields such as ids are ignored).
 * @param keyOf the group of a row; keys are compared with SameValueZero, as Map does.
 * @returns one summed ObservationFigures per key, in order of first appearance.
 * Source: domain guide §4 (ratio of sums).
 */
export function rollup<Row extends ObservationFigures, Key>(
  rows: readonly Row[],
  keyOf: (row: Row) => Key,
): Map<Key, ObservationFigures> {
  const groups = new Map<Key, Row[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return new Map([...groups].map(([key, group]) => [key, sumFigures(group)]));
}
