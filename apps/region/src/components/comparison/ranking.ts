import type { Comparison } from '@kwadrant/domain/model';
import type { GridRow, Kpi } from '../../api/types';

export interface RankedItem {
  organisationId: string | null;
  label: string;
  value: number | null;
  lower: number | null;
  upper: number | null;
  comparison: Comparison;
  percentile: number | null;
  suppressed: boolean;
  highlight: boolean;
  /** 1 = best by the KPI's polarity (higher or lower is better); null without a value. */
  rank: number | null;
}

/**
 * The practices of the grid ranked for one KPI: best first by its polarity (by value when it has
 * none), practices without a value (suppressed or missing) last and unranked.
 */
export function rankingOf(
  rows: readonly GridRow[],
  kpi: Pick<Kpi, 'code' | 'polarity'>,
  highlight: string | null,
): RankedItem[] {
  const items = rows
    .filter((r) => r.kind === 'practice')
    .map((r): Omit<RankedItem, 'rank'> => {
      const c = r.cells.find((x) => x.kpiCode === kpi.code);
      return {
        organisationId: r.organisationId,
        label: r.label,
        value: c?.value ?? null,
        lower: c?.lower ?? null,
        upper: c?.upper ?? null,
        comparison: c?.comparison ?? 'not-compared',
        percentile: c?.percentile ?? null,
        suppressed: (c?.suppressed ?? null) !== null,
        highlight: highlight !== null && r.organisationId === highlight,
      };
    });
  const sign = kpi.polarity === 'lower' ? 1 : -1;
  const withValue = items
    .filter((i) => i.value !== null)
    .sort((a, b) => sign * (a.value! - b.value!) || a.label.localeCompare(b.label, 'nl'));
  const without = items.filter((i) => i.value === null).sort((a, b) => a.label.localeCompare(b.label, 'nl'));
  return [...withValue.map((i, n) => ({ ...i, rank: n + 1 })), ...without.map((i) => ({ ...i, rank: null }))];
}
