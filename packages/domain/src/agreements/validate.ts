import type { z } from 'zod';
import type { KpiDefinition } from '../catalogue/kpi-definition';
import type { PaymentTitle } from '../catalogue/payment-titles';
import type { Localised } from '../model/localised';
import { comparePeriods, quarterBounds } from '../model/period';
import { formatDecimal, formatKpiValue, formatPercent, type Lang } from './format';
import {
  AGREEMENT_STATUS_LABELS,
  agreementSchema,
  QUARTER_PATTERN,
  UZOVI_PATTERN,
  YEAR_OR_QUARTER_PATTERN,
  type Agreement,
  type IssueSeverity,
  type ResultClause,
  type ValidationContext,
  type ValidationIssue,
  type ValidationResult,
} from './model';

/** Weights may differ from 1 by float noise only (0.1 + 0.2 + 0.7 is not exactly 1). */
const SUM_TOLERANCE = 1e-9;

type Report = (severity: IssueSeverity, path: string, code: string, message: Localised) => void;

/** "clauses", 1, "threshold" → "clauses[1].threshold". */
function pathOf(...parts: readonly PropertyKey[]): string {
  return parts.reduce<string>((acc, part) => {
    if (typeof part === 'number') return `${acc}[${part}]`;
    return acc === '' ? String(part) : `${acc}.${String(part)}`;
  }, '');
}

const num = (x: number, lang: Lang) => formatDecimal(x, lang);

// ---------------------------------------------------------------------------------------------
// Shape errors from the schema

const PATTERN_MESSAGES: ReadonlyArray<[RegExp, Localised]> = [
  [
    QUARTER_PATTERN,
    { nl: 'verwacht een kwartaal zoals "2025-Q1"', en: 'expected a quarter such as "2025-Q1"' },
  ],
  [
    YEAR_OR_QUARTER_PATTERN,
    {
      nl: 'verwacht een jaar ("2025") of kwartaal ("2025-Q1")',
      en: 'expected a year ("2025") or a quarter ("2025-Q1")',
    },
  ],
  [UZOVI_PATTERN, { nl: 'verwacht een UZOVI-code van 4 cijfers', en: 'expected a UZOVI code of 4 digits' }],
];

const TYPE_NAMES_NL: Record<string, string> = {
  number: 'een getal',
  int: 'een geheel getal',
  string: 'tekst',
  boolean: 'ja of nee',
  array: 'een lijst',
  object: 'een object',
};

function schemaIssueText(issue: z.core.$ZodIssue): Localised {
  switch (issue.code) {
    case 'invalid_type':
      return { nl: `verwacht ${TYPE_NAMES_NL[issue.expected] ?? issue.expected}`, en: issue.message };
    case 'invalid_format': {
      const known =
        'pattern' in issue ? PATTERN_MESSAGES.find(([re]) => String(re) === issue.pattern) : undefined;
      return known?.[1] ?? { nl: 'heeft een ongeldig formaat', en: issue.message };
    }
    case 'too_small':
      return { nl: `is te klein (minimaal ${String(issue.minimum)})`, en: issue.message };
    case 'invalid_value':
      return { nl: `moet een van ${issue.values.map(String).join(', ')} zijn`, en: issue.message };
    case 'invalid_union':
      return { nl: 'past bij geen van de toegestane vormen', en: issue.message };
    default:
      return { nl: 'is ongeldig', en: issue.message };
  }
}

