import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { ObservationFigures } from '@kwadrant/domain/model';
import { sumFigures } from '@kwadrant/domain/stats';
import type { Db } from '../client';
import { agreementClauses, agreementVersions, agreements, benchmarks, observations } from '../schema';

export interface UnitFigures extends ObservationFigures {
  organisationId: string;
  kpiCode: string;
  period: string;
}

/** Current (not superseded) observations of the given organisations, KPIs and periods. */
export async function currentObservations(
  db: Db,
  filter: { organisationIds?: readonly string[]; kpiCodes?: readonly string[]; periods?: readonly string[] },
): Promise<UnitFigures[]> {
  const conditions = [isNull(observations.supersededAt)];
  if (filter.organisationIds)
    conditions.push(inArray(observations.organisationId, [...filter.organisationIds]));
  if (filter.kpiCodes) conditions.push(inArray(observations.kpiCode, [...filter.kpiCodes]));
  if (filter.periods) conditions.push(inArray(observations.period, [...filter.periods]));
  if (filter.organisationIds?.length === 0 || filter.kpiCodes?.length === 0 || filter.periods?.length === 0)
    return [];
  const rows = await db
    .select({
      organisationId: observations.organisationId,
      kpiCode: observations.kpiCode,
      period: observations.period,
      numerator: observations.numerator,
      denominator: observations.denominator,
      expected: observations.expected,
      sumSquares: observations.sumSquares,
    })
    .from(observations)
    .where(and(...conditions));
  return rows.map((r) => ({
    ...r,
    expected: r.expected ?? undefined,
    sumSquares: r.sumSquares ?? undefined,
  }));
}

/**
 * An organisation's figures per KPI and period: its own reported observations where it has them,
 * otherwise the ratio of sums over the practices given (a collaborative or region rolled up).
 */
export function rollUpFigures(
  organisationId: string,
  rows: readonly UnitFigures[],
): Map<string, ObservationFigures & { units: number }> {
  const direct = rows.filter((r) => r.organisationId === organisationId);
  const source = direct.length > 0 ? direct : rows;
  const groups = new Map<string, UnitFigures[]>();
  for (const r of source) {
    const key = `${r.kpiCode}|${r.period}`;
    const list = groups.get(key) ?? [];
    list.push(r);
    groups.set(key, list);
  }
  return new Map([...groups].map(([key, list]) => [key, { ...sumFigures(list), units: list.length }]));
}

export type BenchmarkRecord = typeof benchmarks.$inferSelect;

/** Materialised benchmarks for a grouping (and group), KPIs and periods. */
export async function benchmarkRows(
  db: Db,
  filter: {
    grouping: BenchmarkRecord['grouping'];
    groupId: string;
    kpiCodes?: readonly string[];
    periods?: readonly string[];
  },
): Promise<BenchmarkRecord[]> {
  const conditions = [eq(benchmarks.grouping, filter.grouping), eq(benchmarks.groupId, filter.groupId)];
  if (filter.kpiCodes) conditions.push(inArray(benchmarks.kpiCode, [...filter.kpiCodes]));
  if (filter.periods) conditions.push(inArray(benchmarks.period, [...filter.periods]));
  return db
    .select()
    .from(benchmarks)
    .where(and(...conditions));
}

/**
 * Targets that agreements set for an organisation: the clauses of agreed or settled agreements (their
 * current version) covering any of the given organisations whose period contains `period`.
 */
export async function agreementTargets(
  db: Db,
  organisationIds: readonly string[],
  period: string,
): Promise<{ kpiCode: string; target: number; threshold: number | null; agreementId: string }[]> {
  if (organisationIds.length === 0) return [];
  const rows = await db
    .select({
      kpiCode: agreementClauses.kpiCode,
      target: agreementClauses.target,
      threshold: agreementClauses.threshold,
      agreementId: agreements.id,
      start: agreementVersions.periodStart,
      end: agreementVersions.periodEnd,
    })
    .from(agreements)
    .innerJoin(
      agreementVersions,
      and(
        eq(agreementVersions.agreementId, agreements.id),
        eq(agreementVersions.version, agreements.currentVersion),
      ),
    )
    .innerJoin(
      agreementClauses,
      and(
        eq(agreementClauses.agreementId, agreements.id),
        eq(agreementClauses.version, agreements.currentVersion),
      ),
    )
    .where(
      and(
        inArray(agreements.organisationId, [...organisationIds]),
        inArray(agreements.status, ['agreed', 'settled']),
      ),
    );
  // Quarter strings of one format compare correctly as text.
  return rows.filter((r) => r.start <= period && period <= r.end);
}
