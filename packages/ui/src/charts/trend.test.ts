import { describe, expect, it } from 'vitest';
import { DEFAULT_KPIS } from '@kwadrant/domain/catalogue';
import { buildTrendOption, type TrendChartData } from './trend';
import { chartTheme } from './theme';

const DM02 = DEFAULT_KPIS.find((k) => k.code === 'DM-02')!;
const KO01 = DEFAULT_KPIS.find((k) => k.code === 'KO-01')!;

const data = (overrides: Partial<TrendChartData> = {}): TrendChartData => ({
  title: 'DM-02 over de kwartalen',
  summary: 'Stijgend van 45,2 % naar 70,6 %.',
  kpi: DM02,
  target: 0.65,
  labels: {
    own: 'Uw praktijk',
    band: 'Peers p10–p90',
    median: 'Mediaan peers',
    target: 'Doel',
    interval: '95 % BI',
  },
  points: [
    { period: '2026-Q1', value: 0.45, lower: 0.38, upper: 0.52, p10: 0.47, p50: 0.56, p90: 0.67 },
    { period: '2026-Q2', value: null, lower: null, upper: null, p10: 0.5, p50: 0.6, p90: 0.7 },
    { period: '2026-Q3', value: 0.706, lower: 0.635, upper: 0.768, p10: null, p50: null, p90: null },
  ],
  ...overrides,
});

const series = (option: ReturnType<typeof buildTrendOption>) => option.series as any[];
const byId = (option: ReturnType<typeof buildTrendOption>, id: string) =>
  series(option).find((s) => s.id === id);

describe('buildTrendOption', () => {
  it('puts the quarters on the x axis in the user language', () => {
    const option = buildTrendOption(data(), chartTheme('nl'));
    expect((option.xAxis as any).data).toEqual(['K1 2026', 'K2 2026', 'K3 2026']);
    expect((buildTrendOption(data(), chartTheme('en')).xAxis as any).data).toEqual([
      'Q1 2026',
      'Q2 2026',
      'Q3 2026',
    ]);
  });

  it('plots the own values on the display scale (proportion × 100) with a gap where there is none', () => {
    const own = byId(buildTrendOption(data(), chartTheme('nl')), 'own');
    expect(own.type).toBe('line');
    expect(own.data[0]).toBeCloseTo(45, 10);
    expect(own.data[1]).toBe('-');
    expect(own.data[2]).toBeCloseTo(70.6, 10);
  });

  it('draws the peer band as p10 plus the p10–p90 width, stacked', () => {
    const option = buildTrendOption(data(), chartTheme('nl'));
    const base = byId(option, 'band-base');
    const band = byId(option, 'band');
    expect(base.stack).toBe('band');
    expect(band.stack).toBe('band');
    expect(base.data[0]).toBeCloseTo(47, 10);
    expect(band.data[0]).toBeCloseTo(20, 10);
    expect(band.areaStyle).toBeDefined();
    expect(base.data[2]).toBe('-');
    expect(band.data[2]).toBe('-');
    expect(byId(option, 'median').data[1]).toBeCloseTo(60, 10);
  });

  it('draws the target as a dashed horizontal line on the display scale, named in the legend', () => {
    const option = buildTrendOption(data(), chartTheme('nl'));
    const target = byId(option, 'target');
    expect(target.type).toBe('line');
    expect(target.data).toEqual([65, 65, 65]);
    expect(target.lineStyle.type).toBe('dashed');
    expect(target.endLabel.formatter).toBe('65,0\u00a0%');
    expect((option.legend as any).data).toContain('Doel');
  });

  it('has no target line without a target', () => {
    const without = buildTrendOption(data({ target: null }), chartTheme('nl'));
    expect(byId(without, 'target')).toBeUndefined();
    expect((without.legend as any).data).not.toContain('Doel');
  });

  it('adds error bars only for quarters with an interval', () => {
    const interval = byId(buildTrendOption(data(), chartTheme('nl')), 'interval');
    expect(interval.type).toBe('custom');
    expect(interval.data).toHaveLength(2);
    expect(interval.data[0][0]).toBe(0);
    expect(interval.data[0][1]).toBeCloseTo(38, 10);
    expect(interval.data[1][0]).toBe(2);
  });

  it('leaves rates on their own scale and names the unit on the axis', () => {
    const option = buildTrendOption(
      data({
        kpi: KO01,
        target: 300,
        points: [
          { period: '2026-Q3', value: 139.66, lower: 117.4, upper: 164.9, p10: 150, p50: 200, p90: 260 },
        ],
      }),
      chartTheme('nl'),
    );
    expect(byId(option, 'own').data[0]).toBe(139.66);
    expect((option.yAxis as any).name).toBe('per 1.000 ingeschrevenen per jaar');
    expect((option.yAxis as any).axisLabel.formatter(139.66)).toBe('139,7');
  });

  it('describes itself for screen readers and formats the tooltip in Dutch', () => {
    const option = buildTrendOption(data(), chartTheme('nl'));
    expect((option.aria as any).label.description).toBe(
      'DM-02 over de kwartalen. Stijgend van 45,2 % naar 70,6 %.',
    );
    const html = ((option.tooltip as any).formatter as (p: unknown) => string)([{ dataIndex: 0 }]);
    expect(html).toContain('1e kwartaal 2026');
    expect(html).toContain('Uw praktijk: 45,0\u00a0%');
    expect(html).toContain('Peers p10–p90: 47,0\u00a0% – 67,0\u00a0%');
  });
});
