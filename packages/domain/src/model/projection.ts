/**
 * Cohort-ageing demand projection (domain guide §7): today's age- and sex-specific care use applied to
 * the population aged forward. Populations are counts per 5-year age band (youngest first, the last band
 * open-ended, e.g. 95+) for men and women.
 */
export interface AgePyramid {
  men: readonly number[];
  women: readonly number[];
}

/** Yearly survival by age band, men and women, between 0 and 1 (1 = nobody dies). */
export type Survival = (band: number, sex: 'men' | 'women') => number;

/**
 * Approximate yearly survival of the Dutch population by 5-year band: a Gompertz mortality curve
 * (rate 0.00003·e^(0.095·age), men ×1.25) calibrated to give a life expectancy at birth of about 80
 * for men and 83.5 for women (CBS 2023). Used only when no life table is supplied.
 */
export const DUTCH_SURVIVAL: Survival = (band, sex) => {
  const age = band * 5 + 2.5;
  const mortality = Math.min(0.6, 0.00003 * Math.exp(0.095 * age) * (sex === 'men' ? 1.25 : 1));
  return 1 - mortality;
};

/**
 * Ages a population forward by whole years: each year one fifth of a band moves into the next band
 * (uniform ages within a band), the open last band keeps its survivors, and births replace the youngest
 * band's outflow so the size of the youngest band stays constant (no fertility model).
 */
export function ageForward(
  pyramid: AgePyramid,
  years: number,
  survival: Survival = DUTCH_SURVIVAL,
): AgePyramid {
  if (!Number.isInteger(years) || years < 0)
    throw new RangeError(`ageForward: years (${years}) must be a whole number ≥ 0`);
  const step = (bands: readonly number[], sex: 'men' | 'women'): number[] => {
    const n = bands.length;
    const next = bands.map((count, b) => count * survival(b, sex));
    const moving = next.map((count, b) => (b < n - 1 ? count / 5 : 0));
    return next.map((count, b) => count - moving[b]! + (b > 0 ? moving[b - 1]! : bands[0]! / 5));
  };
  let men = [...pyramid.men];
  let women = [...pyramid.women];
  for (let y = 0; y < years; y++) {
    men = step(men, 'men');
    women = step(women, 'women');
  }
  return { men, women };
}

/** Care use of a population: Σ over bands and sexes of count × use per person (e.g. euros or contacts per year). */
export function careUse(pyramid: AgePyramid, usePerPerson: AgePyramid): number {
  let total = 0;
  pyramid.men.forEach((count, b) => (total += count * (usePerPerson.men[b] ?? 0)));
  pyramid.women.forEach((count, b) => (total += count * (usePerPerson.women[b] ?? 0)));
  return total;
}

export interface ProjectionPoint {
  yearsAhead: number;
  population: number;
  aged75plus: number;
  use: number;
  /** Use relative to today (1 = unchanged). */
  index: number;
}

/**
 * Projects care use `yearsAhead` years out (e.g. [0, 5, 10]) by cohort ageing at today's use per person.
 * `firstBand75` is the index of the 75–79 band in the pyramid (15 for CBS 5-year bands).
 */
export function projectDemand(
  pyramid: AgePyramid,
  usePerPerson: AgePyramid,
  yearsAhead: readonly number[],
  firstBand75 = 15,
  survival: Survival = DUTCH_SURVIVAL,
): ProjectionPoint[] {
  const today = careUse(pyramid, usePerPerson);
  const sum = (xs: readonly number[], from = 0) => xs.slice(from).reduce((a, b) => a + b, 0);
  return yearsAhead.map((years) => {
    const future = ageForward(pyramid, years, survival);
    const use = careUse(future, usePerPerson);
    return {
      yearsAhead: years,
      population: sum(future.men) + sum(future.women),
      aged75plus: sum(future.men, firstBand75) + sum(future.women, firstBand75),
      use,
      index: today > 0 ? use / today : 1,
    };
  });
}
