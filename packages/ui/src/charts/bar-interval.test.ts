import { describe, expect, it } from 'vitest';
import { DEFAULT_KPIS } from '@kwadrant/domain/catalogue';
import { buildBarIntervalOption, type BarIntervalChartData } from './bar-interval';
import { chartTheme } from './theme';

const CO01 = DEFAULT_KPIS.find((k) => k.code === 'CO-01')!;

const data = (overrides: Partial<BarIntervalChartData> = {}): BarIntervalChartData => ({
  title: 'CO-01 per praktijk',
  summary: 'Vier praktijken naast elkaar.',
  kpi: CO01,
  reference: { value: 0.8, label: 'Doel' },
  labels: { value: 'Waarde', interval: '95 % BI' },
  items: [
    { label: 'Huisartsen Utrecht I', value: 0.75, lower: 0.63, upper: 0.84, highlight: true },
    { label: 'Rozenhof', value: 0.7, lower: 0.6, upper: 0.8 },
    { label: 'Kerkplein', value: null, lower: null, upper: null, note: 'Niet getoond: kleine aantallen' },
  ],
  ...overrides,
});

const byId = (option: ReturnType<typeof buildBarIntervalOption>, id: string) =>
  (option.series as any[]).find((s) => s.id === id);

describe('buildBarIntervalOption', () => {
  it('lists the units top-down on a category axis', () => {
    const option = buildBarIntervalOption(data(), chartTheme('nl'));
    expect((option.yAxis as any).type).toBe('category');
    expect((option.yAxis as any).inverse).toBe(true);
    expect((option.yAxis as any).data).toEqual(['Huisartsen Utrecht I', 'Rozenhof', 'Kerkplein']);
  });

  it('draws bars on the display scale, the highlighted one in the own colour, none without a value', () => {
    const theme = chartTheme('nl');
    const bars = byId(buildBarIntervalOption(data(), theme), 'value');
    expect(bars.data[0].value).toBeCloseTo(75, 10);
    expect(bars.data[0].itemStyle.color).toBe(theme.own);
    expect(bars.data[1].itemStyle.color).toBe(theme.peer);
    expect(bars.data[2].value).toBe('-');
  });

  it('adds a horizontal error bar per unit with an interval', () => {
    const errors = byId(buildBarIntervalOption(data(), chartTheme('nl')), 'interval');
    expect(errors.type).toBe('custom');
    expect(errors.data).toHaveLength(2);
    expect(errors.data[1][0]).toBe(1);
    expect(errors.data[1][1]).toBeCloseTo(60, 10);
    expect(errors.data[1][2]).toBeCloseTo(80, 10);
    expect(errors.encode).toEqual({ x: [1, 2], y: 0 });
  });

  it('marks the reference as a vertical line, or none', () => {
    const bars = byId(buildBarIntervalOption(data(), chartTheme('nl')), 'value');
    expect(bars.markLine.data).toEqual([{ xAxis: 80, name: 'Doel' }]);
    const none = byId(buildBarIntervalOption(data({ reference: null }), chartTheme('nl')), 'value');
    expect(none.markLine).toBeUndefined();
  });

  it('explains a missing value in the tooltip', () => {
    const option = buildBarIntervalOption(data(), chartTheme('nl'));
    const html = ((option.tooltip as any).formatter as (p: unknown) => string)({ dataIndex: 2 });
    expect(html).toContain('Niet getoond: kleine aantallen');
    const first = ((option.tooltip as any).formatter as (p: unknown) => string)({ dataIndex: 0 });
    expect(first).toContain('95 % BI: 63,0\u00a0% – 84,0\u00a0%');
  });
});
