import { describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { DEFAULT_KPIS } from '@kwadrant/domain/catalogue';
import { mountUi, visibleText } from '../../test/mount';
import KpiTile from './KpiTile.vue';
import type { KpiTileData } from './types';

const DM02 = DEFAULT_KPIS.find((k) => k.code === 'DM-02')!;
const KO01 = DEFAULT_KPIS.find((k) => k.code === 'KO-01')!;

const tile = (overrides: Partial<KpiTileData> = {}): KpiTileData => ({
  current: {
    value: 0.7062,
    lower: 0.6353,
    upper: 0.7684,
    numerator: 125,
    denominator: 177,
    suppressed: null,
  },
  benchmark: { kind: 'region', value: 0.7091, label: 'Regio Utrecht' },
  comparison: 'similar',
  trend: 'increasing',
  target: 0.65,
  targetSource: 'agreement',
  belowMinimum: false,
  ...overrides,
});

const text = (w: { text(): string }) => visibleText(w.text());

describe('KpiTile', () => {
  it('shows the name, the value and its 95 % interval in Dutch', () => {
    const w = mountUi(KpiTile, { props: { kpi: DM02, tile: tile() } });
    expect(w.get('h3').text()).toBe(DM02.name.nl);
    expect(text(w.get('.k-tile__value'))).toBe('70,6 %');
    expect(text(w.get('.k-tile__interval'))).toBe('95 % BI: 63,5–76,8 %');
    expect(text(w)).toContain('125 van 177');
    expect(w.attributes('aria-labelledby')).toBe(w.get('h3').attributes('id'));
  });

  it('says the comparison in words with an icon, not only by colour', () => {
    const better = mountUi(KpiTile, { props: { kpi: DM02, tile: tile({ comparison: 'better' }) } });
    const badge = better.get('[data-comparison]');
    expect(text(badge)).toBe('Beter dan Regio Utrecht');
    expect(badge.find('i.pi-check-circle').exists()).toBe(true);
    expect(badge.find('i').attributes('aria-hidden')).toBe('true');

    const worse = mountUi(KpiTile, { props: { kpi: DM02, tile: tile({ comparison: 'worse' }) } });
    expect(text(worse.get('[data-comparison]'))).toBe('Slechter dan Regio Utrecht');
    expect(worse.find('i.pi-exclamation-triangle').exists()).toBe(true);

    const similar = mountUi(KpiTile, { props: { kpi: DM02, tile: tile({ comparison: 'similar' }) } });
    expect(text(similar.get('[data-comparison]'))).toBe('Vergelijkbaar met Regio Utrecht');
  });

  it('names national and target benchmarks in words', () => {
    const national = mountUi(KpiTile, {
      props: {
        kpi: DM02,
        tile: tile({ comparison: 'worse', benchmark: { kind: 'national', value: 0.72, label: 'Nederland' } }),
      },
    });
    expect(text(national.get('[data-comparison]'))).toBe('Slechter dan landelijk');
    expect(text(national)).toContain('Landelijk: 72,0 %');
    const target = mountUi(KpiTile, {
      props: {
        kpi: DM02,
        tile: tile({ comparison: 'better', benchmark: { kind: 'target', value: 0.65, label: 'target' } }),
      },
    });
    expect(text(target.get('[data-comparison]'))).toBe('Beter dan het doel');
  });

  it('shows the target and where it comes from', () => {
    const w = mountUi(KpiTile, { props: { kpi: DM02, tile: tile() } });
    expect(text(w)).toContain('Doel: 65,0 % (uit afspraak)');
    const catalogue = mountUi(KpiTile, { props: { kpi: DM02, tile: tile({ targetSource: 'catalogue' }) } });
    expect(text(catalogue)).toContain('(standaarddoel)');
    const none = mountUi(KpiTile, { props: { kpi: DM02, tile: tile({ target: null, targetSource: null }) } });
    expect(text(none)).not.toContain('Doel:');
  });

  it('shows the trend as an arrow and a word', () => {
    const up = mountUi(KpiTile, { props: { kpi: DM02, tile: tile({ trend: 'increasing' }) } });
    expect(text(up.get('[data-trend]'))).toBe('Stijgend');
    expect(up.find('[data-trend] i.pi-arrow-up-right').exists()).toBe(true);
    const down = mountUi(KpiTile, { props: { kpi: DM02, tile: tile({ trend: 'decreasing' }) } });
    expect(text(down.get('[data-trend]'))).toBe('Dalend');
    expect(down.find('[data-trend] i.pi-arrow-down-right').exists()).toBe(true);
  });

  it('marks a suppressed value as such and shows no number, interval or trend', () => {
    const w = mountUi(KpiTile, {
      props: {
        kpi: DM02,
        tile: tile({
          current: {
            value: null,
            lower: null,
            upper: null,
            numerator: null,
            denominator: null,
            suppressed: 'small-number',
          },
          comparison: 'not-compared',
        }),
      },
    });
    expect(text(w.get('.k-tile__suppressed'))).toBe('Niet getoond: kleine aantallen (< 10)');
    expect(w.find('.k-tile__value').exists()).toBe(false);
    expect(w.find('.k-tile__interval').exists()).toBe(false);
    expect(w.find('[data-trend]').exists()).toBe(false);
    expect(text(w.get('[data-comparison]'))).toBe('Niet vergeleken');
  });

  it('formats a rate with its unit and the 99,8 % level, in English too', () => {
    const w = mountUi(KpiTile, {
      locale: 'en',
      props: {
        kpi: KO01,
        confidence: 0.998,
        tile: tile({
          current: {
            value: 139.66,
            lower: 110.2,
            upper: 175.1,
            numerator: 139,
            denominator: 995.25,
            suppressed: null,
          },
          comparison: 'better',
          target: 300,
        }),
      },
    });
    expect(text(w.get('.k-tile__value'))).toBe('139.7 per 1,000 enrolled per year');
    expect(text(w.get('.k-tile__interval'))).toBe('99.8% CI: 110.2–175.1 per 1,000 enrolled per year');
    expect(text(w)).toContain('Lower is better');
    expect(text(w)).not.toContain('139 of');
  });

  it('links the name to the detail page when given a route', async () => {
    const w = mountUi(KpiTile, { props: { kpi: DM02, tile: tile(), to: '/kpi/DM-02' } });
    await flushPromises();
    const link = w.get('h3 a');
    expect(link.attributes('href')).toBe('/kpi/DM-02');
    expect(link.text()).toBe(DM02.name.nl);
  });

  it('says when the denominator is too small to compare', () => {
    const w = mountUi(KpiTile, {
      props: { kpi: DM02, tile: tile({ belowMinimum: true, comparison: 'not-compared' }) },
    });
    expect(text(w)).toContain('Te kleine noemer om te vergelijken');
  });
});
