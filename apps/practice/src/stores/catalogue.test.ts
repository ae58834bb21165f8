import { describe, expect, it } from 'vitest';
import { answers, json, problem, setupStores } from '../test/api-mock';
import { KPIS, TITLES } from '../test/fixtures';
import { useCatalogueStore } from './catalogue';

describe('useCatalogueStore', () => {
  it('loads the KPIs and payment titles once and indexes them by code', async () => {
    const kpis = answers(json(KPIS));
    const titles = answers(json(TITLES));
    setupStores({ api: { kpis: { $get: kpis }, 'payment-titles': { $get: titles } } });
    const store = useCatalogueStore();
    await Promise.all([store.load(), store.load()]);
    await store.load();
    expect(kpis).toHaveBeenCalledTimes(1);
    expect(store.kpiByCode.get('DM-02')?.kind).toBe('proportion');
    expect(store.titleByCode.get('OI-1A')?.name.nl).toBe('Praktijkmanagement');
    expect(store.loaded).toBe(true);
  });

  it('keeps the problem when the API refuses', async () => {
    setupStores({
      api: {
        kpis: { $get: answers(problem(401, 'Sign in first.', 'Meld u eerst aan.')) },
        'payment-titles': { $get: answers(json(TITLES)) },
      },
    });
    const store = useCatalogueStore();
    await store.load();
    expect(store.loaded).toBe(false);
    expect((store.error as { detailNl: string }).detailNl).toBe('Meld u eerst aan.');
    expect(store.loading).toBe(false);
  });
});
