import { formatNumber } from '../format/format';
import { ariaOf, axisNumber, axisUnit, baseOption, displayText, escapeHtml, toDisplay } from './shared';
import type { ChartTheme } from './theme';
import type { ChartKpi, ChartOption, ChartText } from './types';

export interface FunnelChartPoint {
  label: string;
  own: boolean;
  /** Precision measure: denominator, expected count or person-years. Null when suppressed. */
  x: number | null;
  value: number | null;
}

export interface FunnelChartLimit {
  x: number;
  lower95: number;
  upper95: number;
  lower998: number;
  upper998: number;
  adjustedLower95: number;
  adjustedUpper95: number;
  adjustedLower998: number;
  adjustedUpper998: number;
}

export interface FunnelChartData extends ChartText {
  kpi: ChartKpi;
  /** The centre line (the group's value, or 1 for a standardised ratio), on the estimate's scale. */
  target: number;
  points: readonly FunnelChartPoint[];
  limits: readonly FunnelChartLimit[];
  /** Draw the overdispersion-adjusted limits (τ²) instead of the plain ones. */
  adjusted: boolean;
  labels: { x: string; own: string; peers: string; limit95: string; limit998: string; target: string };
}

type LimitKey = 'lower95' | 'upper95' | 'lower998' | 'upper998';
const ADJUSTED: Record<LimitKey, keyof FunnelChartLimit> = {
  lower95: 'adjustedLower95',
  upper95: 'adjustedUpper95',
  lower998: 'adjustedLower998',
  upper998: 'adjustedUpper998',
};

/**
 * A funnel plot (Spiegelhalter 2005): every practice at its precision (x) and value (y), control
 * limits at 95 % and 99,8 % around the centre line, plain or adjusted for overdispersion. The own
 * practice is a large labelled diamond; peers are anonymous grey dots.
 */
export function buildFunnelOption(data: FunnelChartData, theme: ChartTheme): ChartOption {
  const { kpi, labels } = data;
  const shown = (v: number) => toDisplay(v, kpi) ?? 0;
  const plotted = data.points.filter(
    (p): p is FunnelChartPoint & { x: number; value: number } => p.x !== null && p.value !== null,
  );
  const peers = plotted.filter((p) => !p.own);
  const own = plotted.filter((p) => p.own);
  const limit = (key: LimitKey) =>
    data.limits.map((l) => [l.x, shown(l[data.adjusted ? ADJUSTED[key] : key])]);
  const target = shown(data.target);
  const xText = (x: number) => formatNumber(x, theme.locale, x < 100 ? 1 : 0);
  const pointTooltip = (p: { label: string; x: number; value: number }) =>
    `<strong>${escapeHtml(p.label)}</strong><br>${escapeHtml(labels.x)}: ${escapeHtml(xText(p.x))}<br>${escapeHtml(displayText(shown(p.value), kpi, theme))}`;

  const limitLine = (name: string, key: LimitKey, color: string, type: 'dashed' | 'solid') => ({
    id: key,
    name,
    type: 'line' as const,
    data: limit(key),
    symbol: 'none',
    smooth: true,
    silent: true,
    lineStyle: { color, type, width: 1.5 },
    itemStyle: { color },
    tooltip: { show: false },
  });

  return {
    ...baseOption(theme),
    aria: ariaOf(data),
    grid: { left: 56, right: 32, top: 40, bottom: 96 },
    legend: {
      bottom: 0,
      data: [labels.own, labels.peers, labels.limit95, labels.limit998],
      textStyle: { color: theme.text },
    },
    tooltip: { trigger: 'item' },
    xAxis: {
      type: 'value',
      name: labels.x,
      nameLocation: 'middle',
      nameGap: 28,
      nameTextStyle: { color: theme.muted },
      scale: true,
      axisLabel: { color: theme.muted, formatter: (v: number) => formatNumber(v, theme.locale, 0) },
      splitLine: { lineStyle: { color: theme.grid } },
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
      limitLine(labels.limit998, 'upper998', theme.limit998, 'solid'),
      limitLine(labels.limit998, 'lower998', theme.limit998, 'solid'),
      limitLine(labels.limit95, 'upper95', theme.limit95, 'dashed'),
      limitLine(labels.limit95, 'lower95', theme.limit95, 'dashed'),
      {
        id: 'peers',
        name: labels.peers,
        type: 'scatter',
        data: peers.map((p) => ({ value: [p.x, shown(p.value)], name: p.label })),
        symbol: 'circle',
        symbolSize: 7,
        itemStyle: { color: theme.peer, opacity: 0.8 },
        tooltip: {
          formatter: (params: unknown) => {
            const i = (params as { dataIndex: number }).dataIndex;
            return peers[i] ? pointTooltip(peers[i]) : '';
          },
        },
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { color: theme.target, type: 'solid', width: 1.5 },
          label: {
            formatter: `${labels.target}: ${displayText(target, kpi, theme)}`,
            color: theme.target,
            position: 'insideEndTop',
          },
          data: [{ yAxis: target, name: labels.target }],
        },
      },
      {
        id: 'own',
        name: labels.own,
        type: 'scatter',
        data: own.map((p) => ({ value: [p.x, shown(p.value)], name: p.label })),
        symbol: 'diamond',
        symbolSize: 16,
        z: 5,
        itemStyle: { color: theme.own, borderColor: '#ffffff', borderWidth: 1.5 },
        label: { show: true, position: 'right', formatter: '{b}', color: theme.own, fontWeight: 'bold' },
        tooltip: {
          formatter: (params: unknown) => {
            const i = (params as { dataIndex: number }).dataIndex;
            return own[i] ? pointTooltip(own[i]) : '';
          },
        },
      },
    ],
  };
}

export type FunnelPosition = 'above998' | 'above95' | 'within' | 'below95' | 'below998';

/** A limit curve's value at x, linearly interpolated between the nearest computed points (clamped at the ends). */
function limitAt(limits: readonly FunnelChartLimit[], x: number, key: keyof FunnelChartLimit): number | null {
  if (limits.length === 0) return null;
  const sorted = [...limits].sort((a, b) => a.x - b.x);
  if (x <= sorted[0]!.x) return sorted[0]![key];
  if (x >= sorted.at(-1)!.x) return sorted.at(-1)![key];
  const i = sorted.findIndex((l) => l.x >= x);
  const a = sorted[i - 1]!;
  const b = sorted[i]!;
  return a[key] + ((b[key] - a[key]) * (x - a.x)) / (b.x - a.x);
}

/**
 * Where a unit lies in the funnel: beyond the 99,8 % or 95 % limit on either side, or within, using
 * the plain or the overdispersion-adjusted limits. Null without a point or limits.
 */
export function funnelPosition(
  point: { x: number | null; value: number | null },
  limits: readonly FunnelChartLimit[],
  adjusted: boolean,
): FunnelPosition | null {
  if (point.x === null || point.value === null) return null;
  const key = (k: LimitKey) => (adjusted ? ADJUSTED[k] : k);
  const upper998 = limitAt(limits, point.x, key('upper998'));
  const upper95 = limitAt(limits, point.x, key('upper95'));
  const lower95 = limitAt(limits, point.x, key('lower95'));
  const lower998 = limitAt(limits, point.x, key('lower998'));
  if (upper998 === null || upper95 === null || lower95 === null || lower998 === null) return null;
  if (point.value > upper998) return 'above998';
  if (point.value > upper95) return 'above95';
  if (point.value < lower998) return 'below998';
  if (point.value < lower95) return 'below95';
  return 'within';
}
