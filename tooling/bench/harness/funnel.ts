/*
 * Renders the dashboards' funnel plot (the same option builder and ECharts registration) with
 * 4,900 practices, in the browser the bench drives, and reports how long each render took: from
 * setOption until ECharts says the frame is finished.
 */
import { init } from 'echarts/core';
import { buildFunnelOption, chartTheme, registerCharts } from '@kwadrant/ui/charts';
import type { FunnelChartLimit, FunnelChartPoint } from '@kwadrant/ui/charts';

declare global {
  interface Window {
    renderFunnel(points: number): Promise<number>;
  }
}

registerCharts();

function data(count: number) {
  const points: FunnelChartPoint[] = [];
  let seed = 42;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
  for (let i = 0; i < count; i++) {
    const x = 40 + Math.floor(random() * 900);
    points.push({ label: `Praktijk ${i + 1}`, own: i === 0, x, value: 0.6 + (random() - 0.5) * 0.3 });
  }
  const limits: FunnelChartLimit[] = [];
  for (let x = 40; x <= 940; x += 10) {
    const s = Math.sqrt((0.7 * 0.3) / x);
    const t = Math.sqrt(s * s + 0.002);
    limits.push({
      x,
      lower95: 0.7 - 1.96 * s,
      upper95: 0.7 + 1.96 * s,
      lower998: 0.7 - 3.09 * s,
      upper998: 0.7 + 3.09 * s,
      adjustedLower95: 0.7 - 1.96 * t,
      adjustedUpper95: 0.7 + 1.96 * t,
      adjustedLower998: 0.7 - 3.09 * t,
      adjustedUpper998: 0.7 + 3.09 * t,
    });
  }
  return { points, limits };
}

window.renderFunnel = (count: number) => {
  const element = document.getElementById('chart')!;
  const { points, limits } = data(count);
  const option = buildFunnelOption(
    {
      title: 'DM-02',
      summary: 'bench',
      kpi: { kind: 'proportion', multiplier: 100, unit: { nl: '%', en: '%' } },
      target: 0.7,
      points,
      limits,
      adjusted: false,
      labels: { x: 'Noemer', own: 'Eigen praktijk', peers: 'Andere praktijken', limit95: '95 %', limit998: '99,8 %', target: 'Gemiddelde' },
    },
    chartTheme('nl'),
  );
  return new Promise<number>((resolve) => {
    const chart = init(element, undefined, { renderer: 'svg' });
    const started = performance.now();
    chart.on('finished', () => {
      const ms = performance.now() - started;
      chart.dispose();
      resolve(ms);
    });
    chart.setOption(option);
  });
};
