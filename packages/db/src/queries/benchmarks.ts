import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { KpiDefinition } from '@kwadrant/domain/catalogue';
import { isActiveOn, periodEndDate, type Membership, type ObservationFigures } from '@kwadrant/domain/model';
import { deciles, estimate, overdispersion, percentiles, sumFigures } from '@kwadrant/domain/stats';
import type { Db } from '../client';
import { benchmarks, memberships, observations, organisations, peerGroupMembers } from '../schema';
import { listKpis } from './catalogue';
import { insertInBatches } from './batch';

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
  const values = eligible.map((u) => estimate(kpi.kind, u, { ...options, confidence: 0.95 }).value);
  const [p10, p25, p50, p75, p90] = values.length > 0 ? percentiles(values, [...PERCENTILES]) : [];
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
    deciles: values.length > 0 ? deciles(values) : null,
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
 * Recomputes the materialised benchmarks for the given KPI × period pairs (all pairs with data when
 * none are given): national, per region, per collaborative and per peer group. Replaces the old rows
 * in one transaction, so readers never see a half-refreshed benchmark. Returns the rows written.
 */
export async function refreshBenchmarks(db: Db, keys?: readonly BenchmarkKey[]): Promise<number> {
  const kpis = new Map((await listKpis(db)).map((k) => [k.code, k]));
  const pairs =
    keys ??
    (await db
      .selectDistinct({ kpiCode: observations.kpiCode, period: observations.period })
      .from(observations)
      .where(isNull(observations.supersededAt)));
  if (pairs.length === 0) return 0;

  const orgKinds = new Map(
    (await db.select({ id: organisations.id, kind: organisations.kind }).from(organisations)).map((o) => [
      o.id,
      o.kind,
    ]),
  );
  const allMemberships: Membership[] = await db
    .select({
      memberId: memberships.memberId,
      parentId: memberships.parentId,
      validFrom: memberships.validFrom,
      validTo: memberships.validTo,
    })
    .from(memberships);
  const peerGroups = new Map<string, string[]>();
  for (const m of await db.select().from(peerGroupMembers)) {
    const list = peerGroups.get(m.organisationId) ?? [];
    list.push(String(m.peerGroupId));
    peerGroups.set(m.organisationId, list);
  }

  const rows: BenchmarkRow[] = [];
  const byPeriod = new Map<string, string[]>();
  for (const p of pairs) byPeriod.set(p.period, [...(byPeriod.get(p.period) ?? []), p.kpiCode]);

  for (const [period, codes] of byPeriod) {
    const groupOf = groupsOn(allMemberships, orgKinds, periodEndDate(period));
    const data = await db
      .select({
        organisationId: observations.organisationId,
        kpiCode: observations.kpiCode,
        numerator: observations.numerator,
        denominator: observations.denominator,
        expected: observations.expected,
        sumSquares: observations.sumSquares,
      })
      .from(observations)
      .innerJoin(organisations, eq(organisations.id, observations.organisationId))
      .where(
        and(
          eq(observations.period, period),
          inArray(observations.kpiCode, codes),
          isNull(observations.supersededAt),
          eq(organisations.kind, 'practice'),
        ),
      );
    for (const code of codes) {
      const kpi = kpis.get(code);
      if (!kpi) continue;
      const groups = new Map<string, { grouping: Grouping; id: string; units: Unit[] }>();
      const add = (grouping: Grouping, id: string, unit: Unit) => {
        const key = `${grouping}:${id}`;
        const group = groups.get(key) ?? { grouping, id, units: [] };
        group.units.push(unit);
        groups.set(key, group);
      };
      for (const d of data) {
        if (d.kpiCode !== code) continue;
        const unit: Unit = {
          organisationId: d.organisationId,
          numerator: d.numerator,
          denominator: d.denominator,
          expected: d.expected ?? undefined,
          sumSquares: d.sumSquares ?? undefined,
        };
        add('national', '', unit);
        const { collaborative, region } = groupOf(d.organisationId);
        if (collaborative) add('collaborative', collaborative, unit);
        if (region) add('region', region, unit);
        for (const g of peerGroups.get(d.organisationId) ?? []) add('peer-group', g, unit);
      }
      for (const g of groups.values()) {
        const row = computeBenchmark(kpi, period, g.grouping, g.id, g.units);
        if (row) rows.push(row);
      }
    }
  }

  await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    for (const [period, codes] of byPeriod) {
      await t
        .delete(benchmarks)
        .where(and(eq(benchmarks.period, period), inArray(benchmarks.kpiCode, codes)));
    }
    await insertInBatches(t, benchmarks, rows);
  });
  return rows.length;
}
