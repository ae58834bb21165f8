/**
 * Quarter notations seen in practice, all read as the canonical "2025-Q3" of the domain:
 * 2025-Q3, 2025Q3, 2025-q3, 2025 Q3, 2025/K3 (kwartaal), Q3 2025, Q3-2025, 2025 kwartaal 3.
 * "2025-3" is refused: it could be March as well as the third quarter.
 */
import { formatPeriod, type Quarter } from '@kwadrant/domain/model';

export type QuarterParse =
  | { ok: true; period: string; year: number; quarter: Quarter; canonical: boolean }
  | { ok: false; reason: 'unknown' | 'year' | 'month-or-quarter' | 'range' };

const CANONICAL = /^(\d{4})-Q([1-4])$/;
const MARK = '(?:q|k|kw|kwartaal|quarter)';
const YEAR_FIRST = new RegExp(`^(\\d{4})\\s*[-/_ ]?\\s*${MARK}\\s*([1-4])$`, 'i');
const QUARTER_FIRST = new RegExp(`^${MARK}\\s*([1-4])\\s*[-/_ ]?\\s*(\\d{4})$`, 'i');
const YEAR_NUMBER = /^(\d{4})\s*[-/.]\s*(\d{1,2})$/;
const YEAR = /^\d{4}$/;

/** The domain's range of years (parsePeriod). */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2999;

/** Reads a quarter in any accepted notation. */
export function parseQuarter(text: string): QuarterParse {
  const s = text.trim();
  let year: number;
  let quarter: number;
  let match = CANONICAL.exec(s);
  const canonical = match !== null;
  if (match) {
    year = Number(match[1]);
    quarter = Number(match[2]);
  } else if ((match = YEAR_FIRST.exec(s))) {
    year = Number(match[1]);
    quarter = Number(match[2]);
  } else if ((match = QUARTER_FIRST.exec(s))) {
    year = Number(match[2]);
    quarter = Number(match[1]);
  } else if (YEAR_NUMBER.test(s)) {
    return { ok: false, reason: 'month-or-quarter' };
  } else if (YEAR.test(s)) {
    return { ok: false, reason: 'year' };
  } else {
    return { ok: false, reason: 'unknown' };
  }
  if (year < MIN_YEAR || year > MAX_YEAR) return { ok: false, reason: 'range' };
  const q = quarter as Quarter;
  return {
    ok: true,
    period: formatPeriod({ kind: 'quarter', year, quarter: q }),
    year,
    quarter: q,
    canonical,
  };
}

/** A notation's shape, so that one warning covers every value written the same way: "2025Q3" → "9999Q9". */
export function notationOf(text: string): string {
  return text.trim().replace(/\d/g, '9');
}
