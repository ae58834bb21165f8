import { geoArea, geoBounds, geoCentroid, geoContains, geoDistance } from 'd3-geo';
import type { Feature, GeoJsonProperties, MultiPolygon, Polygon, Position } from 'geojson';

/** A polygonal GeoJSON feature, as in every CBS boundary file. */
export type AreaFeature<P extends GeoJsonProperties = GeoJsonProperties> = Feature<Polygon | MultiPolygon, P>;

/** A longitude/latitude pair in degrees (WGS84). */
export type LonLat = [number, number];

/** Number of horizontal chords tried per area when the centroid lies outside it. */
const CHORDS = 32;

/**
 * A point inside an area: its spherical centroid when that lies inside, otherwise the
 * middle of the widest horizontal chord through its largest part. Crescents, U-shapes
 * and areas made of several islands have centroids outside themselves, and a point
 * outside the area would be located in the wrong municipality. Undefined for an empty
 * geometry (CBS generalisation erased PC4 5028 entirely).
 */
export function interiorPoint(area: AreaFeature): { point: LonLat; centroidInside: boolean } | undefined {
  if (polygonsOf(area).length === 0) return undefined;
  const centroid = geoCentroid(area);
  if (geoContains(area, centroid)) return { point: centroid, centroidInside: true };

  const largest = polygonsOf(area).reduce((best, rings) =>
    polygonArea(rings) > polygonArea(best) ? rings : best,
  );
  for (const candidate of chordMidpoints(largest)) {
    if (geoContains(area, candidate)) return { point: candidate, centroidInside: false };
  }
  throw new Error('interiorPoint: no chord midpoint lies inside the area');
}

/**
 * Midpoints of the inside stretches of horizontal lines across a polygon, widest first.
 * Crossings are counted even-odd over all rings, so holes and self-intersections
 * (65 CBS PC4 polygons have them) only shorten or split stretches.
 */
function chordMidpoints(rings: Position[][]): LonLat[] {
  const [[, south], [, north]] = geoBounds({ type: 'Polygon', coordinates: rings });
  const chords: { width: number; point: LonLat }[] = [];
  for (let k = 1; k <= CHORDS; k++) {
    const y = south + ((north - south) * k) / (CHORDS + 1);
    const xs: number[] = [];
    for (const ring of rings) {
      for (let i = 1; i < ring.length; i++) {
        const [ax, ay] = ring[i - 1] as [number, number];
        const [bx, by] = ring[i] as [number, number];
        if (ay > y !== by > y) xs.push(ax + ((y - ay) * (bx - ax)) / (by - ay));
      }
    }
    xs.sort((a, b) => a - b);
    for (let i = 0; i + 1 < xs.length; i += 2) {
      const [x0, x1] = [xs[i] as number, xs[i + 1] as number];
      chords.push({ width: x1 - x0, point: [(x0 + x1) / 2, y] });
    }
  }
  return chords.sort((a, b) => b.width - a.width).map((c) => c.point);
}

/** The polygons (each a list of rings) of a Polygon or MultiPolygon feature. */
export function polygonsOf(area: AreaFeature): Position[][][] {
  const g = area.geometry;
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

function polygonArea(rings: Position[][]): number {
  return geoArea({ type: 'Polygon', coordinates: rings });
}

/** Great-circle distance in radians from a point to the nearest vertex of an area. */
export function distanceToArea(point: LonLat, area: AreaFeature): number {
  let min = Infinity;
  for (const rings of polygonsOf(area)) {
    for (const ring of rings) {
      for (const p of ring) min = Math.min(min, geoDistance(point, p as LonLat));
    }
  }
  return min;
}

/**
 * Locates points in a set of areas. A bounding-box test first keeps the join of ~4,000
 * points against hundreds of detailed polygons fast.
 */
export function createLocator<P extends GeoJsonProperties>(areas: readonly AreaFeature<P>[]) {
  const boxes = areas.map((a) => geoBounds(a));
  return {
    /** The area that contains the point, or undefined when none does. */
    containing(point: LonLat): AreaFeature<P> | undefined {
      const [x, y] = point;
      return areas.find((area, i) => {
        const [[w, s], [e, n]] = boxes[i] ?? [
          [0, 0],
          [0, 0],
        ];
        return x >= w && x <= e && y >= s && y <= n && geoContains(area, point);
      });
    },
    /** The area with a boundary vertex nearest to the point. */
    nearest(point: LonLat): AreaFeature<P> {
      let best: AreaFeature<P> | undefined;
      let bestDistance = Infinity;
      for (const area of areas) {
        const d = distanceToArea(point, area);
        if (d < bestDistance) [best, bestDistance] = [area, d];
      }
      if (!best) throw new Error('nearest: no areas');
      return best;
    },
  };
}
