import type { KpiDefinition } from '../catalogue/kpi-definition';
import type { PaymentTitle } from '../catalogue/payment-titles';
import type { ObservationFigures } from '../model/kpi-types';
import { parsePeriod, quartersBetween } from '../model/period';
import { settleBonusMalus } from './bonus-malus';
import { evaluateClause } from './clauses';
import { SettlementError } from './errors';
import { Explanation } from './explanation';
import { canonicalJson } from './fingerprint';
import { formatDecimal, formatEuro, formatPercent, type Lang } from './format';
import { settleLine } from './lines';
import {
  AGREEMENT_STATUS_LABELS,
  type Agreement,
  type ClauseSettlement,
  type PartySettlement,
  type Settlement,
  type SettlementInputs,
} from './model';
import { allocateCents, roundCents, snap, sumCents } from './money';
import { settleSharedSavings } from './shared-savings';
import { checkAgreement } from './validate';

/** Identifies the settlement rules in the fingerprint; bump it when a rule changes the money. */
export const SETTLEMENT_RULES_VERSION = 'kwadrant-settlement/1';

const byCode = <T extends { code: string }>(items: readonly T[]): Map<string, T> =>
  new Map(items.map((x) => [x.code, x]));

/** The number of quarters settled; the period must lie wholly within the agreement period. */
function settledQuarters(a: Agreement, period: string): number {
  try {
    parsePeriod(period);
  } catch {
    throw new SettlementError('invalid-period', {
      nl: `"${period}" is geen periode; verwacht een jaar ("2025") of een kwartaal ("2025-Q1").`,
      en: `"${period}" is not a period; expected a year ("2025") or a quarter ("2025-Q1").`,
    });
  }
  const agreed = new Set(quartersBetween(a.period.start, a.period.end));
  const settled = quartersBetween(period, period);
  if (!settled.every((q) => agreed.has(q))) {
    throw new SettlementError('period-outside-agreement', {
      nl: `De periode ${period} valt niet geheel binnen de looptijd van overeenkomst ${a.id} (${a.period.start} t/m ${a.period.end}).`,
      en: `The period ${period} does not lie wholly within the term of agreement ${a.id} (${a.period.start} to ${a.period.end}).`,
    });
  }
  return settled.length;
}

const FIGURE_FIELDS = ['numerator', 'denominator', 'expected', 'sumSquares'] as const;
const figuresOnly = (f: ObservationFigures | undefined) =>
  f === undefined ? null : Object.fromEntries(FIGURE_FIELDS.map((k) => [k, f[k]]));

/** Canonical JSON of exactly what the settlement used: the fields that can change the money. */
function fingerprint(
  a: Agreement,
  inputs: SettlementInputs,
  volumes: Record<string, number>,
  kpis: ReadonlyMap<string, KpiDefinition>,
  titles: ReadonlyMap<string, PaymentTitle>,
  shift: number,
): string {
  const kpiCodes = [
    ...new Set([
      ...a.clauses.map((c) => c.kpiCode),
      ...(a.bonusMalus ?? []).map((b) => b.kpiCode),
      ...(a.sharedSavings ? [a.sharedSavings.costKpiCode] : []),
    ]),
  ].sort();
  const baselines: Record<string, Record<string, unknown>> = {};
  for (const c of a.clauses) {
    if (c.scoring.type !== 'improvement') continue;
    const period = c.scoring.baselinePeriod;
    (baselines[period] ??= {})[c.kpiCode] = figuresOnly(inputs.baselines?.[period]?.[c.kpiCode]);
  }
  const kpiFields = (k: KpiDefinition) => ({
    code: k.code,
    kind: k.kind,
    polarity: k.polarity,
    multiplier: k.multiplier,
    minDenominator: k.minDenominator,
  });
  const titleFields = (t: PaymentTitle) => ({ code: t.code, quadrant: t.quadrant, basis: t.basis });
  return canonicalJson({
    rules: SETTLEMENT_RULES_VERSION,
    agreement: a,
    period: inputs.period,
    shift: shift === 0 ? undefined : shift,
    volumes,
    observations: Object.fromEntries(kpiCodes.map((code) => [code, figuresOnly(inputs.observations[code])])),
    baselines,
    kpis: kpiCodes
      .map((code) => kpis.get(code))
      .filter((k) => k !== undefined)
      .map(kpiFields),
    titles: [...new Set(a.lines.map((l) => l.titleCode))]
      .sort()
      .map((code) => titles.get(code))
      .filter((t) => t !== undefined)
      .map(titleFields),
  });
}

