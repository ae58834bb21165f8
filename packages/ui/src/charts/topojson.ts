/*
 * A small TopoJSON → GeoJSON decoder for the dashboards' maps (the subset the shipped CBS files use:
 * quantized or plain arcs, Polygon and MultiPolygon geometries in one GeometryCollection), so the map
 * needs no extra library in the browser. Follows the TopoJSON 1.0 specification: arcs are
 * delta-encoded when quantized; a negative arc index ~i means arc i reversed.
 */

type Position = [number, number];

export interface TopologyLike {
  type: 'Topology';
  transform?: { scale: [number, number]; translate: [number, number] };
  arcs: number[][][];
  objects: Record<string, { type: string; geometries?: TopoGeometry[] }>;
}

interface TopoGeometry {
  type: string;
  arcs?: number[][] | number[][][];
  properties?: Record<string, unknown>;
}

export interface FeatureLike {
  type: 'Feature';
  properties: Record<string, unknown>;
  geometry:
    { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] };
}

export interface FeatureCollectionLike {
  type: 'FeatureCollection';
  features: FeatureLike[];
}

/** Decodes every arc to absolute coordinates once. */
function decodeArcs(topology: TopologyLike): Position[][] {
  const t = topology.transform;
  return topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([a, b]) => {
      if (!t) return [a!, b!] as Position;
      x += a!;
      y += b!;
      return [x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]] as Position;
    });
  });
}

/**
 * The features of one object of a topology, optionally only those `keep` accepts (e.g. the PC4 areas
 * of one region), as a GeoJSON FeatureCollection.
 */
export function topologyFeatures(
  topology: TopologyLike,
  objectName: string,
  keep: (properties: Record<string, unknown>) => boolean = () => true,
): FeatureCollectionLike {
  const object = topology.objects[objectName];
  if (!object) throw new Error(`topologyFeatures: no object "${objectName}" in the topology.`);
  const arcs = decodeArcs(topology);
  const ring = (indices: number[]): Position[] => {
    const points: Position[] = [];
    indices.forEach((index, k) => {
      const arc = index >= 0 ? arcs[index]! : [...arcs[~index]!].reverse();
      // Consecutive arcs share their end point: keep it once.
      points.push(...(k === 0 ? arc : arc.slice(1)));
    });
    return points;
  };
  const features: FeatureLike[] = [];
  for (const g of object.geometries ?? []) {
    const properties = g.properties ?? {};
    if (!keep(properties)) continue;
    if (g.type === 'Polygon') {
      features.push({
        type: 'Feature',
        properties,
        geometry: { type: 'Polygon', coordinates: (g.arcs as number[][]).map(ring) },
      });
    } else if (g.type === 'MultiPolygon') {
      features.push({
        type: 'Feature',
        properties,
        geometry: {
          type: 'MultiPolygon',
          coordinates: (g.arcs as number[][][]).map((polygon) => polygon.map(ring)),
        },
      });
    }
  }
  return { type: 'FeatureCollection', features };
}
