import { readPopulationFile } from './data';
import type { Pc4Population, Pc4PopulationFile, Pc4PopulationRecord } from './types';

let byPc4: ReadonlyMap<string, Pc4PopulationRecord> | undefined;

/** Residents per PC4 area by CBS 5-year age band and sex on 1 January 2021 (CBS 83502NED), as published. */
export function loadPc4Population(): Pc4PopulationFile {
  return readPopulationFile();
}

/**
 * Residents of one PC4 area by age band and sex; undefined when CBS published no figures
 * for it (postcodes new in 2022: 3165, 3895, 5028). Areas without residents have zeros.
 */
export function populationOf(pc4: string): Pc4Population | undefined {
  const file = readPopulationFile();
  byPc4 ??= new Map(Object.entries(file.areas));
  const record = byPc4.get(pc4);
  return record && { ageBands: file.ageBands, ...record };
}
