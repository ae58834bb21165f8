/**
 * The CBS five-year age bands (tables 83502NED and the Vektis age classes map onto them), youngest
 * first; the last is open-ended. Population pyramids, enrolled lists and case-mix strata use this order.
 */
export const AGE_BANDS = [
  '0-4',
  '5-9',
  '10-14',
  '15-19',
  '20-24',
  '25-29',
  '30-34',
  '35-39',
  '40-44',
  '45-49',
  '50-54',
  '55-59',
  '60-64',
  '65-69',
  '70-74',
  '75-79',
  '80-84',
  '85-89',
  '90-94',
  '95+',
] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
