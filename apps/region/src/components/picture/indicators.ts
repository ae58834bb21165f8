import type { ChartKpi } from '@kwadrant/ui/charts';
import type { Kpi, PictureArea } from '../../api/types';

/** What a choropleth can show per area: the picture's indicators, or the KPI asked for. */
export const INDICATORS = [
  'population',
  'share75plus',
  'practicesPer10k',
  'costsPerEnrolledYear',
  'standardisedCostRatio',
  'kpi',
] as const;
export type Indicator = (typeof INDICATORS)[number];

/** The value an area has for an indicator, on the scale its format expects (population in thousands). */
export function indicatorValue(area: PictureArea, indicator: Indicator): number | null {
  switch (indicator) {
    case 'population':
      return area.population / 1000;
    case 'kpi':
      return area.kpi?.value ?? null;
    default:
      return area[indicator];
  }
}

/** How an indicator's numbers read (kind, multiplier, unit) for the map's legend, tooltip and table. */
export function indicatorFormat(indicator: Indicator, kpi: Kpi | null): ChartKpi {
  const unit = (nl: string, en: string) => ({ nl, en });
  switch (indicator) {
    case 'population':
      return { kind: 'mean', multiplier: 1, unit: unit('duizend inwoners', 'thousand inhabitants') };
    case 'share75plus':
      return { kind: 'proportion', multiplier: 100, unit: unit('%', '%') };
    case 'practicesPer10k':
      return {
        kind: 'mean',
        multiplier: 1,
        unit: unit('praktijken per 10.000 inwoners', 'practices per 10,000'),
      };
    case 'costsPerEnrolledYear':
      return {
        kind: 'mean',
        multiplier: 1,
        unit: unit('euro per ingeschrevene per jaar', 'euros per enrolled patient per year'),
      };
    case 'standardisedCostRatio':
      return { kind: 'ratio', multiplier: 1, unit: unit('O/E', 'O/E') };
    case 'kpi':
      return kpi ?? { kind: 'proportion', multiplier: 100, unit: unit('%', '%') };
  }
}

/** The feature name of an area on the map: postcode for PC4 areas, the municipality's name otherwise. */
export const mapNameOf = (area: PictureArea, level: 'pc4' | 'municipality'): string =>
  level === 'pc4' ? area.code : area.name;
