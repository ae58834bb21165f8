import { describe, expect, it, vi } from 'vitest';
import { answers, json, setupStores } from '../test/api-mock';
import { usePictureStore } from './picture';

describe('usePictureStore', () => {
  it('loads the areas of a level with a KPI rolled up, and the projection', async () => {
    const picture = answers(json({ regionId: 'reg-001', level: 'pc4', areas: [] }));
    const projection = answers(json({ regionId: 'reg-001', points: [{ yearsAhead: 0, index: 1 }] }));
    setupStores({
      api: { regions: { ':id': { picture: { $get: picture }, projection: { $get: projection } } } },
    });
    const store = usePictureStore();
    await store.load({ regionId: 'reg-001', period: '2026-Q3', level: 'pc4', kpi: 'DM-04' });
    expect(picture).toHaveBeenCalledWith({
      param: { id: 'reg-001' },
      query: { period: '2026-Q3', level: 'pc4', kpi: 'DM-04' },
    });
    await store.loadProjection('reg-001', '2026-Q3');
    expect(store.projection?.points).toHaveLength(1);
  });

  it('fetches each boundary file once, from the API’s geo route', async () => {
    const fetch = vi.fn(() => Promise.resolve(json({ type: 'Topology', arcs: [], objects: {} })));
    setupStores({ fetch });
    const store = usePictureStore();
    const [a, b] = await Promise.all([store.topology('pc4'), store.topology('pc4')]);
    await store.topology('municipality');
    expect(a).toBe(b);
    expect(fetch.mock.calls.map((c) => (c as unknown[])[0])).toEqual(['/api/geo/pc4', '/api/geo/gemeente']);
  });
});
