import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byarInterval } from './intervals';
import { expectedFromReference, indirectlyStandardise, referenceRates } from './standardise';

// A practice by age band × sex, with reference rates per person-year.
const strata = [
  { key: 'F|0-64', population: 1000 },
  { key: 'F|65+', population: 200 },
  { key: 'M|0-64', population: 1200 },
  { key: 'M|65+', population: 100 },
];
const rates = { 'F|0-64': 0.01, 'F|65+': 0.05, 'M|0-64': 0.008, 'M|65+': 0.06 };

describe('expectedFromReference', () => {
  // By hand: E = 1000 × 0.01 + 200 × 0.05 + 1200 × 0.008 + 100 × 0.06 = 10 + 10 + 9.6 + 6 = 35.6.
  it('sums rate × population over strata (record or map)', () => {
    expect(expectedFromReference(strata, rates)).toBeCloseTo(35.6, 12);
    expect(expectedFromReference(strata, new Map(Object.entries(rates)))).toBeCloseTo(35.6, 12);
  });

  it('rejects a populated stratum without a reference rate, but not an empty one', () => {
    expect(() => expectedFromReference([{ key: 'X|95+', population: 3 }], rates)).toThrow(
      new RangeError('expectedFromReference: no reference rate for stratum "X|95+" (strata[0])'),
    );
    expect(() => expectedFromReference([{ key: 'constructor', population: 3 }], rates)).toThrow(RangeError);
    expect(expectedFromReference([...strata, { key: 'X|95+', population: 0 }], rates)).toBeCloseTo(35.6, 12);
  });

  it('rejects negative populations and rates', () => {
    expect(() => expectedFromReference([{ key: 'F|65+', population: -1 }], rates)).toThrow(
      new RangeError('expectedFromReference: strata[0].population must not be negative (got -1)'),
    );
    expect(() => expectedFromReference([{ key: 'a', population: 1 }], { a: -0.1 })).toThrow(
      new RangeError('expectedFromReference: reference rate of "a" must not be negative (got -0.1)'),
    );
  });
});

describe('referenceRates', () => {
  it('pools events and population per key and leaves out keys without population', () => {
    const result = referenceRates([
      { key: 'F|65+', events: 30, population: 1000 },
      { key: 'F|65+', events: 70, population: 1000 },
      { key: 'M|65+', events: 12, population: 400 },
      { key: 'M|95+', events: 0, population: 0 },
    ]);
    expect(result).toEqual(
      new Map([
        ['F|65+', 0.05],
        ['M|65+', 0.03],
      ]),
    );
    expect(() => referenceRates([{ key: 'M|95+', events: 2, population: 0 }])).toThrow(
      new RangeError('referenceRates: stratum "M|95+" has events (2) but no population'),
    );
  });

  // Indirect standardisation against the pooled units themselves: Σ O = Σ E over the units.
  it('makes total expected equal total observed when the reference is the units themselves', () => {
    const keys = ['F|0-64', 'F|65+', 'M|0-64', 'M|65+'];
    const unit = fc.array(
      fc.record({
        key: fc.constantFrom(...keys),
        events: fc.integer({ min: 0, max: 50 }),
        population: fc.integer({ min: 1, max: 1000 }),
      }),
      { minLength: 1, maxLength: 8 },
    );
    fc.assert(
      fc.property(fc.array(unit, { minLength: 1, maxLength: 10 }), (units) => {
        const reference = referenceRates(units.flat());
        const observed = units.flat().reduce((sum, s) => sum + s.events, 0);
        const expected = units.reduce((sum, u) => sum + expectedFromReference(u, reference), 0);
        expect(expected).toBeCloseTo(observed, 8);
      }),
    );
  });
});

describe('indirectlyStandardise', () => {
  // By hand: O = 40, E = 35.6 → ratio 1.123596; Byar(40) at 95 % = (28.573300, 54.470099) → over E:
  // 0.802621–1.530059.
  it('gives O/E with the count interval of O over E', () => {
    const result = indirectlyStandardise({ observed: 40, strata, referenceRates: rates }, 0.95);
    expect(result.expected).toBeCloseTo(35.6, 12);
    expect(result.ratio).toBeCloseTo(1.123596, 6);
    expect(result.lower).toBeCloseTo(0.802621, 6);
    expect(result.upper).toBeCloseTo(1.530059, 6);
    const byar = byarInterval(40, 0.95);
    expect(result.lower).toBeCloseTo(byar.lower / 35.6, 12);
  });

  it('gives costs a ratio without an interval', () => {
    const costRates = { 'F|0-64': 1800, 'F|65+': 5200, 'M|0-64': 1500, 'M|65+': 6100 };
    const result = indirectlyStandardise(
      { observed: 6_000_000, strata, referenceRates: costRates, outcome: 'cost' },
      0.95,
    );
    // E = 1000 × 1800 + 200 × 5200 + 1200 × 1500 + 100 × 6100 = 5,250,000 euros; O/E = 1.142857.
    expect(result).toEqual({
      observed: 6_000_000,
      expected: 5_250_000,
      ratio: 6_000_000 / 5_250_000,
      lower: undefined,
      upper: undefined,
    });
  });

  it('rejects E = 0 and a negative observed', () => {
    expect(() => indirectlyStandardise({ observed: 1, strata: [], referenceRates: rates }, 0.95)).toThrow(
      new RangeError('indirectlyStandardise: expected must be positive (got 0)'),
    );
    expect(() => indirectlyStandardise({ observed: -1, strata, referenceRates: rates }, 0.95)).toThrow(
      new RangeError('indirectlyStandardise: observed must not be negative (got -1)'),
    );
  });
});
