import { describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { mountApp, visibleText } from '../../test/mount';
import OverviewSummary from './OverviewSummary.vue';

describe('OverviewSummary', () => {
  it('counts the comparable KPIs and says better, similar and worse in words with icons', () => {
    const w = mountApp(OverviewSummary, {
      props: {
        counts: { better: 4, similar: 11, worse: 12, 'not-compared': 2 },
        benchmark: 'Regio Utrecht',
        suppressed: 1,
      },
    });
    const text = visibleText(w.text());
    expect(text).toContain('Van de 27 KPI’s die te vergelijken zijn met Regio Utrecht:');
    expect(w.findAll('li').map((li) => visibleText(li.text()))).toEqual([
      '12 slechter',
      '11 vergelijkbaar',
      '4 beter',
    ]);
    expect(w.findAll('li i[aria-hidden=true]')).toHaveLength(3);
    expect(text).toContain('2 niet vergeleken');
    expect(text).toContain('1 niet getoond wegens kleine aantallen');
  });

  it('links to the KPIs that are worse', async () => {
    const w = mountApp(OverviewSummary, {
      props: {
        counts: { better: 0, similar: 0, worse: 1, 'not-compared': 0 },
        benchmark: 'het doel',
        suppressed: 0,
        attention: [{ code: 'DM-04', name: 'DM2: voetonderzoek' }],
      },
    });
    await flushPromises();
    const link = w.get('a');
    expect(link.text()).toBe('DM-04 DM2: voetonderzoek');
    expect(link.attributes('href')).toBe('/kpi/DM-04');
    expect(visibleText(w.text())).toContain('Slechter dan het doel:');
  });
});
