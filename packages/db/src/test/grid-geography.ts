import { AGE_BANDS } from '@kwadrant/domain/model';
import type { DemoArea, DemoGeography } from '../demo/geography';

/**
 * A synthetic geography for tests: a `size` × `size` grid of PC4 areas (postcodes 1000, 1001, …) with
 * rook neighbours, `inhabitants` each, and a Dutch-shaped age pyramid. Small enough for fast tests.
 */
export function gridGeography(size = 12, inhabitants = 4_000): DemoGeography {
  const weights = AGE_BANDS.map((_, i) => (i < 13 ? 1 : i < 16 ? 0.8 : i < 18 ? 0.4 : 0.1));
  const total = weights.reduce((a, b) => a + b, 0);
  const half = weights.map((w) => Math.round(((w / total) * inhabitants) / 2));
  const code = (x: number, y: number) => String(1000 + y * size + x);
  const areas: DemoArea[] = [];
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const neighbours = [
        [x - 1, y],
        [x + 1, y],
        [x, y - 1],
        [x, y + 1],
      ]
        .filter(([a, b]) => a! >= 0 && b! >= 0 && a! < size && b! < size)
        .map(([a, b]) => code(a!, b!));
      areas.push({
        pc4: code(x, y),
        municipalityCode: `GM${String(1 + Math.floor(y / 4)).padStart(4, '0')}`,
        municipalityName: `Gemeente ${1 + Math.floor(y / 4)}`,
        ggdRegion: 'GGD Test',
        place: `Plaats ${1 + Math.floor(x / 3)}`,
        inhabitants: half.reduce((a, b) => a + b, 0) * 2,
        neighbours,
        centroid: [5 + x * 0.01, 52 + y * 0.01],
        men: half,
        women: half,
      });
    }
  }
  const municipalities = Object.fromEntries(areas.map((a) => [a.municipalityCode, a.municipalityName]));
  return { ageBands: AGE_BANDS, areas, municipalities, ggdRegions: ['GGD Test'] };
}
