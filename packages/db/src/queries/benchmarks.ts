import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { KpiDefinition } from '@kwadrant/domain/catalogue';
import { isActiveOn, periodEndDate, type Membership, type ObservationFigures } from '@kwadrant/domain/model';
import { estimate, overdispersion, percentiles, pointEstimate, sumFigures } from '@kwadrant/domain/stats';
import { queryRows, type Db } from '../client';
import { benchmarks, memberships, observations, organisations, peerGroupMembers } from '../schema';
import { listKpis } from './catalogue';

type BenchmarkRow = typeof benchmarks.$inferInsert;
type Grouping = BenchmarkRow['grouping'];

export interface BenchmarkKey {
  kpiCode: string;
  period: string;
}

interface Unit extends ObservationFigures {
  organisationId: string;
}

const PERCENTILES = [0.1, 0.25, 0.5, 0.75, 0.9] as const;
const PERCENTILES_AND_DECILES = [...PERCENTILES, ...Array.from({ length: 9 }, (_, i) => (i + 1) / 10)];

/**
 * The benchmark of one group of practices for one KPI and period: ratio of sums with its 95 % and
 * 99.8 % intervals, the practices' percentiles and deciles, and overdispersion (φ, τ²) — all from the
 * domain's statistics. Percentiles and overdispersion use only units at or above the KPI's minimum
 * denominator; the ratio of sums uses every unit.
 */
export function computeBenchmark(
  kpi: KpiDefinition,
  period: string,
  grouping: Grouping,
  groupId: string,
  units: readonly Unit[],
): BenchmarkRow | null {
  if (units.length === 0) return null;
  const total = sumFigures(units);
  if (!(total.denominator > 0) || (kpi.kind === 'ratio' && !(total.expected ?? total.denominator)))
    return null;
  const options = { multiplier: kpi.multiplier };
  const ci95 = estimate(kpi.kind, total, { ...options, confidence: 0.95 });
  const ci998 = estimate(kpi.kind, total, { ...options, confidence: 0.998 });
  const eligible = units.filter(
    (u) => u.denominator >= kpi.minDenominator && (kpi.kind !== 'ratio' || (u.expected ?? 0) > 0),
  );
  const values = eligible.map((u) => pointEstimate(kpi.kind, u, options));
  // Percentiles and deciles from one sort: deciles are the type-7 percentiles at 0.1 … 0.9.
  const all = values.length > 0 ? percentiles(values, PERCENTILES_AND_DECILES) : [];
  const [p10, p25, p50, p75, p90] = all;
  const dispersion = overdispersionOf(kpi, eligible, total);
  return {
    kpiCode: kpi.code,
    period,
    grouping,
    groupId,
    unitCount: units.length,
    numerator: total.numerator,
    denominator: total.denominator,
    expected: total.expected ?? null,
    value: ci95.value,
    lower95: ci95.lower ?? null,
    upper95: ci95.upper ?? null,
    lower998: ci998.lower ?? null,
    upper998: ci998.upper ?? null,
    percentiles: p10 === undefined ? null : { p10, p25: p25!, p50: p50!, p75: p75!, p90: p90! },
    deciles: values.length > 0 ? all.slice(PERCENTILES.length) : null,
    phi: dispersion?.phi ?? null,
    tau2: dispersion?.tau2 ?? null,
  };
}

/**
 * Overdispersion of the units around the group: proportions on the arcsine scale; ratios as O/E; rates
 * as O/E with E the group rate times each unit's person-years (indirect standardisation to the group).
 */
function overdispersionOf(kpi: KpiDefinition, units: readonly Unit[], total: ObservationFigures) {
  if (units.length < 2) return null;
  if (kpi.kind === 'proportion') return overdispersion(units, 'proportion');
  if (kpi.kind === 'ratio') {
    return overdispersion(
      units.map((u) => ({ numerator: u.numerator, denominator: u.expected ?? u.denominator })),
      'ratio',
    );
  }
  if (kpi.kind === 'rate' && total.numerator > 0) {
    const rate = total.numerator / total.denominator;
    return overdispersion(
      units.map((u) => ({ numerator: u.numerator, denominator: rate * u.denominator })),
      'ratio',
    );
  }
  return null;
}

/** Practice → collaborative and region on a date, following the dated memberships. */
function groupsOn(all: readonly Membership[], kindOf: ReadonlyMap<string, string>, date: string) {
  const collaborativeOf = new Map<string, string>();
  const regionOf = new Map<string, string>();
  for (const m of all) {
    if (!isActiveOn(m, date)) continue;
    const parentKind = kindOf.get(m.parentId);
    if (parentKind === 'collaborative') collaborativeOf.set(m.memberId, m.parentId);
    else if (parentKind === 'region') regionOf.set(m.memberId, m.parentId);
  }
  return (practiceId: string) => {
    const collaborative = collaborativeOf.get(practiceId);
    return { collaborative, region: collaborative ? regionOf.get(collaborative) : undefined };
  };
}

