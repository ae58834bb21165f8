import { describe, expect, it } from 'vitest';
import type { PictureArea } from '../../api/types';
import { KPIS } from '../../test/fixtures';
import { indicatorFormat, indicatorValue, mapNameOf } from './indicators';

const area: PictureArea = {
  code: 'GM0344',
  name: 'Utrecht',
  population: 137_820,
  share75plus: 0.038,
  practices: 40,
  practicesPer10k: 2.9,
  enrolled: 120_000,
  costsPerEnrolledYear: 2100,
  standardisedCostRatio: 0.97,
  kpi: { value: 0.85, lower: 0.8, upper: 0.9, suppressed: null },
};

describe('map indicators', () => {
  it('reads each indicator of an area, population in thousands', () => {
    expect(indicatorValue(area, 'population')).toBeCloseTo(137.82, 10);
    expect(indicatorValue(area, 'share75plus')).toBe(0.038);
    expect(indicatorValue(area, 'standardisedCostRatio')).toBe(0.97);
    expect(indicatorValue(area, 'kpi')).toBe(0.85);
    expect(indicatorValue({ ...area, kpi: null }, 'kpi')).toBeNull();
  });

  it('formats shares as percentages and a KPI as itself', () => {
    expect(indicatorFormat('share75plus', null)).toMatchObject({ kind: 'proportion', multiplier: 100 });
    const kpi = KPIS.find((k) => k.code === 'KO-01')!;
    expect(indicatorFormat('kpi', kpi)).toBe(kpi);
    expect(indicatorFormat('standardisedCostRatio', null).kind).toBe('ratio');
  });

  it('names an area as the map’s features do', () => {
    expect(mapNameOf(area, 'municipality')).toBe('Utrecht');
    expect(mapNameOf({ ...area, code: '3511' }, 'pc4')).toBe('3511');
  });
});
