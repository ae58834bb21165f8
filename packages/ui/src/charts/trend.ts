import { formatPeriod } from '../format/format';
import {
  ariaOf,
  axisNumber,
  axisUnit,
  baseOption,
  displayText,
  errorBars,
  escapeHtml,
  orGap,
  toDisplay,
} from './shared';
import type { ChartTheme } from './theme';
import type { ChartKpi, ChartOption, ChartText } from './types';

export interface TrendPoint {
  period: string;
  value: number | null;
  lower: number | null;
  upper: number | null;
  /** The peers' 10th, 50th and 90th percentile in this period, if known. */
  p10: number | null;
  p50: number | null;
  p90: number | null;
}

export interface TrendChartData extends ChartText {
  kpi: ChartKpi;
  points: readonly TrendPoint[];
  /** Target on the estimate's scale (a proportion as 0–1), or null. */
  target: number | null;
  labels: { own: string; band: string; median: string; target: string; interval: string };
}

/**
 * A KPI over the quarters: the own value with its interval (error bars), the peers' 10th–90th
 * percentile band, the peer median, and the target as a horizontal line.
 */
export function buildTrendOption(data: TrendChartData, theme: ChartTheme): ChartOption {
  const { kpi, points, labels } = data;
  const shown = (v: number | null) => toDisplay(v, kpi);
  const categories = points.map((p) => formatPeriod(p.period, theme.locale, 'short'));
  const p10 = points.map((p) => shown(p.p10));
  const p90 = points.map((p) => shown(p.p90));
  const width = points.map((_, i) => {
    const lo = p10[i] ?? null;
    const hi = p90[i] ?? null;
    return lo === null || hi === null ? null : hi - lo;
  });
  const target = shown(data.target);
  const intervals = points.flatMap((p, i) => {
    const lo = shown(p.lower);
    const hi = shown(p.upper);
    return lo === null || hi === null ? [] : [[i, lo, hi]];
  });

  const tooltip = (params: unknown): string => {
    const first = (Array.isArray(params) ? params[0] : params) as { dataIndex?: number } | undefined;
    const i = first?.dataIndex ?? 0;
    const p = points[i];
    if (!p) return '';
    const rows = [
      `<strong>${escapeHtml(formatPeriod(p.period, theme.locale))}</strong>`,
      `${escapeHtml(labels.own)}: ${escapeHtml(displayText(shown(p.value), kpi, theme))}`,
    ];
    if (p.lower !== null && p.upper !== null) {
      rows.push(
        `${escapeHtml(labels.interval)}: ${escapeHtml(displayText(shown(p.lower), kpi, theme))} – ${escapeHtml(displayText(shown(p.upper), kpi, theme))}`,
      );
    }
    if (p.p10 !== null && p.p90 !== null) {
      rows.push(
        `${escapeHtml(labels.band)}: ${escapeHtml(displayText(shown(p.p10), kpi, theme))} – ${escapeHtml(displayText(shown(p.p90), kpi, theme))}`,
      );
    }
    if (p.p50 !== null)
      rows.push(`${escapeHtml(labels.median)}: ${escapeHtml(displayText(shown(p.p50), kpi, theme))}`);
    if (target !== null)
      rows.push(`${escapeHtml(labels.target)}: ${escapeHtml(displayText(target, kpi, theme))}`);
    return rows.join('<br>');
  };

  return {
    ...baseOption(theme),
    aria: ariaOf(data),
    grid: { left: 56, right: 64, top: 40, bottom: 84 },
    legend: {
      bottom: 0,
      data: [labels.own, labels.band, labels.median, ...(target === null ? [] : [labels.target])],
      textStyle: { color: theme.text },
    },
    tooltip: { trigger: 'axis', formatter: tooltip },
    xAxis: {
      type: 'category',
      data: categories,
      boundaryGap: true,
      axisLine: { lineStyle: { color: theme.axis } },
      axisLabel: { color: theme.muted },
    },
    yAxis: {
      type: 'value',
      name: axisUnit(kpi, theme),
      nameTextStyle: { color: theme.muted },
      scale: true,
      axisLabel: { color: theme.muted, formatter: axisNumber(kpi, theme) },
      splitLine: { lineStyle: { color: theme.grid } },
    },
    series: [
      {
        id: 'band-base',
        name: labels.band,
        type: 'line',
        stack: 'band',
        data: p10.map(orGap),
        lineStyle: { opacity: 0 },
        symbol: 'none',
        silent: true,
        tooltip: { show: false },
      },
      {
        id: 'band',
        name: labels.band,
        type: 'line',
        stack: 'band',
        data: width.map(orGap),
        lineStyle: { opacity: 0 },
        areaStyle: { color: theme.band },
        itemStyle: { color: theme.band },
        symbol: 'none',
        silent: true,
      },
      {
        id: 'median',
        name: labels.median,
        type: 'line',
        data: points.map((p) => orGap(shown(p.p50))),
        lineStyle: { type: 'dashed', color: theme.median, width: 1.5 },
        itemStyle: { color: theme.median },
        symbol: 'none',
      },
      {
        id: 'own',
        name: labels.own,
        type: 'line',
        data: points.map((p) => orGap(shown(p.value))),
        connectNulls: false,
        lineStyle: { color: theme.own, width: 2.5 },
        itemStyle: { color: theme.own },
        symbol: 'circle',
        symbolSize: 8,
        z: 4,
      },
      // The target as a series of its own (not a markLine): it is in the legend, and the axis makes
      // room for it even when every value lies far from it.
      ...(target === null
        ? []
        : [
            {
              id: 'target',
              name: labels.target,
              type: 'line' as const,
              data: points.map(() => target),
              symbol: 'none',
              silent: true,
              lineStyle: { type: 'dashed' as const, color: theme.target, width: 2 },
              itemStyle: { color: theme.target },
              endLabel: { show: true, formatter: displayText(target, kpi, theme), color: theme.target },
              tooltip: { show: false },
              z: 2,
            },
          ]),
      {
        id: 'interval',
        name: labels.interval,
        type: 'custom',
        renderItem: errorBars(false, theme.own),
        data: intervals,
        encode: { x: 0, y: [1, 2] },
        z: 3,
        tooltip: { show: false },
      },
    ],
  };
}
