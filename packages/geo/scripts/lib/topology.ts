import { geoArea } from 'd3-geo';
import type { Feature, FeatureCollection, GeoJsonProperties, MultiPolygon, Polygon } from 'geojson';
import { feature, neighbors, quantize } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, simplify } from 'topojson-simplify';
import type { GeometryCollection, GeometryObject, Objects, Topology } from 'topojson-specification';

/** How to compact one boundary file. */
export interface CompactOptions {
  /** Grid size of the quantization: 1e5 rounds the Netherlands to about 3 m. */
  quantization: number;
  /**
   * Visvalingam weight (planar triangle area in square degrees) below which a vertex is
   * dropped; at 52°N 1e-5 deg² is about 76,000 m².
   */
  minWeight: number;
}

/** The result of compacting one collection of areas. */
export interface CompactTopology {
  /** The quantized, simplified topology with one GeometryCollection named `name`. */
  topology: Topology;
  /** For each area (in input order), the indexes of the areas it shares a border (an arc) with. */
  neighbours: number[][];
  /** Rings that simplification would have collapsed or reversed, kept at more detail instead. */
  protectedRings: number;
  /** Share of source vertices kept by the simplification. */
  keptShare: number;
}

/**
 * Turns polygon features into a quantized, Visvalingam-simplified TopoJSON topology.
 * Shared borders become one arc, so simplification never opens gaps between neighbours
 * and adjacency can be read off the shared arcs.
 */
export function compactTopology<P extends GeoJsonProperties>(
  name: string,
  features: readonly Feature<Polygon | MultiPolygon, P>[],
  options: CompactOptions,
): CompactTopology {
  const collection: FeatureCollection = { type: 'FeatureCollection', features: [...features] };
  // topojson-server types its result with nullable properties, topojson-simplify without.
  const full = topology({ [name]: collection }, options.quantization) as Topology<Objects>;
  const geometries = geometriesOf(full, name);
  const weighted = presimplify(full);
  const protectedRings = protectSmallRings(weighted, geometries, options.minWeight);
  const simplified = quantize(simplify(weighted, options.minWeight), options.quantization);

  const before = weighted.arcs.reduce((n, arc) => n + arc.length, 0);
  const after = simplified.arcs.reduce((n, arc) => n + arc.length, 0);
  return {
    topology: simplified,
    // An area whose own parts share an arc lists itself; that is not a neighbour.
    neighbours: neighbors(geometries).map((list, i) => list.filter((j) => j !== i)),
    protectedRings,
    keptShare: after / before,
  };
}

/**
 * Keeps enough vertices of each ring that simplification would collapse or turn inside
 * out: small PC4 areas (a few city blocks) and islets would otherwise vanish from the
 * map, and d3 draws a reversed ring as the whole globe. Such a ring keeps the vertices
 * of a 4, 16, 64 … times lower threshold, the first at which it survives. That changes
 * neighbouring rings' shared borders too, so the check repeats until nothing changes.
 */
function protectSmallRings(weighted: Topology, geometries: GeometryObject[], minWeight: number): number {
  const rings = ringsOf(geometries);
  const survives = (ring: number[], weight: number) => {
    const kept = ringPoints(weighted, ring, weight);
    return (
      kept.length > 3 && Math.sign(signedArea(kept)) === Math.sign(signedArea(ringPoints(weighted, ring, 0)))
    );
  };
  const isProtected = new Set<number>();
  for (let changed = true; changed;) {
    changed = false;
    rings.forEach((ring, i) => {
      if (isProtected.has(i) || survives(ring, minWeight)) return;
      let weight = minWeight / 4;
      while (weight > 0 && !survives(ring, weight)) weight = weight > 1e-20 ? weight / 4 : 0;
      for (const index of ring) {
        for (const p of weighted.arcs[index < 0 ? ~index : index] ?? [])
          if ((p[2] ?? 0) >= weight) p[2] = Infinity;
      }
      isProtected.add(i);
      changed = true;
    });
  }
  return isProtected.size;
}

/** The closed ring of positions a list of arc indexes describes, keeping points of at least `minWeight`. */
function ringPoints(t: Topology, ring: number[], minWeight: number): number[][] {
  const points: number[][] = [];
  for (const index of ring) {
    const arc = (t.arcs[index < 0 ? ~index : index] ?? []).filter((p) => (p[2] ?? 0) >= minWeight);
    if (index < 0) arc.reverse();
    points.push(...(points.length > 0 ? arc.slice(1) : arc));
  }
  return points;
}

/** Twice the planar signed area of a closed ring (shoelace formula); the sign gives its winding. */
function signedArea(ring: number[][]): number {
  let sum = 0;
  for (let i = 1; i < ring.length; i++) {
    const [x0 = 0, y0 = 0] = ring[i - 1] ?? [];
    const [x1 = 0, y1 = 0] = ring[i] ?? [];
    sum += x0 * y1 - x1 * y0;
  }
  return sum;
}

/** Every ring (a list of arc indexes) of the polygons in a list of geometry objects. */
function ringsOf(geometries: GeometryObject[]): number[][] {
  return geometries.flatMap((g) =>
    g.type === 'Polygon' ? g.arcs : g.type === 'MultiPolygon' ? g.arcs.flat() : [],
  );
}

function geometriesOf(t: Topology, name: string): GeometryObject[] {
  const object = t.objects[name];
  if (object?.type !== 'GeometryCollection') throw new Error(`topology has no collection "${name}"`);
  return (object as GeometryCollection).geometries;
}

/**
 * Decodes a topology's collection back to GeoJSON and returns, per feature, its area in
 * steradians (0 for a feature without geometry), to prove nothing was lost. Throws on a
 * polygon part larger than a hemisphere: a ring reversed by quantization, which d3 would
 * paint over the whole map.
 */
export function decodedAreas(t: Topology, name: string): number[] {
  const decoded = feature(t, { type: 'GeometryCollection', geometries: geometriesOf(t, name) });
  return decoded.features.map((f) => {
    const g = f.geometry;
    const parts = g?.type === 'Polygon' ? [g.coordinates] : g?.type === 'MultiPolygon' ? g.coordinates : [];
    for (const rings of parts) {
      if (geoArea({ type: 'Polygon', coordinates: rings }) > 2 * Math.PI) {
        throw new Error(`"${name}": feature ${JSON.stringify(f.properties)} has a reversed ring`);
      }
    }
    return geoArea(f);
  });
}
