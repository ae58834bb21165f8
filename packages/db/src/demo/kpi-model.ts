import { DEFAULT_KPIS, REFERENCE_COSTS_PER_YEAR, type KpiDefinition } from '@kwadrant/domain/catalogue';
import { comparePeriods, lastQuarters, quartersBetween, yearFraction } from '@kwadrant/domain/model';
import { ageBandStart } from './geography';
import type { DemoPractice, Landscape } from './landscape';
import { Random, expit, logit } from './random';

/** One generated observation, ready to insert. */
export interface DemoObservation {
  organisationId: string;
  kpiCode: string;
  kind: KpiDefinition['kind'];
  period: string;
  numerator: number;
  denominator: number;
  expected: number | null;
  sumSquares: number | null;
}

/** Where a practice starts improving faster: from a quarter, on some KPIs (an agreement took effect). */
export type ImprovementPlan = ReadonlyMap<string, { from: string; kpis: ReadonlySet<string> }>;

type AgeWeight = (age: number, band: number) => number;

/** Prevalence curves by age (lower bound of the band), shaped after NIVEL Zorgregistraties figures. */
const PREVALENCE: Record<string, AgeWeight> = {
  dm2: (a) =>
    a < 20 ? 0.001 : a < 40 ? 0.01 : a < 50 ? 0.035 : a < 60 ? 0.07 : a < 70 ? 0.13 : a < 80 ? 0.18 : 0.19,
  cvd: (a) => (a < 40 ? 0.003 : a < 50 ? 0.02 : a < 60 ? 0.05 : a < 70 ? 0.11 : a < 80 ? 0.2 : 0.28),
  cvrm: (a) => (a < 30 ? 0.005 : a < 45 ? 0.04 : a < 60 ? 0.14 : a < 75 ? 0.32 : 0.45),
  copd: (a) => (a < 40 ? 0.001 : a < 55 ? 0.012 : a < 65 ? 0.035 : a < 75 ? 0.07 : 0.09),
  asthma: (a) => (a < 20 ? 0.07 : a < 65 ? 0.055 : 0.045),
  frail: (a) => (a < 75 ? 0 : a < 85 ? 0.2 : 0.4),
  adult16: (a) => (a < 15 ? 0 : a < 20 ? 0.8 : 1),
  all: () => 1,
};

/** Yearly events per person by age, relative to the overall rate (referrals, SEH, admissions rise with age). */
const AGE_RELATIVE: Record<string, AgeWeight> = {
  referral: (a) => (a < 20 ? 0.5 : a < 45 ? 0.8 : a < 65 ? 1.2 : a < 75 ? 1.7 : 2),
  seh: (a) => (a < 5 ? 1.4 : a < 20 ? 0.8 : a < 65 ? 0.8 : a < 80 ? 1.5 : 2.6),
  acsc: (a) => (a < 45 ? 0.25 : a < 65 ? 0.8 : a < 75 ? 2.2 : a < 85 ? 4.5 : 7),
  flat: () => 1,
};

type Model =
  | { type: 'proportion'; base: number; sd: number; trend: number; population: string; perQuarter: number }
  | { type: 'rate'; base: number; sd: number; trend: number; ageCurve: string }
  | { type: 'cost'; cost: 'hospital' | 'pharmacy'; sd: number; trend: number }
  | { type: 'mean'; base: number; sd: number; responseRate: number }
  | { type: 'organisation'; base: number; trend: number }
  | { type: 'fte'; base: number; sd: number };

/**
 * How each KPI behaves: national level (probability, yearly rate), spread between practices (on the
 * logit or log scale), yearly trend, and which part of the list forms the denominator. `perQuarter` is
 * the share of that group counted in a quarter (1 for status measures over the last 12 months).
 */
