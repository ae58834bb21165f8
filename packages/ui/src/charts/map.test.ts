import { describe, expect, it } from 'vitest';
import { DEFAULT_KPIS } from '@kwadrant/domain/catalogue';
import { buildMapOption, mapClasses, type MapChartData } from './map';
import { chartTheme } from './theme';

const KO01 = DEFAULT_KPIS.find((k) => k.code === 'KO-01')!;
const DM02 = DEFAULT_KPIS.find((k) => k.code === 'DM-02')!;

const data = (overrides: Partial<MapChartData> = {}): MapChartData => ({
  title: 'Verwijscijfer per gemeente',
  summary: 'Hoogst in Utrecht.',
  map: 'gemeenten',
  nameProperty: 'statnaam',
  kpi: KO01,
  classes: 4,
  labels: { noData: 'Geen gegevens' },
  areas: [
    { name: 'Utrecht', value: 300 },
    { name: 'Zeist', value: 200 },
    { name: 'Houten', value: 100 },
    { name: 'Bunnik', value: null },
  ],
  ...overrides,
});

describe('mapClasses', () => {
  it('splits the range into equal intervals with their ranges written out', () => {
    const classes = mapClasses(data(), chartTheme('nl'));
    expect(classes).toHaveLength(4);
    expect(classes[0]).toMatchObject({ min: 100, max: 150, label: '100,0–150,0' });
    expect(classes[3]).toMatchObject({ min: 250, max: 300 });
    expect(classes.map((c) => c.color)).toEqual(chartTheme('nl').sequential.slice(2));
  });

  it('has one class when all values are equal and none without values', () => {
    expect(
      mapClasses(
        data({
          areas: [
            { name: 'A', value: 1 },
            { name: 'B', value: 1 },
          ],
        }),
        chartTheme('nl'),
      ),
    ).toHaveLength(1);
    expect(mapClasses(data({ areas: [{ name: 'A', value: null }] }), chartTheme('nl'))).toEqual([]);
  });
});

describe('buildMapOption', () => {
  it('maps every area to its display value, a gap for no data', () => {
    const option = buildMapOption(
      data({
        kpi: DM02,
        areas: [
          { name: 'Utrecht', value: 0.5 },
          { name: 'Bunnik', value: null },
        ],
      }),
      chartTheme('nl'),
    );
    const series = (option.series as any[])[0];
    expect(series.type).toBe('map');
    expect(series.map).toBe('gemeenten');
    expect(series.nameProperty).toBe('statnaam');
    expect(series.data).toEqual([
      { name: 'Utrecht', value: 50 },
      { name: 'Bunnik', value: '-' },
    ]);
  });

  it('uses a piecewise legend of the classes', () => {
    const option = buildMapOption(data(), chartTheme('nl'));
    const visualMap = option.visualMap as any;
    expect(visualMap.type).toBe('piecewise');
    expect(visualMap.pieces).toHaveLength(4);
    expect(visualMap.pieces[0].label).toBe('100,0–150,0');
  });

  it('names areas without data in the tooltip', () => {
    const option = buildMapOption(data(), chartTheme('en'));
    const formatter = (option.tooltip as any).formatter as (p: unknown) => string;
    expect(formatter({ name: 'Bunnik' })).toContain('Geen gegevens');
    expect(formatter({ name: 'Utrecht' })).toContain('300.0 per 1,000 enrolled per year');
  });
});
