import { and, asc, desc, eq, ilike, inArray, max, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Agreement, AgreementStatus } from '@kwadrant/domain/agreements';
import type { QuadrantCode } from '@kwadrant/domain/catalogue';
import { isActiveOn, periodEndDate, practicesUnder, type Organisation } from '@kwadrant/domain/model';
import type { Db } from '../client';
import { explained } from '../errors';
import type { AccessScope } from '../access/scope';
import {
  agreementCoInsurers,
  agreementVersions,
  agreements,
  enrolledPopulation,
  organisations,
  settlements,
} from '../schema';
import { writeAgreementVersion } from './agreements';
import { loadMemberships } from './organisations';
import type { SettlementContext } from './settlement-inputs';

/**
 * Which agreements a caller may see (domain guide §6, §8). Agreements are public to the parties they
 * cover, never to anyone else:
 * - an administrator sees all;
 * - an insurer sees the agreements it leads or co-finances (as a co-insurer of the current version);
 * - a practice, collaborative or region sees the agreements of the organisations it may name (itself
 *   and, for a collaborative or region, the organisations below it) and of every organisation above
 *   its own on the date (a practice sees its collaborative's and its region's agreements, which pay
 *   for work that covers it).
 */
export type AgreementVisibility =
  | { kind: 'all' }
  | { kind: 'insurer'; insurerId: string }
  | { kind: 'organisations'; ids: ReadonlySet<string> };

/** The caller's agreement visibility on an ISO date (the organisation tree as it stands then). */
export async function agreementVisibility(
  db: Db,
  scope: AccessScope,
  isoDate: string,
): Promise<AgreementVisibility> {
  if (scope.named === 'all') return { kind: 'all' };
  if (scope.caller.role === 'insurer') {
    return scope.caller.organisationId
      ? { kind: 'insurer', insurerId: scope.caller.organisationId }
      : { kind: 'organisations', ids: new Set() };
  }
  const live = (await loadMemberships(db)).filter((m) => isActiveOn(m, isoDate));
  const ids = new Set(scope.named);
  const climb = (id: string): void => {
    for (const m of live) {
      if (m.memberId !== id || ids.has(m.parentId)) continue;
      ids.add(m.parentId);
      climb(m.parentId);
    }
  };
  for (const own of scope.own) climb(own);
  return { kind: 'organisations', ids };
}

/** The current version of an agreement with its parties, for lists and access checks. */
export interface AgreementHead {
  id: string;
  name: string;
  status: AgreementStatus;
  version: number;
  insurer: { id: string; code: string; name: string };
  organisation: { id: string; kind: Organisation['kind']; name: string; quadrant: QuadrantCode | null };
  period: { start: string; end: string };
  atRiskShare: number;
  updatedAt: Date;
  document: Agreement;
  coInsurers: { insurerId: string; code: string; name: string; share: number }[];
  /** The settlement of the latest period settled (its latest version), if any. */
  latestSettlement: {
    id: number;
    period: string;
    version: number;
    frozen: boolean;
    totalCents: number;
    attainment: number | null;
  } | null;
}

/** True when the visibility includes the agreement. */
export function canSeeAgreement(
  visibility: AgreementVisibility,
  head: Pick<AgreementHead, 'insurer' | 'organisation' | 'coInsurers'>,
): boolean {
  switch (visibility.kind) {
    case 'all':
      return true;
    case 'insurer':
      return (
        head.insurer.id === visibility.insurerId ||
        head.coInsurers.some((c) => c.insurerId === visibility.insurerId)
      );
    case 'organisations':
      return visibility.ids.has(head.organisation.id);
  }
}

export interface AgreementListQuery {
  status?: AgreementStatus | undefined;
  organisationId?: string | undefined;
  /** Case-insensitive text in the agreement's name or id, or the counterparty's name. */
  q?: string | undefined;
  sort?: 'name' | 'period' | 'status' | 'updated' | undefined;
  limit: number;
  offset: number;
}

