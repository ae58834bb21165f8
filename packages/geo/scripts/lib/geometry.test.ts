import { geoContains } from 'd3-geo';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { type AreaFeature, createLocator, interiorPoint } from './geometry';

/** A clockwise ring (d3's winding for an outer ring) through the given corners. */
function area(name: string, ...parts: Position[][]): AreaFeature<{ name: string }> {
  return {
    type: 'Feature',
    properties: { name },
    geometry: { type: 'MultiPolygon', coordinates: parts.map((ring) => [[...ring, ring[0] as Position]]) },
  };
}

const square = area('square', [
  [5, 52],
  [5, 52.1],
  [5.1, 52.1],
  [5.1, 52],
]);
// A U open to the north: its centroid lies in the gap between the arms.
const horseshoe = area('horseshoe', [
  [5, 52],
  [5, 52.1],
  [5.02, 52.1],
  [5.02, 52.02],
  [5.08, 52.02],
  [5.08, 52.1],
  [5.1, 52.1],
  [5.1, 52],
]);

describe('interiorPoint', () => {
  it('is the centroid when that lies inside', () => {
    const result = interiorPoint(square);
    expect(result?.centroidInside).toBe(true);
    expect(result?.point[0]).toBeCloseTo(5.05, 6);
  });

  it('falls back to a point inside a shape whose centroid lies outside', () => {
    const result = interiorPoint(horseshoe);
    expect(result?.centroidInside).toBe(false);
    expect(geoContains(horseshoe, result?.point ?? [0, 0])).toBe(true);
  });

  it('is undefined for an empty geometry', () => {
    expect(interiorPoint(area('empty'))).toBeUndefined();
  });
});

describe('createLocator', () => {
  const east = area('east', [
    [5.2, 52],
    [5.2, 52.1],
    [5.3, 52.1],
    [5.3, 52],
  ]);
  const locate = createLocator([square, east]);

  it('finds the area containing a point, or none', () => {
    expect(locate.containing([5.25, 52.05])?.properties.name).toBe('east');
    expect(locate.containing([5.15, 52.05])).toBeUndefined();
  });

  it('finds the nearest area for a point outside all of them', () => {
    expect(locate.nearest([5.12, 52.05]).properties.name).toBe('square');
    expect(locate.nearest([5.18, 52.05]).properties.name).toBe('east');
  });
});
