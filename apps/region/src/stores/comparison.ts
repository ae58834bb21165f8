import { computed, ref } from 'vue';
import { defineStore } from 'pinia';
import { addQuarters } from '@kwadrant/domain/model';
import { percentiles } from '@kwadrant/domain/stats';
import { unwrap, useRegionApi } from '../api/client';
import type { ComparisonGrid, GridCell, GridRow } from '../api/types';
import type { Confidence } from './selection';

export interface GridQuery {
  regionId: string;
  period: string;
  baseline: string | null;
  confidence: Confidence;
  peerGroupId: number | null;
}

export type SortKey = { by: 'label' } | { by: 'kpi'; code: string } | { by: 'worse' };

/** How many cells of a row are worse than the benchmark. */
export const worseCount = (row: GridRow): number => row.cells.filter((c) => c.comparison === 'worse').length;

/**
 * The rows in the order asked for: by name, by a KPI's value (rows without a value last, whatever the
 * direction) or by the number of KPIs worse than the benchmark. Ties keep the name order.
 */
export function sortRows(rows: readonly GridRow[], key: SortKey, direction: 1 | -1 = 1): GridRow[] {
  const byName = (a: GridRow, b: GridRow) => a.label.localeCompare(b.label, 'nl');
  const value = (row: GridRow): number | null => {
    if (key.by === 'worse') return worseCount(row);
    if (key.by === 'kpi') return row.cells.find((c) => c.kpiCode === key.code)?.value ?? null;
    return null;
  };
  return [...rows].sort((a, b) => {
    if (key.by === 'label') return direction * byName(a, b);
    const va = value(a);
    const vb = value(b);
    if (va === null || vb === null) return va === vb ? byName(a, b) : va === null ? 1 : -1;
    return direction * (va - vb) || byName(a, b);
  });
}

export interface KpiSpread {
  kpiCode: string;
  p10: number;
  p50: number;
  p90: number;
}

/** The practices' p10, p50 and p90 per KPI (R type 7, from the domain), over the values shown. */
export function spreadOf(rows: readonly GridRow[], kpiCode: string): KpiSpread | null {
  const values = rows
    .filter((r) => r.kind === 'practice')
    .map((r) => r.cells.find((c) => c.kpiCode === kpiCode)?.value ?? null)
    .filter((v): v is number => v !== null);
  if (values.length === 0) return null;
  const [p10, p50, p90] = percentiles(values, [0.1, 0.5, 0.9]);
  return { kpiCode, p10: p10!, p50: p50!, p90: p90! };
}

/** The comparison grid of a region: every practice and collaborative × every KPI. */
export const useComparisonStore = defineStore('comparison', () => {
  const { api } = useRegionApi();
  const grid = ref<ComparisonGrid | null>(null);
  const query = ref<GridQuery | null>(null);
  const loading = ref(false);
  const error = ref<unknown>(null);
  let request = 0;

  const fetchGrid = (q: GridQuery) =>
    unwrap(
      api.regions[':id'].comparison.$get({
        param: { id: q.regionId },
        query: {
          period: q.period,
          confidence: String(q.confidence) as '0.95' | '0.998',
          ...(q.baseline ? { baseline: q.baseline } : {}),
          ...(q.peerGroupId !== null ? { peerGroup: String(q.peerGroupId) } : {}),
        },
      }),
    );

  async function load(q: GridQuery): Promise<void> {
    const mine = ++request;
    query.value = q;
    loading.value = true;
    error.value = null;
    try {
      const body = await fetchGrid(q);
      if (mine === request) grid.value = body;
    } catch (e) {
      if (mine === request) {
        error.value = e;
        grid.value = null;
      }
    } finally {
      if (mine === request) loading.value = false;
    }
  }

  /** The latest quarter up to `start` whose grid holds any value (looks back at most four quarters). */
  async function findLatest(regionId: string, start: string): Promise<string> {
    for (let back = 0; back < 4; back++) {
      const period = addQuarters(start, -back);
      const body = await fetchGrid({ regionId, period, baseline: null, confidence: 0.95, peerGroupId: null });
      if (body.rows.some((r) => r.cells.some((c) => c.value !== null))) return period;
    }
    return start;
  }

  const rows = computed(() => grid.value?.rows ?? []);
  const rowOf = (organisationId: string) =>
    rows.value.find((r) => r.organisationId === organisationId) ?? null;
  const cellOf = (row: GridRow, code: string): GridCell | null =>
    row.cells.find((c) => c.kpiCode === code) ?? null;

  return { grid, query, loading, error, rows, load, findLatest, rowOf, cellOf };
});
