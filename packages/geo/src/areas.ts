import { readAreasFile } from './data';
import type { GgdRegion, Municipality, Pc4Area } from './types';

let areas: ReadonlyMap<string, Pc4Area> | undefined;
let byMunicipality: ReadonlyMap<string, Municipality> | undefined;
let byGgd: readonly GgdRegion[] | undefined;

/** Every PC4 area by postcode ('1011'), with its 2025 municipality, GGD region, province, residents, centroid and neighbours. */
export function loadPc4Areas(): ReadonlyMap<string, Pc4Area> {
  areas ??= new Map(
    Object.entries(readAreasFile().areas).map(([postcode, area]) => [postcode, { postcode, ...area }]),
  );
  return areas;
}

/** The 2025 municipality of a PC4 area, or undefined for an unknown postcode. */
export function municipalityOf(pc4: string): { code: string; name: string } | undefined {
  const area = loadPc4Areas().get(pc4);
  return area && { code: area.municipalityCode, name: area.municipalityName };
}

/** Every 2025 municipality (342), ascending by CBS code, with the postcodes of its PC4 areas. */
export function municipalities(): readonly Municipality[] {
  return [...municipalityIndex().values()];
}

/** Postcodes of a municipality's PC4 areas, ascending; undefined for an unknown code. */
export function pc4sOfMunicipality(code: string): readonly string[] | undefined {
  return municipalityIndex().get(code)?.pc4s;
}

/** Every GGD region (25), ascending by name, with the postcodes of its PC4 areas. */
export function ggdRegions(): readonly GgdRegion[] {
  byGgd ??= readAreasFile().ggdRegions.map((name) => ({
    name,
    pc4s: [...loadPc4Areas().values()].filter((a) => a.ggdRegion === name).map((a) => a.postcode),
  }));
  return byGgd;
}

/** PC4 areas sharing a border with one area, ascending; empty for an unknown postcode or an island. */
export function adjacentPc4(pc4: string): readonly string[] {
  return loadPc4Areas().get(pc4)?.neighbours ?? [];
}

/** PC4 areas sharing a border with any of the given areas but not among them, ascending: the ring around a service area. */
export function neighbours(pc4s: Iterable<string>): string[] {
  const members = new Set(pc4s);
  const ring = new Set<string>();
  for (const pc4 of members) {
    for (const n of adjacentPc4(pc4)) if (!members.has(n)) ring.add(n);
  }
  return [...ring].sort();
}

function municipalityIndex(): ReadonlyMap<string, Municipality> {
  if (!byMunicipality) {
    const pc4s = new Map<string, string[]>();
    for (const area of loadPc4Areas().values()) {
      pc4s.set(area.municipalityCode, [...(pc4s.get(area.municipalityCode) ?? []), area.postcode]);
    }
    byMunicipality = new Map(
      Object.entries(readAreasFile().municipalities).map(([code, name]) => [
        code,
        { code, name, pc4s: pc4s.get(code) ?? [] },
      ]),
    );
  }
  return byMunicipality;
}
