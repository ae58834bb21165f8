/**
 * Builds the committed reference geography in data/ from the CBS source files.
 *
 *   pnpm --filter @kwadrant/geo build:data [path/to/cbs]
 *
 * The CBS folder defaults to /work/shared/data/cbs (../../../shared/data/cbs from the
 * package). Output is deterministic: the same sources give byte-identical files, so a
 * rebuild shows up in git only when the data changed.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Feature, FeatureCollection, GeoJsonProperties, MultiPolygon, Polygon } from 'geojson';
import type { Topology } from 'topojson-specification';
import { AGE_BANDS, CBS_ATTRIBUTION, CBS_LICENCE, type TopologyName } from '../src/constants';
import type {
  DataFileMeta,
  DataMeta,
  Pc4Area,
  Pc4AreasFile,
  Pc4PopulationFile,
  Pc4PopulationRecord,
} from '../src/types';
import { parseCsv } from './lib/csv';
import { type AreaFeature, createLocator, interiorPoint } from './lib/geometry';
import { areaKm2, dropDebris, restoreCollapsedAreas } from './lib/repair';
import { snapBorders } from './lib/snap';
import { type CompactOptions, type CompactTopology, compactTopology, decodedAreas } from './lib/topology';

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
const DATA_DIR = path.join(PACKAGE_DIR, 'data');

const SOURCES = {
  pc4: {
    file: 'pc4_2022_wgs84.geojson',
    text: 'CBS postcode-4 (PC4) area boundaries 2022, generalised (WGS84)',
    year: 2022,
  },
  gemeente: {
    file: 'gemeente_2025_wgs84.geojson',
    text: 'CBS municipality boundaries 2025, generalised (WGS84)',
    year: 2025,
  },
  ggd: {
    file: 'ggdregio_2022_wgs84.geojson',
    text: 'CBS GGD region boundaries 2022, generalised (WGS84)',
    year: 2022,
  },
  population: {
    file: 'pc4_population_age5_sex_2021.csv',
    text: 'CBS 83502NED: residents per PC4 by 5-year age band and sex, 1 January 2021',
    year: 2021,
  },
  regions: {
    file: 'postcode_population_gemeente_ggd_2021.csv',
    text: 'CBS 83503NED: residents per PC4 with municipality, province and GGD region, 1 January 2021',
    year: 2021,
  },
} as const;

/**
 * The PC4 map is the big one: a weight of 1e-5 deg² (a triangle of about 0.08 km²) puts
 * it at about 1.3 MB while borders still follow streets at region zoom. Simplifying
 * harder hardly shrinks it, as the endpoints of its ~21,000 arcs always stay. The
 * municipality and GGD files are small and their sources already coarse: they keep
 * nearly every vertex.
 */
const COMPACT: Record<TopologyName, CompactOptions> = {
  pc4: { quantization: 1e5, minWeight: 1e-5 },
  gemeente: { quantization: 1e5, minWeight: 4e-7 },
  ggd: { quantization: 1e5, minWeight: 4e-7 },
};

/**
 * Extra polygon parts smaller than this (m², a 10 m square) are generalisation debris:
 * quantization (a 1e5 cell is about 8 m²) and snapping can turn them inside out.
 */
const DEBRIS_M2 = 100;

/** PC4 borders that CBS generalised apart, up to this many metres, are made to coincide. */
const SNAP_M = 10;

type Pc4Props = { postcode: number; inwoners: number | null; oppervlakte_km2: number };
type GemeenteProps = { statcode: string; statnaam: string };
type GgdProps = { ggdregio: string };
type CsvRow = Record<string, string>;

