import { formatNumber } from '../format/format';
import { ariaOf, baseOption, displayText, escapeHtml, toDisplay } from './shared';
import type { ChartTheme } from './theme';
import type { ChartKpi, ChartOption, ChartText } from './types';

export interface MapArea {
  /** The area's name as in the map's feature property `nameProperty`. */
  name: string;
  value: number | null;
}

export interface MapChartData extends ChartText {
  /** The name the GeoJSON was registered under (registerMapData). */
  map: string;
  /** Which feature property names an area (e.g. "statcode" or "name"). */
  nameProperty?: string;
  kpi: ChartKpi;
  areas: readonly MapArea[];
  /** Number of classes of the legend (equal intervals). */
  classes?: number;
  labels: { noData: string };
}

export interface MapClass {
  min: number;
  max: number;
  label: string;
  color: string;
}

/** Equal-interval classes over the areas' display values, each with its range as text and a colour. */
export function mapClasses(data: MapChartData, theme: ChartTheme): MapClass[] {
  const values = data.areas.map((a) => toDisplay(a.value, data.kpi)).filter((v): v is number => v !== null);
  if (values.length === 0) return [];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const n = hi === lo ? 1 : Math.max(1, Math.min(data.classes ?? 5, theme.sequential.length));
  const step = (hi - lo) / n;
  const palette = theme.sequential.slice(theme.sequential.length - n);
  const decimals = data.kpi.kind === 'ratio' ? 2 : 1;
  return Array.from({ length: n }, (_, i) => {
    const min = lo + i * step;
    const max = i === n - 1 ? hi : lo + (i + 1) * step;
    return {
      min,
      max,
      label: `${formatNumber(min, theme.locale, decimals)}–${formatNumber(max, theme.locale, decimals)}`,
      color: palette[i] ?? theme.sequential.at(-1)!,
    };
  });
}

/** A choropleth of a KPI over areas, with an equal-interval legend whose classes are written out. */
export function buildMapOption(data: MapChartData, theme: ChartTheme): ChartOption {
  const classes = mapClasses(data, theme);
  const values = new Map(data.areas.map((a) => [a.name, toDisplay(a.value, data.kpi)]));
  return {
    ...baseOption(theme),
    aria: ariaOf(data),
    tooltip: {
      trigger: 'item',
      formatter: (params: unknown) => {
        const name = (params as { name: string }).name;
        const v = values.get(name) ?? null;
        return `<strong>${escapeHtml(name)}</strong><br>${escapeHtml(v === null ? data.labels.noData : displayText(v, data.kpi, theme))}`;
      },
    },
    visualMap: {
      type: 'piecewise',
      left: 8,
      bottom: 8,
      pieces: classes.map((c) => ({ min: c.min, max: c.max, label: c.label, color: c.color })),
      outOfRange: { color: '#f0f2f4' },
      textStyle: { color: theme.text },
    },
    series: [
      {
        id: 'areas',
        type: 'map',
        map: data.map,
        nameProperty: data.nameProperty ?? 'name',
        roam: false,
        data: data.areas.map((a) => ({ name: a.name, value: values.get(a.name) ?? '-' })),
        itemStyle: { borderColor: '#ffffff', borderWidth: 0.5, areaColor: '#f0f2f4' },
        emphasis: { label: { show: false }, itemStyle: { areaColor: theme.target } },
      },
    ],
  };
}
