import type { GeoJsonProperties, MultiPolygon, Polygon, Position } from 'geojson';
import { type AreaFeature, polygonsOf } from './geometry';

/** Metres per degree at the latitude of the Netherlands (52°N); good to well under 1 % for snapping. */
const M_PER_DEG_LON = 111_320 * Math.cos((52 * Math.PI) / 180);
const M_PER_DEG_LAT = 110_574;

/** Segment index cell size in metres: large enough that long polder borders span few cells. */
const CELL_M = 250;

interface Segment {
  ring: number;
  index: number;
  a: Position;
  b: Position;
}

/**
 * Makes borders that CBS generalised separately for each PC4 area coincide again.
 * Each area's border was simplified on its own, so the two sides of a common border
 * keep different vertices and run up to a few metres apart, with slivers between them.
 * TopoJSON then cannot share the border as one arc: the file balloons with short arcs
 * and neighbours go unnoticed. Two steps, each within `toleranceM` metres: vertices of
 * different areas merge into one, then a vertex lying on another area's edge is added to
 * that edge, so both sides get the same vertex sequence. No vertex moves further than
 * the tolerance. Single-part areas come back as Polygons.
 */
export function snapBorders<P extends GeoJsonProperties>(
  areas: readonly AreaFeature<P>[],
  toleranceM: number,
): AreaFeature<P>[] {
  // Flatten every ring (without its closing point), remembering its area.
  const rings: { area: number; points: Position[] }[] = [];
  areas.forEach((area, i) => {
    for (const polygon of polygonsOf(area)) {
      for (const ring of polygon) rings.push({ area: i, points: ring.slice(0, -1) });
    }
  });

  const original = rings.map((ring) => ring.points);
  mergeVertices(rings, toleranceM);
  insertVerticesOnEdges(rings, toleranceM);
  // A ring narrower than the tolerance can fold over or shrink to nothing; it keeps its own vertices instead.
  rings.forEach((ring, i) => {
    const before = signedArea(original[i] ?? []);
    const after = signedArea(dedupe(ring.points));
    if (Math.sign(after) !== Math.sign(before) || Math.abs(after) < Math.abs(before) / 2) {
      ring.points = original[i] ?? [];
    }
  });

  // Rebuild the features in their original shape.
  let next = 0;
  return areas.map((area) => {
    const polygons = polygonsOf(area).map((polygon) =>
      polygon.map(() => {
        const points = dedupe(rings[next++]?.points ?? []);
        return [...points, points[0] as Position];
      }),
    );
    const geometry: Polygon | MultiPolygon =
      polygons.length === 1 && polygons[0]
        ? { type: 'Polygon', coordinates: polygons[0] }
        : { type: 'MultiPolygon', coordinates: polygons };
    return { ...area, geometry };
  });
}

/** Replaces each vertex by the first vertex of another area within the tolerance. */
function mergeVertices(rings: { area: number; points: Position[] }[], toleranceM: number): void {
  const cell = toleranceM;
  const grid = new Map<string, { p: Position; area: number }[]>();
  for (const ring of rings) {
    ring.points = ring.points.map((p) => {
      const [cx, cy] = cellOf(p, cell);
      let best: Position | undefined;
      let bestD = toleranceM;
      for (let dx = -1; dx <= 1; dx++) {
        for (let dy = -1; dy <= 1; dy++) {
          for (const q of grid.get(`${cx + dx},${cy + dy}`) ?? []) {
            if (q.area === ring.area) continue;
            const d = distanceM(p, q.p);
            if (d <= bestD) [best, bestD] = [q.p, d];
          }
        }
      }
      if (best) return best;
      const key = `${cx},${cy}`;
      grid.set(key, [...(grid.get(key) ?? []), { p, area: ring.area }]);
      return p;
    });
  }
}

