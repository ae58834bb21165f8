export {
  /** The attribution CBS's licence asks for; show it wherever these figures or maps appear. */
  CBS_ATTRIBUTION,
  /** The licence of every data file (CC BY 4.0) with its URL. */
  CBS_LICENCE,
  /** The CBS 5-year age bands, '0-4' … '95+'; every age array follows this order. */
  AGE_BANDS,
  /** The shipped topologies: 'pc4', 'gemeente', 'ggd'. */
  TOPOLOGY_NAMES,
  type AgeBand,
  type TopologyName,
} from './constants';
export {
  /** Every PC4 area by postcode, with its 2025 municipality, GGD region, province, residents, centroid and neighbours. */
  loadPc4Areas,
  /** The 2025 municipality ({ code, name }) of a PC4 area, or undefined. */
  municipalityOf,
  /** Every 2025 municipality (342) with the postcodes of its PC4 areas. */
  municipalities,
  /** Postcodes of a municipality's PC4 areas, or undefined for an unknown code. */
  pc4sOfMunicipality,
  /** Every GGD region (25) with the postcodes of its PC4 areas. */
  ggdRegions,
  /** PC4 areas sharing a border with one area. */
  adjacentPc4,
  /** PC4 areas bordering a set of areas, outside the set: the ring around a service area. */
  neighbours,
} from './areas';
export {
  /** Residents per PC4 area by age band and sex, 1 January 2021 (CBS 83502NED). */
  loadPc4Population,
  /** One PC4 area's residents: { ageBands, men, women, total }, or undefined. */
  populationOf,
} from './population';
export {
  /** Absolute file path of a shipped TopoJSON file. */
  topologyPath,
  /** A shipped TopoJSON file as raw JSON text, read once, for serving with caching headers. */
  readTopology,
  /** The data files' metadata: source, year, licence, feature counts, byte sizes. */
  readMetaFile as loadDataMeta,
} from './data';
export type {
  DataFileMeta,
  DataMeta,
  GgdRegion,
  Municipality,
  Pc4Area,
  Pc4AreasFile,
  Pc4Population,
  Pc4PopulationFile,
  Pc4PopulationRecord,
} from './types';
export {
  /** Inhabited PC4 areas with population by age and sex, municipalities and GGD regions, as plain data. */
  referenceGeography,
  type ReferenceArea,
} from './reference';
