import { placeInQuadrant, type Discipline, type OrganisationKind } from '@kwadrant/domain/model';
import type { QuadrantCode } from '@kwadrant/domain/catalogue';
import type { DemoArea, DemoGeography } from './geography';
import { Random } from './random';

/** The size of a demo landscape. */
export interface ScaleSpec {
  name: string;
  /** How many regions; null builds regions over the whole country. */
  regions: number | null;
  quarters: number;
  /** The last complete quarter the data runs to. */
  lastQuarter: string;
}

export const SCALES: Record<'demo' | 'national', ScaleSpec> = {
  demo: { name: 'demo', regions: 3, quarters: 8, lastQuarter: '2026-Q3' },
  national: { name: 'national', regions: null, quarters: 20, lastQuarter: '2026-Q3' },
};
export type ScaleName = keyof typeof SCALES;

export interface DemoOrganisation {
  id: string;
  kind: OrganisationKind;
  name: string;
  codeSystem: 'AGB' | 'UZOVI';
  code: string;
  quadrant: QuadrantCode | null;
  population: number | null;
  disciplines: Discipline[];
  pc4: string | null;
  /** PC4 areas served (collaboratives and regions: the areas they cover; practices: their own area). */
  serviceArea: string[];
}

export interface DemoPractice extends DemoOrganisation {
  kind: 'practice';
  collaborativeId: string;
  regionId: string;
  /** Enrolled patients by age band, men and women, in the geography's age-band order. */
  men: number[];
  women: number[];
  /** Latent practice quality (standard normal): the real practice effect behind its KPIs. */
  quality: number;
}

export interface DemoMembership {
  memberId: string;
  parentId: string;
  validFrom: string;
  validTo: string | null;
}

export interface Landscape {
  scale: ScaleSpec;
  ageBands: readonly string[];
  regions: DemoOrganisation[];
  collaboratives: DemoOrganisation[];
  partners: DemoOrganisation[];
  practices: DemoPractice[];
  insurers: DemoOrganisation[];
  memberships: DemoMembership[];
  /** Market share per region per insurer (each region's shares sum to 1). */
  marketShares: Map<string, Map<string, number>>;
}

// Fictional insurers (codes outside the real UZOVI range in use).
const INSURERS = [
  { name: 'Kustlicht Zorgverzekeraar', code: '8101' },
  { name: 'Polderzorg Verzekeringen', code: '8102' },
  { name: 'Heuvelland Zorg', code: '8103' },
  { name: 'Rivierenland Verzekerd', code: '8104' },
];

const PRACTICE_NAMES = [
  'De Linde',
  'Het Anker',
  'De Brink',
  'Zuiderpark',
  'De Eik',
  'Het Baken',
  'De Wilgen',
  'Oosterpoort',
  'De Meander',
  'Het Kompas',
  'De Esch',
  'Molenzicht',
  'De Hoeksteen',
  'Het Lindeplein',
  'De Kastanje',
  'Rozenhof',
  'De Vaart',
  'Het Gein',
  'De Horst',
  'Torenzicht',
  'De Dijk',
  'Het Veld',
  'De Wiekslag',
  'Kerkplein',
  'De Beuk',
  'Het Plantsoen',
  'De Akker',
  'Schoolstraat',
  'De Bron',
  'Het Hofje',
];

// Seeds for the three demo regions: city-centre postcodes in three provinces (Utrecht, Groningen, Eindhoven).
const DEMO_REGION_SEEDS = ['3511', '9711', '5611'];

/** Inhabitants per GP practice in the Netherlands (≈ 17.5 M / 4,900 practices). */
const INHABITANTS_PER_PRACTICE = 3_600;

