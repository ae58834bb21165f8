import type { KpiDefinition } from '@kwadrant/domain/catalogue';
import type { Comparison } from '@kwadrant/domain/model';

export type TrendDirection = 'increasing' | 'decreasing' | 'no-change' | 'insufficient-data';
export type Suppression = 'small-number' | 'complementary';
export type BenchmarkKind = 'region' | 'national' | 'collaborative' | 'target';

/** What a tile needs of the KPI definition. */
export type KpiTileKpi = Pick<KpiDefinition, 'code' | 'name' | 'kind' | 'polarity' | 'multiplier' | 'unit'>;

/** A value with its interval, as the API gives it (null when unknown or hidden). */
export interface KpiValue {
  value: number | null;
  lower: number | null;
  upper: number | null;
  numerator: number | null;
  denominator: number | null;
  suppressed: Suppression | null;
}

/** One KPI tile of an overview (the API's KpiTile). */
export interface KpiTileData {
  current: KpiValue;
  benchmark: { kind: BenchmarkKind; value: number | null; label: string };
  comparison: Comparison;
  trend: TrendDirection;
  target: number | null;
  targetSource: 'agreement' | 'catalogue' | null;
  belowMinimum: boolean;
}
