import { createHash } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { settle, type Agreement, type Settlement } from '@kwadrant/domain/agreements';
import type { Db } from '../client';
import { settlements } from '../schema';
import { settlementInputsFor, type SettlementContext } from './settlement-inputs';

export type SettlementRecord = typeof settlements.$inferSelect;

/** SHA-256 of the canonical inputs: the settlement's reproducible fingerprint. */
export const fingerprintOf = (settlement: Settlement): string =>
  createHash('sha256').update(settlement.inputFingerprint).digest('hex');

/**
 * Settles an agreement for a period from the data in the database and records it as a new settlement
 * version, unless the latest version was computed from exactly the same inputs and agreement version,
 * in which case that record is returned. Earlier versions are never changed.
 */
export async function recordSettlement(
  db: Db,
  agreement: Agreement,
  period: string,
  options: { freeze?: boolean; createdBy?: number | null; now?: Date; context?: SettlementContext } = {},
): Promise<{ record: SettlementRecord; settlement: Settlement; created: boolean }> {
  const inputs = await settlementInputsFor(db, agreement, period, options.context);
  const settlement = settle(agreement, inputs);
  const fingerprint = fingerprintOf(settlement);
  const [latest] = await db
    .select()
    .from(settlements)
    .where(and(eq(settlements.agreementId, agreement.id), eq(settlements.period, period)))
    .orderBy(desc(settlements.settlementVersion))
    .limit(1);
  if (latest && latest.inputFingerprint === fingerprint && latest.agreementVersion === agreement.version) {
    return { record: latest, settlement, created: false };
  }
  const now = options.now ?? new Date();
  const { explanation, ...result } = settlement;
  const [record] = await db
    .insert(settlements)
    .values({
      agreementId: agreement.id,
      agreementVersion: agreement.version,
      period,
      settlementVersion: (latest?.settlementVersion ?? 0) + 1,
      frozen: options.freeze ?? false,
      frozenAt: options.freeze ? now : null,
      inputFingerprint: fingerprint,
      inputs: inputs as unknown as Record<string, unknown>,
      result: result,
      explanation,
      totalCents: settlement.total,
      createdBy: options.createdBy ?? null,
      createdAt: now,
    })
    .returning();
  return { record: record!, settlement, created: true };
}
