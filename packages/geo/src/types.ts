import type { AgeBand, TopologyName } from './constants';

/** A PC4 postcode area with its administrative regions (one row of pc4-areas.json). */
export interface Pc4Area {
  /** Four-digit postcode, e.g. '1011'. */
  readonly postcode: string;
  /** CBS code of the 2025 municipality, e.g. 'GM0363'. */
  readonly municipalityCode: string;
  /** Name of the 2025 municipality, as CBS spells it, e.g. 'Amsterdam' or 'Hengelo (O.)'. */
  readonly municipalityName: string;
  /** GGD (public health service) region, e.g. 'GGD Amsterdam'. */
  readonly ggdRegion: string;
  /** Province, e.g. 'Noord-Holland'. */
  readonly province: string;
  /** Place name CBS gives the area (2021); null where CBS gives none. */
  readonly place: string | null;
  /** Residents on 1 January 2021, rounded to 5 by CBS; null for postcodes new in 2022. */
  readonly inhabitants: number | null;
  /** A point inside the area, [longitude, latitude] in degrees: its centroid unless that lies outside. */
  readonly centroid: readonly [number, number];
  /** PC4 areas that share a border with this one, ascending. */
  readonly neighbours: readonly string[];
}

/** The layout of data/pc4-areas.json. */
export interface Pc4AreasFile {
  readonly attribution: string;
  readonly sources: readonly string[];
  /** Every 2025 municipality, code → name. */
  readonly municipalities: Readonly<Record<string, string>>;
  /** Every GGD region name. */
  readonly ggdRegions: readonly string[];
  /** Areas keyed by postcode. */
  readonly areas: Readonly<Record<string, Omit<Pc4Area, 'postcode'>>>;
}

/** Residents of one PC4 area by CBS age band, as published (each count rounded to 5). */
export interface Pc4PopulationRecord {
  /** Men per age band, in the order of `ageBands`. */
  readonly men: readonly number[];
  /** Women per age band, in the order of `ageBands`. */
  readonly women: readonly number[];
  /** All residents: the sum of the published per-band totals, which CBS rounds separately from men and women. */
  readonly total: number;
}

/** The layout of data/pc4-population.json. */
export interface Pc4PopulationFile {
  readonly attribution: string;
  readonly source: string;
  /** Reference date is 1 January of this year. */
  readonly year: number;
  readonly ageBands: readonly AgeBand[];
  readonly areas: Readonly<Record<string, Pc4PopulationRecord>>;
}

/** Residents of one PC4 area by age band and sex, with the bands they refer to. */
export interface Pc4Population extends Pc4PopulationRecord {
  readonly ageBands: readonly AgeBand[];
}

/** A 2025 municipality and the PC4 areas assigned to it. */
export interface Municipality {
  /** CBS code, e.g. 'GM0363'. */
  readonly code: string;
  readonly name: string;
  /** Postcodes of its PC4 areas, ascending. */
  readonly pc4s: readonly string[];
}

/** A GGD region and the PC4 areas assigned to it. */
export interface GgdRegion {
  readonly name: string;
  /** Postcodes of its PC4 areas, ascending. */
  readonly pc4s: readonly string[];
}

/** One generated file as described in data/meta.json. */
export interface DataFileMeta {
  readonly file: string;
  readonly description: string;
  readonly source: string;
  /** Reference year of the figures or boundaries. */
  readonly year: number | string;
  readonly licence: string;
  /** Number of features (TopoJSON) or areas (JSON). */
  readonly count: number;
  readonly bytes: number;
  /** For TopoJSON: the name of its one object. */
  readonly object?: TopologyName;
}

/** The layout of data/meta.json. */
export interface DataMeta {
  readonly attribution: string;
  readonly licence: { readonly name: string; readonly url: string };
  readonly files: readonly DataFileMeta[];
}
