import {
  DEFAULT_KPIS,
  DEFAULT_PAYMENT_TITLES,
  FUNDING_BASIS_LABELS,
  KPI_DOMAIN_LABELS,
  QUADRANTS,
  type KpiDefinition,
} from '@kwadrant/domain/catalogue';
import { renderTable } from './table';

const integer = new Intl.NumberFormat('nl-NL');
const decimal = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 });

const POLARITY = { higher: 'hoger is beter', lower: 'lager is beter', none: 'geen oordeel' } as const;
const KIND = {
  proportion: 'percentage',
  rate: 'ratio per jaar',
  ratio: 'gestandaardiseerd (O/E)',
  mean: 'gemiddelde',
} as const;

/** A KPI's default target on its display scale, e.g. "90 %" or "300 per 1.000 ingeschrevenen per jaar". */
export function formatTarget(kpi: KpiDefinition): string {
  if (kpi.defaultTarget === null) return '—';
  const value = kpi.kind === 'proportion' ? kpi.defaultTarget * kpi.multiplier : kpi.defaultTarget;
  return `${decimal.format(value)} ${kpi.unit.nl}`;
}

/** The three default catalogues (quadrants, payment titles, KPIs) as plain-text tables, in Dutch. */
export function renderCatalogues(): string {
  const quadrants = renderTable('Kwadranten (ontwikkelmodel O&I)', QUADRANTS, [
    { heading: 'Code', value: (q) => q.code },
    { heading: 'Schaal × reikwijdte', value: (q) => q.name.nl },
    {
      heading: 'Inwoners',
      value: (q) => `${integer.format(q.populationBand.min)}–${integer.format(q.populationBand.max)}`,
      align: 'right',
    },
    { heading: 'Wat het model stimuleert', value: (q) => q.aim.nl },
  ]);
  const titles = renderTable('Betaaltitels (standaardcatalogus)', DEFAULT_PAYMENT_TITLES, [
    { heading: 'Code', value: (t) => t.code },
    { heading: 'Kwadrant', value: (t) => t.quadrant },
    { heading: 'Betaaltitel', value: (t) => t.name.nl },
    { heading: 'Bekostiging', value: (t) => FUNDING_BASIS_LABELS[t.basis].nl },
  ]);
  const kpis = renderTable(`KPI's (standaardcatalogus, ${DEFAULT_KPIS.length})`, DEFAULT_KPIS, [
    { heading: 'Code', value: (k) => k.code },
    { heading: 'Domein', value: (k) => KPI_DOMAIN_LABELS[k.domain].nl },
    { heading: 'Soort', value: (k) => KIND[k.kind] },
    { heading: 'Polariteit', value: (k) => POLARITY[k.polarity] },
    { heading: 'Standaardnorm', value: formatTarget },
    { heading: 'KPI', value: (k) => k.name.nl },
  ]);
  return [quadrants, titles, kpis].join('\n');
}
