import type { ComposeOption } from 'echarts/core';
import type {
  BarSeriesOption,
  CustomSeriesOption,
  LineSeriesOption,
  MapSeriesOption,
  ScatterSeriesOption,
} from 'echarts/charts';
import type {
  AriaComponentOption,
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  TooltipComponentOption,
  VisualMapComponentOption,
} from 'echarts/components';
import type { KpiFormat } from '../format/format';

/** Every option a builder may return: only the chart types and components that are registered. */
export type ChartOption = ComposeOption<
  | LineSeriesOption
  | ScatterSeriesOption
  | BarSeriesOption
  | CustomSeriesOption
  | MapSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | AriaComponentOption
  | VisualMapComponentOption
>;

/** Texts every chart carries: its title and a one-sentence summary for screen readers (aria-label). */
export interface ChartText {
  title: string;
  summary: string;
}

/** The KPI a chart shows, for its scale and number format. */
export type ChartKpi = KpiFormat;
