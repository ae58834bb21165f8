import { geoArea, geoDistance } from 'd3-geo';
import type { Feature, FeatureCollection, GeoJsonProperties, MultiPolygon, Polygon, Position } from 'geojson';
import { merge } from 'topojson-client';
import { topology } from 'topojson-server';
import type {
  GeometryCollection,
  MultiPolygon as TopoMultiPolygon,
  Polygon as TopoPolygon,
} from 'topojson-specification';
import { type AreaFeature, type LonLat, polygonsOf } from './geometry';

const EARTH_RADIUS_KM = 6371.0088;

/** Area in km² of a GeoJSON polygon (as rings), a feature, or anything d3-geo can measure. */
export function areaKm2(object: Parameters<typeof geoArea>[0]): number {
  return geoArea(object) * EARTH_RADIUS_KM ** 2;
}

/**
 * Drops polygon parts smaller than `minM2` (CBS generalisation debris): such a part
 * spans a few quantization cells and can come out with its ring reversed, which d3 then
 * draws as the whole globe. A feature always keeps its largest part.
 */
export function dropDebris<P extends GeoJsonProperties>(
  area: AreaFeature<P>,
  minM2: number,
): { area: AreaFeature<P>; dropped: number } {
  const parts = polygonsOf(area);
  if (parts.length < 2) return { area, dropped: 0 };
  const sizes = parts.map((rings) => areaKm2({ type: 'Polygon', coordinates: rings }) * 1e6);
  const largest = sizes.indexOf(Math.max(...sizes));
  const kept = parts.filter((_, i) => i === largest || (sizes[i] ?? 0) >= minM2);
  if (kept.length === parts.length) return { area, dropped: 0 };
  return {
    area: { ...area, geometry: { type: 'MultiPolygon', coordinates: kept } },
    dropped: parts.length - kept.length,
  };
}

/**
 * CBS generalisation collapsed a few PC4 areas to slivers of a few m², leaving a hole of
 * their size between their neighbours. This gives each collapsed area back the hole it
 * left: a hole in the union of all areas that touches the sliver and whose size matches
 * the area CBS states for it (within 2 %). Areas without exactly one such hole stay as
 * they are and are reported.
 */
export function restoreCollapsedAreas<P extends GeoJsonProperties>(
  areas: readonly AreaFeature<P>[],
  statedKm2: (area: AreaFeature<P>) => number,
  quantization: number,
): { areas: AreaFeature<P>[]; restored: number[]; unrestored: number[] } {
  const collapsed = areas
    .map((area, index) => ({ area, index }))
    .filter(({ area }) => statedKm2(area) > 0 && areaKm2(area) < 0.01 * statedKm2(area));
  if (collapsed.length === 0) return { areas: [...areas], restored: [], unrestored: [] };

  const holes = holesInUnion(areas, quantization).map((ring) => ({ ring, km2: ringAreaKm2(ring) }));
  const result = [...areas];
  const restored: number[] = [];
  const unrestored: number[] = [];
  for (const { area, index } of collapsed) {
    const stated = statedKm2(area);
    const sliver = polygonsOf(area).flat(2) as LonLat[];
    const matches = holes.filter(
      (hole) => Math.abs(hole.km2 - stated) <= 0.02 * stated && nearestKm(sliver, hole.ring) < 0.05,
    );
    const hole = matches.length === 1 ? matches[0] : undefined;
    if (!hole) {
      unrestored.push(index);
      continue;
    }
    result[index] = { ...area, geometry: { type: 'Polygon', coordinates: [outward(hole.ring)] } };
    restored.push(index);
  }
  return { areas: result, restored, unrestored };
}

/** The interior rings of the union of all areas: lakes, and gaps no area covers. */
function holesInUnion(areas: readonly Feature<Polygon | MultiPolygon>[], quantization: number): Position[][] {
  const collection: FeatureCollection = { type: 'FeatureCollection', features: [...areas] };
  const t = topology({ areas: collection }, quantization);
  const geometries = (t.objects.areas as GeometryCollection).geometries as (TopoPolygon | TopoMultiPolygon)[];
  return merge(t, geometries).coordinates.flatMap((rings) => rings.slice(1));
}

/** A hole ring winds the other way round; d3 reads a ring by its winding, so turn it into an outer ring. */
function outward(ring: Position[]): Position[] {
  const asOuter = geoArea({ type: 'Polygon', coordinates: [ring] }) <= 2 * Math.PI;
  return asOuter ? ring : [...ring].reverse();
}

function ringAreaKm2(ring: Position[]): number {
  return areaKm2({ type: 'Polygon', coordinates: [outward(ring)] });
}

function nearestKm(points: readonly LonLat[], ring: readonly Position[]): number {
  let min = Infinity;
  for (const p of points) {
    for (const q of ring) min = Math.min(min, geoDistance(p, q as LonLat) * EARTH_RADIUS_KM);
  }
  return min;
}
