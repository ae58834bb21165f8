import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { topologyFeatures, type TopologyLike } from './topojson';

// Two unit squares side by side sharing one arc (the middle edge), quantized with scale 1 / translate 10.
const squares: TopologyLike = {
  type: 'Topology',
  transform: { scale: [1, 1], translate: [10, 20] },
  arcs: [
    // 0: the shared edge (1,0) → (1,1)
    [
      [1, 0],
      [0, 1],
    ],
    // 1: left square's outer edges (1,1) → (0,1) → (0,0) → (1,0)
    [
      [1, 1],
      [-1, 0],
      [0, -1],
      [1, 0],
    ],
    // 2: right square's outer edges (1,0) → (2,0) → (2,1) → (1,1)
    [
      [1, 0],
      [1, 0],
      [0, 1],
      [-1, 0],
    ],
  ],
  objects: {
    areas: {
      type: 'GeometryCollection',
      geometries: [
        { type: 'Polygon', arcs: [[0, 1]], properties: { code: 'L' } },
        { type: 'MultiPolygon', arcs: [[[2, ~0]]], properties: { code: 'R' } },
      ],
    },
  },
};

describe('topologyFeatures', () => {
  it('decodes delta-encoded arcs with the transform, and reversed arcs', () => {
    const fc = topologyFeatures(squares, 'areas');
    expect(fc.features).toHaveLength(2);
    expect(fc.features[0]!.geometry).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [11, 20],
          [11, 21],
          [10, 21],
          [10, 20],
          [11, 20],
        ],
      ],
    });
    expect(fc.features[1]!.geometry).toEqual({
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [11, 20],
            [12, 20],
            [12, 21],
            [11, 21],
            [11, 20],
          ],
        ],
      ],
    });
  });

  it('keeps only the features asked for and refuses an unknown object', () => {
    expect(
      topologyFeatures(squares, 'areas', (p) => p.code === 'R').features.map((f) => f.properties.code),
    ).toEqual(['R']);
    expect(() => topologyFeatures(squares, 'nope')).toThrow(/no object/);
  });

  it('decodes the shipped CBS municipalities into closed rings inside the Netherlands', () => {
    const file = resolve(dirname(fileURLToPath(import.meta.url)), '../../../geo/data/gemeente.topo.json');
    const topology = JSON.parse(readFileSync(file, 'utf8')) as TopologyLike;
    const fc = topologyFeatures(topology, 'gemeente');
    expect(fc.features).toHaveLength(342);
    const utrecht = fc.features.find((f) => f.properties.name === 'Utrecht')!;
    const rings =
      utrecht.geometry.type === 'Polygon'
        ? utrecht.geometry.coordinates
        : utrecht.geometry.coordinates.flat();
    for (const ring of rings) {
      expect(ring[0]).toEqual(ring.at(-1));
      for (const [lon, lat] of ring) {
        expect(lon).toBeGreaterThan(4.9);
        expect(lon).toBeLessThan(5.3);
        expect(lat).toBeGreaterThan(52);
        expect(lat).toBeLessThan(52.2);
      }
    }
  });
});
