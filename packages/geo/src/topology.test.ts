import { readFileSync, statSync } from 'node:fs';
import { geoArea, geoContains } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import {
  CBS_ATTRIBUTION,
  TOPOLOGY_NAMES,
  type TopologyName,
  ggdRegions,
  loadDataMeta,
  loadPc4Areas,
  municipalities,
  readTopology,
  topologyPath,
} from './index';

/** The properties of the three topologies: postcode (pc4), code and name (gemeente), name (ggd). */
type Props = { postcode?: string; code?: string; name?: string };

function decode(name: TopologyName) {
  const topology = JSON.parse(readTopology(name)) as Topology & { attribution?: string };
  const object = topology.objects[name] as GeometryCollection<Props>;
  return { topology, features: feature<Props>(topology, object).features };
}

describe('topologies', () => {
  it.each([
    ['pc4', 4068],
    ['gemeente', 342],
    ['ggd', 25],
  ] as const)('%s decodes to %i features carrying the attribution', (name, count) => {
    const { topology, features } = decode(name);
    expect(features).toHaveLength(count);
    expect(topology.attribution).toBe(CBS_ATTRIBUTION);
    expect(topology.transform).toBeDefined(); // quantized
  });

  it('stay small enough to send to a browser', () => {
    expect(statSync(topologyPath('pc4')).size).toBeLessThan(1.5 * 1024 * 1024);
    expect(statSync(topologyPath('gemeente')).size).toBeLessThan(300 * 1024);
    expect(statSync(topologyPath('ggd')).size).toBeLessThan(300 * 1024);
  });

  it('keep every area with a shape, and no ring turned inside out', () => {
    for (const name of TOPOLOGY_NAMES) {
      const empty = decode(name)
        .features.filter((f) => {
          const area = geoArea(f);
          // A reversed ring makes d3 fill the rest of the globe.
          expect(area, JSON.stringify(f.properties)).toBeLessThan(2 * Math.PI);
          return area === 0;
        })
        .map((f) => f.properties?.postcode);
      // 5028 has no geometry and 1623 is a 7 m² sliver in the CBS file itself.
      expect(empty, name).toEqual(name === 'pc4' ? ['1623', '5028'] : []);
    }
  });

  it('restore the areas CBS generalisation collapsed to slivers', () => {
    // oppervlakte_km2 in the CBS file: 4196 (Tricht) 11.63 km², 7524 (Enschede) 15.36 km².
    const km2 = (postcode: string) => {
      const f = decode('pc4').features.find((x) => x.properties?.postcode === postcode);
      return f ? geoArea(f) * 6371.0088 ** 2 : 0;
    };
    expect(km2('4196')).toBeCloseTo(11.6, 0);
    expect(km2('7524')).toBeCloseTo(15.4, 0);
  });

  it('name PC4 areas, municipalities and GGD regions as the area table does', () => {
    const postcodes = decode('pc4').features.map((f) => f.properties?.postcode ?? '');
    expect(new Set(postcodes).size).toBe(4068);
    expect(postcodes.filter((p) => !loadPc4Areas().has(p))).toEqual(['5028']);

    const gemeenten = decode('gemeente').features.map((f) => `${f.properties?.code} ${f.properties?.name}`);
    expect(gemeenten).toEqual(municipalities().map((m) => `${m.code} ${m.name}`));
    const ggds = decode('ggd').features.map((f) => f.properties?.name);
    expect(ggds).toEqual(ggdRegions().map((g) => g.name));
  });

  it('contain nearly every PC4 centroid inside its simplified area', () => {
    const areas = loadPc4Areas();
    const outside = decode('pc4').features.filter((f) => {
      const area = areas.get(f.properties?.postcode ?? '');
      return area !== undefined && !geoContains(f, [...area.centroid]);
    });
    // Simplification moves borders by up to some tens of metres, so a point near the
    // edge of a narrow area can fall just outside; with the source shapes none does.
    expect(outside.length).toBeLessThanOrEqual(areas.size * 0.005);
  });
});

describe('meta.json', () => {
  it('lists every data file with its licence, count and exact size', () => {
    const meta = loadDataMeta();
    expect(meta.attribution).toBe(CBS_ATTRIBUTION);
    expect(meta.licence.name).toBe('CC BY 4.0');
    expect(meta.files.map((f) => f.file)).toEqual([
      'pc4.topo.json',
      'gemeente.topo.json',
      'ggd.topo.json',
      'pc4-population.json',
      'pc4-areas.json',
    ]);
    for (const f of meta.files) {
      const text = readFileSync(new URL(`../data/${f.file}`, import.meta.url), 'utf8');
      expect(Buffer.byteLength(text), f.file).toBe(f.bytes);
      expect(text, f.file).toContain(CBS_ATTRIBUTION);
    }
    expect(meta.files.find((f) => f.file === 'pc4-areas.json')?.count).toBe(loadPc4Areas().size);
  });

  it('serves a topology as the exact file text', () => {
    expect(readTopology('ggd')).toBe(readFileSync(topologyPath('ggd'), 'utf8'));
  });
});
