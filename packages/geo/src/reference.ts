import { AGE_BANDS } from './constants';
import { ggdRegions, loadPc4Areas, municipalities } from './areas';
import { loadPc4Population } from './population';

/** One inhabited PC4 area with everything a model of the population needs. */
export interface ReferenceArea {
  pc4: string;
  municipalityCode: string;
  municipalityName: string;
  ggdRegion: string;
  place: string | null;
  inhabitants: number;
  neighbours: readonly string[];
  centroid: readonly [number, number];
  /** Residents by age band, in AGE_BANDS order. */
  men: readonly number[];
  women: readonly number[];
}

/** The reference geography as plain data: inhabited PC4 areas with population, municipalities, GGD regions. */
export function referenceGeography(): {
  ageBands: readonly string[];
  municipalities: Record<string, string>;
  ggdRegions: string[];
  areas: ReferenceArea[];
} {
  const population = loadPc4Population();
  return {
    ageBands: AGE_BANDS,
    municipalities: Object.fromEntries(municipalities().map((m) => [m.code, m.name])),
    ggdRegions: ggdRegions().map((g) => g.name),
    areas: [...loadPc4Areas().values()].flatMap((a) => {
      const people = population.areas[a.postcode];
      if (!people || a.inhabitants === null) return [];
      return [
        {
          pc4: a.postcode,
          municipalityCode: a.municipalityCode,
          municipalityName: a.municipalityName,
          ggdRegion: a.ggdRegion,
          place: a.place,
          inhabitants: a.inhabitants,
          neighbours: a.neighbours,
          centroid: a.centroid,
          men: people.men,
          women: people.women,
        },
      ];
    }),
  };
}
