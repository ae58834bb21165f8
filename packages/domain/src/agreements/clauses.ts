import type { KpiDefinition } from '../catalogue/kpi-definition';
import type { Localised } from '../model/localised';
import {
  formatDecimal,
  formatEuro,
  formatKpiRange,
  formatKpiValue,
  formatPercent,
  type Lang,
} from './format';
import type { ClauseSettlement, EvidenceVerdict, ResultClause, SettlementInputs } from './model';
import { observeKpi, type Observed } from './observation';
import {
  directionOf,
  evidenceValue,
  improvementTarget,
  meets,
  scoreAllOrNothing,
  scoreBands,
  scoreImprovement,
  scoreLinear,
  type Direction,
} from './scoring';

/** A scored clause before the conditional money is allocated over the clauses. */
export interface ClauseEvaluation {
  result: Omit<ClauseSettlement, 'contributionCents'>;
  /** The sentence for the explanation, once the clause's share of the money is known. */
  describe: (contributionCents: number) => Localised;
  inputs: Record<string, number | string>;
  formula: string;
}

type ScorableKpi = KpiDefinition & { polarity: 'higher' | 'lower' };

const EVIDENCE_TEXT: Record<ResultClause['evidence'], Localised> = {
  point: {
    nl: 'bewijsregel puntschatting: gescoord op de uitkomst zelf',
    en: 'evidence rule point estimate: scored on the result itself',
  },
  'benefit-of-doubt': {
    nl: 'bewijsregel voordeel van de twijfel: gescoord op de gunstigste grens van het interval',
    en: 'evidence rule benefit of the doubt: scored on the most favourable bound of the interval',
  },
  significant: {
    nl: 'bewijsregel significant: gescoord op de minst gunstige grens van het interval',
    en: 'evidence rule significant: scored on the least favourable bound of the interval',
  },
};

function ruleText(
  clause: ResultClause,
  kpi: ScorableKpi,
  baseline: number | null,
  improved: number | null,
  lang: Lang,
): string {
  const v = (x: number) => formatKpiValue(x, kpi, lang);
  const nl = lang === 'nl';
  const s = clause.scoring;
  switch (s.type) {
    case 'linear':
      return nl
        ? `lineair: score 0 bij de drempel ${v(clause.threshold ?? NaN)}, 1 bij het doel ${v(clause.target)}`
        : `linear: score 0 at the threshold ${v(clause.threshold ?? NaN)}, 1 at the target ${v(clause.target)}`;
    case 'bands': {
      const steps = s.bands
        .map((b) => `${nl ? 'vanaf' : 'from'} ${v(b.from)} → ${formatDecimal(b.score, lang)}`)
        .join('; ');
      return nl ? `staffel: ${steps}; daarbuiten 0` : `bands: ${steps}; otherwise 0`;
    }
    case 'all-or-nothing':
      return nl
        ? `alles of niets: score 1 als het doel ${v(clause.target)} gehaald is`
        : `all or nothing: score 1 when the target ${v(clause.target)} is met`;
    case 'improvement': {
      const amount =
        s.measure === 'absolute'
          ? `${formatDecimal(s.targetImprovement * (kpi.kind === 'proportion' ? 100 : 1), lang)}${kpi.kind === 'proportion' ? (nl ? ' procentpunt' : ' percentage points') : ''}`
          : formatPercent(s.targetImprovement, lang);
      const from = baseline === null ? (nl ? 'onbekend' : 'unknown') : v(baseline);
      const to =
        improved === null || improved === baseline
          ? ''
          : nl
            ? `, 1 bij ${v(improved)}`
            : `, 1 at ${v(improved)}`;
      return nl
        ? `verbetering van ${amount} ten opzichte van ${s.baselinePeriod} (basis ${from}): score 0 bij de basis${to}, en 1 zodra het doel ${v(clause.target)} gehaald is`
        : `improvement of ${amount} on ${s.baselinePeriod} (baseline ${from}): score 0 at the baseline${to}, and 1 once the target ${v(clause.target)} is met`;
    }
  }
}

