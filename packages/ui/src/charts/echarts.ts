/*
 * The one place ECharts is assembled: only the chart types, components and renderer the builders use.
 * The map parts are registered separately (registerMapData) so dashboards without a map do not ship them.
 */
import { registerMap, use } from 'echarts/core';
import { BarChart, CustomChart, LineChart, MapChart, ScatterChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapPiecewiseComponent,
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

let registered = false;

/** Registers the parts every chart needs. Idempotent; the chart component calls it. */
export function registerCharts(): void {
  if (registered) return;
  use([
    LineChart,
    ScatterChart,
    BarChart,
    CustomChart,
    GridComponent,
    TooltipComponent,
    LegendComponent,
    MarkLineComponent,
    AriaComponent,
    // SVG: crisp when printed, and lighter than canvas for the few hundred marks we draw.
    SVGRenderer,
  ]);
  registered = true;
}

/** Registers the map chart and a GeoJSON under `name` (for buildMapOption). */
export function registerMapData(name: string, geoJson: Parameters<typeof registerMap>[1]): void {
  registerCharts();
  use([MapChart, VisualMapPiecewiseComponent]);
  registerMap(name, geoJson);
}
