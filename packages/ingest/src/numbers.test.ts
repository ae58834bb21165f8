import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { numberProblem, parseDecimal } from './numbers';

describe('parseDecimal', () => {
  it.each([
    ['12', 'point', 12],
    [' 12.5 ', 'point', 12.5],
    ['12,5', 'comma-or-point', 12.5],
    ['12.5', 'comma-or-point', 12.5],
    ['0,001', 'comma-or-point', 0.001],
    [',5', 'comma-or-point', 0.5],
    ['5.', 'point', 5],
    ['+3', 'point', 3],
    ['-3,25', 'comma-or-point', -3.25],
    ['1e+05', 'point', 100_000],
    ['2,5E-3', 'comma-or-point', 0.0025],
    ['39925.0', 'point', 39_925],
  ] as const)('reads %j (%s) as %d', (text, policy, expected) => {
    expect(parseDecimal(text, policy)).toBe(expected);
  });

  it.each([
    ['', 'point', 'empty'],
    ['   ', 'comma-or-point', 'empty'],
    ['12,5', 'point', 'not-a-number'],
    ['12,5x', 'comma-or-point', 'not-a-number'],
    ['1.234,5', 'comma-or-point', 'thousands'],
    ['1,234.5', 'point', 'thousands'],
    ['1.234.567', 'comma-or-point', 'thousands'],
    ['1,234', 'point', 'thousands'],
    ['1 234', 'comma-or-point', 'thousands'],
    ['1\u00a0234,5', 'comma-or-point', 'thousands'],
    ['12%', 'point', 'not-a-number'],
    ['€ 12', 'comma-or-point', 'not-a-number'],
    ['0x1A', 'point', 'not-a-number'],
    ['Infinity', 'point', 'not-a-number'],
    ['NaN', 'point', 'not-a-number'],
    ['1e999', 'point', 'not-a-number'],
    ['12-5', 'point', 'not-a-number'],
  ] as const)('refuses %j (%s): %s', (text, policy, problem) => {
    expect(parseDecimal(text, policy)).toBeNaN();
    expect(numberProblem(text, policy)).toBe(problem);
  });

  it('reads "1,234" and "1.234" in a ;-file as a decimal, never guessing a thousands separator', () => {
    expect(parseDecimal('1,234', 'comma-or-point')).toBe(1.234);
    expect(parseDecimal('1.234', 'comma-or-point')).toBe(1.234);
  });

  it('accepts every finite number formatted with a point, or with a comma where commas are allowed', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const text = String(x);
        // -0 prints as "0"; compare numerically.
        expect(parseDecimal(text, 'point') === x).toBe(true);
        expect(parseDecimal(text, 'comma-or-point') === x).toBe(true);
        expect(parseDecimal(text.replace('.', ','), 'comma-or-point') === x).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts fixed-point output with 0–6 decimals exactly as Number() reads it', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e15, max: 1e15, noNaN: true }),
        fc.integer({ min: 0, max: 6 }),
        (x, decimals) => {
          const text = x.toFixed(decimals);
          expect(parseDecimal(text, 'point')).toBe(Number(text));
          expect(parseDecimal(text.replace('.', ','), 'comma-or-point')).toBe(Number(text));
        },
      ),
    );
  });

  it('never accepts a comma in a comma-separated file', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const text = String(x).replace('.', ',');
        if (text.includes(',')) expect(parseDecimal(text, 'point')).toBeNaN();
      }),
    );
  });
});