const insurerOrg = alias(organisations, 'insurer_org');

const visibilityCondition = (visibility: AgreementVisibility): SQL | undefined => {
  switch (visibility.kind) {
    case 'all':
      return undefined;
    case 'insurer':
      return or(
        eq(agreements.insurerId, visibility.insurerId),
        sql`exists (select 1 from ${agreementCoInsurers} where ${agreementCoInsurers.agreementId} = ${agreements.id} and ${agreementCoInsurers.version} = ${agreements.currentVersion} and ${agreementCoInsurers.insurerId} = ${visibility.insurerId})`,
      );
    case 'organisations':
      return inArray(agreements.organisationId, [...visibility.ids]);
  }
};

function headQuery(db: Db, where: SQL | undefined) {
  return db
    .select({
      id: agreements.id,
      name: agreements.name,
      status: agreements.status,
      version: agreements.currentVersion,
      updatedAt: agreements.updatedAt,
      insurerId: agreements.insurerId,
      insurerCode: insurerOrg.code,
      insurerName: insurerOrg.name,
      organisationId: agreements.organisationId,
      organisationKind: organisations.kind,
      organisationName: organisations.name,
      organisationQuadrant: organisations.quadrant,
      periodStart: agreementVersions.periodStart,
      periodEnd: agreementVersions.periodEnd,
      atRiskShare: agreementVersions.atRiskShare,
      document: agreementVersions.document,
    })
    .from(agreements)
    .innerJoin(
      agreementVersions,
      and(
        eq(agreementVersions.agreementId, agreements.id),
        eq(agreementVersions.version, agreements.currentVersion),
      ),
    )
    .innerJoin(organisations, eq(organisations.id, agreements.organisationId))
    .innerJoin(insurerOrg, eq(insurerOrg.id, agreements.insurerId))
    .where(where);
}

type HeadRow = Awaited<ReturnType<typeof headQuery>>[number];

/** Adds co-insurers (of the current version) and the latest settlement to head rows, in their order. */
async function completeHeads(db: Db, rows: readonly HeadRow[]): Promise<AgreementHead[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const coRows = await db
    .select({
      agreementId: agreementCoInsurers.agreementId,
      version: agreementCoInsurers.version,
      insurerId: agreementCoInsurers.insurerId,
      code: organisations.code,
      name: organisations.name,
      share: agreementCoInsurers.share,
    })
    .from(agreementCoInsurers)
    .innerJoin(organisations, eq(organisations.id, agreementCoInsurers.insurerId))
    .where(inArray(agreementCoInsurers.agreementId, ids));
  const latest = await db
    .selectDistinctOn([settlements.agreementId], {
      agreementId: settlements.agreementId,
      id: settlements.id,
      period: settlements.period,
      version: settlements.settlementVersion,
      frozen: settlements.frozen,
      totalCents: settlements.totalCents,
      attainment: sql<number | null>`(${settlements.result}->>'attainment')::double precision`,
    })
    .from(settlements)
    .where(inArray(settlements.agreementId, ids))
    .orderBy(settlements.agreementId, desc(settlements.period), desc(settlements.settlementVersion));
  const latestOf = new Map(latest.map(({ agreementId, ...s }) => [agreementId, s]));
  // The document lists co-insurers in its own order (which the settlement's tie-breaking follows).
  return rows.map((r) => {
    const document = r.document as unknown as Agreement;
    const mine = coRows.filter((c) => c.agreementId === r.id && c.version === r.version);
    return {
      id: r.id,
      name: r.name,
      status: r.status,
      version: r.version,
      insurer: { id: r.insurerId, code: r.insurerCode, name: r.insurerName },
      organisation: {
        id: r.organisationId,
        kind: r.organisationKind,
        name: r.organisationName,
        quadrant: r.organisationQuadrant,
      },
      period: { start: r.periodStart, end: r.periodEnd },
      atRiskShare: r.atRiskShare,
      updatedAt: r.updatedAt,
      document,
      coInsurers: document.coInsurers.flatMap((c) => {
        const row = mine.find((m) => m.code === c.insurer);
        return row ? [{ insurerId: row.insurerId, code: row.code, name: row.name, share: c.share }] : [];
      }),
      latestSettlement: latestOf.get(r.id) ?? null,
    };
  });
}

