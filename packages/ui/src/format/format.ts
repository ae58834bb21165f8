import type { KpiDefinition } from '@kwadrant/domain/catalogue';

/** The two languages of the product: Dutch (default) and English. */
export type Locale = 'nl' | 'en';
export const LOCALES: readonly Locale[] = ['nl', 'en'];
export const DEFAULT_LOCALE: Locale = 'nl';

/** The Intl locale behind a language: Dutch as in the Netherlands, English with day-month dates. */
export const intlLocale = (locale: Locale): string => (locale === 'nl' ? 'nl-NL' : 'en-GB');

/** What formatting needs to know of a KPI (its catalogue metadata). */
export type KpiFormat = Pick<KpiDefinition, 'kind' | 'multiplier' | 'unit'>;

/** Decimals shown per kind: 64,2 %, 327,4 per 1.000, O/E 0,97, PREM 7,8. */
export const KIND_DECIMALS: Record<KpiDefinition['kind'], number> = {
  proportion: 1,
  rate: 1,
  ratio: 2,
  mean: 1,
};

const cache = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(intlLocale(locale), options);
    cache.set(key, format);
  }
  return format;
}

/** A number with a fixed number of decimals: 1.234,5 (nl) or 1,234.5 (en). */
export function formatNumber(x: number, locale: Locale, decimals = 0): string {
  return numberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(x);
}

/** A whole count: 1.234 (nl). */
export const formatCount = (x: number, locale: Locale): string => formatNumber(Math.round(x), locale, 0);

/**
 * A fraction as a percentage with the Dutch spacing: 0.123 → "12,3 %" (nl) and "12.3%" (en).
 * A no-break space keeps number and sign on one line.
 */
export function formatPercent(fraction: number, locale: Locale, decimals = 1): string {
  const text = formatNumber(fraction * 100, locale, decimals);
  return locale === 'nl' ? `${text}\u00a0%` : `${text}%`;
}

/** Integer euro cents as money: 123456 → "€ 1.234,56" (nl) or "€1,234.56" (en). */
export function formatMoney(cents: number, locale: Locale, options: { whole?: boolean } = {}): string {
  const digits = options.whole ? 0 : 2;
  return numberFormat(locale, {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(cents / 100);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
/** An ISO date or timestamp as a date: "30 september 2026" (long) or "30-09-2026" (short). */
export function formatDate(
  iso: string | Date,
  locale: Locale,
  style: 'long' | 'short' | 'datetime' = 'long',
): string {
  const date =
    typeof iso === 'string' ? new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T12:00:00` : iso) : iso;
  if (Number.isNaN(date.getTime())) return String(iso);
  const key = `${locale}|${style}`;
  let format = dateFormats.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions =
      style === 'long'
        ? { day: 'numeric', month: 'long', year: 'numeric' }
        : style === 'short'
          ? { day: '2-digit', month: '2-digit', year: 'numeric' }
          : { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' };
    format = new Intl.DateTimeFormat(intlLocale(locale), options);
    dateFormats.set(key, format);
  }
  return format.format(date);
}

const QUARTER = /^(\d{4})-Q([1-4])$/;

/** A period such as "2026-Q3": "3e kwartaal 2026" / "Q3 2026" (long) or "K3 2026" / "Q3 2026" (short). */
export function formatPeriod(period: string, locale: Locale, style: 'long' | 'short' = 'long'): string {
  const m = QUARTER.exec(period);
  if (!m) return period;
  const [, year, q] = m;
  if (locale === 'nl') return style === 'long' ? `${q}e kwartaal ${year}` : `K${q} ${year}`;
  return style === 'long' ? `Q${q} ${year}` : `Q${q} ${year}`;
}

/** A KPI value on its display scale: a proportion (0–1) times its multiplier, the rest as estimated. */
export function kpiDisplayValue(value: number, kpi: Pick<KpiFormat, 'kind' | 'multiplier'>): number {
  return kpi.kind === 'proportion' ? value * kpi.multiplier : value;
}

/** The KPI's display number without unit: "64,2" for 0.642, "327,4" for a rate, "0,97" for a ratio. */
export function formatKpiNumber(value: number, kpi: KpiFormat, locale: Locale): string {
  return formatNumber(kpiDisplayValue(value, kpi), locale, KIND_DECIMALS[kpi.kind]);
}

/** The unit to show after a KPI number: "%" for proportions, else the catalogue's unit. */
export function kpiUnit(kpi: KpiFormat, locale: Locale): string {
  if (kpi.kind === 'proportion' && kpi.multiplier === 100) return '%';
  return kpi.unit[locale].trim();
}

const withUnit = (text: string, kpi: KpiFormat, locale: Locale): string => {
  const unit = kpiUnit(kpi, locale);
  if (unit === '') return text;
  if (unit === '%') return locale === 'nl' ? `${text}\u00a0%` : `${text}%`;
  return `${text} ${unit}`;
};

/** A KPI value with its unit: "64,2 %", "327,4 per 1.000 ingeschrevenen per jaar", "0,97 O/E". */
export function formatKpiValue(value: number, kpi: KpiFormat, locale: Locale): string {
  return withUnit(formatKpiNumber(value, kpi, locale), kpi, locale);
}

/** An interval with the unit once: "61,0–67,3 %". */
export function formatKpiInterval(lower: number, upper: number, kpi: KpiFormat, locale: Locale): string {
  return withUnit(
    `${formatKpiNumber(lower, kpi, locale)}–${formatKpiNumber(upper, kpi, locale)}`,
    kpi,
    locale,
  );
}

/**
 * A KPI value for a table whose KPI column names the unit: percentages keep their sign ("64,2 %"),
 * other kinds are the bare number ("139,7"), so long units are not repeated in every cell.
 */
export function formatKpiCompact(value: number, kpi: KpiFormat, locale: Locale): string {
  return kpiUnit(kpi, locale) === '%'
    ? formatKpiValue(value, kpi, locale)
    : formatKpiNumber(value, kpi, locale);
}

/** An interval for such a table: "63,5–76,8 %" or "117,4–164,9". */
export function formatKpiIntervalCompact(
  lower: number,
  upper: number,
  kpi: KpiFormat,
  locale: Locale,
): string {
  return kpiUnit(kpi, locale) === '%'
    ? formatKpiInterval(lower, upper, kpi, locale)
    : `${formatKpiNumber(lower, kpi, locale)}–${formatKpiNumber(upper, kpi, locale)}`;
}

/** Replaces no-break and narrow no-break spaces by plain spaces (for comparing text in tests and exports). */
export const plainSpaces = (text: string): string => text.replace(/[\u00a0\u202f]/g, ' ');

/** A confidence level as a percentage: 0.95 → "95 %", 0.998 → "99,8 %". */
export const formatConfidence = (confidence: number, locale: Locale): string =>
  formatPercent(confidence, locale, Number.isInteger(Math.round(confidence * 1000) / 10) ? 0 : 1);
