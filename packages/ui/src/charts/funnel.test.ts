import { describe, expect, it } from 'vitest';
import { DEFAULT_KPIS } from '@kwadrant/domain/catalogue';
import { buildFunnelOption, funnelPosition, type FunnelChartData } from './funnel';
import { chartTheme } from './theme';

const DM04 = DEFAULT_KPIS.find((k) => k.code === 'DM-04')!;

const limit = (x: number, w: number, aw: number) => ({
  x,
  lower95: 0.8 - w,
  upper95: 0.8 + w,
  lower998: 0.8 - 1.5 * w,
  upper998: 0.8 + 1.5 * w,
  adjustedLower95: 0.8 - aw,
  adjustedUpper95: 0.8 + aw,
  adjustedLower998: 0.8 - 1.5 * aw,
  adjustedUpper998: 0.8 + 1.5 * aw,
});

const data = (overrides: Partial<FunnelChartData> = {}): FunnelChartData => ({
  title: 'Trechterplot DM-04',
  summary: 'Uw praktijk ligt binnen de grenzen.',
  kpi: DM04,
  target: 0.8,
  adjusted: false,
  labels: {
    x: 'Noemer (patiënten)',
    own: 'Uw praktijk',
    peers: 'Andere praktijken',
    limit95: '95 %-grens',
    limit998: '99,8 %-grens',
    target: 'Regio',
  },
  points: [
    { label: 'Huisartsenpraktijk Rozenhof', own: true, x: 177, value: 0.678 },
    { label: 'Praktijk 1', own: false, x: 120, value: 0.81 },
    { label: 'Praktijk 2', own: false, x: 300, value: 0.9 },
    { label: 'Praktijk 3', own: false, x: null, value: null },
  ],
  limits: [limit(50, 0.1, 0.2), limit(400, 0.04, 0.15)],
  ...overrides,
});

const byId = (option: ReturnType<typeof buildFunnelOption>, id: string) =>
  (option.series as any[]).find((s) => s.id === id);

describe('buildFunnelOption', () => {
  it('highlights the own practice by name as a large diamond, apart from the anonymous peers', () => {
    const option = buildFunnelOption(data(), chartTheme('nl'));
    const own = byId(option, 'own');
    expect(own.type).toBe('scatter');
    expect(own.symbol).toBe('diamond');
    expect(own.data).toHaveLength(1);
    expect(own.data[0].name).toBe('Huisartsenpraktijk Rozenhof');
    expect(own.data[0].value[0]).toBe(177);
    expect(own.data[0].value[1]).toBeCloseTo(67.8, 10);
    expect(own.label.show).toBe(true);
    const peers = byId(option, 'peers');
    expect(peers.data.map((d: any) => d.name)).toEqual(['Praktijk 1', 'Praktijk 2']);
  });

  it('leaves out suppressed points (no x or value)', () => {
    const peers = byId(buildFunnelOption(data(), chartTheme('nl')), 'peers');
    expect(peers.data.some((d: any) => d.name === 'Praktijk 3')).toBe(false);
  });

  it('draws the plain control limits at 95 % and 99,8 % by default', () => {
    const option = buildFunnelOption(data(), chartTheme('nl'));
    expect(byId(option, 'upper95').data[0][0]).toBe(50);
    expect(byId(option, 'upper95').data[0][1]).toBeCloseTo(90, 10);
    expect(byId(option, 'lower95').data[1][1]).toBeCloseTo(76, 10);
    expect(byId(option, 'upper998').data[0][1]).toBeCloseTo(95, 10);
    expect(byId(option, 'upper95').lineStyle.type).toBe('dashed');
    expect(byId(option, 'upper998').lineStyle.type).toBe('solid');
    expect(byId(option, 'upper95').name).toBe('95 %-grens');
  });

  it('switches to the overdispersion-adjusted limits, which are wider', () => {
    const plain = byId(buildFunnelOption(data(), chartTheme('nl')), 'upper95').data[1][1];
    const adjusted = byId(buildFunnelOption(data({ adjusted: true }), chartTheme('nl')), 'upper95')
      .data[1][1];
    expect(adjusted).toBeCloseTo(95, 10);
    expect(adjusted).toBeGreaterThan(plain);
  });

  it('marks the centre line and names the axes', () => {
    const option = buildFunnelOption(data(), chartTheme('nl'));
    expect(byId(option, 'peers').markLine.data).toEqual([{ yAxis: 80, name: 'Regio' }]);
    expect((option.xAxis as any).name).toBe('Noemer (patiënten)');
    expect((option.yAxis as any).name).toBe('%');
    expect((option.legend as any).data).toEqual([
      'Uw praktijk',
      'Andere praktijken',
      '95 %-grens',
      '99,8 %-grens',
    ]);
  });

  it('gives each point a tooltip with its label, precision and value', () => {
    const own = byId(buildFunnelOption(data(), chartTheme('nl')), 'own');
    const html = own.tooltip.formatter({ dataIndex: 0 });
    expect(html).toContain('Huisartsenpraktijk Rozenhof');
    expect(html).toContain('Noemer (patiënten): 177');
    expect(html).toContain('67,8\u00a0%');
  });

  it('escapes labels in tooltips', () => {
    const option = buildFunnelOption(
      data({ points: [{ label: '<b>x</b>', own: true, x: 10, value: 0.5 }] }),
      chartTheme('en'),
    );
    expect(byId(option, 'own').tooltip.formatter({ dataIndex: 0 })).toContain('&lt;b&gt;x&lt;/b&gt;');
  });
});

describe('funnelPosition', () => {
  const limits = [limit(50, 0.1, 0.2), limit(400, 0.04, 0.15)];

  it('interpolates the limits at the point and says on which side it lies', () => {
    // At x = 225 the plain 95 % limits are 0.8 ± 0.07 and the 99.8 % limits 0.8 ± 0.105.
    expect(funnelPosition({ x: 225, value: 0.8 }, limits, false)).toBe('within');
    expect(funnelPosition({ x: 225, value: 0.88 }, limits, false)).toBe('above95');
    expect(funnelPosition({ x: 225, value: 0.91 }, limits, false)).toBe('above998');
    expect(funnelPosition({ x: 225, value: 0.72 }, limits, false)).toBe('below95');
    expect(funnelPosition({ x: 225, value: 0.69 }, limits, false)).toBe('below998');
  });

  it('is more lenient with the adjusted limits', () => {
    expect(funnelPosition({ x: 225, value: 0.69 }, limits, true)).toBe('within');
  });

  it('clamps outside the computed range and has no answer without a point or limits', () => {
    expect(funnelPosition({ x: 10, value: 0.96 }, limits, false)).toBe('above998');
    expect(funnelPosition({ x: 1000, value: 0.85 }, limits, false)).toBe('above95');
    expect(funnelPosition({ x: null, value: 0.5 }, limits, false)).toBeNull();
    expect(funnelPosition({ x: 10, value: 0.5 }, [], false)).toBeNull();
  });
});