/** The agreements a caller may see, filtered, sorted and paginated. */
export async function listAgreements(
  db: Db,
  visibility: AgreementVisibility,
  query: AgreementListQuery,
): Promise<{ items: AgreementHead[]; total: number }> {
  if (visibility.kind === 'organisations' && visibility.ids.size === 0) return { items: [], total: 0 };
  const conditions = [visibilityCondition(visibility)];
  if (query.status) conditions.push(eq(agreements.status, query.status));
  if (query.organisationId) conditions.push(eq(agreements.organisationId, query.organisationId));
  if (query.q) {
    const like = `%${query.q.replace(/[%_\\]/g, (m) => `\\${m}`)}%`;
    conditions.push(
      or(ilike(agreements.name, like), ilike(agreements.id, like), ilike(organisations.name, like)),
    );
  }
  const where = and(...conditions);
  const order = {
    name: asc(agreements.name),
    period: asc(agreementVersions.periodStart),
    status: asc(agreements.status),
    updated: desc(agreements.updatedAt),
  }[query.sort ?? 'name'];
  const [rows, [count]] = await Promise.all([
    headQuery(db, where).orderBy(order, asc(agreements.id)).limit(query.limit).offset(query.offset),
    db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(agreements)
      .innerJoin(
        agreementVersions,
        and(
          eq(agreementVersions.agreementId, agreements.id),
          eq(agreementVersions.version, agreements.currentVersion),
        ),
      )
      .innerJoin(organisations, eq(organisations.id, agreements.organisationId))
      .where(where),
  ]);
  return { items: await completeHeads(db, rows), total: count?.n ?? 0 };
}

/** One agreement's head, or null when there is no such agreement (whoever asks). */
export async function agreementHead(db: Db, agreementId: string): Promise<AgreementHead | null> {
  const rows = await headQuery(db, eq(agreements.id, agreementId));
  const [head] = await completeHeads(db, rows);
  return head ?? null;
}

/** Every version of an agreement, oldest first (the documents themselves via loadAgreement). */
export async function agreementVersionList(db: Db, agreementId: string) {
  return db
    .select({
      version: agreementVersions.version,
      status: agreementVersions.status,
      periodStart: agreementVersions.periodStart,
      periodEnd: agreementVersions.periodEnd,
      createdAt: agreementVersions.createdAt,
    })
    .from(agreementVersions)
    .where(eq(agreementVersions.agreementId, agreementId))
    .orderBy(asc(agreementVersions.version));
}

/** Why a version was not saved: someone else saved another first, or the id is already taken. */
export type SaveOutcome = { saved: true } | { saved: false; currentVersion: number | null };

/**
 * Saves a version of an agreement only when the stored current version is still `expectedVersion`
 * (null: the agreement must not exist yet). The check and the write happen in one transaction with the
 * agreement row locked, so of two concurrent edits of the same version exactly one is saved and the
 * other learns the version that beat it; nothing is merged and nothing is lost.
 */
export async function saveAgreementVersion(
  db: Db,
  agreement: Agreement,
  name: string,
  options: { expectedVersion: number | null; createdBy: number | null },
): Promise<SaveOutcome> {
  return explained(() =>
    db.transaction(async (tx) => {
      const t = tx as unknown as Db;
      const [row] = await t
        .select({ currentVersion: agreements.currentVersion })
        .from(agreements)
        .where(eq(agreements.id, agreement.id))
        .for('update');
      const current = row?.currentVersion ?? null;
      if (current !== options.expectedVersion) return { saved: false, currentVersion: current };
      await writeAgreementVersion(t, agreement, name, options.createdBy);
      return { saved: true };
    }),
  );
}