function score(
  clause: ResultClause,
  scored: number,
  baseline: number | null,
  improved: number | null,
  direction: Direction,
): number {
  const s = clause.scoring;
  switch (s.type) {
    case 'linear':
      // validateAgreement guarantees a threshold for linear clauses.
      return scoreLinear(scored, clause.threshold ?? clause.target - direction, clause.target);
    case 'bands':
      return scoreBands(scored, s.bands, direction);
    case 'all-or-nothing':
      return scoreAllOrNothing(scored, clause.target, direction);
    case 'improvement':
      return scoreImprovement(scored, baseline, improved, clause.target, direction);
  }
}

function baselineOf(
  clause: ResultClause,
  kpi: ScorableKpi,
  baselines: SettlementInputs['baselines'],
  direction: Direction,
): { baseline: number | null; improved: number | null } {
  if (clause.scoring.type !== 'improvement') return { baseline: null, improved: null };
  const figures = baselines?.[clause.scoring.baselinePeriod]?.[clause.kpiCode];
  // The baseline is a point estimate: its own uncertainty is not carried into the score.
  const observed = observeKpi(kpi, figures, clause.confidence, 0, direction);
  if (observed.status !== 'ok') return { baseline: null, improved: null };
  return { baseline: observed.value, improved: improvementTarget(observed.value, clause.scoring, direction) };
}

/**
 * The target a verdict is judged against: the clause's target, or for an improvement clause the
 * less demanding of that target and the improved baseline (meeting either scores 1).
 */
function effectiveTarget(
  clause: ResultClause,
  baseline: number | null,
  improved: number | null,
  direction: Direction,
): number {
  if (clause.scoring.type !== 'improvement' || improved === null || improved === baseline)
    return clause.target;
  return meets(improved, clause.target, direction) ? clause.target : improved;
}

function noResultText(observed: Exclude<Observed, { status: 'ok' }>, kpi: ScorableKpi, lang: Lang): string {
  if (observed.status === 'no-data') {
    return lang === 'nl'
      ? `er is geen waarneming aangeleverd, dus de afspraak scoort 0`
      : `no observation was supplied, so the clause scores 0`;
  }
  const n = (x: number) => formatDecimal(x, lang);
  if (observed.denominator === 0) {
    return lang === 'nl'
      ? 'de noemer is 0, dus er is geen uitkomst en de afspraak scoort 0'
      : 'the denominator is 0, so there is no result and the clause scores 0';
  }
  return lang === 'nl'
    ? `de noemer (${n(observed.denominator)}) is kleiner dan het minimum voor ${kpi.code} (${n(observed.minimum)}), dus de uitkomst telt niet en de afspraak scoort 0`
    : `the denominator (${n(observed.denominator)}) is below the minimum for ${kpi.code} (${n(observed.minimum)}), so the result does not count and the clause scores 0`;
}

/**
 * Scores one result clause for the settled period (domain guide §6, step 3). A missing observation
 * or one below the KPI's minimum denominator scores 0 with an explicit verdict, rather than failing
 * the whole settlement: "no data delivered" counts as "not met", and the explanation says so.
 */
