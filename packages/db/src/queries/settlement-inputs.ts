import { and, inArray, isNull, sql } from 'drizzle-orm';
import type { Agreement, SettlementInputs } from '@kwadrant/domain/agreements';
import type { KpiDefinition, PaymentTitle } from '@kwadrant/domain/catalogue';
import {
  periodEndDate,
  practicesUnder,
  quartersBetween,
  type Membership,
  type ObservationFigures,
  type Organisation,
} from '@kwadrant/domain/model';
import { sumFigures } from '@kwadrant/domain/stats';
import type { Db } from '../client';
import { enrolledPopulation, observations } from '../schema';
import { listKpis } from './catalogue';
import { listPaymentTitles } from './agreements';
import { loadMemberships, loadOrganisations } from './organisations';

/** What settling many agreements shares: organisations, memberships and catalogues, loaded once. */
export interface SettlementContext {
  organisations: Map<string, Organisation>;
  memberships: Membership[];
  kpis: KpiDefinition[];
  titles: PaymentTitle[];
}

/** Loads the shared settlement context. */
export async function loadSettlementContext(db: Db): Promise<SettlementContext> {
  return {
    organisations: await loadOrganisations(db),
    memberships: await loadMemberships(db),
    kpis: await listKpis(db),
    titles: await listPaymentTitles(db, true),
  };
}

/** KPI figures of an organisation for a period: the ratio of sums over its practices (and quarters, for a year). */
export async function organisationFigures(
  db: Db,
  practiceIds: readonly string[],
  kpiCodes: readonly string[],
  period: string,
): Promise<Record<string, ObservationFigures>> {
  if (practiceIds.length === 0 || kpiCodes.length === 0) return {};
  const rows = await db
    .select({
      kpiCode: observations.kpiCode,
      numerator: observations.numerator,
      denominator: observations.denominator,
      expected: observations.expected,
      sumSquares: observations.sumSquares,
    })
    .from(observations)
    .where(
      and(
        inArray(observations.organisationId, [...practiceIds]),
        inArray(observations.kpiCode, [...kpiCodes]),
        inArray(observations.period, quartersBetween(period, period)),
        isNull(observations.supersededAt),
      ),
    );
  const out: Record<string, ObservationFigures> = {};
  for (const code of kpiCodes) {
    const mine = rows
      .filter((r) => r.kpiCode === code)
      .map((r) => ({
        numerator: r.numerator,
        denominator: r.denominator,
        expected: r.expected ?? undefined,
        sumSquares: r.sumSquares ?? undefined,
      }));
    if (mine.length > 0) out[code] = sumFigures(mine);
  }
  return out;
}

/** Enrolled patients of the given practices, per quarter of the period, averaged (a year is the mean of its quarters). */
async function enrolledPatients(
  db: Db,
  practiceIds: readonly string[],
  period: string,
): Promise<number | undefined> {
  if (practiceIds.length === 0) return undefined;
  const quarters = quartersBetween(period, period);
  const rows = await db
    .select({
      period: enrolledPopulation.period,
      total: sql<number>`sum(${enrolledPopulation.count})`.mapWith(Number),
    })
    .from(enrolledPopulation)
    .where(
      and(
        inArray(enrolledPopulation.practiceId, [...practiceIds]),
        inArray(enrolledPopulation.period, quarters),
      ),
    )
    .groupBy(enrolledPopulation.period);
  if (rows.length === 0) return undefined;
  return Math.round(rows.reduce((a, r) => a + r.total, 0) / rows.length);
}

/**
 * Assembles what `settle` needs from the database: enrolled patients for capitation lines, the
 * organisation's KPI figures for every clause, bonus/malus and shared-savings KPI (ratio of sums over
 * its practices), baselines for improvement clauses, and the catalogues. Standardised cost figures are
 * stored in euros and converted to cents here, as the settlement works in cents.
 */
export async function settlementInputsFor(
  db: Db,
  agreement: Agreement,
  period: string,
  context?: SettlementContext,
): Promise<SettlementInputs> {
  const ctx = context ?? (await loadSettlementContext(db));
  const practicesOn = (p: string) =>
    practicesUnder(ctx.organisations, ctx.memberships, agreement.organisation.id, periodEndDate(p));
  const practiceIds = practicesOn(period);
  const { kpis, titles } = ctx;
  const codes = [
    ...new Set([
      ...agreement.clauses.map((c) => c.kpiCode),
      ...(agreement.bonusMalus ?? []).map((b) => b.kpiCode),
      ...(agreement.sharedSavings ? [agreement.sharedSavings.costKpiCode] : []),
    ]),
  ];
  const observed = await organisationFigures(db, practiceIds, codes, period);
  const costCode = agreement.sharedSavings?.costKpiCode;
  const cost = costCode ? observed[costCode] : undefined;
  if (costCode && cost) {
    const expected = cost.expected ?? cost.denominator;
    observed[costCode] = {
      numerator: cost.numerator * 100,
      denominator: expected * 100,
      expected: expected * 100,
    };
  }

  const baselines: Record<string, Record<string, ObservationFigures>> = {};
  for (const clause of agreement.clauses) {
    if (clause.scoring.type !== 'improvement') continue;
    const baseline = clause.scoring.baselinePeriod;
    baselines[baseline] = {
      ...baselines[baseline],
      ...(await organisationFigures(db, practicesOn(baseline), [clause.kpiCode], baseline)),
    };
  }

  const volumes: Record<string, number> = {};
  const patients = await enrolledPatients(db, practiceIds, period);
  for (const line of agreement.lines) {
    if (line.basis === 'capitation' && patients !== undefined) volumes[line.id] = patients;
  }
  // Only the definitions used, so the recorded inputs stay small and exactly what was applied.
  const titleCodes = new Set(agreement.lines.map((l) => l.titleCode));
  return {
    period,
    volumes,
    observations: observed,
    baselines,
    kpis: kpis.filter((k) => codes.includes(k.code)),
    titles: titles.filter((t) => titleCodes.has(t.code)),
  };
}
