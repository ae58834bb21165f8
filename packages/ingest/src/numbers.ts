/**
 * Numbers as Dutch and English spreadsheets write them. One decimal sign, comma or point; an exponent
 * as R and Excel write it (1e+05); no thousands separators, because "1.234" means 1234 to a Dutch reader
 * and 1.234 to an English one: a value is never guessed.
 */

/** Which decimal signs a file may use: comma or point in ';' files, only a point in ',' files. */
export type DecimalPolicy = 'comma-or-point' | 'point';

const POINT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const COMMA_OR_POINT = /^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?$/;
// Groups of three digits after a first group of one to three, separated by a point, comma, space,
// no-break space or apostrophe: 1.234 / 1,234,567 / 1 234 / 1'234 (Swiss), optionally with decimals.
const GROUPED = /^[+-]?\d{1,3}(?:([.,\s\u00a0\u202f'])\d{3})(?:\1\d{3})*(?:[.,]\d+)?$/;

/**
 * Parses a number written with a point or (if allowed) a comma as the decimal sign.
 * @param text the field, surrounding whitespace allowed.
 * @returns the number, or NaN when the text is not one (see `numberProblem` for why). Every finite
 * double formatted by `String(x)` — with the point replaced by a comma where allowed — parses back
 * to exactly x.
 */
export function parseDecimal(text: string, policy: DecimalPolicy): number {
  const s = text.trim();
  let value: number;
  if (policy === 'point') value = POINT.test(s) ? Number(s) : NaN;
  else if (COMMA_OR_POINT.test(s)) value = Number(s.includes(',') ? s.replace(',', '.') : s);
  else value = NaN;
  // "1e999" is well-formed but not finite.
  return Number.isFinite(value) ? value : NaN;
}

/** Why `parseDecimal` rejected a text: empty, a thousands separator, or not a number at all. */
export function numberProblem(text: string, policy: DecimalPolicy): 'empty' | 'thousands' | 'not-a-number' {
  const s = text.trim();
  if (s === '') return 'empty';
  if (/\d[.,]\d/.test(s) && s.includes('.') && s.includes(',')) return 'thousands';
  const grouped = GROUPED.exec(s);
  if (grouped) {
    const separator = grouped[1]!;
    // With a single separator "1,234" is a decimal comma where commas are allowed, so only the
    // point-only policy, repeated groups or mixed signs make it a thousands separator.
    const groups = s.split(separator).length - 1;
    if (separator !== '.' && separator !== ',') return 'thousands';
    if (groups > 1 || (policy === 'point' && separator === ',')) return 'thousands';
  }
  return 'not-a-number';
}
