import { describe, expect, it } from 'vitest';
import { answers, json, problem, setupStores } from '../test/api-mock';
import { useFunnelStore } from './funnel';

describe('useFunnelStore', () => {
  it('loads the funnel of a peer group, and clears it', async () => {
    const get = answers(json({ kpiCode: 'DM-01', points: [], limits: [], phi: 5, tau2: 0.01 }));
    setupStores({ api: { kpis: { ':code': { funnel: { $get: get } } } } });
    const store = useFunnelStore();
    await store.load({ code: 'DM-01', period: '2026-Q3', grouping: 'peer-group', groupId: '4' });
    expect(get).toHaveBeenCalledWith({
      param: { code: 'DM-01' },
      query: { period: '2026-Q3', grouping: 'peer-group', groupId: '4' },
    });
    expect(store.funnel?.phi).toBe(5);
    store.clear();
    expect(store.funnel).toBeNull();
  });

  it('keeps the refusal for a mean score', async () => {
    const get = answers(problem(422, 'PE-01 is a mean score.', 'PE-01 is een gemiddelde score.'));
    setupStores({ api: { kpis: { ':code': { funnel: { $get: get } } } } });
    const store = useFunnelStore();
    await store.load({ code: 'PE-01', period: '2026-Q3', grouping: 'region', groupId: 'reg-001' });
    expect(store.funnel).toBeNull();
    expect((store.error as { status: number }).status).toBe(422);
  });
});
