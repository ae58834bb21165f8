/** The attribution CBS's licence asks for; show it wherever these figures or maps appear. */
export const CBS_ATTRIBUTION = 'Bron: CBS (Centraal Bureau voor de Statistiek), CC BY 4.0';

/** The licence of every data file in this package. */
export const CBS_LICENCE = {
  name: 'CC BY 4.0',
  url: 'https://creativecommons.org/licenses/by/4.0/',
} as const;

/** The CBS 5-year age bands of table 83502NED, youngest first; every age array follows this order. */
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

/** One CBS 5-year age band label, e.g. '75-79' or '95+'. */
export type AgeBand = (typeof AGE_BANDS)[number];

/** The topologies this package ships; each file holds one object of the same name. */
export const TOPOLOGY_NAMES = ['pc4', 'gemeente', 'ggd'] as const;

/** The name of a shipped topology. */
export type TopologyName = (typeof TOPOLOGY_NAMES)[number];
