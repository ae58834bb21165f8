import {
  ariaOf,
  axisNumber,
  axisUnit,
  baseOption,
  displayText,
  errorBars,
  escapeHtml,
  toDisplay,
} from './shared';
import type { ChartTheme } from './theme';
import type { ChartKpi, ChartOption, ChartText } from './types';

export interface BarIntervalItem {
  label: string;
  value: number | null;
  lower: number | null;
  upper: number | null;
  /** Drawn in the "own" colour (e.g. the organisation the page is about). */
  highlight?: boolean;
  /** Text shown instead of a bar when there is no value (e.g. "not shown: small numbers"). */
  note?: string | null;
}

export interface BarIntervalChartData extends ChartText {
  kpi: ChartKpi;
  items: readonly BarIntervalItem[];
  /** A reference line (benchmark or target), on the estimate's scale. */
  reference: { value: number; label: string } | null;
  labels: { value: string; interval: string };
}

/** Horizontal bars with confidence intervals, one per unit, and an optional reference line. */
export function buildBarIntervalOption(data: BarIntervalChartData, theme: ChartTheme): ChartOption {
  const { kpi, items, labels } = data;
  const shown = (v: number | null) => toDisplay(v, kpi);
  const reference = data.reference ? shown(data.reference.value) : null;
  const intervals = items.flatMap((item, i) => {
    const lo = shown(item.lower);
    const hi = shown(item.upper);
    return lo === null || hi === null ? [] : [[i, lo, hi]];
  });
  const tooltip = (params: unknown) => {
    const i = (params as { dataIndex: number }).dataIndex;
    const item = items[i];
    if (!item) return '';
    const lines = [`<strong>${escapeHtml(item.label)}</strong>`];
    if (item.value === null) lines.push(escapeHtml(item.note ?? '–'));
    else lines.push(`${escapeHtml(labels.value)}: ${escapeHtml(displayText(shown(item.value), kpi, theme))}`);
    if (item.lower !== null && item.upper !== null) {
      lines.push(
        `${escapeHtml(labels.interval)}: ${escapeHtml(displayText(shown(item.lower), kpi, theme))} – ${escapeHtml(displayText(shown(item.upper), kpi, theme))}`,
      );
    }
    return lines.join('<br>');
  };

  return {
    ...baseOption(theme),
    aria: ariaOf(data),
    grid: { left: 8, right: 32, top: 40, bottom: 32 },
    tooltip: { trigger: 'item', formatter: tooltip },
    xAxis: {
      type: 'value',
      name: axisUnit(kpi, theme),
      nameTextStyle: { color: theme.muted },
      scale: kpi.kind !== 'proportion',
      axisLabel: { color: theme.muted, formatter: axisNumber(kpi, theme) },
      splitLine: { lineStyle: { color: theme.grid } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: items.map((item) => item.label),
      axisLabel: { color: theme.text, width: 240, overflow: 'truncate' },
      axisLine: { lineStyle: { color: theme.axis } },
    },
    series: [
      {
        id: 'value',
        name: labels.value,
        type: 'bar',
        barMaxWidth: 22,
        data: items.map((item) => ({
          value: shown(item.value) ?? '-',
          itemStyle: { color: item.highlight ? theme.own : theme.peer },
        })),
        label: {
          show: true,
          position: 'insideLeft',
          color: '#ffffff',
          formatter: (params: unknown) => {
            const i = (params as { dataIndex: number }).dataIndex;
            const v = shown(items[i]?.value ?? null);
            return v === null ? '' : displayText(v, kpi, theme);
          },
        },
        markLine:
          reference === null
            ? undefined
            : {
                silent: true,
                symbol: 'none',
                lineStyle: { color: theme.target, type: 'dashed', width: 2 },
                label: {
                  formatter: `${data.reference!.label}: ${displayText(reference, kpi, theme)}`,
                  color: theme.target,
                  // The category axis runs top-down (inverse), so the line starts at the top.
                  position: 'start',
                },
                data: [{ xAxis: reference, name: data.reference!.label }],
              },
      },
      {
        id: 'interval',
        name: labels.interval,
        type: 'custom',
        renderItem: errorBars(true, theme.text),
        data: intervals,
        encode: { x: [1, 2], y: 0 },
        z: 3,
        tooltip: { show: false },
      },
    ],
  };
}
