import { describe, expect, it } from 'vitest';
import { KPIS, ROWS, cell, row } from '../../test/fixtures';
import { mountApp, visibleText } from '../../test/mount';
import ComparisonGrid from './ComparisonGrid.vue';

const kpis = KPIS.filter((k) => k.code === 'DM-01' || k.code === 'KO-01');

describe('ComparisonGrid', () => {
  it('shows each cell’s verdict as icon and words, hides small numbers and links to the funnel', async () => {
    const wrapper = mountApp(ComparisonGrid, {
      props: { rows: ROWS, kpis, benchmarkLabel: 'Regio Utrecht', baseline: null },
    });
    await wrapper.vm.$nextTick();
    const cells = wrapper.findAll('a.grid-cell');
    expect(cells.length).toBe(7);
    const better = wrapper.find('a.grid-cell[data-comparison=better]');
    expect(better.attributes('aria-label')).toMatch(/Rozenhof, DM-01: 90,0\s%.*beter/);
    expect(better.find('i.pi-arrow-up').exists()).toBe(true);
    expect(better.attributes('href')).toMatch(/\/kpi\/DM-01\?highlight=pra-1/);
    const text = visibleText(wrapper.text());
    expect(text).toMatch(/n\.g\./);
    expect(text).toMatch(/Huisartsen Utrecht I/);
  });

  it('writes the verdicts in English too', async () => {
    const wrapper = mountApp(ComparisonGrid, {
      props: { rows: ROWS, kpis, benchmarkLabel: 'Region Utrecht', baseline: null },
      locale: 'en',
    });
    await wrapper.vm.$nextTick();
    expect(wrapper.find('a.grid-cell[data-comparison=worse]').attributes('aria-label')).toMatch(/worse/);
  });

  it('shows the change since the baseline quarter in display units', async () => {
    const rows = [row('pra-1', 'Rozenhof', [cell('DM-01', 0.9, 'better', { baselineValue: 0.85 })])];
    const wrapper = mountApp(ComparisonGrid, {
      props: { rows, kpis, benchmarkLabel: 'Regio Utrecht', baseline: '2025-Q3' },
    });
    await wrapper.vm.$nextTick();
    expect(wrapper.find('.grid-cell__delta').text()).toBe('+5,0');
    expect(wrapper.find('a.grid-cell').attributes('aria-label')).toMatch(/was 85,0\s%/);
  });
});