export function evaluateClause(
  clause: ResultClause,
  kpi: KpiDefinition,
  inputs: SettlementInputs,
  shift: number,
): ClauseEvaluation {
  const scorable = kpi as ScorableKpi; // validateAgreement rejects clauses on KPIs without polarity
  const direction = directionOf(scorable.polarity);
  const observed = observeKpi(
    scorable,
    inputs.observations[clause.kpiCode],
    clause.confidence,
    shift,
    direction,
  );
  const { baseline, improved } = baselineOf(clause, scorable, inputs.baselines, direction);
  const target = effectiveTarget(clause, baseline, improved, direction);
  const v = (x: number, lang: Lang) => formatKpiValue(x, scorable, lang);
  const name = (lang: Lang) => `${scorable.code} ${scorable.name[lang]}`;
  const common = { clauseId: clause.id, kpiCode: clause.kpiCode, baseline, weight: clause.weight };

  if (observed.status !== 'ok') {
    const evidence: EvidenceVerdict = {
      rule: clause.evidence,
      scoredOn: null,
      scoredValue: null,
      effectiveTarget: target,
      verdict: observed.status,
    };
    return {
      result: { ...common, value: null, lower: null, upper: null, score: 0, evidence },
      describe: () => ({
        nl: `Resultaatafspraak ${clause.id} (${name('nl')}): ${noResultText(observed, scorable, 'nl')}.`,
        en: `Clause ${clause.id} (${name('en')}): ${noResultText(observed, scorable, 'en')}.`,
      }),
      inputs: { kpiCode: clause.kpiCode, weight: clause.weight, status: observed.status },
      formula: 'score = 0 (no usable observation)',
    };
  }

  const { scoredOn, scoredValue } = evidenceValue(observed, clause.evidence, direction);
  const clauseScore = score(clause, scoredValue, baseline, improved, direction);
  const evidence: EvidenceVerdict = {
    rule: clause.evidence,
    scoredOn,
    scoredValue,
    effectiveTarget: target,
    verdict: meets(scoredValue, target, direction) ? 'met' : 'not-met',
  };
  const interval = (lang: Lang) => {
    if (!observed.hasInterval)
      return lang === 'nl'
        ? ' (geen betrouwbaarheidsinterval beschikbaar: beide grenzen zijn de uitkomst)'
        : ' (no confidence interval available: both bounds are the result)';
    const level = formatPercent(clause.confidence, lang, clause.confidence === 0.95 ? 0 : 1);
    const range = formatKpiRange(observed.lower, observed.upper, scorable, lang);
    return lang === 'nl'
      ? ` (${level}-betrouwbaarheidsinterval ${range})`
      : ` (${level} confidence interval ${range})`;
  };
  const verdictText = (lang: Lang) =>
    evidence.verdict === 'met'
      ? lang === 'nl'
        ? 'doel gehaald'
        : 'target met'
      : lang === 'nl'
        ? 'doel niet gehaald'
        : 'target not met';
  const describe = (contributionCents: number): Localised => {
    const sentence = (lang: Lang) => {
      const nl = lang === 'nl';
      const sc = formatDecimal(clauseScore, lang, 4);
      const w = formatDecimal(clause.weight, lang);
      return (
        `${nl ? 'Resultaatafspraak' : 'Clause'} ${clause.id} (${name(lang)}): ${nl ? 'uitkomst' : 'result'} ${v(observed.value, lang)}${interval(lang)}. ` +
        `${capitalise(ruleText(clause, scorable, baseline, improved, lang))}; ${EVIDENCE_TEXT[clause.evidence][lang]} (${v(scoredValue, lang)}), ${verdictText(lang)}. ` +
        `Score ${sc} × ${nl ? 'gewicht' : 'weight'} ${w} → ${formatEuro(contributionCents, lang)} ${nl ? 'van het risicodeel' : 'of the at-risk part'}.`
      );
    };
    return { nl: sentence('nl'), en: sentence('en') };
  };
  const stepInputs: Record<string, number | string> = {
    kpiCode: clause.kpiCode,
    scoring: clause.scoring.type,
    evidence: clause.evidence,
    confidence: clause.confidence,
    value: observed.value,
    lower: observed.lower,
    upper: observed.upper,
    scoredValue,
    target: clause.target,
    weight: clause.weight,
  };
  if (clause.threshold !== undefined) stepInputs.threshold = clause.threshold;
  if (baseline !== null) stepInputs.baseline = baseline;
  if (improved !== null) stepInputs.improvedTarget = improved;
  return {
    result: {
      ...common,
      value: observed.value,
      lower: observed.lower,
      upper: observed.upper,
      score: clauseScore,
      evidence,
    },
    describe,
    inputs: stepInputs,
    formula: FORMULAS[clause.scoring.type],
  };
}

const FORMULAS: Record<ResultClause['scoring']['type'], string> = {
  linear: 'score = clamp((x − threshold) / (target − threshold), 0, 1)',
  bands: 'score = score of the most demanding band whose `from` x meets, else 0',
  'all-or-nothing': 'score = x meets target ? 1 : 0',
  improvement: 'score = x meets target ? 1 : clamp((x − baseline) / (improvedTarget − baseline), 0, 1)',
};

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
