import { and, asc, desc, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { settlements } from '../schema';
import type { SettlementRecord } from './settlements';

/** A settlement version without its inputs, result and explanation, for lists. */
export interface SettlementSummary {
  id: number;
  agreementId: string;
  agreementVersion: number;
  period: string;
  version: number;
  frozen: boolean;
  frozenAt: Date | null;
  totalCents: number;
  attainment: number | null;
  createdAt: Date;
}

const summaryColumns = {
  id: settlements.id,
  agreementId: settlements.agreementId,
  agreementVersion: settlements.agreementVersion,
  period: settlements.period,
  version: settlements.settlementVersion,
  frozen: settlements.frozen,
  frozenAt: settlements.frozenAt,
  totalCents: settlements.totalCents,
  attainment: sql<number | null>`(${settlements.result}->>'attainment')::double precision`,
  createdAt: settlements.createdAt,
};

/** The settlement versions of an agreement (optionally one period): periods in order, newest version first. */
export async function listSettlements(
  db: Db,
  agreementId: string,
  query: { period?: string | undefined; frozen?: boolean | undefined; limit: number; offset: number },
): Promise<{ items: SettlementSummary[]; total: number }> {
  const where = and(
    eq(settlements.agreementId, agreementId),
    query.period ? eq(settlements.period, query.period) : undefined,
    query.frozen === undefined ? undefined : eq(settlements.frozen, query.frozen),
  );
  const [items, [count]] = await Promise.all([
    db
      .select(summaryColumns)
      .from(settlements)
      .where(where)
      .orderBy(asc(settlements.period), desc(settlements.settlementVersion))
      .limit(query.limit)
      .offset(query.offset),
    db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(settlements)
      .where(where),
  ]);
  return { items, total: count?.n ?? 0 };
}

/** One settlement record, or null. */
export async function settlementById(db: Db, id: number): Promise<SettlementRecord | null> {
  const [row] = await db.select().from(settlements).where(eq(settlements.id, id));
  return row ?? null;
}

/** The newest frozen settlement of an agreement's period below a settlement version, or null. */
export async function previousFrozenSettlement(
  db: Db,
  agreementId: string,
  period: string,
  beforeVersion: number,
): Promise<SettlementRecord | null> {
  const [row] = await db
    .select()
    .from(settlements)
    .where(
      and(
        eq(settlements.agreementId, agreementId),
        eq(settlements.period, period),
        eq(settlements.frozen, true),
        lt(settlements.settlementVersion, beforeVersion),
      ),
    )
    .orderBy(desc(settlements.settlementVersion))
    .limit(1);
  return row ?? null;
}

/**
 * Freezes a provisional settlement version as it is. Frozen versions are never touched: the update
 * only matches a record that is not frozen yet, and returns null otherwise.
 */
export async function freezeSettlement(db: Db, id: number, now: Date): Promise<SettlementRecord | null> {
  const [row] = await db
    .update(settlements)
    .set({ frozen: true, frozenAt: now })
    .where(and(eq(settlements.id, id), eq(settlements.frozen, false)))
    .returning();
  return row ?? null;
}

/** The periods of an agreement with at least one frozen settlement. */
export async function frozenPeriods(db: Db, agreementId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ period: settlements.period })
    .from(settlements)
    .where(and(eq(settlements.agreementId, agreementId), eq(settlements.frozen, true)));
  return rows.map((r) => r.period).sort();
}