/** Adds every vertex that lies within the tolerance of another area's edge to that edge. */
function insertVerticesOnEdges(rings: { area: number; points: Position[] }[], toleranceM: number): void {
  const grid = new Map<string, Segment[]>();
  rings.forEach((ring, r) => {
    ring.points.forEach((a, index) => {
      const b = ring.points[(index + 1) % ring.points.length] as Position;
      const [x0, y0] = cellOf(a, CELL_M);
      const [x1, y1] = cellOf(b, CELL_M);
      for (let x = Math.min(x0, x1); x <= Math.max(x0, x1); x++) {
        for (let y = Math.min(y0, y1); y <= Math.max(y0, y1); y++) {
          const key = `${x},${y}`;
          const list = grid.get(key) ?? [];
          list.push({ ring: r, index, a, b });
          grid.set(key, list);
        }
      }
    });
  });

  // ring → segment index → points to insert, with their position along the segment
  const inserts = new Map<number, Map<number, { t: number; p: Position }[]>>();
  rings.forEach((ring) => {
    for (const p of ring.points) {
      const [cx, cy] = cellOf(p, CELL_M);
      const seen = new Set<Segment>();
      for (let dx = -1; dx <= 1; dx++) {
        for (let dy = -1; dy <= 1; dy++) {
          for (const s of grid.get(`${cx + dx},${cy + dy}`) ?? []) {
            if (seen.has(s) || rings[s.ring]?.area === ring.area) continue;
            seen.add(s);
            if (same(p, s.a) || same(p, s.b)) continue;
            const { t, d } = project(p, s.a, s.b);
            if (t <= 0 || t >= 1 || d > toleranceM) continue;
            const bySegment = inserts.get(s.ring) ?? new Map<number, { t: number; p: Position }[]>();
            bySegment.set(s.index, [...(bySegment.get(s.index) ?? []), { t, p }]);
            inserts.set(s.ring, bySegment);
          }
        }
      }
    }
  });

  for (const [r, bySegment] of inserts) {
    const ring = rings[r];
    if (!ring) continue;
    ring.points = ring.points.flatMap((a, index) => [
      a,
      ...(bySegment.get(index) ?? []).sort((x, y) => x.t - y.t).map((x) => x.p),
    ]);
  }
}

function cellOf(p: Position, cellM: number): [number, number] {
  return [
    Math.floor(((p[0] ?? 0) * M_PER_DEG_LON) / cellM),
    Math.floor(((p[1] ?? 0) * M_PER_DEG_LAT) / cellM),
  ];
}

function distanceM(p: Position, q: Position): number {
  return Math.hypot(((p[0] ?? 0) - (q[0] ?? 0)) * M_PER_DEG_LON, ((p[1] ?? 0) - (q[1] ?? 0)) * M_PER_DEG_LAT);
}

/** Position `t` (0..1) of the foot of p on segment ab, and p's distance to it in metres. */
function project(p: Position, a: Position, b: Position): { t: number; d: number } {
  const [px, py] = [(p[0] ?? 0) * M_PER_DEG_LON, (p[1] ?? 0) * M_PER_DEG_LAT];
  const [ax, ay] = [(a[0] ?? 0) * M_PER_DEG_LON, (a[1] ?? 0) * M_PER_DEG_LAT];
  const [bx, by] = [(b[0] ?? 0) * M_PER_DEG_LON, (b[1] ?? 0) * M_PER_DEG_LAT];
  const [vx, vy] = [bx - ax, by - ay];
  const length2 = vx * vx + vy * vy;
  if (length2 === 0) return { t: 0, d: Math.hypot(px - ax, py - ay) };
  const t = ((px - ax) * vx + (py - ay) * vy) / length2;
  return { t, d: Math.hypot(px - (ax + t * vx), py - (ay + t * vy)) };
}

function same(p: Position, q: Position): boolean {
  return p[0] === q[0] && p[1] === q[1];
}

/** The ring without consecutive repeated points (merged vertices can repeat), first and last included. */
function dedupe(points: Position[]): Position[] {
  const out = points.filter((p, i) => i === 0 || !same(p, points[i - 1] as Position));
  while (out.length > 1 && same(out[0] as Position, out[out.length - 1] as Position)) out.pop();
  return out;
}

/** Twice the planar signed area of an open ring; its sign gives the winding. */
function signedArea(points: Position[]): number {
  let sum = 0;
  points.forEach((p, i) => {
    const q = points[(i + 1) % points.length] as Position;
    sum += (p[0] ?? 0) * (q[1] ?? 0) - (q[0] ?? 0) * (p[1] ?? 0);
  });
  return sum;
}
