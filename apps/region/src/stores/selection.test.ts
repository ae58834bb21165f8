import { describe, expect, it } from 'vitest';
import { setupStores } from '../test/api-mock';
import { lastCompleteQuarter, useSelectionStore } from './selection';

describe('useSelectionStore', () => {
  it('knows the last complete quarter of a day', () => {
    expect(lastCompleteQuarter(new Date('2026-12-01T02:00:00Z'))).toBe('2026-Q3');
    expect(lastCompleteQuarter(new Date('2026-01-15T12:00:00Z'))).toBe('2025-Q4');
  });

  it('offers eight quarters up to the latest and only earlier ones as baseline', () => {
    setupStores();
    const s = useSelectionStore();
    s.setLatest('2026-Q3');
    expect(s.period).toBe('2026-Q3');
    expect(s.periods).toHaveLength(8);
    expect(s.periods[0]).toBe('2026-Q3');
    expect(s.periods.at(-1)).toBe('2024-Q4');
    s.period = '2025-Q2';
    expect(s.baselines).toEqual(['2025-Q1', '2024-Q4']);
  });
});
