// The shared Vue layer of the dashboards. Charts live in '@kwadrant/ui/charts' so that pages without
// a chart do not load ECharts.
export * from './format';
export * from './i18n';
export * from './http';
export { createKwadrantUi, KwadrantPreset, type KwadrantUiOptions } from './plugin';
export {
  useSessionStore,
  SESSION_API,
  type SessionApi,
  type SessionInfo,
  type OrganisationSummary,
  type OrganisationKind,
  type Role,
} from './stores/session';
export { useLocale } from './composables/use-locale';
export { default as AppShell } from './components/app/AppShell.vue';
export { default as AppLanguageSwitch } from './components/app/AppLanguageSwitch.vue';
export { default as AppOrganisationSwitch } from './components/app/AppOrganisationSwitch.vue';
export type { NavItem } from './components/app/types';
export { default as KpiTile } from './components/kpi/KpiTile.vue';
export { default as KpiComparison } from './components/kpi/KpiComparison.vue';
export { default as KpiTrend } from './components/kpi/KpiTrend.vue';
export { useBenchmarkName } from './components/kpi/use-benchmark-name';
export type {
  KpiTileData,
  KpiTileKpi,
  KpiValue,
  TrendDirection,
  Suppression,
  BenchmarkKind,
} from './components/kpi/types';
export { default as SettlementSteps } from './components/settlement/SettlementSteps.vue';
export { default as TableView } from './components/table/TableView.vue';
export type { TableColumn } from './components/table/types';
export { default as StateView } from './components/state/StateView.vue';
export { default as StateLoading } from './components/state/StateLoading.vue';
export { default as StateEmpty } from './components/state/StateEmpty.vue';
export { default as StateError } from './components/state/StateError.vue';
export { download, exportFileName, tableMatrix, toCsv, toXlsx } from './export/table-export';
export type { ExportColumn } from './export/table-export';
