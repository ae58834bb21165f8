import { describe, expect, it } from 'vitest';
import { setupStores } from '../test/api-mock';
import { lastCompleteQuarter, useSelectionStore } from './selection';

describe('lastCompleteQuarter', () => {
  it('is the quarter before the one we are in', () => {
    expect(lastCompleteQuarter(new Date('2026-11-30T12:00:00Z'))).toBe('2026-Q3');
    expect(lastCompleteQuarter(new Date('2026-01-02T12:00:00Z'))).toBe('2025-Q4');
    expect(lastCompleteQuarter(new Date('2026-10-01T12:00:00Z'))).toBe('2026-Q3');
  });
});

describe('useSelectionStore', () => {
  it('defaults to the region at 95 % and offers eight quarters up to the latest with data, newest first', () => {
    setupStores();
    const store = useSelectionStore();
    expect(store.benchmark).toBe('region');
    expect(store.confidence).toBe(0.95);
    expect(store.periods).toEqual([]);
    store.setLatest('2026-Q3');
    expect(store.period).toBe('2026-Q3');
    expect(store.periods).toHaveLength(8);
    expect(store.periods[0]).toBe('2026-Q3');
    expect(store.periods.at(-1)).toBe('2024-Q4');
  });

  it('keeps an earlier chosen quarter, but never one after the latest', () => {
    setupStores();
    const store = useSelectionStore();
    store.period = '2026-Q1';
    store.setLatest('2026-Q3');
    expect(store.period).toBe('2026-Q1');
    store.period = '2027-Q1';
    store.setLatest('2026-Q3');
    expect(store.period).toBe('2026-Q3');
  });
});