function main(): void {
  const cbsDir = path.resolve(process.argv[2] ?? path.join(PACKAGE_DIR, '../../../shared/data/cbs'));
  const read = (file: string) => readFileSync(path.join(cbsDir, file), 'utf8');
  const readAreas = <P>(file: string) =>
    (JSON.parse(read(file)) as FeatureCollection<Polygon | MultiPolygon, P>).features;

  const pc4Shapes = buildPc4Shapes(readAreas<Pc4Props>(SOURCES.pc4.file));
  const pc4 = pc4Shapes.areas;
  const gemeenten = readAreas<GemeenteProps>(SOURCES.gemeente.file).sort(byKey((f) => f.properties.statcode));
  const ggds = readAreas<GgdProps>(SOURCES.ggd.file).sort(byKey((f) => f.properties.ggdregio));
  const gemeenteTopology = compactTopology(
    'gemeente',
    gemeenten.map((f) => withProperties(f, { code: f.properties.statcode, name: f.properties.statnaam })),
    COMPACT.gemeente,
  );
  const ggdTopology = compactTopology(
    'ggd',
    ggds.map((f) => withProperties(f, { name: f.properties.ggdregio })),
    COMPACT.ggd,
  );

  const neighbours = new Map(
    pc4.map((f, i) => [
      postcodeOf(f),
      (pc4Shapes.topology.neighbours[i] ?? []).map((j) => postcodeOf(pc4[j])),
    ]),
  );
  const regionRows = new Map(
    parseCsv(read(SOURCES.regions.file))
      .filter((r) => isPc4(r.postcode))
      .map((r) => [r.postcode ?? '', r]),
  );
  const areas = buildAreas(pc4, gemeenten, ggds, regionRows, neighbours);
  const population = buildPopulation(
    parseCsv(read(SOURCES.population.file)).filter((r) => isPc4(r.postcode)),
    new Set(pc4.map(postcodeOf)),
  );

  const areasFile: Pc4AreasFile = {
    attribution: CBS_ATTRIBUTION,
    sources: [SOURCES.regions.text, SOURCES.pc4.text, SOURCES.gemeente.text, SOURCES.ggd.text],
    municipalities: Object.fromEntries(gemeenten.map((f) => [f.properties.statcode, f.properties.statnaam])),
    ggdRegions: ggds.map((f) => f.properties.ggdregio),
    areas: areas.records,
  };
  const populationFile: Pc4PopulationFile = {
    attribution: CBS_ATTRIBUTION,
    source: SOURCES.population.text,
    year: SOURCES.population.year,
    ageBands: [...AGE_BANDS],
    areas: population.records,
  };

  mkdirSync(DATA_DIR, { recursive: true });
  const files: DataFileMeta[] = [
    writeTopology(
      'pc4',
      pc4Shapes.topology.topology,
      pc4,
      SOURCES.pc4,
      'PC4 postcode areas; properties postcode, inwoners',
    ),
    writeTopology(
      'gemeente',
      gemeenteTopology.topology,
      gemeenten,
      SOURCES.gemeente,
      'municipalities; properties code, name',
    ),
    writeTopology('ggd', ggdTopology.topology, ggds, SOURCES.ggd, 'GGD regions; property name'),
    writeData('pc4-population.json', stringifyByLine(populationFile), {
      description: 'residents per PC4 by CBS 5-year age band and sex',
      source: SOURCES.population.text,
      year: SOURCES.population.year,
      count: Object.keys(population.records).length,
    }),
    writeData('pc4-areas.json', stringifyByLine(areasFile), {
      description:
        'PC4 → 2025 municipality, GGD region, province, place, residents, interior point, neighbours',
      source: `${SOURCES.regions.text}; municipalities located in the ${SOURCES.gemeente.text}`,
      year: `${SOURCES.regions.year}; municipalities ${SOURCES.gemeente.year}`,
      count: Object.keys(areas.records).length,
    }),
  ];
  const meta: DataMeta = { attribution: CBS_ATTRIBUTION, licence: CBS_LICENCE, files };
  writeFileSync(path.join(DATA_DIR, 'meta.json'), `${JSON.stringify(meta, null, 2)}\n`);

  const simplification = (name: string, t: CompactTopology) =>
    `${name} kept ${(t.keptShare * 100).toFixed(0)} % of vertices (${t.protectedRings} small rings kept at more detail)`;
  const lines = [
    `CBS sources: ${cbsDir}`,
    ...files.map(
      (f) =>
        `  ${f.file.padEnd(20)} ${String(f.count).padStart(5)} ${f.object ? 'features' : 'areas   '} ${(f.bytes / 1024).toFixed(0).padStart(5)} KB`,
    ),
    `simplification: ${simplification('pc4', pc4Shapes.topology)}; ${simplification('gemeente', gemeenteTopology)}; ${simplification('ggd', ggdTopology)}`,
    ...pc4Shapes.report,
    ...areas.report,
    ...population.report,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

/**
 * The PC4 boundaries as a compact topology. The CBS file needs three repairs first:
 * debris parts go, areas that generalisation collapsed get their hole back, and borders
 * generalised apart are snapped together (which also reveals who borders whom).
 */
function buildPc4Shapes(source: AreaFeature<Pc4Props>[]): {
  areas: AreaFeature<Pc4Props>[];
  topology: CompactTopology;
  report: string[];
} {
  const cleaned = source
    .sort((a, b) => a.properties.postcode - b.properties.postcode)
    .map((f) => dropDebris(f, DEBRIS_M2));
  const { areas, restored, unrestored } = restoreCollapsedAreas(
    cleaned.map((c) => c.area),
    (f) => f.properties.oppervlakte_km2,
    COMPACT.pc4.quantization,
  );
  const topology = compactTopology(
    'pc4',
    snapBorders(areas, SNAP_M).map((f) =>
      withProperties(f, { postcode: postcodeOf(f), inwoners: f.properties.inwoners }),
    ),
    COMPACT.pc4,
  );
  const pairs = topology.neighbours.reduce((n, list) => n + list.length, 0) / 2;
  const lonely = areas.filter((_, i) => topology.neighbours[i]?.length === 0).map(postcodeOf);
  const postcodes = (indexes: number[]) => list(indexes.map((i) => postcodeOf(areas[i])));
  return {
    areas,
    topology,
    report: [
      `PC4 repairs: ${cleaned.reduce((n, c) => n + c.dropped, 0)} debris parts < ${DEBRIS_M2} m² dropped; collapsed by CBS generalisation and restored from the hole left: ${postcodes(restored)}; collapsed, not restorable: ${postcodes(unrestored)}`,
      `PC4 neighbours: ${pairs} pairs; areas without neighbours: ${list(lonely)}`,
    ],
  };
}

/**
 * The PC4 → region table. The municipality is the 2025 municipality of the 2021 name CBS
 * gives (CBS assigns a PC4 that straddles a border to the municipality where most of its
 * residents live); where that name no longer exists (mergers since 2021) or is blank, it
 * is the 2025 municipality that contains the area's interior point. A pure spatial join
 * misplaces 22 straddling areas, e.g. 2807 (Gouda, 10,890 residents) whose polder part
 * puts its centroid in Krimpenerwaard.
 */
function buildAreas(
  pc4: readonly AreaFeature<Pc4Props>[],
  gemeenten: readonly AreaFeature<GemeenteProps>[],
  ggds: readonly AreaFeature<GgdProps>[],
  rows: ReadonlyMap<string, CsvRow>,
  neighbours: ReadonlyMap<string, string[]>,
): { records: Record<string, Omit<Pc4Area, 'postcode'>>; report: string[] } {
  const gemeenteAt = createLocator(gemeenten);
  const ggdAt = createLocator(ggds);
  const byName = municipalitiesByName(gemeenten);
  const ggdNames = new Set(ggds.map((f) => f.properties.ggdregio));

  const records: Record<string, Omit<Pc4Area, 'postcode'>> = {};
  const noGeometry: string[] = [];
  const noRow: string[] = [];
  const unmatched: string[] = [];
  const centroidOutside: string[] = [];
  const straddling: string[] = [];
  const ggdByLocation: string[] = [];
  const mergers = new Map<string, number>();
  let byLocation = 0;

  for (const f of pc4) {
    const postcode = postcodeOf(f);
    const row = rows.get(postcode);
    if (!row) noRow.push(postcode);
    const inside = interiorPoint(f);
    if (!inside) {
      noGeometry.push(postcode);
      continue;
    }
    const { point } = inside;
    if (!inside.centroidInside) centroidOutside.push(postcode);

    const located = gemeenteAt.containing(point);
    const named = row?.gemeente ? byName.get(row.gemeente) : undefined;
    let municipality = named ?? located;
    if (!municipality) {
      unmatched.push(postcode);
      municipality = gemeenteAt.nearest(point);
    }
    if (!named) byLocation++;
    if (named && located && named !== located) {
      straddling.push(`${postcode} ${row?.gemeente} (not ${located.properties.statnaam})`);
    }
    if (!named && row?.gemeente) {
      const key = `${row.gemeente} → ${municipality.properties.statnaam}`;
      mergers.set(key, (mergers.get(key) ?? 0) + 1);
    }

    let ggdRegion = row?.ggdregio ?? '';
    if (!ggdRegion) {
      ggdRegion = (ggdAt.containing(point) ?? ggdAt.nearest(point)).properties.ggdregio;
      ggdByLocation.push(postcode);
    }
    if (!ggdNames.has(ggdRegion)) throw new Error(`PC4 ${postcode}: unknown GGD region "${ggdRegion}"`);

    const inhabitants = row ? count(row.inwoners) : null;
    if (inhabitants !== (f.properties.inwoners ?? null)) {
      throw new Error(
        `PC4 ${postcode}: ${inhabitants} residents in 83503NED, ${f.properties.inwoners} in the boundaries`,
      );
    }
    records[postcode] = {
      municipalityCode: municipality.properties.statcode,
      municipalityName: municipality.properties.statnaam,
      ggdRegion,
      province: row?.provincie ?? '',
      place: row?.plaats || null,
      inhabitants,
      centroid: [round(point[0], 5), round(point[1], 5)],
      neighbours: neighbours.get(postcode) ?? [],
    };
  }

  const provinceFilled = fillProvinces(records);
  const rowsWithoutArea = [...rows.keys()].filter((pc) => !pc4.some((f) => postcodeOf(f) === pc));
  const multiGgd = municipalitiesInSeveralGgds(records);
  return {
    records,
    report: [
      `PC4 areas: ${Object.keys(records).length} of ${pc4.length}; without geometry (left out): ${list(noGeometry)}`,
      `  boundaries without a 83503NED row: ${list(noRow)}; rows without boundaries: ${list(rowsWithoutArea)}`,
      `  municipality by 2021 name: ${Object.keys(records).length - byLocation}, by location: ${byLocation}, matched no municipality (nearest used): ${unmatched.length}${unmatched.length ? ` ${list(unmatched)}` : ''}`,
      `  centroid outside its area (chord midpoint used): ${centroidOutside.length}`,
      `  mergers since 2021: ${[...mergers].map(([k, n]) => `${k} (${n})`).join(', ')}`,
      `  straddling a border, kept in CBS's municipality: ${straddling.length}: ${straddling.join(', ')}`,
      `  GGD region by location: ${list(ggdByLocation)}; province from its municipality: ${list(provinceFilled)}`,
      `  2025 municipalities whose PC4s lie in several 2021 GGD regions: ${multiGgd.length ? multiGgd.join('; ') : 'none'}`,
    ],
  };
}

/** 2025 municipalities by name, also without CBS's province suffix ('Hengelo (O.)' as 'Hengelo') where unambiguous. */
function municipalitiesByName(
  gemeenten: readonly AreaFeature<GemeenteProps>[],
): Map<string, AreaFeature<GemeenteProps>> {
  const byName = new Map(gemeenten.map((f) => [f.properties.statnaam, f]));
  const bare = new Map<string, AreaFeature<GemeenteProps>[]>();
  for (const f of gemeenten) {
    const name = f.properties.statnaam.replace(/ \([A-Z]+\.\)$/, '');
    if (name !== f.properties.statnaam) bare.set(name, [...(bare.get(name) ?? []), f]);
  }
  for (const [name, matches] of bare) {
    if (matches.length === 1 && matches[0] && !byName.has(name)) byName.set(name, matches[0]);
  }
  return byName;
}

/** Gives areas without a province (no 83503NED row) the province of the rest of their municipality. */
function fillProvinces(records: Record<string, Omit<Pc4Area, 'postcode'>>): string[] {
  const provinceOf = new Map<string, string>();
  for (const r of Object.values(records)) if (r.province) provinceOf.set(r.municipalityCode, r.province);
  const filled: string[] = [];
  for (const [postcode, r] of Object.entries(records)) {
    if (r.province) continue;
    const province = provinceOf.get(r.municipalityCode);
    if (!province) throw new Error(`PC4 ${postcode}: no province`);
    records[postcode] = { ...r, province };
    filled.push(postcode);
  }
  return filled;
}

function municipalitiesInSeveralGgds(records: Record<string, Omit<Pc4Area, 'postcode'>>): string[] {
  const ggds = new Map<string, Map<string, number>>();
  for (const r of Object.values(records)) {
    const key = `${r.municipalityCode} ${r.municipalityName}`;
    const counts = ggds.get(key) ?? new Map<string, number>();
    counts.set(r.ggdRegion, (counts.get(r.ggdRegion) ?? 0) + 1);
    ggds.set(key, counts);
  }
  return [...ggds]
    .filter(([, counts]) => counts.size > 1)
    .map(([key, counts]) => `${key}: ${[...counts].map(([g, n]) => `${g} (${n})`).join(', ')}`);
}

/**
 * Residents per PC4 × age band × sex as published. Postcodes absent from the 2022
 * boundaries are left out; the build checks they have no residents.
 */
function buildPopulation(
  rows: readonly CsvRow[],
  knownPc4s: ReadonlySet<string>,
): { records: Record<string, Pc4PopulationRecord>; report: string[] } {
  const byPc4 = new Map<string, CsvRow[]>();
  for (const row of rows) byPc4.set(row.postcode ?? '', [...(byPc4.get(row.postcode ?? '') ?? []), row]);

  const records: Record<string, Pc4PopulationRecord> = {};
  const dropped: string[] = [];
  const blank: string[] = [];
  for (const postcode of [...byPc4.keys()].sort()) {
    const bands = byPc4.get(postcode) ?? [];
    const labels = bands.map((r) => r.leeftijd);
    if (labels.join() !== AGE_BANDS.join()) throw new Error(`PC4 ${postcode}: age bands ${labels.join()}`);
    if (knownPc4s.has(postcode) && bands.every((r) => r.inwoners === '')) blank.push(postcode);
    const record = {
      men: bands.map((r) => count(r.inwoners_man)),
      women: bands.map((r) => count(r.inwoners_vrouw)),
      total: bands.reduce((n, r) => n + count(r.inwoners), 0),
    };
    if (knownPc4s.has(postcode)) records[postcode] = record;
    else if (record.total > 0) throw new Error(`PC4 ${postcode} has residents but no boundary`);
    else dropped.push(postcode);
  }
  const missing = [...knownPc4s].filter((pc) => !records[pc]);
  return {
    records,
    report: [
      `population: ${Object.keys(records).length} PC4 areas, ${Object.values(records)
        .reduce((n, r) => n + r.total, 0)
        .toLocaleString('en')} residents; all bands blank (no residents, stored as 0): ${list(blank)}`,
      `  without residents and without boundary (left out): ${list(dropped)}; boundaries without population: ${list(missing)}`,
    ],
  };
}

function writeTopology(
  name: TopologyName,
  topology: Topology,
  sources: readonly AreaFeature[],
  source: { text: string; year: number },
  description: string,
): DataFileMeta {
  const file = `${name}.topo.json`;
  const areas = decodedAreas(topology, name);
  // A feature whose polygons all collapsed would vanish from the map without an error;
  // only those that were already smaller than a quantization cell may.
  areas.forEach((a, i) => {
    const source = sources[i];
    if (a === 0 && source && areaKm2(source) * 1e6 >= DEBRIS_M2) {
      throw new Error(`${file}: feature ${JSON.stringify(source.properties)} lost its area`);
    }
  });
  // TopoJSON allows foreign members, so the attribution travels with the served file.
  const { type, ...rest } = topology;
  const text = JSON.stringify({ type, attribution: CBS_ATTRIBUTION, ...rest });
  return {
    ...writeData(file, text, { description, source: source.text, year: source.year, count: areas.length }),
    object: name,
  };
}

function writeData(
  file: string,
  text: string,
  meta: Pick<DataFileMeta, 'description' | 'source' | 'year' | 'count'>,
): DataFileMeta {
  writeFileSync(path.join(DATA_DIR, file), text);
  return { file, ...meta, licence: CBS_LICENCE.name, bytes: Buffer.byteLength(text) };
}

/**
 * JSON with each top-level member and each member of a top-level object on its own line:
 * compact, yet a rebuild's git diff shows which areas changed.
 */
function stringifyByLine(value: object): string {
  const members = Object.entries(value).map(([key, v]) => {
    const inner =
      v !== null && typeof v === 'object' && !Array.isArray(v)
        ? `{\n${Object.entries(v as object)
            .map(([k, x]) => `    ${JSON.stringify(k)}: ${JSON.stringify(x)}`)
            .join(',\n')}\n  }`
        : JSON.stringify(v);
    return `  ${JSON.stringify(key)}: ${inner}`;
  });
  return `{\n${members.join(',\n')}\n}\n`;
}

/** The CSVs mix PC4 rows with 2- and 3-digit aggregates of them. */
function isPc4(postcode: string | undefined): boolean {
  return postcode !== undefined && /^\d{4}$/.test(postcode);
}

function postcodeOf(f: AreaFeature<Pc4Props> | undefined): string {
  if (!f) throw new Error('no PC4 feature');
  return String(f.properties.postcode).padStart(4, '0');
}

/** A CBS count: '9630.0' → 9630; blank (no residents) → 0. */
function count(value: string | undefined): number {
  if (value === undefined || value === '') return 0;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`not a count: "${value}"`);
  return n;
}

function withProperties<P extends GeoJsonProperties>(
  f: AreaFeature,
  properties: P,
): Feature<Polygon | MultiPolygon, P> {
  return { type: 'Feature', properties, geometry: f.geometry };
}

function byKey<T>(key: (t: T) => string): (a: T, b: T) => number {
  return (a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
}

function round(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}

function list(items: readonly string[]): string {
  return items.length === 0 ? 'none' : `${items.length} (${items.join(', ')})`;
}

main();
