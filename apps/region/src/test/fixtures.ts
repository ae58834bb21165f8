import { DEFAULT_KPIS } from '@kwadrant/domain/catalogue';
import type { ComparisonGrid, GridCell, GridRow } from '../api/types';

/** The catalogue as GET /api/kpis sends it. */
export const KPIS = DEFAULT_KPIS.map((k) => ({ ...k }));

export const cell = (
  kpiCode: string,
  value: number | null,
  comparison: GridCell['comparison'] = 'similar',
  extra: Partial<GridCell> = {},
): GridCell => ({
  kpiCode,
  value,
  lower: value === null ? null : value - 0.05,
  upper: value === null ? null : value + 0.05,
  comparison,
  percentile: value === null ? null : 0.5,
  baselineValue: null,
  suppressed: null,
  ...extra,
});

export const row = (
  organisationId: string,
  label: string,
  cells: GridCell[],
  kind: GridRow['kind'] = 'practice',
): GridRow => ({ organisationId, label, kind, collaborativeId: null, cells });

export const grid = (rows: GridRow[], period = '2026-Q3'): ComparisonGrid => ({
  regionId: 'reg-001',
  period,
  baseline: null,
  peerGroup: null,
  kpis: ['DM-01', 'KO-01'],
  benchmarks: { 'DM-01': 0.85, 'KO-01': 300 },
  rows,
});

export const ROWS = [
  row('pra-1', 'Rozenhof', [cell('DM-01', 0.9, 'better'), cell('KO-01', 350, 'worse')]),
  row('pra-2', 'Akker', [cell('DM-01', 0.7, 'worse'), cell('KO-01', 250, 'better')]),
  row('pra-3', 'Kerkplein', [
    cell('DM-01', null, 'not-compared', { suppressed: 'small-number' }),
    cell('KO-01', 320, 'worse'),
  ]),
  row('col-1', 'Huisartsen Utrecht I', [cell('DM-01', 0.8), cell('KO-01', 300)], 'collaborative'),
];