function schemaIssues(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((issue) => {
    const path = pathOf(...issue.path) || '(agreement)';
    const text = schemaIssueText(issue);
    return {
      path,
      code: 'invalid-field',
      severity: 'error',
      message: { nl: `Ongeldig veld ${path}: ${text.nl}.`, en: `Invalid field ${path}: ${text.en}.` },
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Business rules

function findDuplicates(ids: readonly string[]): Map<string, number[]> {
  const seen = new Map<string, number[]>();
  ids.forEach((id, i) => seen.set(id, [...(seen.get(id) ?? []), i]));
  return new Map([...seen].filter(([, at]) => at.length > 1));
}

function checkUniqueIds(collection: string, ids: readonly string[], report: Report): void {
  for (const [id, at] of findDuplicates(ids)) {
    for (const i of at.slice(1)) {
      report('error', pathOf(collection, i, 'id'), 'duplicate-id', {
        nl: `De id "${id}" komt meer dan eens voor in ${collection}.`,
        en: `The id "${id}" occurs more than once in ${collection}.`,
      });
    }
  }
}

function checkRate(value: number | undefined, path: string, label: Localised, report: Report): void {
  if (value === undefined || (value >= 0 && value <= 1)) return;
  report('error', path, 'rate-range', {
    nl: `${label.nl} is ${num(value, 'nl')}; dat moet tussen 0 en 1 liggen (een fractie: 0,02 = 2 %).`,
    en: `${label.en} is ${num(value, 'en')}; it must lie between 0 and 1 (a fraction: 0.02 = 2%).`,
  });
}

function checkPeriodAndRisk(a: Agreement, report: Report): void {
  if (comparePeriods(a.period.end, a.period.start) < 0) {
    report('error', 'period.end', 'period-order', {
      nl: `De looptijd eindigt (${a.period.end}) vóór hij begint (${a.period.start}).`,
      en: `The period ends (${a.period.end}) before it starts (${a.period.start}).`,
    });
  }
  if (a.atRiskShare < 0 || a.atRiskShare > 1) {
    report('error', 'atRiskShare', 'at-risk-share-range', {
      nl: `Het risicodeel r is ${num(a.atRiskShare, 'nl')}; dat moet tussen 0 en 1 liggen.`,
      en: `The at-risk share r is ${num(a.atRiskShare, 'en')}; it must lie between 0 and 1.`,
    });
  }
  if (a.atRiskShare > 0 && a.clauses.length === 0) {
    report('warning', 'clauses', 'at-risk-without-clauses', {
      nl: `Er is een risicodeel van ${formatPercent(a.atRiskShare, 'nl')} maar geen resultaatafspraak; het risicodeel wordt dan altijd volledig uitbetaald.`,
      en: `There is an at-risk share of ${formatPercent(a.atRiskShare, 'en')} but no result clause; the at-risk part is then always paid in full.`,
    });
  }
}

function checkLines(a: Agreement, titles: ReadonlyMap<string, PaymentTitle>, report: Report): void {
  if (a.lines.length === 0) {
    report('warning', 'lines', 'no-lines', {
      nl: 'De overeenkomst heeft geen betaalregels; de basis is dan € 0,00.',
      en: 'The agreement has no payment lines; the base is then €0.00.',
    });
  }
  checkUniqueIds(
    'lines',
    a.lines.map((l) => l.id),
    report,
  );
  a.lines.forEach((line, i) => {
    const title = titles.get(line.titleCode);
    if (!title) {
      report('error', pathOf('lines', i, 'titleCode'), 'unknown-title', {
        nl: `Betaaltitel ${line.titleCode} staat niet in de catalogus.`,
        en: `Payment title ${line.titleCode} is not in the catalogue.`,
      });
    } else {
      if (title.quadrant !== a.organisation.quadrant) {
        report('error', pathOf('lines', i, 'titleCode'), 'title-quadrant', {
          nl: `Betaaltitel ${title.code} (${title.name.nl}) hoort bij kwadrant ${title.quadrant}, maar de organisatie zit in kwadrant ${a.organisation.quadrant}.`,
          en: `Payment title ${title.code} (${title.name.en}) belongs to quadrant ${title.quadrant}, but the organisation is in quadrant ${a.organisation.quadrant}.`,
        });
      }
      if (title.basis !== line.basis) {
        report('error', pathOf('lines', i, 'basis'), 'basis-mismatch', {
          nl: `Regel ${line.id} rekent op basis "${line.basis}", maar betaaltitel ${title.code} wordt bekostigd op basis "${title.basis}".`,
          en: `Line ${line.id} uses basis "${line.basis}", but payment title ${title.code} is funded on basis "${title.basis}".`,
        });
      }
    }
    if (line.tariffCents < 0) {
      report('error', pathOf('lines', i, 'tariffCents'), 'negative-tariff', {
        nl: `Het tarief van regel ${line.id} is negatief (${line.tariffCents} cent).`,
        en: `The tariff of line ${line.id} is negative (${line.tariffCents} cents).`,
      });
    }
    if (line.volume !== undefined && line.volume < 0) {
      report('error', pathOf('lines', i, 'volume'), 'negative-volume', {
        nl: `Het volume van regel ${line.id} is negatief (${num(line.volume, 'nl')}).`,
        en: `The volume of line ${line.id} is negative (${num(line.volume, 'en')}).`,
      });
    }
  });
  for (const [code, at] of findDuplicates(a.lines.map((l) => l.titleCode))) {
    report('warning', pathOf('lines', at[1] ?? 0, 'titleCode'), 'duplicate-title', {
      nl: `Betaaltitel ${code} staat op ${at.length} regels; is dat de bedoeling?`,
      en: `Payment title ${code} is on ${at.length} lines; is that intended?`,
    });
  }
}

/** A value off the KPI's possible scale: a proportion outside 0–1 (often a percentage typed as 80), a negative rate or ratio. */
function checkScale(kpi: KpiDefinition, value: number, path: string, what: Localised, report: Report): void {
  if (kpi.kind === 'proportion' && (value < 0 || value > 1)) {
    report('error', path, 'value-scale', {
      nl: `${what.nl} ${num(value, 'nl')} ligt buiten 0–1; ${kpi.code} is een proportie en wordt als fractie opgegeven${value > 1 && value <= 100 ? ` (bedoelt u ${num(value / 100, 'nl')}?)` : ''}.`,
      en: `${what.en} ${num(value, 'en')} lies outside 0–1; ${kpi.code} is a proportion, given as a fraction${value > 1 && value <= 100 ? ` (did you mean ${num(value / 100, 'en')}?)` : ''}.`,
    });
  } else if ((kpi.kind === 'rate' || kpi.kind === 'ratio') && value < 0) {
    report('error', path, 'value-scale', {
      nl: `${what.nl} ${num(value, 'nl')} is negatief; ${kpi.code} kan niet negatief zijn.`,
      en: `${what.en} ${num(value, 'en')} is negative; ${kpi.code} cannot be negative.`,
    });
  }
}

/** Looks up the KPI of a clause-like item and reports unknown codes and KPIs without polarity. */
function scorableKpi(
  kpis: ReadonlyMap<string, KpiDefinition>,
  kpiCode: string,
  path: string,
  report: Report,
): (KpiDefinition & { polarity: 'higher' | 'lower' }) | undefined {
  const kpi = kpis.get(kpiCode);
  if (!kpi) {
    report('error', path, 'unknown-kpi', {
      nl: `KPI ${kpiCode} staat niet in de catalogus.`,
      en: `KPI ${kpiCode} is not in the catalogue.`,
    });
    return undefined;
  }
  if (kpi.polarity === 'none') {
    report('error', path, 'kpi-polarity-none', {
      nl: `KPI ${kpi.code} (${kpi.name.nl}) heeft geen richting (polariteit "geen"); daar kan geen resultaatafspraak op worden gemaakt.`,
      en: `KPI ${kpi.code} (${kpi.name.en}) has no polarity ("none"); it cannot carry a result clause.`,
    });
    return undefined;
  }
  return kpi as KpiDefinition & { polarity: 'higher' | 'lower' };
}

const BETTER: Record<'higher' | 'lower', Localised> = {
  higher: { nl: 'hoger is beter', en: 'higher is better' },
  lower: { nl: 'lager is beter', en: 'lower is better' },
};

function checkThreshold(
  clause: ResultClause,
  kpi: KpiDefinition & { polarity: 'higher' | 'lower' },
  i: number,
  report: Report,
): void {
  const path = pathOf('clauses', i, 'threshold');
  const { threshold, target } = clause;
  if (threshold === undefined) {
    if (clause.scoring.type === 'linear') {
      report('error', path, 'threshold-missing', {
        nl: `Resultaatafspraak ${clause.id} scoort lineair en heeft daarom een drempel nodig (de waarde die score 0 geeft).`,
        en: `Clause ${clause.id} scores linearly and so needs a threshold (the value that scores 0).`,
      });
    }
    return;
  }
  const fmt = (x: number, lang: Lang) => formatKpiValue(x, kpi, lang);
  if (threshold === target) {
    report('error', path, 'threshold-equals-target', {
      nl: `Bij resultaatafspraak ${clause.id} is de drempel gelijk aan het doel (${fmt(target, 'nl')}); tussen drempel en doel moet ruimte zitten.`,
      en: `In clause ${clause.id} the threshold equals the target (${fmt(target, 'en')}); there must be room between threshold and target.`,
    });
    return;
  }
  const wrongSide = kpi.polarity === 'higher' ? threshold > target : threshold < target;
  if (wrongSide) {
    const side =
      kpi.polarity === 'higher'
        ? { nl: 'boven', en: 'above', nlMust: 'lager', enMust: 'below' }
        : { nl: 'onder', en: 'below', nlMust: 'hoger', enMust: 'above' };
    report('error', path, 'threshold-wrong-side', {
      nl: `Bij resultaatafspraak ${clause.id} ligt de drempel (${fmt(threshold, 'nl')}) ${side.nl} het doel (${fmt(target, 'nl')}), maar voor ${kpi.code} geldt "${BETTER[kpi.polarity].nl}": de drempel moet ${side.nlMust} liggen dan het doel.`,
      en: `In clause ${clause.id} the threshold (${fmt(threshold, 'en')}) lies ${side.en} the target (${fmt(target, 'en')}), but for ${kpi.code} ${BETTER[kpi.polarity].en}: the threshold must lie ${side.enMust} the target.`,
    });
  }
  checkScale(kpi, threshold, path, { nl: 'De drempel', en: 'The threshold' }, report);
}

function checkBands(
  clause: ResultClause & { scoring: { type: 'bands' } },
  kpi: KpiDefinition & { polarity: 'higher' | 'lower' },
  i: number,
  report: Report,
): void {
  const path = pathOf('clauses', i, 'scoring', 'bands');
  const { bands } = clause.scoring;
  if (bands.length === 0) {
    report('error', path, 'bands-empty', {
      nl: `Resultaatafspraak ${clause.id} scoort met banden, maar heeft er geen.`,
      en: `Clause ${clause.id} scores by bands but has none.`,
    });
    return;
  }
  bands.forEach((band, b) => {
    if (band.score < 0 || band.score > 1) {
      report('error', pathOf('clauses', i, 'scoring', 'bands', b, 'score'), 'band-score-range', {
        nl: `Band ${b + 1} van resultaatafspraak ${clause.id} geeft score ${num(band.score, 'nl')}; een score ligt tussen 0 en 1.`,
        en: `Band ${b + 1} of clause ${clause.id} gives score ${num(band.score, 'en')}; a score lies between 0 and 1.`,
      });
    }
    checkScale(
      kpi,
      band.from,
      pathOf('clauses', i, 'scoring', 'bands', b, 'from'),
      { nl: `De bandgrens ${b + 1}`, en: `Band boundary ${b + 1}` },
      report,
    );
  });
  for (const [from, at] of findDuplicates(bands.map((band) => String(band.from)))) {
    report('error', pathOf('clauses', i, 'scoring', 'bands', at[1] ?? 0, 'from'), 'bands-duplicate', {
      nl: `Resultaatafspraak ${clause.id} heeft meer dan één band vanaf ${formatKpiValue(Number(from), kpi, 'nl')}.`,
      en: `Clause ${clause.id} has more than one band from ${formatKpiValue(Number(from), kpi, 'en')}.`,
    });
  }
  // From least to most demanding; scores must not fall, or a better result would pay less.
  const direction = kpi.polarity === 'higher' ? 1 : -1;
  const ordered = [...bands].sort((x, y) => direction * (x.from - y.from));
  for (let k = 1; k < ordered.length; k++) {
    const easier = ordered[k - 1]!;
    const harder = ordered[k]!;
    if (harder.score < easier.score) {
      report('error', path, 'bands-not-monotone', {
        nl: `Bij resultaatafspraak ${clause.id} geeft de band vanaf ${formatKpiValue(harder.from, kpi, 'nl')} score ${num(harder.score, 'nl')}, minder dan de band vanaf ${formatKpiValue(easier.from, kpi, 'nl')} (${num(easier.score, 'nl')}), terwijl ${BETTER[kpi.polarity].nl}; een beter resultaat mag niet lager scoren.`,
        en: `In clause ${clause.id} the band from ${formatKpiValue(harder.from, kpi, 'en')} scores ${num(harder.score, 'en')}, less than the band from ${formatKpiValue(easier.from, kpi, 'en')} (${num(easier.score, 'en')}), while ${BETTER[kpi.polarity].en}; a better result must not score lower.`,
      });
    }
  }
}

function checkImprovement(
  clause: ResultClause & { scoring: { type: 'improvement' } },
  a: Agreement,
  i: number,
  report: Report,
): void {
  const { targetImprovement, baselinePeriod } = clause.scoring;
  if (!(targetImprovement > 0)) {
    report('error', pathOf('clauses', i, 'scoring', 'targetImprovement'), 'improvement-target', {
      nl: `De beoogde verbetering van resultaatafspraak ${clause.id} is ${num(targetImprovement, 'nl')}; die moet groter dan 0 zijn.`,
      en: `The target improvement of clause ${clause.id} is ${num(targetImprovement, 'en')}; it must be greater than 0.`,
    });
  }
  if (comparePeriods(quarterBounds(baselinePeriod).last, a.period.start) >= 0) {
    report('warning', pathOf('clauses', i, 'scoring', 'baselinePeriod'), 'baseline-not-before-start', {
      nl: `De basisperiode ${baselinePeriod} van resultaatafspraak ${clause.id} ligt niet vóór de start van de overeenkomst (${a.period.start}).`,
      en: `The baseline period ${baselinePeriod} of clause ${clause.id} does not lie before the start of the agreement (${a.period.start}).`,
    });
  }
}

function checkClauses(a: Agreement, kpis: ReadonlyMap<string, KpiDefinition>, report: Report): void {
  checkUniqueIds(
    'clauses',
    a.clauses.map((c) => c.id),
    report,
  );
  a.clauses.forEach((clause, i) => {
    if (clause.weight < 0 || clause.weight > 1) {
      report('error', pathOf('clauses', i, 'weight'), 'weight-range', {
        nl: `Het gewicht van resultaatafspraak ${clause.id} is ${num(clause.weight, 'nl')}; dat moet tussen 0 en 1 liggen.`,
        en: `The weight of clause ${clause.id} is ${num(clause.weight, 'en')}; it must lie between 0 and 1.`,
      });
    }
    const kpi = scorableKpi(kpis, clause.kpiCode, pathOf('clauses', i, 'kpiCode'), report);
    if (!kpi) return;
    checkScale(
      kpi,
      clause.target,
      pathOf('clauses', i, 'target'),
      { nl: 'Het doel', en: 'The target' },
      report,
    );
    checkThreshold(clause, kpi, i, report);
    if (clause.scoring.type === 'bands') checkBands({ ...clause, scoring: clause.scoring }, kpi, i, report);
    if (clause.scoring.type === 'improvement')
      checkImprovement({ ...clause, scoring: clause.scoring }, a, i, report);
  });
  if (a.clauses.length > 0) {
    const sum = a.clauses.reduce((s, c) => s + c.weight, 0);
    if (Math.abs(sum - 1) > SUM_TOLERANCE) {
      report('error', 'clauses', 'weights-sum', {
        nl: `De gewichten van de resultaatafspraken tellen op tot ${num(sum, 'nl')}; dat moet 1 zijn.`,
        en: `The clause weights sum to ${num(sum, 'en')}; they must sum to 1.`,
      });
    }
  }
}

function checkBonusMalus(a: Agreement, kpis: ReadonlyMap<string, KpiDefinition>, report: Report): void {
  const items = a.bonusMalus ?? [];
  checkUniqueIds(
    'bonusMalus',
    items.map((b) => b.id),
    report,
  );
  items.forEach((item, i) => {
    if (item.amountCents < 0) {
      report('error', pathOf('bonusMalus', i, 'amountCents'), 'negative-amount', {
        nl: `Het bedrag van ${item.kind} ${item.id} is negatief (${item.amountCents} cent); geef een positief bedrag en kies bonus of malus.`,
        en: `The amount of ${item.kind} ${item.id} is negative (${item.amountCents} cents); give a positive amount and choose bonus or malus.`,
      });
    }
    const kpi = scorableKpi(kpis, item.kpiCode, pathOf('bonusMalus', i, 'kpiCode'), report);
    if (!kpi) return;
    checkScale(
      kpi,
      item.condition.value,
      pathOf('bonusMalus', i, 'condition', 'value'),
      { nl: 'De grenswaarde', en: 'The condition value' },
      report,
    );
    const better = kpi.polarity === 'higher' ? 'at-least' : 'at-most';
    const expected = item.kind === 'bonus' ? better : better === 'at-least' ? 'at-most' : 'at-least';
    if (item.condition.comparator !== expected) {
      report('error', pathOf('bonusMalus', i, 'condition', 'comparator'), 'bonus-malus-direction', {
        nl: `${item.kind === 'bonus' ? 'Bonus' : 'Malus'} ${item.id} geldt bij "${item.condition.comparator}" op ${kpi.code}, maar daar geldt "${BETTER[kpi.polarity].nl}": een ${item.kind} hoort bij "${expected}", anders levert een beter resultaat minder op.`,
        en: `${item.kind === 'bonus' ? 'Bonus' : 'Malus'} ${item.id} applies at "${item.condition.comparator}" on ${kpi.code}, but there ${BETTER[kpi.polarity].en}: a ${item.kind} needs "${expected}", or a better result would pay less.`,
      });
    }
  });
}

function checkSharedSavings(a: Agreement, kpis: ReadonlyMap<string, KpiDefinition>, report: Report): void {
  const s = a.sharedSavings;
  if (!s) return;
  const kpi = kpis.get(s.costKpiCode);
  if (!kpi) {
    report('error', 'sharedSavings.costKpiCode', 'unknown-kpi', {
      nl: `KPI ${s.costKpiCode} staat niet in de catalogus.`,
      en: `KPI ${s.costKpiCode} is not in the catalogue.`,
    });
  } else if (kpi.kind !== 'ratio') {
    report('error', 'sharedSavings.costKpiCode', 'shared-savings-kind', {
      nl: `Gedeelde besparing vraagt een gestandaardiseerde kosten-KPI (soort "ratio", werkelijk/verwacht), maar ${kpi.code} is van soort "${kpi.kind}".`,
      en: `Shared savings need a standardised cost KPI (kind "ratio", observed/expected), but ${kpi.code} is of kind "${kpi.kind}".`,
    });
  } else if (kpi.polarity !== 'lower') {
    report('warning', 'sharedSavings.costKpiCode', 'shared-savings-polarity', {
      nl: `${kpi.code} is niet als "lager is beter" gedefinieerd; gedeelde besparing gaat uit van kosten, waar lager beter is.`,
      en: `${kpi.code} is not defined as "lower is better"; shared savings assume costs, where lower is better.`,
    });
  }
  checkRate(
    s.minimumSavingsRate,
    'sharedSavings.minimumSavingsRate',
    { nl: 'Het minimale besparingspercentage', en: 'The minimum savings rate' },
    report,
  );
  checkRate(
    s.sharingRate,
    'sharedSavings.sharingRate',
    { nl: 'Het deelpercentage', en: 'The sharing rate' },
    report,
  );
  checkRate(
    s.capRateOfExpected,
    'sharedSavings.capRateOfExpected',
    { nl: 'Het plafond', en: 'The cap' },
    report,
  );
  checkRate(
    s.lossSharingRate,
    'sharedSavings.lossSharingRate',
    { nl: 'Het verliesdeelpercentage', en: 'The loss-sharing rate' },
    report,
  );
  checkRate(
    s.attainmentGate,
    'sharedSavings.attainmentGate',
    { nl: 'De drempel voor de realisatiegraad', en: 'The attainment gate' },
    report,
  );
  if (s.gateByAttainment === 'gate' && s.attainmentGate === undefined) {
    report('error', 'sharedSavings.attainmentGate', 'attainment-gate-missing', {
      nl: 'Gedeelde besparing is afhankelijk gemaakt van de realisatiegraad ("gate"), maar de drempel (attainmentGate) ontbreekt.',
      en: 'Shared savings are gated by attainment ("gate"), but the gate (attainmentGate) is missing.',
    });
  }
  if (s.twoSided && s.lossSharingRate === undefined) {
    report('error', 'sharedSavings.lossSharingRate', 'loss-sharing-missing', {
      nl: 'De afspraak is tweezijdig, maar het verliesdeelpercentage (lossSharingRate) ontbreekt.',
      en: 'The arrangement is two-sided, but the loss-sharing rate (lossSharingRate) is missing.',
    });
  }
}

function checkCoInsurers(a: Agreement, report: Report): void {
  a.coInsurers.forEach((co, i) => {
    if (co.insurer === a.insurer) {
      report('error', pathOf('coInsurers', i, 'insurer'), 'co-insurer-is-lead', {
        nl: `Verzekeraar ${co.insurer} is de hoofdverzekeraar en kan niet ook medeverzekeraar zijn.`,
        en: `Insurer ${co.insurer} is the lead insurer and cannot also be a co-insurer.`,
      });
    }
    if (!(co.share > 0 && co.share <= 1)) {
      report('error', pathOf('coInsurers', i, 'share'), 'co-insurer-share-range', {
        nl: `Het aandeel van medeverzekeraar ${co.insurer} is ${num(co.share, 'nl')}; dat moet groter dan 0 en hoogstens 1 zijn.`,
        en: `The share of co-insurer ${co.insurer} is ${num(co.share, 'en')}; it must be greater than 0 and at most 1.`,
      });
    }
  });
  for (const [insurer, at] of findDuplicates(a.coInsurers.map((c) => c.insurer))) {
    report('error', pathOf('coInsurers', at[1] ?? 0, 'insurer'), 'co-insurer-duplicate', {
      nl: `Medeverzekeraar ${insurer} staat ${at.length} keer in de lijst.`,
      en: `Co-insurer ${insurer} is listed ${at.length} times.`,
    });
  }
  const sum = a.coInsurers.reduce((s, c) => s + c.share, 0);
  if (sum > 1 + SUM_TOLERANCE) {
    report('error', 'coInsurers', 'co-insurer-shares-sum', {
      nl: `De aandelen van de medeverzekeraars tellen op tot ${num(sum, 'nl')}; dat mag hoogstens 1 zijn (de hoofdverzekeraar draagt de rest).`,
      en: `The co-insurers' shares sum to ${num(sum, 'en')}; they may be at most 1 (the lead insurer carries the remainder).`,
    });
  } else if (a.coInsurers.length > 0 && Math.abs(sum - 1) <= SUM_TOLERANCE) {
    report('warning', 'coInsurers', 'lead-share-zero', {
      nl: `De aandelen van de medeverzekeraars tellen op tot 1; de hoofdverzekeraar ${a.insurer} betaalt dan niets.`,
      en: `The co-insurers' shares sum to 1; the lead insurer ${a.insurer} then pays nothing.`,
    });
  }
}

function laterOf(x: string, y: string): string {
  return comparePeriods(x, y) >= 0 ? x : y;
}
function earlierOf(x: string, y: string): string {
  return comparePeriods(x, y) <= 0 ? x : y;
}

function checkOverlaps(a: Agreement, others: readonly Agreement[], report: Report): void {
  for (const other of others) {
    if (other.id === a.id || other.insurer !== a.insurer || other.organisation.id !== a.organisation.id)
      continue;
    const parsed = agreementSchema.safeParse(other);
    if (!parsed.success) continue; // a malformed stored agreement cannot be compared; it is not this one's problem
    const from = laterOf(a.period.start, other.period.start);
    const to = earlierOf(a.period.end, other.period.end);
    if (comparePeriods(from, to) > 0) continue;
    const otherTitles = new Set(other.lines.map((l) => l.titleCode));
    const reported = new Set<string>();
    a.lines.forEach((line, i) => {
      if (!otherTitles.has(line.titleCode) || reported.has(line.titleCode)) return;
      reported.add(line.titleCode);
      // Two drafts may be alternatives under negotiation; against anything further along it is an error.
      report(
        other.status === 'draft' ? 'warning' : 'error',
        pathOf('lines', i, 'titleCode'),
        'overlapping-agreement',
        {
          nl: `Betaaltitel ${line.titleCode} staat ook in overeenkomst ${other.id} (versie ${other.version}, ${AGREEMENT_STATUS_LABELS[other.status].nl}) van verzekeraar ${a.insurer} met organisatie ${a.organisation.id}; de looptijden overlappen van ${from} tot en met ${to}.`,
          en: `Payment title ${line.titleCode} is also in agreement ${other.id} (version ${other.version}, ${AGREEMENT_STATUS_LABELS[other.status].en}) of insurer ${a.insurer} with organisation ${a.organisation.id}; the periods overlap from ${from} to ${to} inclusive.`,
        },
      );
    });
  }
}

/**
 * Validates and also returns the parsed agreement, so that settlement parses only once.
 * `agreement` is undefined when the shape itself is wrong.
 */
export function checkAgreement(
  agreement: unknown,
  context: ValidationContext,
): ValidationResult & { agreement: Agreement | undefined } {
  const parsed = agreementSchema.safeParse(agreement);
  if (!parsed.success) return { valid: false, issues: schemaIssues(parsed.error), agreement: undefined };
  const a = parsed.data;
  const issues: ValidationIssue[] = [];
  const report: Report = (severity, path, code, message) => issues.push({ path, code, message, severity });
  const titles = new Map(context.titles.map((t) => [t.code, t]));
  const kpis = new Map(context.kpis.map((k) => [k.code, k]));

  checkPeriodAndRisk(a, report);
  checkLines(a, titles, report);
  checkClauses(a, kpis, report);
  checkBonusMalus(a, kpis, report);
  checkSharedSavings(a, kpis, report);
  checkCoInsurers(a, report);
  checkOverlaps(a, context.otherAgreements ?? [], report);

  return { valid: !issues.some((issue) => issue.severity === 'error'), issues, agreement: a };
}

/**
 * Checks an agreement (parsed or not) against the catalogues and other agreements (domain guide §3,
 * §4, §6); errors make it invalid, warnings do not. Messages are in Dutch and English.
 */
export function validateAgreement(agreement: unknown, context: ValidationContext): ValidationResult {
  const { valid, issues } = checkAgreement(agreement, context);
  return { valid, issues };
}
