import type { CustomSeriesRenderItem } from 'echarts';
import { formatKpiNumber, formatKpiValue, kpiDisplayValue, kpiUnit, type KpiFormat } from '../format/format';
import type { ChartTheme } from './theme';
import type { ChartText } from './types';

/** A value on the chart's display scale, or null. ECharts reads '-' as "no value". */
export const toDisplay = (value: number | null | undefined, kpi: KpiFormat): number | null =>
  value === null || value === undefined || !Number.isFinite(value) ? null : kpiDisplayValue(value, kpi);

export const orGap = (value: number | null): number | '-' => (value === null ? '-' : value);

/** Axis label formatter on the display scale: "64,2" with the locale's decimal comma. */
export const axisNumber = (kpi: KpiFormat, theme: ChartTheme) => (value: number) =>
  formatKpiNumber(kpi.kind === 'proportion' ? value / kpi.multiplier : value, kpi, theme.locale);

/** A display-scale value formatted with its unit, for tooltips. */
export const displayText = (display: number | null, kpi: KpiFormat, theme: ChartTheme): string =>
  display === null
    ? '–'
    : formatKpiValue(kpi.kind === 'proportion' ? display / kpi.multiplier : display, kpi, theme.locale);

/** The axis name: the KPI's unit ("%", "per 1.000 …", "O/E"). */
export const axisUnit = (kpi: KpiFormat, theme: ChartTheme): string => kpiUnit(kpi, theme.locale);

/** The aria component: the chart's DOM gets the summary as its aria-label. */
export const ariaOf = (text: ChartText) => ({
  enabled: true,
  label: { enabled: true, description: `${text.title}. ${text.summary}` },
});

/** Escapes text for the HTML of a tooltip. */
export const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/**
 * Error bars for a custom series. Each datum is [category index, lower, upper] on the display scale;
 * `horizontal` draws them along the x axis (categories on y).
 */
export function errorBars(horizontal: boolean, color: string): CustomSeriesRenderItem {
  return (_params, api) => {
    const category = api.value(0) as number;
    const lower = api.value(1) as number;
    const upper = api.value(2) as number;
    const a = horizontal ? api.coord([lower, category]) : api.coord([category, lower]);
    const b = horizontal ? api.coord([upper, category]) : api.coord([category, upper]);
    const band = horizontal ? api.size!([0, 1]) : api.size!([1, 0]);
    const cap = Math.min(
      8,
      Math.max(3, ((Array.isArray(band) ? (horizontal ? band[1] : band[0]) : band) ?? 12) * 0.15),
    );
    const [ax = 0, ay = 0] = a;
    const [bx = 0, by = 0] = b;
    const style = { stroke: color, lineWidth: 1.5 };
    const line = (x1: number, y1: number, x2: number, y2: number) => ({
      type: 'line' as const,
      shape: { x1, y1, x2, y2 },
      style,
    });
    return {
      type: 'group',
      children: horizontal
        ? [line(ax, ay, bx, by), line(ax, ay - cap, ax, ay + cap), line(bx, by - cap, bx, by + cap)]
        : [line(ax, ay, bx, by), line(ax - cap, ay, ax + cap, ay), line(bx - cap, by, bx + cap, by)],
    };
  };
}

/** Base grid, text and tooltip settings every chart shares. */
export const baseOption = (theme: ChartTheme) => ({
  textStyle: { fontFamily: theme.fontFamily, color: theme.text },
  animation: false,
});
