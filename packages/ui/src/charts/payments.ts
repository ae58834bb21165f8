import { formatMoney, formatPercent } from '../format/format';
import { ariaOf, baseOption, escapeHtml } from './shared';
import type { ChartTheme } from './theme';
import type { ChartOption, ChartText } from './types';

/** One organisation's payment in an impact analysis, in integer cents. */
export interface PaymentItem {
  label: string;
  cents: number;
  /** The change against a baseline (e.g. the same organisation without the agreement's results), in cents. */
  changeCents?: number | null;
}

export interface PaymentDistributionData extends ChartText {
  items: readonly PaymentItem[];
  labels: { payment: string; change: string };
}

/**
 * The distribution of payments over organisations: one bar per organisation, sorted from highest to
 * lowest, in euros; the bars of organisations that lose against the baseline are hatched grey and say
 * so in the tooltip (colour is never the only signal).
 */
export function buildPaymentDistributionOption(
  data: PaymentDistributionData,
  theme: ChartTheme,
): ChartOption {
  const items = [...data.items].sort((a, b) => b.cents - a.cents);
  const euros = (cents: number) => cents / 100;
  return {
    ...baseOption(theme),
    aria: ariaOf(data),
    grid: { left: 8, right: 16, top: 24, bottom: 24, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (params: unknown) => {
        const item = items[(params as { dataIndex: number }).dataIndex];
        if (!item) return '';
        const lines = [
          `<strong>${escapeHtml(item.label)}</strong>`,
          `${escapeHtml(data.labels.payment)}: ${escapeHtml(formatMoney(item.cents, theme.locale))}`,
        ];
        if (item.changeCents !== undefined && item.changeCents !== null)
          lines.push(
            `${escapeHtml(data.labels.change)}: ${escapeHtml(formatMoney(item.changeCents, theme.locale))}`,
          );
        return lines.join('<br>');
      },
    },
    xAxis: {
      type: 'category',
      data: items.map((i) => i.label),
      axisLabel: {
        show: items.length <= 12,
        color: theme.muted,
        interval: 0,
        rotate: 30,
        width: 110,
        overflow: 'truncate',
      },
      axisTick: { show: false },
      axisLine: { lineStyle: { color: theme.axis } },
    },
    yAxis: {
      type: 'value',
      axisLabel: {
        color: theme.muted,
        formatter: (v: number) => formatMoney(Math.round(v * 100), theme.locale, { whole: true }),
      },
      splitLine: { lineStyle: { color: theme.grid } },
    },
    series: [
      {
        id: 'payment',
        name: data.labels.payment,
        type: 'bar',
        barMaxWidth: 28,
        data: items.map((i) => ({
          value: euros(i.cents),
          itemStyle: {
            color: (i.changeCents ?? 0) < 0 ? theme.worse : theme.own,
            decal:
              (i.changeCents ?? 0) < 0
                ? { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 4] }
                : undefined,
          },
        })),
      },
    ],
  };
}

/** The insurer's total at each result shift, for a sensitivity line (one line per scenario). */
export interface SensitivityData extends ChartText {
  /** Shifts in the KPI's better direction; proportions as fractions (0.05 = 5 points). */
  shifts: readonly number[];
  scenarios: readonly { name: string; totals: readonly (number | null)[] }[];
  labels: { shift: string; total: string };
}

/** Sensitivity: the insurer's total (euros) against the result shift, one line per scenario. */
export function buildSensitivityOption(data: SensitivityData, theme: ChartTheme): ChartOption {
  const shiftText = (s: number) => `${s > 0 ? '+' : ''}${formatPercent(s, theme.locale, 0)}`;
  const symbols = ['circle', 'diamond', 'triangle', 'rect'];
  const colours = [theme.own, theme.target, theme.peer, theme.median];
  return {
    ...baseOption(theme),
    aria: ariaOf(data),
    grid: { left: 8, right: 24, top: 40, bottom: 32, containLabel: true },
    legend: { top: 0, textStyle: { color: theme.text } },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: unknown) =>
        typeof v === 'number' ? formatMoney(Math.round(v * 100), theme.locale) : '–',
    },
    xAxis: {
      type: 'category',
      name: data.labels.shift,
      nameLocation: 'middle',
      nameGap: 26,
      data: data.shifts.map(shiftText),
      axisLabel: { color: theme.muted },
      axisLine: { lineStyle: { color: theme.axis } },
    },
    yAxis: {
      type: 'value',
      scale: true,
      name: data.labels.total,
      nameTextStyle: { color: theme.muted },
      axisLabel: {
        color: theme.muted,
        formatter: (v: number) => formatMoney(Math.round(v * 100), theme.locale, { whole: true }),
      },
      splitLine: { lineStyle: { color: theme.grid } },
    },
    series: data.scenarios.map((s, i) => ({
      id: `scenario-${i}`,
      name: s.name,
      type: 'line' as const,
      symbol: symbols[i % symbols.length],
      symbolSize: 9,
      lineStyle: {
        color: colours[i % colours.length],
        width: 2,
        type: i === 0 ? ('solid' as const) : ('dashed' as const),
      },
      itemStyle: { color: colours[i % colours.length] },
      data: s.totals.map((c) => (c === null ? '-' : c / 100)),
    })),
  };
}

/** One unit's standardised cost ratio over time. */
export interface RatioSeries {
  name: string;
  values: readonly (number | null)[];
  highlight?: boolean;
}

export interface RatioTrendData extends ChartText {
  periods: readonly string[];
  series: readonly RatioSeries[];
  labels: { ratio: string; expected: string };
}

/** Standardised ratios (O/E) over time, with the reference line O/E = 1 ("as expected"). */
export function buildRatioTrendOption(data: RatioTrendData, theme: ChartTheme): ChartOption {
  const symbols = ['circle', 'diamond', 'triangle', 'rect', 'roundRect', 'pin'];
  return {
    ...baseOption(theme),
    aria: ariaOf(data),
    grid: { left: 8, right: 24, top: 48, bottom: 24, containLabel: true },
    legend: { top: 0, type: 'scroll', textStyle: { color: theme.text } },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: unknown) =>
        typeof v === 'number'
          ? v.toLocaleString(theme.locale === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 3 })
          : '–',
    },
    xAxis: {
      type: 'category',
      data: [...data.periods],
      axisLabel: { color: theme.muted },
      axisLine: { lineStyle: { color: theme.axis } },
    },
    yAxis: {
      type: 'value',
      scale: true,
      name: data.labels.ratio,
      nameTextStyle: { color: theme.muted },
      axisLabel: { color: theme.muted },
      splitLine: { lineStyle: { color: theme.grid } },
    },
    series: data.series.map((s, i) => ({
      id: `ratio-${i}`,
      name: s.name,
      type: 'line' as const,
      connectNulls: false,
      symbol: symbols[i % symbols.length],
      symbolSize: s.highlight ? 9 : 6,
      lineStyle: { width: s.highlight ? 3 : 1.5 },
      data: s.values.map((v) => (v === null ? '-' : v)),
      markLine:
        i === 0
          ? {
              silent: true,
              symbol: 'none',
              lineStyle: { color: theme.target, type: 'dashed' as const, width: 2 },
              label: {
                formatter: data.labels.expected,
                color: theme.target,
                position: 'insideEndTop' as const,
              },
              data: [{ yAxis: 1 }],
            }
          : undefined,
    })),
  };
}
