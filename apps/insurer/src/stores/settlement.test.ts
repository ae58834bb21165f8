import { describe, expect, it } from 'vitest';
import { answers, json, problem, setupStores } from '../test/api-mock';
import { useSettlementStore } from './settlement';

const summary = (id: number, period: string, version: number) => ({
  id,
  agreementId: 'agr-1',
  agreementVersion: 3,
  period,
  version,
  frozen: true,
  frozenAt: null,
  totalCents: 100,
  attainment: 0.5,
  createdAt: '2026-01-01T00:00:00Z',
});

describe('useSettlementStore', () => {
  it('runs a period (frozen if asked), keeps the outcome with its difference and reloads the list', async () => {
    const recorded = {
      ...summary(9, '2026-Q3', 2),
      created: true,
      difference: { total: -150 },
      result: {},
      explanation: [],
    };
    const post = answers(json(recorded, 201));
    const list = answers(
      json({ items: [summary(8, '2026-Q3', 1), summary(9, '2026-Q3', 2)], total: 2, limit: 200, offset: 0 }),
    );
    setupStores({ api: { settlements: { $post: post, $get: list } } });
    const store = useSettlementStore();
    const result = await store.run('agr-1', '2026-Q3', true);
    expect(post).toHaveBeenCalledWith({ json: { agreementId: 'agr-1', period: '2026-Q3', freeze: true } });
    expect(result?.id).toBe(9);
    expect(store.detail?.id).toBe(9);
    expect(store.recorded?.difference?.total).toBe(-150);
    expect(store.items.map((s) => s.id)).toEqual([9, 8]);
  });

  it('keeps the problem when a period cannot be settled', async () => {
    setupStores({
      api: { settlements: { $post: answers(problem(409, 'Not agreed.', 'Nog niet overeengekomen.')) } },
    });
    const store = useSettlementStore();
    expect(await store.run('agr-1', '2026-Q3', false)).toBeNull();
    expect((store.runError as { status: number }).status).toBe(409);
  });
});
