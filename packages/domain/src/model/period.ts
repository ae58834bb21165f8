/**
 * Reporting periods: quarters ("2025-Q3") and years ("2025").
 * Periods are values; their canonical string form is what the database and the API store.
 */
export type Quarter = 1 | 2 | 3 | 4;
export type Period = { kind: 'quarter'; year: number; quarter: Quarter } | { kind: 'year'; year: number };

/** A period string: "YYYY" or "YYYY-Qn". The database checks the same pattern. */
export const PERIOD_PATTERN = /^(\d{4})(?:-Q([1-4]))?$/;
export const PERIOD_PATTERN_SQL = '^[0-9]{4}(-Q[1-4])?$';

const MIN_YEAR = 1900;
const MAX_YEAR = 2999;

/** Parses "2025" or "2025-Q3"; throws a RangeError naming the input otherwise. */
export function parsePeriod(text: string): Period {
  const match = PERIOD_PATTERN.exec(text.trim());
  if (!match) {
    throw new RangeError(
      `parsePeriod: "${text}" is not a period; expected a year like "2025" or a quarter like "2025-Q3"`,
    );
  }
  const year = Number(match[1]);
  if (year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`parsePeriod: year ${year} in "${text}" is outside ${MIN_YEAR}–${MAX_YEAR}`);
  }
  return match[2] === undefined
    ? { kind: 'year', year }
    : { kind: 'quarter', year, quarter: Number(match[2]) as Quarter };
}

/** True when the text is a valid period string. */
export function isPeriod(text: string): boolean {
  try {
    parsePeriod(text);
    return true;
  } catch {
    return false;
  }
}

/** The canonical string: "2025" or "2025-Q3". */
export function formatPeriod(period: Period): string {
  return period.kind === 'year' ? String(period.year) : `${period.year}-Q${period.quarter}`;
}

const asPeriod = (p: Period | string): Period => (typeof p === 'string' ? parsePeriod(p) : p);

/** Index of a quarter on a continuous scale (year × 4 + quarter − 1), for arithmetic. */
function quarterIndex(p: Period & { kind: 'quarter' }): number {
  return p.year * 4 + (p.quarter - 1);
}

function fromQuarterIndex(index: number): Period & { kind: 'quarter' } {
  return { kind: 'quarter', year: Math.floor(index / 4), quarter: ((index % 4) + 1) as Quarter };
}

/** First and last quarter a period covers. */
export function quarterBounds(period: Period | string): { first: string; last: string } {
  const p = asPeriod(period);
  if (p.kind === 'quarter') return { first: formatPeriod(p), last: formatPeriod(p) };
  return { first: `${p.year}-Q1`, last: `${p.year}-Q4` };
}

/** Negative, zero or positive as a starts before, with or after b (ties broken by length: a year before its Q1). */
export function comparePeriods(a: Period | string, b: Period | string): number {
  const pa = asPeriod(a);
  const pb = asPeriod(b);
  const start = (p: Period) => (p.kind === 'year' ? p.year * 4 : quarterIndex(p));
  return start(pa) - start(pb) || (pa.kind === pb.kind ? 0 : pa.kind === 'year' ? -1 : 1);
}

/** The quarter `n` quarters after (negative: before) the given one. */
export function addQuarters(period: Period | string, n: number): string {
  const p = asPeriod(period);
  if (p.kind !== 'quarter')
    throw new RangeError(`addQuarters: "${formatPeriod(p)}" is a year, not a quarter`);
  if (!Number.isInteger(n)) throw new RangeError(`addQuarters: n (${n}) must be an integer`);
  return formatPeriod(fromQuarterIndex(quarterIndex(p) + n));
}

/** Every quarter from `start` to `end`, both included; start and end may be years or quarters. */
export function quartersBetween(start: Period | string, end: Period | string): string[] {
  const from = parsePeriod(quarterBounds(start).first) as Period & { kind: 'quarter' };
  const to = parsePeriod(quarterBounds(end).last) as Period & { kind: 'quarter' };
  const out: string[] = [];
  for (let i = quarterIndex(from); i <= quarterIndex(to); i++) out.push(formatPeriod(fromQuarterIndex(i)));
  return out;
}

/** The `count` quarters ending with `end` (oldest first). */
export function lastQuarters(end: Period | string, count: number): string[] {
  const last = quarterBounds(end).last;
  return quartersBetween(addQuarters(last, -(count - 1)), last);
}

/** Length of a period in years: 0.25 for a quarter, 1 for a year. */
export function yearFraction(period: Period | string): number {
  return asPeriod(period).kind === 'quarter' ? 0.25 : 1;
}

/** The year a period belongs to. */
export function yearOf(period: Period | string): number {
  return asPeriod(period).year;
}

/** True when `inner` lies wholly within `outer` (a quarter within its year, a period within itself). */
export function periodWithin(inner: Period | string, outer: Period | string): boolean {
  const i = quarterBounds(inner);
  const o = quarterBounds(outer);
  return comparePeriods(i.first, o.first) >= 0 && comparePeriods(i.last, o.last) <= 0;
}

/** True when two inclusive ranges of periods share at least one quarter. */
export function rangesOverlap(
  a: { start: Period | string; end: Period | string },
  b: { start: Period | string; end: Period | string },
): boolean {
  return (
    comparePeriods(quarterBounds(a.start).first, quarterBounds(b.end).last) <= 0 &&
    comparePeriods(quarterBounds(b.start).first, quarterBounds(a.end).last) <= 0
  );
}

/** The first day of a quarter as an ISO date, e.g. "2025-07-01" for "2025-Q3". */
export function periodStartDate(period: Period | string): string {
  const p = parsePeriod(quarterBounds(period).first) as Period & { kind: 'quarter' };
  return `${p.year}-${String((p.quarter - 1) * 3 + 1).padStart(2, '0')}-01`;
}

/** The last day of a period as an ISO date, e.g. "2025-09-30" for "2025-Q3". */
export function periodEndDate(period: Period | string): string {
  const p = parsePeriod(quarterBounds(period).last) as Period & { kind: 'quarter' };
  const lastDay = ['03-31', '06-30', '09-30', '12-31'][p.quarter - 1];
  return `${p.year}-${lastDay}`;
}

/** The quarter containing an ISO date ("2025-08-14" → "2025-Q3"). */
export function quarterOfDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-\d{2}/.exec(isoDate);
  const month = Number(match?.[2]);
  if (!match || month < 1 || month > 12)
    throw new RangeError(`quarterOfDate: "${isoDate}" is not an ISO date`);
  return `${match[1]}-Q${Math.ceil(month / 3)}`;
}
