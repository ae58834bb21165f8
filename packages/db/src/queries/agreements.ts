import { eq, and, inArray } from 'drizzle-orm';
import type { Agreement } from '@kwadrant/domain/agreements';
import type { PaymentTitle } from '@kwadrant/domain/catalogue';
import type { Db } from '../client';
import {
  agreementClauses,
  agreementCoInsurers,
  agreementLines,
  agreementVersions,
  agreements,
  organisations,
  paymentTitles,
} from '../schema';

/** Payment titles as the domain sees them (active ones unless asked otherwise). */
export async function listPaymentTitles(db: Db, includeRetired = false): Promise<PaymentTitle[]> {
  const rows = await db.select().from(paymentTitles).orderBy(paymentTitles.code);
  return rows
    .filter((r) => includeRetired || r.active)
    .map((r) => ({
      code: r.code,
      quadrant: r.quadrant,
      name: { nl: r.nameNl, en: r.nameEn },
      description: r.description,
      basis: r.basis,
      resultObligation: r.resultObligation,
      namedInSource: r.namedInSource,
    }));
}

/** Organisation ids by UZOVI code, for the insurers an agreement names. */
async function insurerIds(db: Db, codes: readonly string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .select({ id: organisations.id, code: organisations.code })
    .from(organisations)
    .where(and(eq(organisations.kind, 'insurer'), inArray(organisations.code, [...codes])));
  return new Map(rows.map((r) => [r.code, r.id]));
}

/**
 * Writes a version of an agreement: the full domain document, plus queryable copies of its lines,
 * clauses and co-insurers. The agreement row points at the new version. Call inside a transaction.
 */
export async function writeAgreementVersion(
  db: Db,
  agreement: Agreement,
  name: string,
  createdBy: number | null = null,
): Promise<void> {
  const ids = await insurerIds(db, [agreement.insurer, ...agreement.coInsurers.map((c) => c.insurer)]);
  const idOf = (code: string) => {
    const id = ids.get(code);
    if (!id) throw new Error(`Agreement ${agreement.id}: no insurer with UZOVI code ${code}`);
    return id;
  };
  await db
    .insert(agreements)
    .values({
      id: agreement.id,
      insurerId: idOf(agreement.insurer),
      organisationId: agreement.organisation.id,
      currentVersion: agreement.version,
      status: agreement.status,
      name,
    })
    .onConflictDoUpdate({
      target: agreements.id,
      set: { currentVersion: agreement.version, status: agreement.status, name, updatedAt: new Date() },
    });
  await db.insert(agreementVersions).values({
    agreementId: agreement.id,
    version: agreement.version,
    status: agreement.status,
    periodStart: agreement.period.start,
    periodEnd: agreement.period.end,
    atRiskShare: agreement.atRiskShare,
    document: agreement,
    createdBy,
  });
  const key = { agreementId: agreement.id, version: agreement.version };
  if (agreement.lines.length > 0) {
    await db.insert(agreementLines).values(
      agreement.lines.map((l) => ({
        ...key,
        lineId: l.id,
        titleCode: l.titleCode,
        tariffCents: l.tariffCents,
        volume: l.volume ?? null,
      })),
    );
  }
  if (agreement.clauses.length > 0) {
    await db.insert(agreementClauses).values(
      agreement.clauses.map((c) => ({
        ...key,
        clauseId: c.id,
        kpiCode: c.kpiCode,
        target: c.target,
        threshold: c.threshold ?? null,
        weight: c.weight,
        scoring: c.scoring.type,
        evidence: c.evidence,
      })),
    );
  }
  if (agreement.coInsurers.length > 0) {
    await db
      .insert(agreementCoInsurers)
      .values(agreement.coInsurers.map((c) => ({ ...key, insurerId: idOf(c.insurer), share: c.share })));
  }
}

/** The current version of an agreement as its domain document, or null. */
export async function loadAgreement(
  db: Db,
  agreementId: string,
  version?: number,
): Promise<Agreement | null> {
  const [head] = await db.select().from(agreements).where(eq(agreements.id, agreementId));
  if (!head) return null;
  const [row] = await db
    .select({ document: agreementVersions.document })
    .from(agreementVersions)
    .where(
      and(
        eq(agreementVersions.agreementId, agreementId),
        eq(agreementVersions.version, version ?? head.currentVersion),
      ),
    );
  return (row?.document as unknown as Agreement | undefined) ?? null;
}
