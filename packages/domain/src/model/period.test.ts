import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addQuarters,
  comparePeriods,
  formatPeriod,
  isPeriod,
  lastQuarters,
  parsePeriod,
  periodEndDate,
  periodStartDate,
  periodWithin,
  quarterOfDate,
  quartersBetween,
  rangesOverlap,
  yearFraction,
} from './period';

const quarterArb = fc
  .tuple(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 1, max: 4 }))
  .map(([y, q]) => `${y}-Q${q}`);

describe('periods', () => {
  it('parses quarters and years', () => {
    expect(parsePeriod('2025-Q3')).toEqual({ kind: 'quarter', year: 2025, quarter: 3 });
    expect(parsePeriod('2025')).toEqual({ kind: 'year', year: 2025 });
    expect(parsePeriod(' 2024-Q1 ')).toEqual({ kind: 'quarter', year: 2024, quarter: 1 });
  });

  it.each(['2025-Q5', '2025-Q0', '25-Q1', '2025Q1', '2025-q1', '', 'Q1-2025', '1899', '2025-Q1-'])(
    'rejects "%s" with a message that names it',
    (text) => {
      expect(isPeriod(text)).toBe(false);
      expect(() => parsePeriod(text)).toThrow(RangeError);
    },
  );

  it('does arithmetic across year ends', () => {
    expect(addQuarters('2024-Q4', 1)).toBe('2025-Q1');
    expect(addQuarters('2025-Q1', -1)).toBe('2024-Q4');
    expect(addQuarters('2025-Q2', -9)).toBe('2023-Q1');
    expect(() => addQuarters('2025', 1)).toThrow(/is a year/);
  });

  it('lists ranges inclusively, years expanding to their quarters', () => {
    expect(quartersBetween('2024-Q3', '2025-Q2')).toEqual(['2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2']);
    expect(quartersBetween('2025', '2025')).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4']);
    expect(quartersBetween('2025-Q2', '2025-Q1')).toEqual([]);
    expect(lastQuarters('2025-Q2', 5)).toEqual(['2024-Q2', '2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2']);
  });

  it('orders periods, a year before its first quarter', () => {
    const sorted = ['2025-Q2', '2024', '2025', '2024-Q4', '2025-Q1'].sort(comparePeriods);
    expect(sorted).toEqual(['2024', '2024-Q4', '2025', '2025-Q1', '2025-Q2']);
  });

  it('knows containment, overlap, dates and year fractions', () => {
    expect(periodWithin('2025-Q3', '2025')).toBe(true);
    expect(periodWithin('2025', '2025-Q3')).toBe(false);
    expect(rangesOverlap({ start: '2024-Q1', end: '2024-Q4' }, { start: '2024-Q4', end: '2025-Q2' })).toBe(
      true,
    );
    expect(rangesOverlap({ start: '2024-Q1', end: '2024-Q3' }, { start: '2024-Q4', end: '2025-Q2' })).toBe(
      false,
    );
    expect(periodStartDate('2025-Q3')).toBe('2025-07-01');
    expect(periodEndDate('2025-Q3')).toBe('2025-09-30');
    expect(periodEndDate('2025')).toBe('2025-12-31');
    expect(quarterOfDate('2025-08-14')).toBe('2025-Q3');
    expect(() => quarterOfDate('2025-13-01')).toThrow(/not an ISO date/);
    expect(yearFraction('2025-Q1')).toBe(0.25);
    expect(yearFraction('2025')).toBe(1);
  });

  it('round-trips and keeps arithmetic consistent (property)', () => {
    fc.assert(
      fc.property(quarterArb, fc.integer({ min: -40, max: 40 }), (q, n) => {
        expect(formatPeriod(parsePeriod(q))).toBe(q);
        expect(addQuarters(addQuarters(q, n), -n)).toBe(q);
        expect(Math.sign(comparePeriods(addQuarters(q, n), q))).toBe(Math.sign(n));
        const range = n >= 0 ? quartersBetween(q, addQuarters(q, n)) : [];
        if (n >= 0) expect(range).toHaveLength(n + 1);
      }),
    );
  });
});
