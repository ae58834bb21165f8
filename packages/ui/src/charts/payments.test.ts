import { describe, expect, it } from 'vitest';
import { buildPaymentDistributionOption, buildRatioTrendOption, buildSensitivityOption } from './payments';
import { chartTheme } from './theme';

const series = (option: { series?: unknown }) => option.series as any[];

describe('buildPaymentDistributionOption', () => {
  const data = {
    title: 'Verdeling',
    summary: 'Drie organisaties.',
    labels: { payment: 'Betaling', change: 'Verschil' },
    items: [
      { label: 'A', cents: 150_00, changeCents: 10_00 },
      { label: 'B', cents: 300_00, changeCents: -5_00 },
      { label: 'C', cents: 99_99 },
    ],
  };

  it('sorts organisations from highest to lowest payment, in euros to the cent', () => {
    const option = buildPaymentDistributionOption(data, chartTheme('nl'));
    expect((option.xAxis as any).data).toEqual(['B', 'A', 'C']);
    expect(series(option)[0].data.map((d: any) => d.value)).toEqual([300, 150, 99.99]);
  });

  it('marks losers with colour and a pattern, and says so in the tooltip', () => {
    const theme = chartTheme('nl');
    const option = buildPaymentDistributionOption(data, theme);
    const bars = series(option)[0].data;
    expect(bars[0].itemStyle.color).toBe(theme.worse);
    expect(bars[0].itemStyle.decal).toBeDefined();
    expect(bars[1].itemStyle.color).toBe(theme.own);
    const text = (option.tooltip as any).formatter({ dataIndex: 0 }) as string;
    expect(text.replace(/\u00a0/g, ' ')).toContain('Verschil: € -5,00');
    expect(option.aria).toMatchObject({ enabled: true });
  });
});

describe('buildSensitivityOption', () => {
  it('draws one line per scenario over the shifts, totals in euros, gaps for missing values', () => {
    const option = buildSensitivityOption(
      {
        title: 'Gevoeligheid',
        summary: 'Twee scenario’s.',
        shifts: [-0.05, 0, 0.05],
        labels: { shift: 'Verschuiving', total: 'Totaal' },
        scenarios: [
          { name: 'A', totals: [100_00, 110_00, 120_00] },
          { name: 'B', totals: [90_00, null, 130_00] },
        ],
      },
      chartTheme('nl'),
    );
    expect((option.xAxis as any).data.map((s: string) => s.replace(/\u00a0/g, ' '))).toEqual([
      '-5 %',
      '0 %',
      '+5 %',
    ]);
    expect(series(option).map((s) => s.data)).toEqual([
      [100, 110, 120],
      [90, '-', 130],
    ]);
    // Scenarios differ by line style and symbol, not colour alone.
    expect(series(option)[0].lineStyle.type).not.toBe(series(option)[1].lineStyle.type);
    expect(series(option)[0].symbol).not.toBe(series(option)[1].symbol);
  });
});

describe('buildRatioTrendOption', () => {
  it('plots O/E per period with the line O/E = 1 once', () => {
    const option = buildRatioTrendOption(
      {
        title: 'KO-06',
        summary: 'O/E per kwartaal.',
        periods: ['2026-Q1', '2026-Q2'],
        labels: { ratio: 'O/E', expected: 'Verwacht (1)' },
        series: [
          { name: 'Regio', values: [1.02, null], highlight: true },
          { name: 'Netwerk', values: [0.97, 0.99] },
        ],
      },
      chartTheme('en'),
    );
    expect(series(option)[0].data).toEqual([1.02, '-']);
    expect(series(option)[0].markLine.data).toEqual([{ yAxis: 1 }]);
    expect(series(option)[1].markLine).toBeUndefined();
    expect(series(option)[0].lineStyle.width).toBeGreaterThan(series(option)[1].lineStyle.width);
  });
});
