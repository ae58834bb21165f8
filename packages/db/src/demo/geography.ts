/** The reference geography the demo generator builds on (supplied by the caller from @kwadrant/geo). */
export interface DemoArea {
  pc4: string;
  municipalityCode: string;
  municipalityName: string;
  ggdRegion: string;
  place: string | null;
  inhabitants: number;
  neighbours: readonly string[];
  centroid: readonly [number, number];
  /** Residents by age band (in `DemoGeography.ageBands` order). */
  men: readonly number[];
  women: readonly number[];
}

export interface DemoGeography {
  ageBands: readonly string[];
  areas: readonly DemoArea[];
  municipalities: Readonly<Record<string, string>>;
  ggdRegions: readonly string[];
}

/** Lower bound of an age band label such as "75-79" or "95+". */
export function ageBandStart(band: string): number {
  const start = Number.parseInt(band, 10);
  if (Number.isNaN(start)) throw new RangeError(`ageBandStart: "${band}" is not an age band`);
  return start;
}
