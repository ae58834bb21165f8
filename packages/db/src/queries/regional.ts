import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client';
import {
  agreementLines,
  agreementVersions,
  agreements,
  basicFunctions,
  enrolledPopulation,
  organisations,
  paymentTitles,
  pc4Areas,
  regionalFacts,
} from '../schema';

/** Where each practice is located (its PC4 area). */
export async function practiceLocations(db: Db): Promise<Map<string, string>> {
  const rows = await db
    .select({ id: organisations.id, pc4: organisations.pc4 })
    .from(organisations)
    .where(eq(organisations.kind, 'practice'));
  return new Map(rows.filter((r) => r.pc4 !== null).map((r) => [r.id, r.pc4!]));
}

/** PC4 areas with their municipality (code and name). */
export async function areasWithMunicipality(db: Db, pc4s: readonly string[]) {
  if (pc4s.length === 0) return [];
  const rows = await db
    .select({
      pc4: pc4Areas.pc4,
      municipalityCode: pc4Areas.municipalityCode,
      inhabitants: pc4Areas.inhabitants,
    })
    .from(pc4Areas)
    .where(inArray(pc4Areas.pc4, [...pc4s]));
  return rows;
}

/** Enrolled patients per practice in a quarter. */
export async function enrolledTotals(
  db: Db,
  practiceIds: readonly string[],
  period: string,
): Promise<Map<string, number>> {
  if (practiceIds.length === 0) return new Map();
  const rows = await db
    .select({
      id: enrolledPopulation.practiceId,
      total: sql<number>`sum(${enrolledPopulation.count})`.mapWith(Number),
    })
    .from(enrolledPopulation)
    .where(
      and(inArray(enrolledPopulation.practiceId, [...practiceIds]), eq(enrolledPopulation.period, period)),
    )
    .groupBy(enrolledPopulation.practiceId);
  return new Map(rows.map((r) => [r.id, r.total]));
}

export type BasicFunctionRow = typeof basicFunctions.$inferSelect;

/** The basic-functions checklist of a region. */
export function listBasicFunctions(db: Db, regionId: string): Promise<BasicFunctionRow[]> {
  return db
    .select()
    .from(basicFunctions)
    .where(eq(basicFunctions.regionId, regionId))
    .orderBy(basicFunctions.functionCode);
}

/**
 * Updates one checklist item if it is still at `expectedVersion`; returns the new row, or null when
 * someone changed it in the meantime (the caller answers 409). Unknown items are created at version 1.
 */
export async function updateBasicFunction(
  db: Db,
  item: {
    regionId: string;
    functionCode: string;
    status: string;
    owner: string;
    agreementId: string | null;
    note: string;
    expectedVersion: number;
    userId: number | null;
    now: Date;
  },
): Promise<BasicFunctionRow | null> {
  const values = {
    status: item.status,
    owner: item.owner,
    agreementId: item.agreementId,
    note: item.note,
    updatedAt: item.now,
    updatedBy: item.userId,
  };
  const [existing] = await db
    .select({ version: basicFunctions.version })
    .from(basicFunctions)
    .where(
      and(eq(basicFunctions.regionId, item.regionId), eq(basicFunctions.functionCode, item.functionCode)),
    );
  if (!existing) {
    if (item.expectedVersion !== 0) return null;
    const [row] = await db
      .insert(basicFunctions)
      .values({ regionId: item.regionId, functionCode: item.functionCode, version: 1, ...values })
      .returning();
    return row ?? null;
  }
  const [row] = await db
    .update(basicFunctions)
    .set({ ...values, version: item.expectedVersion + 1 })
    .where(
      and(
        eq(basicFunctions.regionId, item.regionId),
        eq(basicFunctions.functionCode, item.functionCode),
        eq(basicFunctions.version, item.expectedVersion),
      ),
    )
    .returning();
  return row ?? null;
}

/** Contracted payment-title lines (current versions) of the agreements of the given organisations. */
export async function contractedLines(db: Db, organisationIds: readonly string[]) {
  if (organisationIds.length === 0) return [];
  return db
    .select({
      agreementId: agreements.id,
      organisationId: agreements.organisationId,
      status: agreements.status,
      periodStart: agreementVersions.periodStart,
      periodEnd: agreementVersions.periodEnd,
      titleCode: agreementLines.titleCode,
      quadrant: paymentTitles.quadrant,
      basis: paymentTitles.basis,
      tariffCents: agreementLines.tariffCents,
      volume: agreementLines.volume,
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
      agreementLines,
      and(
        eq(agreementLines.agreementId, agreements.id),
        eq(agreementLines.version, agreements.currentVersion),
      ),
    )
    .innerJoin(paymentTitles, eq(paymentTitles.code, agreementLines.titleCode))
    .where(inArray(agreements.organisationId, [...organisationIds]));
}

/** Imported regional facts of one area kind and period, optionally for some areas and an indicator prefix. */
export async function regionalFactRows(
  db: Db,
  filter: {
    areaKind: 'pc4' | 'municipality' | 'ggd' | 'region';
    period: string;
    areaCodes?: readonly string[];
    prefix?: string;
  },
) {
  const conditions = [eq(regionalFacts.areaKind, filter.areaKind), eq(regionalFacts.period, filter.period)];
  if (filter.areaCodes) conditions.push(inArray(regionalFacts.areaCode, [...filter.areaCodes]));
  if (filter.prefix) conditions.push(sql`${regionalFacts.indicator} like ${`${filter.prefix}%`}`);
  return db
    .select()
    .from(regionalFacts)
    .where(and(...conditions));
}

/** The years for which regional facts with an indicator prefix were imported, newest first. */
export async function regionalFactPeriods(db: Db, prefix: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ period: regionalFacts.period })
    .from(regionalFacts)
    .where(sql`${regionalFacts.indicator} like ${`${prefix}%`}`);
  return rows
    .map((r) => r.period)
    .sort()
    .reverse();
}