/**
 * Current practice observations of one period for the given KPIs, read as packed text (see
 * preloadFigures); organisations that are not practices are left out here rather than by a join.
 */
async function periodUnits(db: Db, period: string, codes: readonly string[], isPractice: (id: string) => boolean) {
  const [packed] = await queryRows<{ rows: string | null }>(
    db,
    sql`select string_agg(concat_ws('|', o.kpi_code, o.organisation_id, o.numerator, o.denominator,
          coalesce(o.expected::text, ''), coalesce(o.sum_squares::text, '')), ';') as rows
        from ${observations} o
        where o.period = ${period} and o.kpi_code in ${[...codes]} and o.superseded_at is null`,
  );
  const byKpi = new Map<string, Unit[]>();
  for (const row of packed?.rows ? packed.rows.split(';') : []) {
    const [code, organisationId, numerator, denominator, expected, sumSquares] = row.split('|') as [
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    if (!isPractice(organisationId)) continue;
    const list = byKpi.get(code) ?? [];
    list.push({
      organisationId,
      numerator: Number(numerator),
      denominator: Number(denominator),
      expected: expected ? Number(expected) : undefined,
      sumSquares: sumSquares ? Number(sumSquares) : undefined,
    });
    byKpi.set(code, list);
  }
  return byKpi;
}

/**
 * Writes benchmark rows with one INSERT … SELECT FROM unnest() per slice: one bind parameter per column.
 * Percentiles and deciles travel as plain float arrays (cheap to bind) and become JSON in the database.
 */
async function writeBenchmarks(db: Db, rows: readonly BenchmarkRow[]) {
  const SLICE = 20_000;
  for (let i = 0; i < rows.length; i += SLICE) {
    const slice = rows.slice(i, i + SLICE);
    const col = <T>(pick: (r: BenchmarkRow) => T) => sql.param(slice.map(pick));
    const pct = (k: 'p10' | 'p25' | 'p50' | 'p75' | 'p90') => col((r) => r.percentiles?.[k] ?? null);
    const dec = (d: number) => col((r) => r.deciles?.[d] ?? null);
    await db.execute(sql`
      insert into ${benchmarks} (kpi_code, period, grouping, group_id, unit_count, numerator, denominator,
        expected, value, lower95, upper95, lower998, upper998, percentiles, deciles, phi, tau2)
      select k, p, g::benchmark_grouping, gid, n, num, den, e, v, l95, u95, l998, u998,
        case when p10 is null then null
          else jsonb_build_object('p10', p10, 'p25', p25, 'p50', p50, 'p75', p75, 'p90', p90) end,
        case when d1 is null then null else jsonb_build_array(d1, d2, d3, d4, d5, d6, d7, d8, d9) end,
        phi, tau2
      from unnest(${col((r) => r.kpiCode)}::text[], ${col((r) => r.period)}::text[],
        ${col((r) => r.grouping)}::text[], ${col((r) => r.groupId ?? '')}::text[], ${col((r) => r.unitCount)}::int[],
        ${col((r) => r.numerator)}::float8[], ${col((r) => r.denominator)}::float8[],
        ${col((r) => r.expected ?? null)}::float8[], ${col((r) => r.value)}::float8[],
        ${col((r) => r.lower95 ?? null)}::float8[], ${col((r) => r.upper95 ?? null)}::float8[],
        ${col((r) => r.lower998 ?? null)}::float8[], ${col((r) => r.upper998 ?? null)}::float8[],
        ${pct('p10')}::float8[], ${pct('p25')}::float8[], ${pct('p50')}::float8[], ${pct('p75')}::float8[],
        ${pct('p90')}::float8[], ${dec(0)}::float8[], ${dec(1)}::float8[], ${dec(2)}::float8[], ${dec(3)}::float8[],
        ${dec(4)}::float8[], ${dec(5)}::float8[], ${dec(6)}::float8[], ${dec(7)}::float8[], ${dec(8)}::float8[],
        ${col((r) => r.phi ?? null)}::float8[], ${col((r) => r.tau2 ?? null)}::float8[])
        as t(k, p, g, gid, n, num, den, e, v, l95, u95, l998, u998, p10, p25, p50, p75, p90,
          d1, d2, d3, d4, d5, d6, d7, d8, d9, phi, tau2)`);
  }
}

export interface RefreshOptions {
  /**
   * Only the groups these practices belong to (national, their region, collaborative and peer groups):
   * after a small import the other groups cannot have changed.
   */
  organisations?: readonly string[];
}

/**
 * Recomputes the materialised benchmarks for the given KPI × period pairs (all pairs with data when
 * none are given): national, per region, per collaborative and per peer group — or, with
 * `organisations`, only the groups those practices are in. Replaces the old rows in one transaction,
 * so readers never see a half-refreshed benchmark. Returns the rows written.
 */
export async function refreshBenchmarks(
  outer: Db,
  keys?: readonly BenchmarkKey[],
  options: RefreshOptions = {},
): Promise<number> {
  // One refresh at a time: two imports refreshing the same benchmarks at once would each delete and
  // insert the same rows. The lock lasts until the (outer) transaction ends, and what is read after it
  // includes what the previous refresh committed.
  return outer.transaction(async (tx) => {
    const db = tx as unknown as Db;
    await db.execute(sql`select pg_advisory_xact_lock(${REFRESH_LOCK_KEY})`);
    return refreshLocked(db, keys, options);
  });
}

// Any fixed 64-bit key shared by every Kwadrant process (the migration lock is …101).
const REFRESH_LOCK_KEY = 7_317_734_103;

async function refreshLocked(
  db: Db,
  keys: readonly BenchmarkKey[] | undefined,
  options: RefreshOptions,
): Promise<number> {
  const kpis = new Map((await listKpis(db)).map((k) => [k.code, k]));
  const pairs =
    keys ??
    (await db
      .selectDistinct({ kpiCode: observations.kpiCode, period: observations.period })
      .from(observations)
      .where(isNull(observations.supersededAt)));
  if (pairs.length === 0) return 0;

  // Organisations and memberships, packed as text (thousands of rows, read on every refresh).
  const [packed] = await queryRows<{ organisations: string | null; memberships: string | null }>(
    db,
    sql`select (select string_agg(id || '|' || kind, ';') from ${organisations}) as organisations,
          (select string_agg(concat_ws('|', member_id, parent_id, valid_from, coalesce(valid_to::text, '')), ';')
           from ${memberships}) as memberships`,
  );
  const orgKinds = new Map(
    (packed?.organisations?.split(';') ?? []).map((r) => r.split('|') as [string, string]),
  );
  const allMemberships: Membership[] = (packed?.memberships?.split(';') ?? []).map((r) => {
    const [memberId, parentId, validFrom, validTo] = r.split('|') as [string, string, string, string];
    return { memberId, parentId, validFrom, validTo: validTo || null };
  });
  const peerGroups = new Map<string, string[]>();
  for (const m of await db.select().from(peerGroupMembers)) {
    const list = peerGroups.get(m.organisationId) ?? [];
    list.push(String(m.peerGroupId));
    peerGroups.set(m.organisationId, list);
  }

  const rows: BenchmarkRow[] = [];
  const byPeriod = new Map<string, string[]>();
  for (const p of pairs) byPeriod.set(p.period, [...(byPeriod.get(p.period) ?? []), p.kpiCode]);
  /** Per period, the group keys to recompute (undefined: all). */
  const wanted = new Map<string, Set<string> | undefined>();

  for (const [period, codes] of byPeriod) {
    const groupOf = groupsOn(allMemberships, orgKinds, periodEndDate(period));
    const keysOf = new Map<string, string[]>();
    const groupsOfPractice = (id: string) => {
      let keys = keysOf.get(id);
      if (!keys) {
        const { collaborative, region } = groupOf(id);
        keys = [
          'national:',
          ...(collaborative ? [`collaborative:${collaborative}`] : []),
          ...(region ? [`region:${region}`] : []),
          ...(peerGroups.get(id) ?? []).map((g) => `peer-group:${g}`),
        ];
        keysOf.set(id, keys);
      }
      return keys;
    };
    const only = options.organisations
      ? new Set(options.organisations.flatMap(groupsOfPractice))
      : undefined;
    wanted.set(period, only);
    const data = await periodUnits(db, period, codes, (id) => orgKinds.get(id) === 'practice');
    for (const code of codes) {
      const kpi = kpis.get(code);
      if (!kpi) continue;
      const groups = new Map<string, { grouping: Grouping; id: string; units: Unit[] }>();
      for (const unit of data.get(code) ?? []) {
        for (const key of groupsOfPractice(unit.organisationId)) {
          if (only && !only.has(key)) continue;
          let group = groups.get(key);
          if (!group) {
            const at = key.indexOf(':');
            group = { grouping: key.slice(0, at) as Grouping, id: key.slice(at + 1), units: [] };
            groups.set(key, group);
          }
          group.units.push(unit);
        }
      }
      for (const g of groups.values()) {
        const row = computeBenchmark(kpi, period, g.grouping, g.id, g.units);
        if (row) rows.push(row);
      }
    }
  }

  // Readers never see a half-refreshed benchmark: delete and insert in this one transaction.
  for (const [period, codes] of byPeriod) {
    const only = wanted.get(period);
    await db
      .delete(benchmarks)
      .where(
        and(
          eq(benchmarks.period, period),
          inArray(benchmarks.kpiCode, codes),
          // Plain IN on a text key: PGlite mishandles long row-value IN lists.
          only ? inArray(sql`${benchmarks.grouping}::text || ':' || ${benchmarks.groupId}`, [...only]) : undefined,
        ),
      );
  }
  await writeBenchmarks(db, rows);
  return rows.length;
}
