import type { ObservationFigures } from '../model/kpi-types';
import type { Localised } from '../model/localised';
import { SettlementError } from './errors';
import type { Explanation } from './explanation';
import { formatDecimal, formatEuro, formatPercent, type Lang } from './format';
import type { SharedSavings, SharedSavingsSettlement } from './model';
import { roundCents } from './money';
import { meets } from './scoring';

/**
 * Shared savings on a standardised cost KPI (domain guide §6, step 5), in cents.
 * savings = E − O; shared only when savings / E exceeds the minimum savings rate (strictly);
 * shared = sharingRate × savings, then scaled by A ('scale') or paid only when A ≥ attainmentGate
 * ('gate'), then capped at capRateOfExpected × E. Two-sided: when the loss −savings / E exceeds the
 * same minimum rate, the organisation bears lossSharingRate × loss, capped at the same cap; losses
 * are not scaled or gated by A (poor results must not shrink a loss). Rounded once, at the end.
 * `shift` (impact analysis) lowers observed costs by shift × E: the cost ratio O/E improves by `shift`.
 */
export function settleSharedSavings(
  rule: SharedSavings,
  figures: ObservationFigures | undefined,
  attainment: number,
  shift: number,
  explanation: Explanation,
): SharedSavingsSettlement {
  const stepTitle = { nl: 'Gedeelde besparing', en: 'Shared savings' };
  const expected = figures === undefined ? undefined : (figures.expected ?? figures.denominator);
  if (figures === undefined || expected === undefined || !(expected > 0)) {
    explanation.add(() => ({
      key: 'shared-savings',
      title: stepTitle,
      inputs: { costKpiCode: rule.costKpiCode },
      formula: 'no cost figures: shared = 0',
      result: 0,
      text: {
        nl: `Voor ${rule.costKpiCode} zijn geen (bruikbare) kostencijfers aangeleverd; er wordt geen besparing gedeeld.`,
        en: `No (usable) cost figures were supplied for ${rule.costKpiCode}; no savings are shared.`,
      },
    }));
    return {
      observedCents: null,
      expectedCents: null,
      savingsCents: null,
      savingsRate: null,
      outcome: 'no-data',
      amountCents: 0,
    };
  }
  if (!Number.isFinite(figures.numerator) || figures.numerator < 0 || !Number.isFinite(expected)) {
    throw new SettlementError('invalid-observation', {
      nl: `De kostencijfers voor ${rule.costKpiCode} zijn ongeldig (O = ${String(figures.numerator)}, E = ${String(expected)}).`,
      en: `The cost figures for ${rule.costKpiCode} are invalid (O = ${String(figures.numerator)}, E = ${String(expected)}).`,
    });
  }

  const observed = Math.max(0, figures.numerator - shift * expected);
  const savings = expected - observed;
  const rate = savings / expected;
  const cap = rule.capRateOfExpected * expected;
  const msr = rule.minimumSavingsRate;

  let outcome: SharedSavingsSettlement['outcome'];
  let exact = 0;
  const notes: Localised[] = [];
  const eur = (x: number, lang: Lang) => formatEuro(roundCents(x), lang);
  if (rate > msr) {
    const gross = rule.sharingRate * savings;
    let gated = gross;
    if (rule.gateByAttainment === 'scale') {
      gated = gross * attainment;
      notes.push({
        nl: `geschaald met de realisatiegraad ${formatDecimal(attainment, 'nl', 4)}: ${eur(gated, 'nl')}`,
        en: `scaled by attainment ${formatDecimal(attainment, 'en', 4)}: ${eur(gated, 'en')}`,
      });
    } else if (rule.gateByAttainment === 'gate') {
      const gate = rule.attainmentGate ?? 0;
      const open = meets(attainment, gate, 1);
      gated = open ? gross : 0;
      notes.push({
        nl: `de realisatiegraad ${formatDecimal(attainment, 'nl', 4)} ${open ? 'haalt' : 'haalt niet'} de drempel ${formatDecimal(gate, 'nl')}`,
        en: `attainment ${formatDecimal(attainment, 'en', 4)} ${open ? 'meets' : 'does not meet'} the gate ${formatDecimal(gate, 'en')}`,
      });
    }
    exact = Math.min(gated, cap);
    if (gated > cap)
      notes.push({
        nl: `begrensd op ${formatPercent(rule.capRateOfExpected, 'nl')} van E = ${eur(cap, 'nl')}`,
        en: `capped at ${formatPercent(rule.capRateOfExpected, 'en')} of E = ${eur(cap, 'en')}`,
      });
    outcome = gated === 0 && gross > 0 ? 'gated' : 'shared-savings';
    notes.unshift({
      nl: `dat is meer dan het minimum van ${formatPercent(msr, 'nl')}, dus gedeeld: ${formatPercent(rule.sharingRate, 'nl')} × ${eur(savings, 'nl')} = ${eur(gross, 'nl')}`,
      en: `that exceeds the minimum of ${formatPercent(msr, 'en')}, so shared: ${formatPercent(rule.sharingRate, 'en')} × ${eur(savings, 'en')} = ${eur(gross, 'en')}`,
    });
  } else if (rule.twoSided && -rate > msr) {
    const lossRate = rule.lossSharingRate ?? 0;
    const gross = lossRate * savings; // negative
    exact = Math.max(gross, -cap);
    outcome = 'shared-loss';
    notes.push({
      nl: `een overschrijding van meer dan ${formatPercent(msr, 'nl')}, dus gedeeld verlies: ${formatPercent(lossRate, 'nl')} × ${eur(savings, 'nl')} = ${eur(gross, 'nl')}`,
      en: `an overrun of more than ${formatPercent(msr, 'en')}, so a shared loss: ${formatPercent(lossRate, 'en')} × ${eur(savings, 'en')} = ${eur(gross, 'en')}`,
    });
    if (gross < -cap)
      notes.push({ nl: `begrensd op ${eur(-cap, 'nl')}`, en: `capped at ${eur(-cap, 'en')}` });
  } else {
    outcome = 'within-corridor';
    notes.push({
      nl: `dat valt binnen de marge van ${formatPercent(msr, 'nl')}${rule.twoSided ? ' naar beide kanten' : ''}, dus er wordt niets gedeeld`,
      en: `that is within the margin of ${formatPercent(msr, 'en')}${rule.twoSided ? ' either way' : ''}, so nothing is shared`,
    });
  }
  const amountCents = roundCents(exact);

  const sentence = (lang: Lang) => {
    const nl = lang === 'nl';
    const head = nl
      ? `Kosten ${rule.costKpiCode}: verwacht (E) ${eur(expected, lang)}, werkelijk (O) ${eur(observed, lang)}; ${savings >= 0 ? 'besparing' : 'overschrijding'} ${eur(Math.abs(savings), lang)} (${formatPercent(Math.abs(rate), lang)} van E)`
      : `Costs ${rule.costKpiCode}: expected (E) ${eur(expected, lang)}, observed (O) ${eur(observed, lang)}; ${savings >= 0 ? 'savings' : 'overrun'} ${eur(Math.abs(savings), lang)} (${formatPercent(Math.abs(rate), lang)} of E)`;
    return `${head}; ${notes.map((n) => n[lang]).join('; ')}. ${nl ? 'Gedeelde besparing' : 'Shared savings'}: ${formatEuro(amountCents, lang)}.`;
  };
  explanation.add(() => ({
    key: 'shared-savings',
    title: stepTitle,
    inputs: {
      costKpiCode: rule.costKpiCode,
      observedCents: observed,
      expectedCents: expected,
      minimumSavingsRate: msr,
      sharingRate: rule.sharingRate,
      gateByAttainment: rule.gateByAttainment,
      attainment,
      capRateOfExpected: rule.capRateOfExpected,
      twoSided: String(rule.twoSided),
    },
    formula:
      'savings = E − O; if savings/E > msr: min(gate(sharingRate × savings, A), cap × E); if two-sided and −savings/E > msr: max(lossSharingRate × savings, −cap × E); else 0',
    result: amountCents,
    text: { nl: sentence('nl'), en: sentence('en') },
  }));
  return {
    observedCents: roundCents(observed),
    expectedCents: roundCents(expected),
    savingsCents: roundCents(savings),
    savingsRate: rate,
    outcome,
    amountCents,
  };
}
