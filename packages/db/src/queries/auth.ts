import { and, desc, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { auditLog, sessions, users } from '../schema';

/** A user by e-mail address (case-insensitive), with the password hash, for sign-in. */
export async function findUserByEmail(db: Db, email: string) {
  const [row] = await db
    .select({ id: users.id, passwordHash: users.passwordHash, disabled: users.disabled, name: users.name })
    .from(users)
    .where(eq(users.email, email.trim().toLowerCase()));
  return row ?? null;
}

/** Stores a new session (only the token's hash). Expired sessions are removed on the way. */
export async function createSession(
  db: Db,
  session: { tokenHash: string; userId: number; csrfToken: string; expiresAt: Date; now: Date },
): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, session.now));
  await db.insert(sessions).values({
    tokenHash: session.tokenHash,
    userId: session.userId,
    csrfToken: session.csrfToken,
    expiresAt: session.expiresAt,
    createdAt: session.now,
  });
}

/** The live session with this token hash, or null when unknown or expired. */
export async function findSession(db: Db, tokenHash: string, now: Date) {
  const [row] = await db
    .select({ userId: sessions.userId, csrfToken: sessions.csrfToken, expiresAt: sessions.expiresAt })
    .from(sessions)
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)));
  return row ?? null;
}

/** Ends a session. */
export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export interface AuditEntry {
  actorUserId: number | null;
  actorLabel: string;
  action: string;
  entity: string;
  entityId?: string | null;
  organisationId?: string | null;
  detail?: Record<string, unknown>;
  at?: Date;
}

/** Appends to the audit log (which a trigger keeps append-only). */
export async function writeAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    actorUserId: entry.actorUserId,
    actorLabel: entry.actorLabel,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    organisationId: entry.organisationId ?? null,
    detail: entry.detail ?? {},
    ...(entry.at ? { at: entry.at } : {}),
  });
}

/** Audit entries, newest first: all (administrators) or those about the given organisations. */
export async function listAudit(
  db: Db,
  scope: { organisationIds: readonly string[] | 'all' },
  page: { limit: number; offset: number; action?: string | undefined },
) {
  const conditions = [];
  if (scope.organisationIds !== 'all') {
    if (scope.organisationIds.length === 0) return { items: [], total: 0 };
    conditions.push(inArray(auditLog.organisationId, [...scope.organisationIds]));
  }
  if (page.action) conditions.push(eq(auditLog.action, page.action));
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const [items, [count]] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(page.limit)
      .offset(page.offset),
    db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(auditLog)
      .where(where),
  ]);
  return { items, total: count?.n ?? 0 };
}