function splitOverInsurers(a: Agreement, total: number, explanation: Explanation): PartySettlement[] {
  const coShare = a.coInsurers.reduce((s, c) => s + c.share, 0);
  // The lead carries the remainder; float noise (1 − 2/3) is absorbed by the allocation.
  const parties = [
    { insurer: a.insurer, role: 'lead' as const, share: Math.max(0, 1 - coShare) },
    ...a.coInsurers.map((c) => ({ insurer: c.insurer, role: 'co-insurer' as const, share: c.share })),
  ];
  const amounts = allocateCents(
    total,
    parties.map((p) => p.share),
  );
  const result = parties.map((p, i) => ({ ...p, amountCents: amounts[i] ?? 0 }));
  const basis = (lang: Lang) => {
    if (a.coInsuranceBasis === undefined) return '';
    const nl = lang === 'nl';
    return a.coInsuranceBasis === 'market-share'
      ? nl
        ? ' naar marktaandeel'
        : ' by market share'
      : nl
        ? ' naar ingeschreven patiënten'
        : ' by enrolled patients';
  };
  const sentence = (lang: Lang) => {
    const nl = lang === 'nl';
    if (result.length === 1) {
      return nl
        ? `Er zijn geen medeverzekeraars: verzekeraar ${a.insurer} betaalt het hele bedrag van ${formatEuro(total, lang)}.`
        : `There are no co-insurers: insurer ${a.insurer} pays the whole amount of ${formatEuro(total, lang)}.`;
    }
    const parts = result
      .map(
        (p) =>
          `${p.insurer}${p.role === 'lead' ? (nl ? ' (hoofdverzekeraar, de rest)' : ' (lead insurer, the remainder)') : ''} ${formatPercent(p.share, lang)} = ${formatEuro(p.amountCents, lang)}`,
      )
      .join('; ');
    return nl
      ? `Verdeling over de verzekeraars${basis(lang)}, met de methode van de grootste overschotten zodat de delen precies optellen tot ${formatEuro(total, lang)}: ${parts}.`
      : `Split over the insurers${basis(lang)}, by the largest-remainder method so the parts add up to exactly ${formatEuro(total, lang)}: ${parts}.`;
  };
  explanation.add(() => ({
    key: 'co-insurers',
    title: { nl: 'Verdeling over verzekeraars', en: 'Split over insurers' },
    inputs: Object.fromEntries(result.map((p) => [p.insurer, p.share])),
    formula:
      'largest remainder: floor(total × shareᵢ), remaining cents to the largest remainders (ties: lead first, then listed order)',
    result: result.map((p) => `${p.insurer}:${p.amountCents}`).join(', '),
    text: { nl: sentence('nl'), en: sentence('en') },
  }));
  return result;
}

/**
 * Settles an agreement at a result shift (impact analysis); `settle` is this at shift 0.
 * Not part of the public API: `simulate` uses it.
 */
