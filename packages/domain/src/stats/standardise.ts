/**
 * Indirect standardisation for case mix (domain guide §5): expected E = Σ reference rate × population over
 * strata (age band × sex, optionally SES), standardised ratio = O / E.
 */
import type { Confidence } from '../model/kpi-types';
import { ratioInterval } from './intervals';
import { fail, requireConfidence, requireNonNegative, requirePositive } from './validate';

/** A unit's population (person-years, or insured-years) in one stratum, e.g. key 'F|65-74'. */
export interface Stratum {
  key: string;
  population: number;
}

/** A reference stratum: events (or costs, in euros) and population. */
export interface ReferenceStratum extends Stratum {
  events: number;
}

/** Reference rate per person per stratum key: events per person-year, or euros per insured-year for costs. */
export type ReferenceRates = ReadonlyMap<string, number> | Readonly<Record<string, number>>;

function isMap(rates: ReferenceRates): rates is ReadonlyMap<string, number> {
  return rates instanceof Map;
}

function rateFor(rates: ReferenceRates, key: string): number | undefined {
  if (isMap(rates)) return rates.get(key);
  // Own keys only, so a stratum called "constructor" cannot pick up Object.prototype.
  return Object.prototype.hasOwnProperty.call(rates, key) ? rates[key] : undefined;
}

/**
 * Expected count (or cost) of a unit: E = Σ over strata of reference rate × the unit's population.
 * @param strata the unit's population per stratum (≥ 0; repeated keys simply add).
 * @param referenceRates rate per person per stratum key (≥ 0).
 * @returns E in the rate's unit (events or euros). A stratum with population > 0 and no reference rate
 * is a RangeError; a stratum with population 0 contributes nothing and needs no rate, so a reference set
 * lacking, say, men aged 95+ does not break units that have none either.
 * Source: Breslow & Day (1987) Statistical Methods in Cancer Research vol. II ch. 2 (SMR); PHE/OHID
 * Fingertips technical guidance "Indirectly standardised ratios".
 */
export function expectedFromReference(strata: readonly Stratum[], referenceRates: ReferenceRates): number {
  const fn = 'expectedFromReference';
  let expected = 0;
  strata.forEach(({ key, population }, index) => {
    requireNonNegative(fn, `strata[${index}].population`, population);
    if (population === 0) return;
    const rate = rateFor(referenceRates, key);
    if (rate === undefined) fail(fn, `no reference rate for stratum "${key}" (strata[${index}])`);
    expected += requireNonNegative(fn, `reference rate of "${key}"`, rate) * population;
  });
  return expected;
}

/**
 * Reference rates from a reference population (national, or a chosen reference set): per stratum key,
 * Σ events / Σ population over the rows with that key.
 * @param strata rows with events (counts, or euros for costs) ≥ 0 and population > 0 in total per key.
 * @returns rate per person per key. Keys whose total population is 0 are left out (they have no rate);
 * events in a stratum without population are a RangeError.
 * Source: Breslow & Day (1987) vol. II ch. 2; PHE/OHID Fingertips technical guidance "Indirectly standardised ratios".
 */
export function referenceRates(strata: readonly ReferenceStratum[]): Map<string, number> {
  const fn = 'referenceRates';
  const totals = new Map<string, { events: number; population: number }>();
  strata.forEach(({ key, events, population }, index) => {
    requireNonNegative(fn, `strata[${index}].events`, events);
    requireNonNegative(fn, `strata[${index}].population`, population);
    const total = totals.get(key) ?? { events: 0, population: 0 };
    total.events += events;
    total.population += population;
    totals.set(key, total);
  });

  const rates = new Map<string, number>();
  for (const [key, { events, population }] of totals) {
    if (population > 0) rates.set(key, events / population);
    else if (events > 0) fail(fn, `stratum "${key}" has events (${events}) but no population`);
  }
  return rates;
}

export interface StandardisationInput {
  /** Observed count O (or observed cost in euros). */
  observed: number;
  strata: readonly Stratum[];
  referenceRates: ReferenceRates;
  /**
   * 'count' (default) gives the ratio a Poisson interval (countInterval of O over E). 'cost' gives none:
   * a cost total is not a Poisson count (it is a sum of very skewed per-person amounts), so a Poisson
   * interval in euros would be absurdly narrow, and a valid one needs per-person variance we do not have.
   */
  outcome?: 'count' | 'cost' | undefined;
}

export type StandardisedRatio =
  | { observed: number; expected: number; ratio: number; lower: number; upper: number }
  | { observed: number; expected: number; ratio: number; lower: undefined; upper: undefined };

/**
 * Indirectly standardised ratio O / E with, for counts, the count interval of O over E.
 * @param input observed O ≥ 0, the unit's strata, reference rates, outcome 'count' (default) or 'cost'.
 * @param confidence 0.95 or 0.998 (used for counts).
 * @returns observed, expected, ratio (1 = as expected) and bounds (undefined for costs). E = 0 is a RangeError.
 * Source: Breslow & Day (1987) vol. II ch. 2; PHE/OHID Fingertips technical guidance "Confidence intervals"
 * (ratio CI = CI of O divided by E); domain guide §5.
 */
export function indirectlyStandardise(
  input: StandardisationInput,
  confidence: Confidence,
): StandardisedRatio {
  const fn = 'indirectlyStandardise';
  const observed = requireNonNegative(fn, 'observed', input.observed);
  requireConfidence(fn, confidence);
  const outcome = input.outcome ?? 'count';
  if (outcome !== 'count' && outcome !== 'cost')
    fail(fn, `outcome must be 'count' or 'cost' (got ${String(outcome)})`);
  const expected = expectedFromReference(input.strata, input.referenceRates);
  requirePositive(fn, 'expected', expected);
  if (outcome === 'cost') {
    return { observed, expected, ratio: observed / expected, lower: undefined, upper: undefined };
  }
  const { value, lower, upper } = ratioInterval(observed, expected, confidence);
  return { observed, expected, ratio: value, lower, upper };
}
