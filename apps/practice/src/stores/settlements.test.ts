import { describe, expect, it } from 'vitest';
import { answers, json, problem, setupStores } from '../test/api-mock';
import { useSettlementsStore } from './settlements';

const summary = (id: number, period: string, version: number) => ({
  id,
  agreementId: 'agr-1',
  agreementVersion: 1,
  period,
  version,
  frozen: true,
  frozenAt: null,
  totalCents: 100,
  attainment: 0.5,
  createdAt: '2026-01-01T00:00:00Z',
});

describe('useSettlementsStore', () => {
  it('lists an agreement’s settlements, newest period and version first', async () => {
    const list = answers(
      json({
        items: [summary(1, '2025-Q1', 1), summary(3, '2025-Q2', 1), summary(4, '2025-Q2', 2)],
        total: 3,
        limit: 200,
        offset: 0,
      }),
    );
    setupStores({ api: { settlements: { $get: list } } });
    const store = useSettlementsStore();
    await store.load('agr-1');
    expect(list).toHaveBeenCalledWith({ query: { agreementId: 'agr-1', limit: '200' } });
    expect(store.items.map((s) => s.id)).toEqual([4, 3, 1]);
  });

  it('loads one settlement with its explanation, or the problem', async () => {
    const detail = answers(
      json({
        ...summary(6, '2026-Q2', 1),
        explanation: [{ step: 1, key: 'base', title: { nl: 'Basisbedrag', en: 'Base' } }],
        result: {},
        inputs: {},
      }),
      problem(404, 'No settlement.', 'Geen afrekening.'),
    );
    setupStores({ api: { settlements: { ':id': { $get: detail } } } });
    const store = useSettlementsStore();
    await store.loadDetail(6);
    expect(detail).toHaveBeenCalledWith({ param: { id: '6' } });
    expect(store.detail?.explanation[0]?.title.nl).toBe('Basisbedrag');
    await store.loadDetail(7);
    expect(store.detail).toBeNull();
    expect((store.detailError as { status: number }).status).toBe(404);
  });
});