export function settleAt(
  agreement: Agreement,
  inputs: SettlementInputs,
  shift: number,
  options: { explain?: boolean } = {},
): Settlement {
  const explain = options.explain !== false;
  if (!Number.isFinite(shift)) {
    throw new SettlementError('invalid-shift', {
      nl: `Verschuiving ${shift} is geen eindig getal.`,
      en: `Shift ${shift} is not a finite number.`,
    });
  }
  const check = checkAgreement(agreement, { titles: inputs.titles, kpis: inputs.kpis });
  const errors = check.issues.filter((i) => i.severity === 'error');
  if (!check.agreement || errors.length > 0) {
    throw new SettlementError(
      'invalid-agreement',
      {
        nl: `Overeenkomst ${agreement.id} kan niet worden afgerekend: ${errors.length} fout(en), de eerste: ${errors[0]?.message.nl ?? ''}`,
        en: `Agreement ${agreement.id} cannot be settled: ${errors.length} error(s), the first: ${errors[0]?.message.en ?? ''}`,
      },
      check.issues,
    );
  }
  const a = check.agreement;
  const quarters = settledQuarters(a, inputs.period);
  const kpis = byCode(inputs.kpis);
  const titles = byCode(inputs.titles);
  const explanation = new Explanation(explain);
  const eur = formatEuro;
  const quartersText = (lang: Lang) =>
    `${quarters} ${lang === 'nl' ? (quarters === 1 ? 'kwartaal' : 'kwartalen') : quarters === 1 ? 'quarter' : 'quarters'}`;

  explanation.add(() => ({
    key: 'agreement',
    title: { nl: 'Overeenkomst en periode', en: 'Agreement and period' },
    inputs: {
      agreementId: a.id,
      version: a.version,
      status: a.status,
      period: inputs.period,
      quarters,
      shift,
    },
    formula: 'quarters = quarters in the settled period',
    result: quarters,
    text: {
      nl: `Afrekening van overeenkomst ${a.id} (versie ${a.version}, ${AGREEMENT_STATUS_LABELS[a.status].nl}) tussen verzekeraar ${a.insurer} en organisatie ${a.organisation.id} over ${inputs.period} (${quartersText('nl')}); looptijd ${a.period.start} t/m ${a.period.end}.${shift === 0 ? '' : ` Scenario: alle uitkomsten ${formatDecimal(Math.abs(shift), 'nl')} ${shift > 0 ? 'beter' : 'slechter'}.`}`,
      en: `Settlement of agreement ${a.id} (version ${a.version}, ${AGREEMENT_STATUS_LABELS[a.status].en}) between insurer ${a.insurer} and organisation ${a.organisation.id} for ${inputs.period} (${quartersText('en')}); term ${a.period.start} to ${a.period.end}.${shift === 0 ? '' : ` Scenario: all results ${formatDecimal(Math.abs(shift), 'en')} ${shift > 0 ? 'better' : 'worse'}.`}`,
    },
  }));

  // Step 1: base = Σ lines, each rounded once.
  const lines = a.lines.map((line) =>
    settleLine(line, titles.get(line.titleCode)!, inputs.volumes, quarters, explanation),
  );
  const base = sumCents(lines.map((l) => l.amountCents));
  explanation.add(() => ({
    key: 'base',
    title: { nl: 'Basisbedrag', en: 'Base amount' },
    inputs: Object.fromEntries(lines.map((l) => [l.lineId, l.amountCents])),
    formula: `base = Σ lines = ${lines.map((l) => l.amountCents).join(' + ') || '0'} = ${base}`,
    result: base,
    text: {
      nl: `Het basisbedrag is de som van de betaalregels: ${eur(base, 'nl')}.`,
      en: `The base amount is the sum of the payment lines: ${eur(base, 'en')}.`,
    },
  }));

  // Step 2: the at-risk cents are rounded once; guaranteed is the rest, so the two never exceed base.
  const atRisk = roundCents(a.atRiskShare * base);
  const guaranteed = base - atRisk;
  explanation.add(() => ({
    key: 'at-risk',
    title: { nl: 'Risicodeel', en: 'At-risk part' },
    inputs: { base, atRiskShare: a.atRiskShare },
    formula: `atRisk = round(r × base) = round(${a.atRiskShare} × ${base}) = ${atRisk}`,
    result: atRisk,
    text: {
      nl: `Van het basisbedrag hangt ${formatPercent(a.atRiskShare, 'nl')} af van de resultaten: ${eur(atRisk, 'nl')}.`,
      en: `Of the base amount, ${formatPercent(a.atRiskShare, 'en')} depends on results: ${eur(atRisk, 'en')}.`,
    },
  }));
  explanation.add(() => ({
    key: 'guaranteed',
    title: { nl: 'Gegarandeerd deel', en: 'Guaranteed part' },
    inputs: { base, atRisk },
    formula: `guaranteed = base − atRisk = ${base} − ${atRisk} = ${guaranteed}`,
    result: guaranteed,
    text: {
      nl: `Het gegarandeerde deel is het basisbedrag min het risicodeel: ${eur(guaranteed, 'nl')}.`,
      en: `The guaranteed part is the base amount less the at-risk part: ${eur(guaranteed, 'en')}.`,
    },
  }));

  // Steps 3–4: clause scores, attainment, the conditional part and its allocation over clauses.
  const evaluations = a.clauses.map((c) => evaluateClause(c, kpis.get(c.kpiCode)!, inputs, shift));
  const products = evaluations.map((e) => e.result.weight * e.result.score);
  const attainment =
    a.clauses.length === 0 ? 1 : Math.min(1, Math.max(0, snap(products.reduce((s, x) => s + x, 0))));
  const conditional = Math.min(atRisk, roundCents(atRisk * attainment));
  const contributions = evaluations.length > 0 ? allocateCents(conditional, products) : [];
  const clauses: ClauseSettlement[] = evaluations.map((e, i) => {
    const contributionCents = contributions[i] ?? 0;
    explanation.add(() => ({
      key: `clause:${e.result.clauseId}`,
      title: { nl: `Resultaatafspraak ${e.result.clauseId}`, en: `Clause ${e.result.clauseId}` },
      inputs: e.inputs,
      formula: e.formula,
      result: e.result.score,
      text: e.describe(contributionCents),
    }));
    return { ...e.result, contributionCents };
  });
  const attainmentTerms = clauses.map((c) => `${c.weight} × ${c.score}`).join(' + ');
  explanation.add(() => ({
    key: 'attainment',
    title: { nl: 'Realisatiegraad', en: 'Attainment' },
    inputs: Object.fromEntries(clauses.map((c) => [c.clauseId, c.weight * c.score])),
    formula:
      clauses.length === 0 ? 'A = 1 (no clauses)' : `A = Σ wᵢ·scoreᵢ = ${attainmentTerms} = ${attainment}`,
    result: attainment,
    text:
      clauses.length === 0
        ? {
            nl: 'Er zijn geen resultaatafspraken; de realisatiegraad is dan per definitie 100 %.',
            en: 'There are no result clauses; attainment is then 100% by definition.',
          }
        : {
            nl: `De realisatiegraad is de gewogen som van de scores: ${formatPercent(attainment, 'nl')}.`,
            en: `Attainment is the weighted sum of the scores: ${formatPercent(attainment, 'en')}.`,
          },
  }));
  explanation.add(() => ({
    key: 'conditional',
    title: { nl: 'Voorwaardelijk deel', en: 'Conditional part' },
    inputs: { atRisk, attainment },
    formula: `conditional = round(atRisk × A) = round(${atRisk} × ${attainment}) = ${conditional}`,
    result: conditional,
    text: {
      nl: `Van het risicodeel (${eur(atRisk, 'nl')}) wordt ${formatPercent(attainment, 'nl')} uitbetaald: ${eur(conditional, 'nl')}.`,
      en: `Of the at-risk part (${eur(atRisk, 'en')}), ${formatPercent(attainment, 'en')} is paid: ${eur(conditional, 'en')}.`,
    },
  }));

  const bonusMalus = (a.bonusMalus ?? []).map((item) =>
    settleBonusMalus(
      item,
      kpis.get(item.kpiCode)!,
      inputs.observations[item.kpiCode],
      quarters,
      shift,
      explanation,
    ),
  );
  const bonus = sumCents(bonusMalus.filter((b) => b.kind === 'bonus').map((b) => b.amountCents));
  const malus = sumCents(bonusMalus.filter((b) => b.kind === 'malus').map((b) => b.amountCents));

  const sharedSavingsDetail = a.sharedSavings
    ? settleSharedSavings(
        a.sharedSavings,
        inputs.observations[a.sharedSavings.costKpiCode],
        attainment,
        shift,
        explanation,
      )
    : null;
  const sharedSavings = sharedSavingsDetail?.amountCents ?? 0;

  // Step 6: the total, then its split over the insurers.
  const total = guaranteed + conditional + bonus - malus + sharedSavings;
  explanation.add(() => ({
    key: 'total',
    title: { nl: 'Totaal', en: 'Total' },
    inputs: { guaranteed, conditional, bonus, malus, sharedSavings },
    formula: `total = guaranteed + conditional + bonus − malus + sharedSavings = ${guaranteed} + ${conditional} + ${bonus} − ${malus} + ${sharedSavings} = ${total}`,
    result: total,
    text: {
      nl: `Totaal: gegarandeerd ${eur(guaranteed, 'nl')} + voorwaardelijk ${eur(conditional, 'nl')} + bonus ${eur(bonus, 'nl')} − malus ${eur(malus, 'nl')} + gedeelde besparing ${eur(sharedSavings, 'nl')} = ${eur(total, 'nl')}.`,
      en: `Total: guaranteed ${eur(guaranteed, 'en')} + conditional ${eur(conditional, 'en')} + bonus ${eur(bonus, 'en')} − malus ${eur(malus, 'en')} + shared savings ${eur(sharedSavings, 'en')} = ${eur(total, 'en')}.`,
    },
  }));
  const coInsurers = splitOverInsurers(a, total, explanation);

  const volumes = Object.fromEntries(lines.map((l) => [l.lineId, l.volume]));
  return {
    agreementId: a.id,
    agreementVersion: a.version,
    period: inputs.period,
    quarters,
    base,
    atRisk,
    guaranteed,
    conditional,
    bonus,
    malus,
    sharedSavings,
    total,
    attainment,
    lines,
    clauses,
    bonusMalus,
    sharedSavingsDetail,
    coInsurers,
    explanation: explanation.steps,
    // Without an explanation (impact analysis) there is no record to fingerprint either.
    inputFingerprint: explain ? fingerprint(a, inputs, volumes, kpis, titles, shift) : '',
  };
}

/**
 * Settles an agreement for one period (domain guide §6): all amounts in integer euro cents, with an
 * ordered explanation and a canonical fingerprint of the inputs. Throws a SettlementError when the
 * agreement is invalid, the period lies outside it, or a volume or observation is unusable.
 */
export function settle(agreement: Agreement, inputs: SettlementInputs): Settlement {
  return settleAt(agreement, inputs, 0);
}
