export { registerCharts, registerMapData } from './echarts';
export { chartTheme, type ChartTheme } from './theme';
export type { ChartOption, ChartText, ChartKpi } from './types';
export { buildTrendOption, type TrendChartData, type TrendPoint } from './trend';
export {
  buildFunnelOption,
  funnelPosition,
  type FunnelPosition,
  type FunnelChartData,
  type FunnelChartLimit,
  type FunnelChartPoint,
} from './funnel';
export { buildBarIntervalOption, type BarIntervalChartData, type BarIntervalItem } from './bar-interval';
export { buildSpineOption, spinePosition, type SpineChartData, type SpineRow } from './spine';
export { buildMapOption, mapClasses, type MapArea, type MapChartData, type MapClass } from './map';
export { default as ChartFigure } from '../components/chart/ChartFigure.vue';
export type { TableColumn } from '../components/table/types';
export {
  buildPaymentDistributionOption,
  buildSensitivityOption,
  buildRatioTrendOption,
  type PaymentItem,
  type PaymentDistributionData,
  type SensitivityData,
  type RatioSeries,
  type RatioTrendData,
} from './payments';
export {
  topologyFeatures,
  type TopologyLike,
  type FeatureLike,
  type FeatureCollectionLike,
} from './topojson';
