import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Confidence } from '../model/kpi-types';
import { normalQuantile, zFor } from './normal';

describe('zFor', () => {
  // Domain guide §5: z = 1.959964 for 95 %, 3.090232 for 99.8 % (standard normal tables, e.g.
  // Abramowitz & Stegun 1964, Table 26.5).
  it.each([
    [0.95, '1.959964'],
    [0.998, '3.090232'],
  ] as const)('gives %s → %s exact to 6 dp', (confidence, z) => {
    expect(zFor(confidence).toFixed(6)).toBe(z);
  });

  it('rejects an unsupported confidence level, naming it', () => {
    expect(() => zFor(0.9 as Confidence)).toThrow(
      new RangeError('zFor: confidence must be one of 0.95, 0.998 (got 0.9)'),
    );
  });
});

describe('normalQuantile', () => {
  // Reference values: R 4.x qnorm(p) printed with digits = 16 (AS 241, the same algorithm; SciPy's
  // norm.ppf agrees to the last digit). The 0.95 / 0.99 rows are the classic table values 1.644854 / 2.326348.
  it.each([
    [1e-10, -6.361340902404056],
    [1e-5, -4.264890793922825],
    [0.001, -3.090232306167813],
    [0.025, -1.959963984540054],
    [0.1, -1.2815515655446004],
    [0.3, -0.5244005127080409],
    [0.5, 0],
    [0.9, 1.2815515655446004],
    [0.95, 1.6448536269514722],
    [0.99, 2.3263478740408408],
    [0.975, 1.959963984540054],
    [1 - 1e-7, 5.199337582290661],
  ])('qnorm(%s) = %s to 1e-12', (p, z) => {
    expect(Math.abs(normalQuantile(p) - z)).toBeLessThan(1e-12 * Math.max(1, Math.abs(z)));
  });

  it('is ±Infinity at 0 and 1, as R returns', () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
  });

  it.each([-0.1, 1.1, Number.NaN, Infinity])('rejects p = %s', (p) => {
    expect(() => normalQuantile(p)).toThrow(RangeError);
    expect(() => normalQuantile(p)).toThrow(/normalQuantile: p/);
  });

  it('is antisymmetric', () => {
    // Kept away from the far tail, where 1 − p itself is rounded by more than the algorithm's error.
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 0.5, noNaN: true }), (p) => {
        expect(Math.abs(normalQuantile(p) + normalQuantile(1 - p))).toBeLessThan(1e-9);
      }),
    );
  });

  it('is increasing', () => {
    const probability = fc.double({ min: 1e-300, max: 1 - 1e-16, noNaN: true });
    fc.assert(
      fc.property(probability, probability, (p, q) => {
        const [low, high] = p < q ? [p, q] : [q, p];
        expect(normalQuantile(low)).toBeLessThanOrEqual(normalQuantile(high));
      }),
    );
  });
});