const MODELS: Record<string, Model> = {
  'DM-01': { type: 'proportion', base: 0.88, sd: 0.45, trend: 0.05, population: 'dm2', perQuarter: 1 },
  'DM-02': { type: 'proportion', base: 0.58, sd: 0.3, trend: 0.04, population: 'dm2', perQuarter: 1 },
  'DM-03': { type: 'proportion', base: 0.6, sd: 0.3, trend: 0.03, population: 'dm2', perQuarter: 1 },
  'DM-04': { type: 'proportion', base: 0.8, sd: 0.5, trend: 0.05, population: 'dm2', perQuarter: 1 },
  'DM-05': { type: 'proportion', base: 0.87, sd: 0.45, trend: 0.04, population: 'dm2', perQuarter: 1 },
  'DM-06': { type: 'proportion', base: 0.86, sd: 0.5, trend: 0.04, population: 'dm2', perQuarter: 1 },
  'CV-01': { type: 'proportion', base: 0.48, sd: 0.3, trend: 0.05, population: 'cvd', perQuarter: 1 },
  'CV-02': { type: 'proportion', base: 0.83, sd: 0.45, trend: 0.04, population: 'cvrm', perQuarter: 1 },
  'CO-01': { type: 'proportion', base: 0.74, sd: 0.5, trend: 0.05, population: 'copd', perQuarter: 1 },
  'CO-02': { type: 'proportion', base: 0.62, sd: 0.5, trend: 0.05, population: 'copd', perQuarter: 1 },
  'CO-03': { type: 'proportion', base: 0.68, sd: 0.35, trend: 0.02, population: 'copd', perQuarter: 1 },
  'AS-01': { type: 'proportion', base: 0.45, sd: 0.5, trend: 0.06, population: 'asthma', perQuarter: 1 },
  'OU-01': { type: 'proportion', base: 0.4, sd: 0.6, trend: 0.1, population: 'frail', perQuarter: 1 },
  'KO-01': { type: 'rate', base: 0.327, sd: 0.12, trend: -0.01, ageCurve: 'referral' },
  'KO-02': { type: 'rate', base: 0.105, sd: 0.15, trend: 0, ageCurve: 'seh' },
  'KO-03': { type: 'rate', base: 0.011, sd: 0.2, trend: -0.02, ageCurve: 'acsc' },
  'KO-04': { type: 'proportion', base: 0.85, sd: 0.3, trend: 0.02, population: 'all', perQuarter: 0.15 },
  'KO-05': { type: 'proportion', base: 0.75, sd: 0.25, trend: 0.02, population: 'all', perQuarter: 1.4 },
  'KO-06': { type: 'cost', cost: 'hospital', sd: 0.07, trend: -0.005 },
  'KO-07': { type: 'cost', cost: 'pharmacy', sd: 0.08, trend: -0.005 },
  'KO-08': { type: 'rate', base: 0.02, sd: 0.5, trend: 0.15, ageCurve: 'flat' },
  'TO-01': { type: 'proportion', base: 0.86, sd: 0.5, trend: 0.03, population: 'all', perQuarter: 0.04 },
  'TO-02': { type: 'proportion', base: 0.76, sd: 0.45, trend: 0.02, population: 'all', perQuarter: 0.7 },
  'TO-03': { type: 'proportion', base: 0.32, sd: 0.5, trend: 0.25, population: 'adult16', perQuarter: 1 },
  'PE-01': { type: 'mean', base: 7.9, sd: 0.25, responseRate: 0.02 },
  'OR-01': { type: 'organisation', base: 0.7, trend: 0.1 },
  'OR-02': { type: 'fte', base: 0.8, sd: 0.35 },
  'OR-03': { type: 'organisation', base: 0.55, trend: 0.2 },
  'OR-04': { type: 'organisation', base: 0.45, trend: 0.3 },
};

// The extra yearly improvement (log-odds or log scale) once an agreement takes effect.
const AGREEMENT_EFFECT = 0.35;

/** Every KPI in the default catalogue has a model; a missing one is a programming error. */
export function modelOf(code: string): Model {
  const model = MODELS[code];
  if (!model) throw new Error(`demo: no model for KPI ${code}`);
  return model;
}

/** Weighted count of a practice's list: Σ over bands × sexes of count × weight(age). */
function weighted(practice: DemoPractice, ageBands: readonly string[], weight: AgeWeight): number {
  let total = 0;
  ageBands.forEach((band, i) => {
    total += ((practice.men[i] ?? 0) + (practice.women[i] ?? 0)) * weight(ageBandStart(band), i);
  });
  return total;
}

/**
 * Generates every catalogue KPI for every practice and quarter: a real practice effect (partly shared
 * across KPIs: good practices tend to be good at several things), case mix from the list's age
 * structure, binomial or Poisson noise, national trends, and faster improvement after an agreement.
 */
