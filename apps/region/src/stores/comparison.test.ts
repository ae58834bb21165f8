import { describe, expect, it, vi } from 'vitest';
import { answers, json, setupStores } from '../test/api-mock';
import { ROWS, cell, grid, row } from '../test/fixtures';
import { sortRows, spreadOf, useComparisonStore, worseCount } from './comparison';

describe('sortRows', () => {
  it('sorts by name, by a KPI value with empty values last either way, and by KPIs worse', () => {
    expect(sortRows(ROWS, { by: 'label' }).map((r) => r.label)).toEqual([
      'Akker',
      'Huisartsen Utrecht I',
      'Kerkplein',
      'Rozenhof',
    ]);
    expect(sortRows(ROWS, { by: 'kpi', code: 'DM-01' }).map((r) => r.organisationId)).toEqual([
      'pra-2',
      'col-1',
      'pra-1',
      'pra-3',
    ]);
    expect(sortRows(ROWS, { by: 'kpi', code: 'DM-01' }, -1).map((r) => r.organisationId)).toEqual([
      'pra-1',
      'col-1',
      'pra-2',
      'pra-3',
    ]);
    expect(sortRows(ROWS, { by: 'worse' }, -1).map((r) => [r.label, worseCount(r)])).toEqual([
      ['Akker', 1],
      ['Kerkplein', 1],
      ['Rozenhof', 1],
      ['Huisartsen Utrecht I', 0],
    ]);
  });
});

describe('spreadOf', () => {
  it('gives the practices’ p10, median and p90 (type 7), leaving out collaboratives and hidden values', () => {
    const rows = [0.5, 0.6, 0.7, 0.8, 0.9].map((v, i) => row(`p${i}`, `P${i}`, [cell('DM-01', v)]));
    rows.push(row('c', 'C', [cell('DM-01', 0.1)], 'collaborative'));
    rows.push(row('h', 'H', [cell('DM-01', null, 'not-compared', { suppressed: 'small-number' })]));
    const s = spreadOf(rows, 'DM-01')!;
    expect(s.p50).toBeCloseTo(0.7, 12);
    expect(s.p10).toBeCloseTo(0.54, 12);
    expect(s.p90).toBeCloseTo(0.86, 12);
    expect(spreadOf(rows, 'KO-01')).toBeNull();
  });
});

describe('useComparisonStore', () => {
  it('asks for the grid with baseline, confidence and the chosen peer group', async () => {
    const get = answers(json(grid(ROWS)));
    setupStores({ api: { regions: { ':id': { comparison: { $get: get } } } } });
    const store = useComparisonStore();
    await store.load({
      regionId: 'reg-001',
      period: '2026-Q3',
      baseline: '2025-Q3',
      confidence: 0.998,
      peerGroupId: 7,
    });
    expect(get).toHaveBeenCalledWith({
      param: { id: 'reg-001' },
      query: { period: '2026-Q3', confidence: '0.998', baseline: '2025-Q3', peerGroup: '7' },
    });
    expect(store.rows).toHaveLength(4);
    expect(store.rowOf('pra-2')?.label).toBe('Akker');
    expect(store.cellOf(store.rowOf('pra-2')!, 'KO-01')?.comparison).toBe('better');
  });

  it('finds the latest quarter with any value, looking back from the last complete one', async () => {
    const empty = grid([row('pra-1', 'Rozenhof', [cell('DM-01', null)])]);
    const get = vi.fn(({ query }: { query: { period: string } }) =>
      Promise.resolve(json(query.period === '2026-Q4' ? empty : grid(ROWS, query.period))),
    );
    setupStores({ api: { regions: { ':id': { comparison: { $get: get } } } } });
    expect(await useComparisonStore().findLatest('reg-001', '2026-Q4')).toBe('2026-Q3');
    expect(get).toHaveBeenCalledTimes(2);
  });
});
