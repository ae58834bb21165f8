import { describe, expect, it, vi } from 'vitest';
import { answers, json, setupStores } from '../test/api-mock';
import { KPIS, TITLES, overview } from '../test/fixtures';
import { useOverviewStore } from './overview';

const catalogue = { kpis: { $get: answers(json(KPIS)) }, 'payment-titles': { $get: answers(json(TITLES)) } };
const query = {
  organisationId: 'pra-00002',
  period: '2026-Q3',
  benchmark: 'region',
  confidence: 0.95,
} as const;

describe('useOverviewStore', () => {
  it('asks for the organisation, quarter, benchmark and confidence chosen', async () => {
    const get = answers(json(overview()));
    setupStores({ api: { ...catalogue, organisations: { ':id': { overview: { $get: get } } } } });
    await useOverviewStore().load({ ...query, confidence: 0.998 });
    expect(get).toHaveBeenCalledWith({
      param: { id: 'pra-00002' },
      query: { period: '2026-Q3', benchmark: 'region', confidence: '0.998' },
    });
  });

  it('joins the tiles with their KPI definitions, dropping unknown codes, and groups them by domain in order', async () => {
    setupStores({
      api: { ...catalogue, organisations: { ':id': { overview: { $get: answers(json(overview())) } } } },
    });
    const store = useOverviewStore();
    await store.load(query);
    expect(store.tiles.map((t) => t.kpi.code)).toEqual([
      'DM-01',
      'DM-02',
      'CO-01',
      'KO-01',
      'PE-01',
      'TO-01',
    ]);
    expect(store.byDomain.map((g) => g.domain)).toEqual([
      'kwaliteit',
      'doelmatigheid',
      'toegankelijkheid',
      'patientervaring',
    ]);
    expect(store.byDomain[0]!.items.map((i) => i.kpi.code)).toEqual(['DM-01', 'DM-02', 'CO-01']);
    expect(store.tileOf('KO-01')?.tile.current.value).toBe(140);
    expect(store.tileOf('NOPE')).toBeNull();
  });

  it('counts better, similar, worse and not compared, and the suppressed values', async () => {
    setupStores({
      api: { ...catalogue, organisations: { ':id': { overview: { $get: answers(json(overview())) } } } },
    });
    const store = useOverviewStore();
    await store.load(query);
    expect(store.counts).toEqual({ better: 2, similar: 1, worse: 1, 'not-compared': 2 });
    expect(store.suppressed).toBe(1);
  });

  it('never lets a slow earlier answer overwrite a newer one', async () => {
    let release: (r: Response) => void = () => undefined;
    const slow = new Promise<Response>((resolve) => (release = resolve));
    const get = vi
      .fn()
      .mockImplementationOnce(() => slow)
      .mockImplementationOnce(() => Promise.resolve(json(overview('2026-Q2'))));
    setupStores({ api: { ...catalogue, organisations: { ':id': { overview: { $get: get } } } } });
    const store = useOverviewStore();
    const first = store.load(query);
    await store.load({ ...query, period: '2026-Q2' });
    release(json(overview('2026-Q3')));
    await first;
    expect(store.overview?.period).toBe('2026-Q2');
    expect(store.loading).toBe(false);
  });

  it('finds the latest quarter with data by looking back from the last complete one', async () => {
    const get = answers(json(overview('2026-Q3', null)), json(overview('2026-Q2', '2026-06-30')));
    setupStores({ api: { ...catalogue, organisations: { ':id': { overview: { $get: get } } } } });
    expect(await useOverviewStore().findLatest('pra-00002', '2026-Q3', 'national')).toBe('2026-Q2');
    expect(get).toHaveBeenCalledTimes(2);
    expect(get.mock.calls[1]![0]).toMatchObject({ query: { period: '2026-Q2' } });
  });
});
