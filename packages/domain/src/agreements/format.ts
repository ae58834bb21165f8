import type { KpiDefinition } from '../catalogue/kpi-definition';
import type { Localised } from '../model/localised';

/*
 * Number formatting for explanation and validation texts. Written out rather than through Intl so
 * the texts are identical on every runtime (ICU data differs, and nl-NL uses a no-break space).
 * Dutch: € 1.234,56 and 12,3 %; English: €1,234.56 and 12.3%.
 */

export type Lang = keyof Localised;

const SEPARATORS: Record<Lang, { group: string; decimal: string }> = {
  nl: { group: '.', decimal: ',' },
  en: { group: ',', decimal: '.' },
};

/** A number with a fixed number of decimals and grouped thousands. */
export function formatFixed(x: number, decimals: number, lang: Lang): string {
  const { group, decimal } = SEPARATORS[lang];
  const [whole = '0', fraction] = Math.abs(x).toFixed(decimals).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const negative = x < 0 && Number(Math.abs(x).toFixed(decimals)) !== 0;
  return `${negative ? '-' : ''}${grouped}${fraction === undefined ? '' : decimal + fraction}`;
}

/** A number with at most `maxDecimals` decimals and no trailing zeros (0.9, not 0.900000). */
export function formatDecimal(x: number, lang: Lang, maxDecimals = 6): string {
  const text = formatFixed(x, maxDecimals, lang);
  const { decimal } = SEPARATORS[lang];
  return text.includes(decimal) ? text.replace(/0+$/, '').replace(new RegExp(`\\${decimal}$`), '') : text;
}

/** Integer cents as euros: "€ 1.234,56" (nl) or "€1,234.56" (en). */
export function formatEuro(cents: number, lang: Lang): string {
  const text = formatFixed(Math.abs(cents) / 100, 2, lang);
  return `${cents < 0 ? '-' : ''}€${lang === 'nl' ? ' ' : ''}${text}`;
}

/** A fraction as a percentage: 0.123 → "12,3 %" (nl) or "12.3%" (en). */
export function formatPercent(fraction: number, lang: Lang, decimals = 1): string {
  return `${formatFixed(fraction * 100, decimals, lang)}${lang === 'nl' ? ' %' : '%'}`;
}

const KIND_DECIMALS = { rate: 1, ratio: 3, mean: 2 } as const;

type KpiDisplay = Pick<KpiDefinition, 'kind' | 'unit'>;

/** A KPI number on its display scale without unit: proportions × 100. */
const displayNumber = (value: number, kpi: KpiDisplay, lang: Lang): string =>
  kpi.kind === 'proportion'
    ? formatFixed(value * 100, 1, lang)
    : formatFixed(value, KIND_DECIMALS[kpi.kind], lang);

const unitSuffix = (kpi: KpiDisplay, lang: Lang): string => {
  if (kpi.kind === 'proportion') return lang === 'nl' ? ' %' : '%';
  const unit = kpi.unit[lang].trim();
  return unit === '' ? '' : ` ${unit}`;
};

/** A KPI value on its display scale: proportions as a percentage, others with the KPI's unit. */
export function formatKpiValue(value: number, kpi: KpiDisplay, lang: Lang): string {
  return `${displayNumber(value, kpi, lang)}${unitSuffix(kpi, lang)}`;
}

/** An interval on the KPI's display scale with the unit once: "62,9–67,1 %". */
export function formatKpiRange(lower: number, upper: number, kpi: KpiDisplay, lang: Lang): string {
  return `${displayNumber(lower, kpi, lang)}–${displayNumber(upper, kpi, lang)}${unitSuffix(kpi, lang)}`;
}
