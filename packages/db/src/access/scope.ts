import { and, eq, or } from 'drizzle-orm';
import { membersOn } from '@kwadrant/domain/model';
import type { Db } from '../client';
import { agreementCoInsurers, agreements, userRoles, users } from '../schema';
import { loadMemberships, loadOrganisations } from '../queries/organisations';

export type Role = 'practice' | 'collaborative' | 'region' | 'insurer' | 'admin';

/** Who is asking. */
export interface Caller {
  userId: number | null;
  role: Role;
  organisationId: string | null;
  /** A label for the audit log: an email address or an integration's name. */
  label: string;
}

/**
 * What a caller may see (domain guide §8): organisations by name, and the organisations whose
 * figures are the caller's own (shown without small-number suppression). Everything else is
 * visible only in aggregate, anonymously.
 */
export interface AccessScope {
  caller: Caller;
  named: ReadonlySet<string> | 'all';
  own: ReadonlySet<string>;
  /** The insurer's UZOVI code, for insurer callers. */
  insurerCode: string | null;
}

/** True when the caller may see an organisation by name. */
export const canName = (scope: AccessScope, organisationId: string): boolean =>
  scope.named === 'all' || scope.named.has(organisationId);

/** True when an organisation's figures are the caller's own (no suppression). */
export const isOwn = (scope: AccessScope, organisationId: string): boolean => scope.own.has(organisationId);

/**
 * Resolves a caller's scope on a date from the organisation tree and the agreements:
 * - practice: itself;
 * - collaborative: itself, its practices and partners (all its own);
 * - region: itself (own) and every organisation in the region by name;
 * - insurer: itself (own) and the organisations it contracts, as lead or co-insurer, by name;
 * - administrator: every organisation by name, none as own.
 */
export async function resolveScope(db: Db, caller: Caller, isoDate: string): Promise<AccessScope> {
  const none: AccessScope = { caller, named: new Set(), own: new Set(), insurerCode: null };
  if (caller.role === 'admin') return { ...none, named: 'all' };
  const orgId = caller.organisationId;
  if (!orgId) return none;
  const orgs = await loadOrganisations(db);
  const org = orgs.get(orgId);
  if (!org) return none;
  const memberships = await loadMemberships(db);
  const below = (id: string): string[] => {
    const direct = membersOn(memberships, id, isoDate);
    return [...direct, ...direct.flatMap(below)];
  };
  switch (caller.role) {
    case 'practice':
      return { ...none, named: new Set([orgId]), own: new Set([orgId]) };
    case 'collaborative': {
      const mine = new Set([orgId, ...below(orgId)]);
      return { ...none, named: mine, own: mine };
    }
    case 'region':
      return { ...none, named: new Set([orgId, ...below(orgId)]), own: new Set([orgId]) };
    case 'insurer': {
      const rows = await db
        .selectDistinct({ organisationId: agreements.organisationId })
        .from(agreements)
        .leftJoin(
          agreementCoInsurers,
          and(
            eq(agreementCoInsurers.agreementId, agreements.id),
            eq(agreementCoInsurers.version, agreements.currentVersion),
          ),
        )
        .where(or(eq(agreements.insurerId, orgId), eq(agreementCoInsurers.insurerId, orgId)));
      return {
        ...none,
        named: new Set([orgId, ...rows.map((r) => r.organisationId)]),
        own: new Set([orgId]),
        insurerCode: org.code.value,
      };
    }
  }
}

/** A user's caller identity from the database (the first role they hold), or null when disabled or unknown. */
export async function callerForUser(db: Db, userId: number): Promise<Caller | null> {
  const [row] = await db
    .select({
      email: users.email,
      disabled: users.disabled,
      role: userRoles.role,
      organisationId: userRoles.organisationId,
    })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(eq(users.id, userId))
    .limit(1);
  if (!row || row.disabled) return null;
  return { userId, role: row.role, organisationId: row.organisationId, label: row.email };
}