/** Grows a contiguous cluster of areas from a seed by breadth-first search until it reaches `target` inhabitants. */
function growCluster(
  seed: DemoArea,
  byPc4: ReadonlyMap<string, DemoArea>,
  available: (pc4: string) => boolean,
  target: number,
  max: number,
): DemoArea[] {
  const cluster: DemoArea[] = [];
  const seen = new Set([seed.pc4]);
  const queue: DemoArea[] = [seed];
  let population = 0;
  while (queue.length > 0 && population < target) {
    const area = queue.shift()!;
    if (cluster.length > 0 && population + area.inhabitants > max) continue;
    cluster.push(area);
    population += area.inhabitants;
    for (const pc4 of area.neighbours) {
      const next = byPc4.get(pc4);
      if (next && !seen.has(pc4) && available(pc4)) {
        seen.add(pc4);
        queue.push(next);
      }
    }
  }
  return cluster;
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Splits `total` into whole parts proportional to `weights` (largest remainder), so the parts add up exactly. */
export function apportion(total: number, weights: readonly number[]): number[] {
  const w = sum(weights);
  if (w <= 0) return weights.map((_, i) => (i === 0 ? total : 0));
  const exact = weights.map((x) => (total * x) / w);
  const parts = exact.map(Math.floor);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  const missing = total - sum(parts);
  for (let k = 0; k < missing; k++) parts[order[k % order.length]!.i]! += 1;
  return parts;
}

/** Partitions areas into contiguous clusters of about `target` inhabitants (never above `max` unless one area is). */
function partition(
  areas: readonly DemoArea[],
  byPc4: ReadonlyMap<string, DemoArea>,
  rng: Random,
  min: number,
  max: number,
): DemoArea[][] {
  const inScope = new Set(areas.map((a) => a.pc4));
  const assigned = new Set<string>();
  const clusters: DemoArea[][] = [];
  for (const area of areas) {
    if (assigned.has(area.pc4)) continue;
    const target = rng.uniform(min + (max - min) * 0.2, max - (max - min) * 0.2);
    const cluster = growCluster(area, byPc4, (pc4) => inScope.has(pc4) && !assigned.has(pc4), target, max);
    cluster.forEach((a) => assigned.add(a.pc4));
    clusters.push(cluster);
  }
  // Clusters left below the band (an island, a corner) join a neighbour: one that stays within the
  // band if there is one; a very small remnant joins the smallest neighbour regardless.
  const clusterOf = new Map<string, number>();
  clusters.forEach((c, i) => c.forEach((a) => clusterOf.set(a.pc4, i)));
  const population = clusters.map((c) => sum(c.map((a) => a.inhabitants)));
  for (let i = 0; i < clusters.length; i++) {
    if (population[i]! >= min || clusters[i]!.length === 0) continue;
    const neighbours = new Set(
      clusters[i]!.flatMap((a) => a.neighbours.map((n) => clusterOf.get(n))).filter(
        (j): j is number => j !== undefined && j !== i && clusters[j]!.length > 0,
      ),
    );
    // Prefer a neighbour that stays within the band after the merge; otherwise the smallest.
    const candidates = [...neighbours].sort((a, b) => population[a]! - population[b]! || a - b);
    const into =
      candidates.find((j) => population[j]! + population[i]! <= max) ??
      (population[i]! < min / 2 ? candidates[0] : undefined);
    if (into === undefined) continue;
    clusters[into]!.push(...clusters[i]!);
    population[into]! += population[i]!;
    clusters[i]!.forEach((a) => clusterOf.set(a.pc4, into));
    clusters[i] = [];
    population[i] = 0;
  }
  return clusters.filter((c) => c.length > 0);
}

/**
 * Builds a believable primary-care landscape on the real geography: regions of 100,000–200,000
 * inhabitants, collaboratives of neighbouring practices covering 10,000–20,000, practices placed in
 * proportion to population (about one per 3,600 inhabitants) with enrolled lists shaped by their
 * area's real age and sex mix, partners in multidisciplinary collaboratives, and four insurers with
 * regional market shares. Deterministic for a given seed.
 */
export function buildLandscape(geography: DemoGeography, scale: ScaleSpec, seed = 'kwadrant'): Landscape {
  const rng = new Random(`${seed}:${scale.name}`);
  const areas = geography.areas.filter((a) => a.inhabitants > 0).sort((a, b) => a.pc4.localeCompare(b.pc4));
  const byPc4 = new Map(areas.map((a) => [a.pc4, a]));

  let regionClusters: DemoArea[][];
  if (scale.regions === null) {
    regionClusters = partition(areas, byPc4, rng.fork('regions'), 100_000, 200_000);
  } else {
    const taken = new Set<string>();
    // Prefer the named city seeds; a geography without them (a test grid) gets evenly spaced seeds.
    const seeds = DEMO_REGION_SEEDS.map((pc4) => byPc4.get(pc4)).filter(
      (a): a is DemoArea => a !== undefined,
    );
    const chosen =
      seeds.length >= scale.regions
        ? seeds.slice(0, scale.regions)
        : Array.from(
            { length: scale.regions },
            (_, i) => areas[Math.floor((i * areas.length) / scale.regions!)]!,
          );
    regionClusters = chosen.map((seedArea) => {
      const cluster = growCluster(
        seedArea,
        byPc4,
        (p) => !taken.has(p),
        rng.uniform(130_000, 170_000),
        200_000,
      );
      cluster.forEach((a) => taken.add(a.pc4));
      return cluster;
    });
  }

  const insurers: DemoOrganisation[] = INSURERS.map((ins) => ({
    id: `ins-${ins.code}`,
    kind: 'insurer',
    name: ins.name,
    codeSystem: 'UZOVI',
    code: ins.code,
    quadrant: null,
    population: null,
    disciplines: [],
    pc4: null,
    serviceArea: [],
  }));

  const regions: DemoOrganisation[] = [];
  const collaboratives: DemoOrganisation[] = [];
  const partners: DemoOrganisation[] = [];
  const practices: DemoPractice[] = [];
  const memberships: DemoMembership[] = [];
  const marketShares = new Map<string, Map<string, number>>();
  const since = '2020-01-01';
  let agb = 1;

  regionClusters.forEach((cluster, r) => {
    const regionRng = rng.fork(`region-${r}`);
    const regionPopulation = sum(cluster.map((a) => a.inhabitants));
    const municipality = mostCommon(cluster.map((a) => a.municipalityName));
    const regionMulti = regionRng.chance(0.6);
    const region: DemoOrganisation = {
      id: `reg-${pad(r + 1, 3)}`,
      kind: 'region',
      name: `Regio ${municipality}${scale.regions === null ? ` ${r + 1}` : ''}`,
      codeSystem: 'AGB',
      code: `07${pad(900_000 + r, 6)}`,
      quadrant: null,
      population: regionPopulation,
      disciplines: regionMulti ? ['huisarts', 'wijkverpleging', 'sociaal-domein'] : ['huisarts'],
      pc4: null,
      serviceArea: cluster.map((a) => a.pc4).sort(),
    };
    region.quadrant = placeInQuadrant(region);
    regions.push(region);

    // One dominant insurer per region (55–65 %), the others share the rest.
    const dominant = r % insurers.length;
    const dominantShare = regionRng.uniform(0.55, 0.65);
    const others = insurers.map((_, i) => (i === dominant ? 0 : regionRng.uniform(0.5, 1.5)));
    const rest = sum(others);
    marketShares.set(
      region.id,
      new Map(
        insurers.map((ins, i) => [
          ins.id,
          i === dominant ? dominantShare : ((1 - dominantShare) * others[i]!) / rest,
        ]),
      ),
    );

    const collabClusters = partition(cluster, byPc4, regionRng.fork('collaboratives'), 10_000, 20_000);
    collabClusters.forEach((areasOfCollab, c) => {
      const collabRng = regionRng.fork(`collab-${c}`);
      const population = sum(areasOfCollab.map((a) => a.inhabitants));
      const place = mostCommon(areasOfCollab.map((a) => a.place ?? a.municipalityName));
      const multi = collabRng.chance(0.45);
      const collab: DemoOrganisation = {
        id: `col-${pad(r + 1, 3)}-${pad(c + 1, 3)}`,
        kind: 'collaborative',
        name: `${multi ? 'Gezondheidsnetwerk' : 'Huisartsen'} ${place}${collabClusters.length > 1 ? ` ${romanOrNumber(c + 1)}` : ''}`,
        codeSystem: 'AGB',
        code: `07${pad(500_000 + collaboratives.length, 6)}`,
        quadrant: null,
        population,
        disciplines: multi ? ['huisarts', 'wijkverpleging', 'fysiotherapie', 'sociaal-domein'] : ['huisarts'],
        pc4: areasOfCollab[0]!.pc4,
        serviceArea: areasOfCollab.map((a) => a.pc4).sort(),
      };
      collab.quadrant = placeInQuadrant(collab);
      collaboratives.push(collab);
      memberships.push({ memberId: collab.id, parentId: region.id, validFrom: since, validTo: null });

      if (multi) {
        const partner: DemoOrganisation = {
          id: `prt-${collab.id.slice(4)}`,
          kind: 'partner',
          name: `Wijkverpleging ${place}`,
          codeSystem: 'AGB',
          code: `75${pad(100_000 + partners.length, 6)}`,
          quadrant: null,
          population: null,
          disciplines: ['wijkverpleging'],
          pc4: collab.pc4,
          serviceArea: collab.serviceArea,
        };
        partner.quadrant = placeInQuadrant(partner);
        partners.push(partner);
        memberships.push({ memberId: partner.id, parentId: collab.id, validFrom: since, validTo: null });
      }

      // Practices in proportion to population, each in one of the collaborative's areas; residents of an
      // area without a practice enrol at the nearest one. About 97 % of residents enrol locally.
      const count = Math.max(1, Math.round(population / INHABITANTS_PER_PRACTICE));
      const perArea = apportion(
        count,
        areasOfCollab.map((a) => a.inhabitants),
      );
      const hosts = areasOfCollab.filter((_, ai) => perArea[ai]! > 0);
      const hostPractices = new Map<string, DemoPractice[]>();
      areasOfCollab.forEach((area, ai) => {
        const list: DemoPractice[] = [];
        for (let k = 0; k < perArea[ai]!; k++) {
          const id = `pra-${pad(agb, 5)}`;
          list.push({
            id,
            kind: 'practice',
            name: `Huisartsenpraktijk ${PRACTICE_NAMES[(agb * 7 + k) % PRACTICE_NAMES.length]} ${area.place ?? area.municipalityName}`,
            codeSystem: 'AGB',
            code: `01${pad(agb, 6)}`,
            quadrant: 'Q1',
            population: 0,
            disciplines: ['huisarts'],
            pc4: area.pc4,
            serviceArea: [area.pc4],
            collaborativeId: collab.id,
            regionId: region.id,
            men: area.men.map(() => 0),
            women: area.women.map(() => 0),
            quality: collabRng.normal(),
          });
          agb++;
        }
        if (list.length > 0) hostPractices.set(area.pc4, list);
      });
      // Lists vary in size (single-handed to group practices): a size weight per practice.
      const weight = new Map(
        [...hostPractices.values()].flat().map((p) => [p.id, collabRng.uniform(0.6, 1.4)]),
      );
      for (const area of areasOfCollab) {
        const host = hostPractices.has(area.pc4) ? area : nearest(area, hosts);
        const atHost = hostPractices.get(host.pc4)!;
        const shares = atHost.map((p) => weight.get(p.id)!);
        const enrol = (counts: readonly number[], into: (p: DemoPractice) => number[]) =>
          counts.forEach((c, band) => {
            apportion(Math.round(c * 0.97), shares).forEach((n, k) => {
              into(atHost[k]!)[band]! += n;
            });
          });
        enrol(area.men, (p) => p.men);
        enrol(area.women, (p) => p.women);
        if (host !== area) atHost.forEach((p) => p.serviceArea.push(area.pc4));
      }
      for (const practice of [...hostPractices.values()].flat()) {
        practice.population = sum(practice.men) + sum(practice.women);
        practice.serviceArea.sort();
        practices.push(practice);
        memberships.push({ memberId: practice.id, parentId: collab.id, validFrom: since, validTo: null });
      }
    });
  });

  // Mergers and moves happen: one practice per region moves to a neighbouring collaborative mid-2025.
  for (const region of regions) {
    const collabIds = memberships.filter((m) => m.parentId === region.id).map((m) => m.memberId);
    if (collabIds.length < 2) continue;
    const mover = practices.find((p) => p.regionId === region.id && p.collaborativeId === collabIds[0]);
    if (!mover) continue;
    const old = memberships.find((m) => m.memberId === mover.id)!;
    old.validTo = '2025-06-30';
    memberships.push({ memberId: mover.id, parentId: collabIds[1]!, validFrom: '2025-07-01', validTo: null });
    mover.collaborativeId = collabIds[1]!;
  }

  return {
    scale,
    ageBands: geography.ageBands,
    regions,
    collaboratives,
    partners,
    practices,
    insurers,
    memberships,
    marketShares,
  };
}

/** The area among `candidates` whose centroid is nearest (equirectangular distance is enough at this scale). */
function nearest(area: DemoArea, candidates: readonly DemoArea[]): DemoArea {
  const [lon, lat] = area.centroid;
  const cos = Math.cos((lat * Math.PI) / 180);
  let best = candidates[0]!;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    const d = ((c.centroid[0] - lon) * cos) ** 2 + (c.centroid[1] - lat) ** 2;
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best;
}

function mostCommon(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? 'Onbekend';
}

function romanOrNumber(n: number): string {
  return ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'][n - 1] ?? String(n);
}
