import { describe, expect, it, vi } from 'vitest';
import { answers, json, problem, setupStores } from '../test/api-mock';
import { useKpiDetailStore } from './kpi-detail';

const own = (value: number | null, suppressed: 'small-number' | null = null) => ({
  value,
  lower: value === null ? null : value - 0.1,
  upper: value === null ? null : value + 0.1,
  numerator: value === null ? null : 10,
  denominator: value === null ? null : 20,
  suppressed,
});
const trend = (values: (number | null)[], suppressed: 'small-number' | null = null) => ({
  kpiCode: 'DM-02',
  organisationId: 'x',
  benchmark: 'national',
  target: 0.65,
  trend: { direction: 'no-change', chi2: 0.1, pValue: 0.7 },
  points: values.map((v, i) => ({ period: `2026-Q${i + 2}`, own: own(v, suppressed), peer: null })),
});

describe('useKpiDetailStore', () => {
  it('loads eight quarters of trend with the chosen benchmark and confidence', async () => {
    const get = answers(json(trend([0.5, 0.6])));
    setupStores({ api: { organisations: { ':id': { kpis: { ':code': { trend: { $get: get } } } } } } });
    const store = useKpiDetailStore();
    await store.loadTrend({
      organisationId: 'pra-00002',
      code: 'DM-02',
      period: '2026-Q3',
      benchmark: 'region',
      confidence: 0.95,
    });
    expect(get).toHaveBeenCalledWith({
      param: { id: 'pra-00002', code: 'DM-02' },
      query: { period: '2026-Q3', quarters: '8', benchmark: 'region', confidence: '0.95' },
    });
    expect(store.trend?.points).toHaveLength(2);
    expect(store.trendLoading).toBe(false);
  });

  it('loads the funnel of the chosen peer group and keeps a refusal apart from the trend', async () => {
    const funnel = answers(problem(422, 'PE-01 is a mean score.', 'PE-01 is een gemiddelde score.'));
    setupStores({ api: { kpis: { ':code': { funnel: { $get: funnel } } } } });
    const store = useKpiDetailStore();
    await store.loadFunnel({ code: 'PE-01', period: '2026-Q3', grouping: 'region', groupId: 'reg-001' });
    expect(funnel).toHaveBeenCalledWith({
      param: { code: 'PE-01' },
      query: { period: '2026-Q3', grouping: 'region', groupId: 'reg-001' },
    });
    expect(store.funnel).toBeNull();
    expect((store.funnelError as { status: number }).status).toBe(422);
    expect(store.trendError).toBeNull();
  });

  it('puts a collaborative and its practices side by side with the value of the last quarter', async () => {
    const get = vi.fn(({ param }: { param: { id: string } }) =>
      Promise.resolve(
        param.id === 'pra-3'
          ? json(trend([0.4, null], 'small-number'))
          : json(trend([0.5, param.id === 'col' ? 0.7 : 0.6])),
      ),
    );
    setupStores({ api: { organisations: { ':id': { kpis: { ':code': { trend: { $get: get } } } } } } });
    const store = useKpiDetailStore();
    await store.loadMembers({
      organisations: [
        { id: 'col', name: 'Huisartsen Utrecht I' },
        { id: 'pra-2', name: 'Rozenhof' },
        { id: 'pra-3', name: 'Kerkplein' },
      ],
      code: 'DM-02',
      period: '2026-Q3',
      confidence: 0.998,
    });
    expect(get).toHaveBeenCalledTimes(3);
    expect(get.mock.calls[0]![0]).toMatchObject({ query: { quarters: '2', confidence: '0.998' } });
    expect(store.members).toEqual([
      expect.objectContaining({
        organisationId: 'col',
        name: 'Huisartsen Utrecht I',
        value: 0.7,
        suppressed: null,
      }),
      expect.objectContaining({ organisationId: 'pra-2', value: 0.6 }),
      expect.objectContaining({ organisationId: 'pra-3', value: null, suppressed: 'small-number' }),
    ]);
    store.clearMembers();
    expect(store.members).toBeNull();
  });
});
