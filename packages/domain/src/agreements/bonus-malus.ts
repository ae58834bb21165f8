import type { KpiDefinition } from '../catalogue/kpi-definition';
import type { ObservationFigures } from '../model/kpi-types';
import type { Explanation } from './explanation';
import { formatEuro, formatKpiValue, type Lang } from './format';
import type { BonusMalus, BonusMalusSettlement } from './model';
import { roundCents } from './money';
import { observeKpi } from './observation';
import { directionOf } from './scoring';

const TOLERANCE = 1e-12;

/**
 * Settles one bonus or malus (domain guide §6): the KPI's point value is tested against the
 * condition; the yearly amount is pro-rated to the period (quarters / 4) and rounded once.
 * Without a usable observation the worst case applies, as for clauses ("no data" is "not met"):
 * a bonus is not awarded and a malus is applied.
 */
export function settleBonusMalus(
  item: BonusMalus,
  kpi: KpiDefinition,
  figures: ObservationFigures | undefined,
  quarters: number,
  shift: number,
  explanation: Explanation,
): BonusMalusSettlement {
  const direction = directionOf(kpi.polarity);
  const observed = observeKpi(kpi, figures, 0.95, shift, direction);
  const value = observed.status === 'ok' ? observed.value : null;
  const { comparator, value: limit } = item.condition;
  const holds =
    value === null
      ? null
      : comparator === 'at-least'
        ? value >= limit - TOLERANCE
        : value <= limit + TOLERANCE;
  const applies = holds ?? item.kind === 'malus';
  const amountCents = applies ? roundCents((item.amountCents * quarters) / 4) : 0;

  const label = item.kind === 'bonus' ? 'Bonus' : 'Malus';
  const condition = (lang: Lang) =>
    `${lang === 'nl' ? (comparator === 'at-least' ? 'minstens' : 'hoogstens') : comparator === 'at-least' ? 'at least' : 'at most'} ${formatKpiValue(limit, kpi, lang)}`;
  const sentence = (lang: Lang) => {
    const nl = lang === 'nl';
    const head = `${label} ${item.id} (${kpi.code}, ${nl ? 'voorwaarde' : 'condition'} ${condition(lang)})`;
    const money = `${formatEuro(item.amountCents, lang)} ${nl ? 'per jaar' : 'per year'} × ${quarters}/4 = ${formatEuro(amountCents, lang)}`;
    if (value === null) {
      return nl
        ? `${head}: geen bruikbare waarneming, dus ${item.kind === 'bonus' ? 'geen bonus' : `de malus geldt: ${money}`}.`
        : `${head}: no usable observation, so ${item.kind === 'bonus' ? 'no bonus' : `the malus applies: ${money}`}.`;
    }
    const result = `${nl ? 'uitkomst' : 'result'} ${formatKpiValue(value, kpi, lang)}`;
    return applies
      ? `${head}: ${result}, ${nl ? 'voorwaarde vervuld' : 'condition met'}: ${money}.`
      : `${head}: ${result}, ${nl ? 'voorwaarde niet vervuld' : 'condition not met'}: ${formatEuro(0, lang)}.`;
  };
  explanation.add(() => ({
    key: `${item.kind}:${item.id}`,
    title: { nl: `${label} ${item.id}`, en: `${label} ${item.id}` },
    inputs: {
      kpiCode: item.kpiCode,
      value: value ?? 'no data',
      comparator,
      limit,
      amountCentsPerYear: item.amountCents,
      quarters,
    },
    formula: 'applies ? amountCents × quarters / 4 : 0',
    result: amountCents,
    text: { nl: sentence('nl'), en: sentence('en') },
  }));
  return { id: item.id, kpiCode: item.kpiCode, kind: item.kind, value, applies, amountCents };
}
