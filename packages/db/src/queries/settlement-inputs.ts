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
import { queryRows, type Db } from '../client';
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
export async function enrolledPatients(
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

/** Where settlement inputs read their figures: the database query by query, or a preloaded set. */
export interface FiguresSource {
  figures(
    practiceIds: readonly string[],
    kpiCodes: readonly string[],
    period: string,
  ): Promise<Record<string, ObservationFigures>>;
  patients(practiceIds: readonly string[], period: string): Promise<number | undefined>;
}

/** Figures straight from the database, one query per question: right for one agreement. */
export const databaseFigures = (db: Db): FiguresSource => ({
  figures: (practiceIds, kpiCodes, period) => organisationFigures(db, practiceIds, kpiCodes, period),
  patients: (practiceIds, period) => enrolledPatients(db, practiceIds, period),
});

/**
 * Figures for many agreements or organisations at once (settling a whole quarter, an impact analysis
 * over every practice): the current observations of the given KPIs and the enrolment totals of the given
 * quarters are read in two set-based queries, packed as text rows (far cheaper to transfer than one
 * row object per observation), and answered from memory with the same ratio of sums as
 * `organisationFigures`. Periods outside the preloaded quarters fall back to the database.
 */
export async function preloadFigures(
  db: Db,
  kpiCodes: readonly string[],
  quarters: readonly string[],
): Promise<FiguresSource> {
  const fallback = databaseFigures(db);
  const loaded = new Set(quarters);
  const figures = new Map<string, ObservationFigures>();
  const enrolled = new Map<string, number>();
  if (kpiCodes.length > 0 && quarters.length > 0) {
    const [packed] = await queryRows<{ rows: string | null }>(
      db,
      sql`select string_agg(concat_ws('|', organisation_id, kpi_code, period, numerator, denominator,
            coalesce(expected::text, ''), coalesce(sum_squares::text, '')), ';') as rows
          from ${observations}
          where superseded_at is null and kpi_code in ${[...kpiCodes]} and period in ${[...quarters]}`,
    );
    for (const row of packed?.rows ? packed.rows.split(';') : []) {
      const [org, code, period, numerator, denominator, expected, sumSquares] = row.split('|');
      figures.set(`${org}|${code}|${period}`, {
        numerator: Number(numerator),
        denominator: Number(denominator),
        expected: expected ? Number(expected) : undefined,
        sumSquares: sumSquares ? Number(sumSquares) : undefined,
      });
    }
  }
  if (quarters.length > 0) {
    const [packed] = await queryRows<{ rows: string | null }>(
      db,
      sql`select string_agg(concat_ws('|', practice_id, period, total), ';') as rows from (
            select practice_id, period, sum(count) as total from ${enrolledPopulation}
            where period in ${[...quarters]} group by practice_id, period) t`,
    );
    for (const row of packed?.rows ? packed.rows.split(';') : []) {
      const [practice, period, total] = row.split('|');
      enrolled.set(`${practice}|${period}`, Number(total));
    }
  }
  const covered = (period: string) => quartersBetween(period, period).every((q) => loaded.has(q));
  return {
    async figures(practiceIds, kpiCodes, period) {
      if (!covered(period)) return fallback.figures(practiceIds, kpiCodes, period);
      const out: Record<string, ObservationFigures> = {};
      const periodQuarters = quartersBetween(period, period);
      for (const code of kpiCodes) {
        const mine: ObservationFigures[] = [];
        for (const practice of practiceIds)
          for (const q of periodQuarters) {
            const f = figures.get(`${practice}|${code}|${q}`);
            if (f) mine.push(f);
          }
        if (mine.length > 0) out[code] = sumFigures(mine);
      }
      return out;
    },
    async patients(practiceIds, period) {
      if (!covered(period)) return fallback.patients(practiceIds, period);
      const totals: number[] = [];
      for (const q of quartersBetween(period, period)) {
        let total = 0;
        let any = false;
        for (const practice of practiceIds) {
          const n = enrolled.get(`${practice}|${q}`);
          if (n !== undefined) {
            total += n;
            any = true;
          }
        }
        if (any) totals.push(total);
      }
      if (totals.length === 0) return undefined;
      return Math.round(totals.reduce((a, t) => a + t, 0) / totals.length);
    },
  };
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
  source: FiguresSource = databaseFigures(db),
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
  const observed = await source.figures(practiceIds, codes, period);
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
      ...(await source.figures(practicesOn(baseline), [clause.kpiCode], baseline)),
    };
  }

  const volumes: Record<string, number> = {};
  const patients = await source.patients(practiceIds, period);
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

/**
 * The inputs to simulate one agreement on many organisations, quarter by quarter (impact analysis):
 * the agreement re-targeted to each organisation, its figures read once for all of them.
 */
export async function simulationUnits(
  db: Db,
  agreement: Agreement,
  organisationIds: readonly string[],
  quarters: readonly string[],
  context: SettlementContext,
): Promise<{ organisationId: string; inputs: SettlementInputs }[][]> {
  const codes = [
    ...agreement.clauses.map((c) => c.kpiCode),
    ...(agreement.bonusMalus ?? []).map((b) => b.kpiCode),
    ...(agreement.sharedSavings ? [agreement.sharedSavings.costKpiCode] : []),
  ];
  const baselines = agreement.clauses.flatMap((c) =>
    c.scoring.type === 'improvement' ? quartersBetween(c.scoring.baselinePeriod, c.scoring.baselinePeriod) : [],
  );
  const source = await preloadFigures(db, [...new Set(codes)], [...new Set([...quarters, ...baselines])]);
  const out: { organisationId: string; inputs: SettlementInputs }[][] = [];
  for (const quarter of quarters) {
    const units = [];
    for (const organisationId of organisationIds) {
      const retargeted = { ...agreement, organisation: { ...agreement.organisation, id: organisationId } };
      units.push({
        organisationId,
        inputs: await settlementInputsFor(db, retargeted, quarter, context, source),
      });
    }
    out.push(units);
  }
  return out;
}
