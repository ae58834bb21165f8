import { describe, expect, it } from 'vitest';
import { answers, json, setupStores } from '../test/api-mock';
import type { AgreementSummary, PortfolioResults } from '../api/types';
import { filterRows, moneyByQuadrant, portfolioRows, usePortfolioStore } from './portfolio';

const summary = (id: string, overrides: Partial<AgreementSummary> = {}): AgreementSummary => ({
  id,
  name: `Afspraak ${id}`,
  status: 'agreed',
  version: 1,
  organisation: { id: `org-${id}`, kind: 'collaborative', name: `Organisatie ${id}`, quadrant: 'Q1' },
  quadrant: 'Q1',
  insurer: { id: 'ins-8101', code: '8101', name: 'Kustlicht' },
  coInsurers: [{ id: 'ins-8103', code: '8103', name: 'Heuvelland', share: 0.1 }],
  period: { start: '2025-Q1', end: '2026-Q4' },
  atRiskShare: 0.1,
  access: 'lead',
  money: {
    estimatedFrom: { period: '2026-Q3', enrolledPatients: 1000 },
    quarterCents: 4_25_00,
    byTitle: [],
    byQuadrant: [{ quadrant: 'Q1', quarterCents: 4_25_00 }],
  },
  latestSettlement: null,
  updatedAt: '2026-01-01T00:00:00Z',
  ...overrides,
});

const results = {
  period: '2026-Q3',
  quarters: ['2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3'],
  items: [{ agreementId: 'a', attainment: 0.8, attainmentPeriod: '2026-Q2', alerts: 2, clauses: [] }],
} as unknown as PortfolioResults;

describe('portfolio rows', () => {
  const items = [
    summary('a'),
    summary('b', { status: 'draft', access: 'co-insurer', money: null }),
    summary('c', {
      quadrant: 'Q3',
      money: { ...summary('c').money!, byQuadrant: [{ quadrant: 'Q3', quarterCents: 1_00 }] },
    }),
  ];

  it('joins the list with the results: attainment and alerts per agreement', () => {
    const rows = portfolioRows(items, results);
    expect(rows.map((r) => [r.summary.id, r.alerts, r.results?.attainment ?? null, r.quarterCents])).toEqual([
      ['a', 2, 0.8, 42500],
      ['b', 0, null, null],
      ['c', 0, null, 42500],
    ]);
  });

  it('filters by status, role, alerts and text', () => {
    const rows = portfolioRows(items, results);
    const f = { status: null, role: null, alertsOnly: false, q: '' };
    expect(filterRows(rows, { ...f, status: 'draft' }).map((r) => r.summary.id)).toEqual(['b']);
    expect(filterRows(rows, { ...f, role: 'lead' }).map((r) => r.summary.id)).toEqual(['a', 'c']);
    expect(filterRows(rows, { ...f, alertsOnly: true }).map((r) => r.summary.id)).toEqual(['a']);
    expect(filterRows(rows, { ...f, q: 'organisatie c' }).map((r) => r.summary.id)).toEqual(['c']);
  });

  it('adds money per quadrant in cents', () => {
    expect(moneyByQuadrant(portfolioRows(items, results))).toEqual({ Q1: 42500, Q2: 0, Q3: 100, Q4: 0 });
  });
});

describe('usePortfolioStore', () => {
  it('loads agreements and results, and lists the insurers it knows', async () => {
    const list = answers(json({ items: [summary('a')], total: 1, limit: 500, offset: 0 }));
    const res = answers(json(results));
    setupStores({ api: { agreements: { $get: list }, portfolio: { results: { $get: res } } } });
    const store = usePortfolioStore();
    await store.load();
    expect(list).toHaveBeenCalledWith({ query: { limit: '500', sort: 'name' } });
    expect(store.totals).toMatchObject({ agreements: 1, alerts: 2, withAlerts: 1, quarterCents: 42500 });
    expect(store.insurers).toEqual([
      { code: '8103', name: 'Heuvelland' },
      { code: '8101', name: 'Kustlicht' },
    ]);
  });
});
