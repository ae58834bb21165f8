import type { Comparison, Polarity } from '@kwadrant/domain/model';
import { ariaOf, baseOption, displayText, escapeHtml, toDisplay } from './shared';
import type { ChartTheme } from './theme';
import type { ChartKpi, ChartOption, ChartText } from './types';

export interface SpineRow {
  label: string;
  kpi: ChartKpi & { polarity: Polarity };
  own: number | null;
  comparison: Comparison;
  /** The peers' 10th, 50th and 90th percentile. */
  p10: number;
  p50: number;
  p90: number;
  /** The centre of the row (the benchmark); the peer median when absent. */
  benchmark?: number | null;
}

export interface SpineChartData extends ChartText {
  rows: readonly SpineRow[];
  labels: {
    own: string;
    lowerHalf: string;
    upperHalf: string;
    benchmark: string;
    worse: string;
    better: string;
  };
}

/** Position of each row's values on a common 0–100 scale, 50 = benchmark, better always to the right. */
export interface SpinePosition {
  lo: number;
  mid: number;
  hi: number;
  own: number | null;
}

/**
 * Places a row on the spine's 0–100 scale: the benchmark at 50, the farthest of p10, p90 and the own
 * value at 0 or 100, mirrored for lower-is-better KPIs so that "better" is always on the right.
 */
export function spinePosition(row: SpineRow): SpinePosition {
  const centre = row.benchmark ?? row.p50;
  const sign = row.kpi.polarity === 'lower' ? -1 : 1;
  const spread = Math.max(
    Math.abs(row.p10 - centre),
    Math.abs(row.p90 - centre),
    row.own === null ? 0 : Math.abs(row.own - centre),
    Math.abs(centre) * 1e-6,
    1e-12,
  );
  const at = (v: number) => Math.min(100, Math.max(0, 50 + (50 * sign * (v - centre)) / spread));
  const a = at(row.p10);
  const b = at(row.p90);
  return {
    lo: Math.min(a, b),
    mid: at(row.p50),
    hi: Math.max(a, b),
    own: row.own === null ? null : at(row.own),
  };
}

const SYMBOL: Record<Comparison, string> = {
  better: 'circle',
  similar: 'rect',
  worse: 'triangle',
  'not-compared': 'emptyCircle',
};

/**
 * A spine chart (as in the English public-health profiles): one row per KPI, the peers' 10th–90th
 * percentile as a bar split at the median, the benchmark as the centre line, the own value as a
 * marker whose colour and shape both say better / similar / worse.
 */
export function buildSpineOption(data: SpineChartData, theme: ChartTheme): ChartOption {
  const { rows, labels } = data;
  const positions = rows.map(spinePosition);
  const colour: Record<Comparison, string> = {
    better: theme.better,
    similar: theme.similar,
    worse: theme.worse,
    'not-compared': theme.neutral,
  };
  const tooltip = (params: unknown) => {
    const i = (params as { dataIndex: number }).dataIndex;
    const row = rows[i];
    if (!row) return '';
    const text = (v: number | null) => displayText(toDisplay(v, row.kpi), row.kpi, theme);
    return [
      `<strong>${escapeHtml(row.label)}</strong>`,
      `${escapeHtml(labels.own)}: ${escapeHtml(text(row.own))}`,
      `p10–p90: ${escapeHtml(text(row.p10))} – ${escapeHtml(text(row.p90))}`,
      `${escapeHtml(labels.benchmark)}: ${escapeHtml(text(row.benchmark ?? row.p50))}`,
    ].join('<br>');
  };

  return {
    ...baseOption(theme),
    aria: ariaOf(data),
    grid: { left: 8, right: 24, top: 32, bottom: 32 },
    tooltip: { trigger: 'item', formatter: tooltip },
    xAxis: {
      type: 'value',
      min: 0,
      max: 100,
      axisLabel: {
        color: theme.muted,
        formatter: (v: number) => (v === 0 ? labels.worse : v === 100 ? labels.better : ''),
      },
      splitLine: { show: false },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => r.label),
      axisLabel: { color: theme.text, width: 200, overflow: 'truncate' },
    },
    series: [
      {
        id: 'offset',
        type: 'bar',
        stack: 'spine',
        data: positions.map((p) => p.lo),
        itemStyle: { color: 'transparent' },
        silent: true,
        tooltip: { show: false },
        barWidth: 14,
      },
      {
        id: 'lower-half',
        name: labels.lowerHalf,
        type: 'bar',
        stack: 'spine',
        data: positions.map((p) => p.mid - p.lo),
        itemStyle: { color: '#c5d6ea' },
        barWidth: 14,
      },
      {
        id: 'upper-half',
        name: labels.upperHalf,
        type: 'bar',
        stack: 'spine',
        data: positions.map((p) => p.hi - p.mid),
        itemStyle: { color: '#8fb1d6' },
        barWidth: 14,
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { color: theme.text, type: 'solid', width: 1.5 },
          label: { formatter: labels.benchmark, color: theme.text },
          data: [{ xAxis: 50, name: labels.benchmark }],
        },
      },
      {
        id: 'own',
        name: labels.own,
        type: 'scatter',
        z: 5,
        symbolSize: 13,
        data: positions.map((p, i) => {
          const comparison = rows[i]!.comparison;
          return {
            value: p.own === null ? ['-', i] : [p.own, i],
            symbol: SYMBOL[comparison],
            itemStyle: { color: colour[comparison], borderColor: '#ffffff', borderWidth: 1 },
          };
        }),
      },
    ],
  };
}
