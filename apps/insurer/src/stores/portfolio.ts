import { computed, ref } from 'vue';
import { defineStore } from 'pinia';
import { unwrap, useInsurerApi } from '../api/client';
import type { AgreementSummary, PortfolioItem, PortfolioResults } from '../api/types';

export interface PortfolioRow {
  summary: AgreementSummary;
  results: PortfolioItem | null;
  /** Contracted base per quarter in cents (null: cannot be priced). */
  quarterCents: number | null;
  alerts: number;
}

/** Filters on the portfolio. */
export interface PortfolioFilter {
  status: AgreementSummary['status'] | null;
  role: 'lead' | 'co-insurer' | null;
  alertsOnly: boolean;
  q: string;
}

/** Joins the agreement list (money by title and quadrant) with the portfolio results (attainment, alerts). */
export function portfolioRows(
  items: readonly AgreementSummary[],
  results: PortfolioResults | null,
): PortfolioRow[] {
  const byId = new Map((results?.items ?? []).map((r) => [r.agreementId, r]));
  return items.map((summary) => {
    const r = byId.get(summary.id) ?? null;
    return { summary, results: r, quarterCents: summary.money?.quarterCents ?? null, alerts: r?.alerts ?? 0 };
  });
}

export function filterRows(rows: readonly PortfolioRow[], f: PortfolioFilter): PortfolioRow[] {
  const q = f.q.trim().toLowerCase();
  return rows.filter(
    (r) =>
      (!f.status || r.summary.status === f.status) &&
      (!f.role || r.summary.access === f.role) &&
      (!f.alertsOnly || r.alerts > 0) &&
      (!q ||
        r.summary.name.toLowerCase().includes(q) ||
        r.summary.organisation.name.toLowerCase().includes(q) ||
        r.summary.id.toLowerCase().includes(q)),
  );
}

/** Money per quadrant over rows, in cents per quarter (the lead's view of the whole contract). */
export function moneyByQuadrant(rows: readonly PortfolioRow[]): Record<'Q1' | 'Q2' | 'Q3' | 'Q4', number> {
  const out = { Q1: 0, Q2: 0, Q3: 0, Q4: 0 };
  for (const r of rows) for (const q of r.summary.money?.byQuadrant ?? []) out[q.quadrant] += q.quarterCents;
  return out;
}

/** The insurer's portfolio: every agreement it leads or co-finances, with money, attainment and alerts. */
export const usePortfolioStore = defineStore('portfolio', () => {
  const { api } = useInsurerApi();
  const items = ref<AgreementSummary[]>([]);
  const results = ref<PortfolioResults | null>(null);
  const loading = ref(false);
  const error = ref<unknown>(null);
  const filter = ref<PortfolioFilter>({ status: null, role: null, alertsOnly: false, q: '' });

  async function load(): Promise<void> {
    loading.value = true;
    error.value = null;
    try {
      const [list, res] = await Promise.all([
        unwrap(api.agreements.$get({ query: { limit: '500', sort: 'name' } })),
        unwrap(api.portfolio.results.$get({ query: {} })),
      ]);
      items.value = list.items;
      results.value = res;
    } catch (e) {
      error.value = e;
    } finally {
      loading.value = false;
    }
  }

  const rows = computed(() => portfolioRows(items.value, results.value));
  const visible = computed(() => filterRows(rows.value, filter.value));
  const totals = computed(() => ({
    agreements: visible.value.length,
    alerts: visible.value.reduce((s, r) => s + r.alerts, 0),
    withAlerts: visible.value.filter((r) => r.alerts > 0).length,
    quarterCents: visible.value.reduce((s, r) => s + (r.quarterCents ?? 0), 0),
    byQuadrant: moneyByQuadrant(visible.value),
  }));
  /** Insurers known from the portfolio (lead and co-insurers), for the co-insurer picker. */
  const insurers = computed(() => {
    const map = new Map<string, string>();
    for (const a of items.value) {
      map.set(a.insurer.code, a.insurer.name);
      for (const c of a.coInsurers) map.set(c.code, c.name);
    }
    return [...map].map(([code, name]) => ({ code, name })).sort((a, b) => a.name.localeCompare(b.name));
  });

  return { items, results, loading, error, filter, rows, visible, totals, insurers, load };
});