/** The current documents of every agreement between an insurer (UZOVI code) and an organisation. */
export async function agreementsBetween(
  db: Db,
  insurerCode: string,
  organisationId: string,
): Promise<Agreement[]> {
  const rows = await headQuery(
    db,
    and(eq(insurerOrg.code, insurerCode), eq(agreements.organisationId, organisationId)),
  );
  return rows.map((r) => r.document as unknown as Agreement);
}

/** Insurers by UZOVI code (only those that exist). */
export async function insurersByCode(
  db: Db,
  codes: readonly string[],
): Promise<Map<string, { id: string; name: string }>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .select({ id: organisations.id, code: organisations.code, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.kind, 'insurer'), inArray(organisations.code, [...codes])));
  return new Map(rows.map((r) => [r.code, { id: r.id, name: r.name }]));
}

/** The latest quarter with enrolled patients, not after `notAfter` when given; null on an empty database. */
export async function latestDataQuarter(db: Db, notAfter?: string): Promise<string | null> {
  const [row] = await db
    .select({ period: max(enrolledPopulation.period) })
    .from(enrolledPopulation)
    .where(
      and(
        sql`${enrolledPopulation.period} like '%-Q_'`,
        notAfter ? sql`${enrolledPopulation.period} <= ${notAfter}` : undefined,
      ),
    );
  return row?.period ?? null;
}

/**
 * Enrolled patients of each organisation (summed over the practices under it on the quarter's last day)
 * in the latest quarter with data; organisations without any are left out.
 */
export async function latestEnrolment(
  db: Db,
  organisationIds: readonly string[],
  context: Pick<SettlementContext, 'organisations' | 'memberships'>,
): Promise<{ period: string; patients: Map<string, number> } | null> {
  const period = await latestDataQuarter(db);
  if (!period || organisationIds.length === 0) return null;
  const practicesOf = new Map(
    organisationIds.map((id) => [
      id,
      practicesUnder(context.organisations, context.memberships, id, periodEndDate(period)),
    ]),
  );
  const practiceIds = [...new Set([...practicesOf.values()].flat())];
  if (practiceIds.length === 0) return { period, patients: new Map() };
  const rows = await db
    .select({
      practiceId: enrolledPopulation.practiceId,
      total: sql<number>`sum(${enrolledPopulation.count})`.mapWith(Number),
    })
    .from(enrolledPopulation)
    .where(and(eq(enrolledPopulation.period, period), inArray(enrolledPopulation.practiceId, practiceIds)))
    .groupBy(enrolledPopulation.practiceId);
  const byPractice = new Map(rows.map((r) => [r.practiceId, r.total]));
  const patients = new Map<string, number>();
  for (const [id, practices] of practicesOf) {
    const counts = practices.map((p) => byPractice.get(p)).filter((n) => n !== undefined);
    if (counts.length > 0)
      patients.set(
        id,
        counts.reduce((a, n) => a + n, 0),
      );
  }
  return { period, patients };
}

/** Ids of the providers of a kind and quadrant among the organisations a caller may name. */
export async function providerIds(
  db: Db,
  filter: { named: ReadonlySet<string> | 'all'; kind: Organisation['kind']; quadrant: QuadrantCode },
): Promise<string[]> {
  if (filter.named !== 'all' && filter.named.size === 0) return [];
  const rows = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(
      and(
        eq(organisations.kind, filter.kind),
        eq(organisations.quadrant, filter.quadrant),
        filter.named === 'all' ? undefined : inArray(organisations.id, [...filter.named]),
      ),
    )
    .orderBy(asc(organisations.id));
  return rows.map((r) => r.id);
}