export function* generateObservations(
  landscape: Landscape,
  improvement: ImprovementPlan,
  seed = 'kwadrant',
): Generator<DemoObservation> {
  const quarters = lastQuarters(landscape.scale.lastQuarter, landscape.scale.quarters);
  const kpis = DEFAULT_KPIS;
  for (const practice of landscape.practices) {
    const rng = new Random(`${seed}:obs:${practice.id}`);
    const effects = new Map(kpis.map((k) => [k.code, 0.6 * practice.quality + 0.8 * rng.normal()]));
    // Organisation-level facts (accreditation, meetings, ICT) change rarely: a status and the quarter it began.
    const statusSince = new Map(
      kpis
        .filter((k) => modelOf(k.code).type === 'organisation')
        .map((k) => {
          const m = modelOf(k.code) as Extract<Model, { type: 'organisation' }>;
          const hasIt = rng.chance(expit(logit(m.base) + 0.8 * practice.quality));
          const gains = !hasIt && rng.chance(m.trend * 2);
          return [k.code, hasIt ? -1 : gains ? rng.int(1, quarters.length - 1) : Number.POSITIVE_INFINITY];
        }),
    );
    const fte = Math.max(0.05, ((practice.population ?? 0) / 10_000) * (0.8 + 0.35 * rng.normal()));
    const plan = improvement.get(practice.id);

    for (let q = 0; q < quarters.length; q++) {
      const period = quarters[q]!;
      const years = q / 4;
      for (const kpi of kpis) {
        const model = modelOf(kpi.code);
        const u = effects.get(kpi.code)!;
        const boosted = plan && plan.kpis.has(kpi.code) && comparePeriods(period, plan.from) >= 0;
        // Grows by a quarter of the yearly effect each quarter the agreement has run.
        const boost = boosted ? (AGREEMENT_EFFECT * quartersBetween(plan.from, period).length) / 4 : 0;
        const base = {
          organisationId: practice.id,
          kpiCode: kpi.code,
          kind: kpi.kind,
          period,
          expected: null,
          sumSquares: null,
        };
        switch (model.type) {
          case 'proportion': {
            const n = Math.round(
              weighted(practice, landscape.ageBands, PREVALENCE[model.population]!) * model.perQuarter,
            );
            if (n < 1) continue;
            const p = expit(
              logit(model.base) + model.sd * u + model.trend * years + boost + 0.08 * rng.normal(),
            );
            yield { ...base, numerator: rng.binomial(n, p), denominator: n };
            break;
          }
          case 'rate': {
            const personYears = (practice.population ?? 0) * yearFraction(period);
            if (personYears <= 0) continue;
            const caseMix =
              weighted(practice, landscape.ageBands, AGE_RELATIVE[model.ageCurve]!) /
              (practice.population ?? 1);
            const better = kpi.polarity === 'lower' ? -boost : boost;
            const rate = model.base * caseMix * Math.exp(model.sd * u + model.trend * years + better);
            yield { ...base, numerator: rng.poisson(rate * personYears), denominator: round2(personYears) };
            break;
          }
          case 'cost': {
            // E from national costs per age band; O around it by the practice effect and a little noise.
            const costs = REFERENCE_COSTS_PER_YEAR[model.cost];
            const expected =
              weighted(practice, landscape.ageBands, (_age, band) => costs[band] ?? 0) * yearFraction(period);
            const observed =
              expected * Math.exp(model.sd * u + model.trend * years - 0.1 * boost + 0.02 * rng.normal());
            yield {
              ...base,
              numerator: Math.round(observed),
              denominator: Math.round(expected),
              expected: Math.round(expected),
            };
            break;
          }
          case 'mean': {
            const n = Math.max(
              2,
              Math.round((practice.population ?? 0) * model.responseRate * rng.uniform(0.7, 1.3)),
            );
            const mu = Math.min(9.6, model.base + model.sd * u + boost * 0.3);
            const sd = 1.3;
            const mean = Math.min(10, Math.max(1, rng.normal(mu, sd / Math.sqrt(n))));
            const variance = sd * sd * Math.max(0.3, 1 + rng.normal(0, Math.sqrt(2 / (n - 1))));
            const sum = mean * n;
            yield {
              ...base,
              numerator: round2(sum),
              denominator: n,
              sumSquares: round2((n - 1) * variance + n * mean * mean),
            };
            break;
          }
          case 'organisation': {
            const has = q >= statusSince.get(kpi.code)!;
            yield { ...base, numerator: has ? 1 : 0, denominator: 1 };
            break;
          }
          case 'fte': {
            const personYears = (practice.population ?? 0) * yearFraction(period);
            if (personYears <= 0) continue;
            yield {
              ...base,
              numerator: round2(fte * yearFraction(period) * (1 + years * 0.03)),
              denominator: round2(personYears),
            };
            break;
          }
        }
      }
    }
  }
}

const round2 = (x: number) => Math.round(x * 100) / 100;
