import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { AreaFeature } from './geometry';
import { snapBorders } from './snap';
import { compactTopology } from './topology';

const area = (name: string, ring: Position[]): AreaFeature<{ name: string }> => ({
  type: 'Feature',
  properties: { name },
  geometry: { type: 'Polygon', coordinates: [[...ring, ring[0] as Position]] },
});

// Two areas sharing the meridian 5.1 as border. The west one kept a vertex in the middle
// of it that lies 3 m off the line, as separately generalised CBS borders do.
const METRES_3 = 3 / (111_320 * Math.cos((52.05 * Math.PI) / 180));
const west = area('west', [
  [5, 52],
  [5, 52.1],
  [5.1, 52.1],
  [5.1 + METRES_3, 52.05],
  [5.1, 52],
]);
const east = area('east', [
  [5.1, 52],
  [5.1, 52.1],
  [5.2, 52.1],
  [5.2, 52],
]);
const options = { quantization: 1e5, minWeight: 0 };

describe('snapBorders', () => {
  it('makes borders that run a few metres apart one shared border', () => {
    expect(compactTopology('areas', [west, east], options).neighbours).toEqual([[], []]);
    expect(compactTopology('areas', snapBorders([west, east], 10), options).neighbours).toEqual([[1], [0]]);
  });

  it('leaves borders further apart than the tolerance alone', () => {
    expect(compactTopology('areas', snapBorders([west, east], 2), options).neighbours).toEqual([[], []]);
  });

  it('moves no vertex and adds the stray one to the other side', () => {
    const [snappedWest, snappedEast] = snapBorders([west, east], 10);
    expect(snappedWest?.geometry).toEqual(west.geometry);
    expect(snappedEast?.geometry.coordinates).toEqual([
      [
        [5.1, 52],
        [5.1 + METRES_3, 52.05],
        [5.1, 52.1],
        [5.2, 52.1],
        [5.2, 52],
        [5.1, 52],
      ],
    ]);
  });
});
