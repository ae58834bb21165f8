import { describe, expect, it } from 'vitest';
import { DEFAULT_KPIS } from '@kwadrant/domain/catalogue';
import { buildSpineOption, spinePosition, type SpineChartData, type SpineRow } from './spine';
import { chartTheme } from './theme';

const DM02 = DEFAULT_KPIS.find((k) => k.code === 'DM-02')!;
const KO01 = DEFAULT_KPIS.find((k) => k.code === 'KO-01')!;

const higher: SpineRow = {
  label: 'DM-02',
  kpi: DM02,
  own: 0.7,
  comparison: 'better',
  p10: 0.5,
  p50: 0.6,
  p90: 0.65,
};
const lower: SpineRow = {
  label: 'KO-01',
  kpi: KO01,
  own: 140,
  comparison: 'better',
  p10: 150,
  p50: 200,
  p90: 260,
};

const data: SpineChartData = {
  title: 'Spine',
  summary: 'Twee KPI’s.',
  rows: [higher, lower, { ...higher, label: 'Geen waarde', own: null, comparison: 'not-compared' }],
  labels: {
    own: 'Uw praktijk',
    lowerHalf: 'p10–p50',
    upperHalf: 'p50–p90',
    benchmark: 'Mediaan',
    worse: 'Slechter',
    better: 'Beter',
  },
};

describe('spinePosition', () => {
  it('puts the benchmark at 50 and the farthest value at the edge', () => {
    const p = spinePosition(higher);
    expect(p.mid).toBe(50);
    expect(p.own).toBeCloseTo(100, 10);
    expect(p.lo).toBeCloseTo(0, 10);
    expect(p.hi).toBeCloseTo(75, 10);
  });

  it('mirrors lower-is-better KPIs so that better is always to the right', () => {
    const p = spinePosition(lower);
    expect(p.own).toBeGreaterThan(50);
    expect(p.lo).toBeCloseTo(0, 10);
    expect(p.hi).toBeCloseTo(50 + (50 * 50) / 60, 10);
  });

  it('centres on an explicit benchmark', () => {
    expect(spinePosition({ ...higher, benchmark: 0.7 }).own).toBe(50);
  });
});

describe('buildSpineOption', () => {
  const option = buildSpineOption(data, chartTheme('nl'));
  const byId = (id: string) => (option.series as any[]).find((s) => s.id === id);

  it('stacks an invisible offset and the two halves of the p10–p90 bar', () => {
    expect(byId('offset').stack).toBe('spine');
    expect(byId('offset').itemStyle.color).toBe('transparent');
    expect(byId('lower-half').data[0]).toBeCloseTo(50, 10);
    expect(byId('upper-half').data[0]).toBeCloseTo(25, 10);
  });

  it('shows the own value with a colour and a shape per comparison, and a gap without a value', () => {
    const own = byId('own');
    expect(own.data[0].symbol).toBe('circle');
    expect(own.data[0].itemStyle.color).toBe(chartTheme('nl').better);
    expect(own.data[2].symbol).toBe('emptyCircle');
    expect(own.data[2].value[0]).toBe('-');
  });

  it('draws the benchmark at the centre and labels the ends', () => {
    expect(byId('upper-half').markLine.data).toEqual([{ xAxis: 50, name: 'Mediaan' }]);
    const formatter = (option.xAxis as any).axisLabel.formatter as (v: number) => string;
    expect([formatter(0), formatter(50), formatter(100)]).toEqual(['Slechter', '', 'Beter']);
    expect((option.yAxis as any).data).toEqual(['DM-02', 'KO-01', 'Geen waarde']);
  });
});
