import type { Context } from 'hono';
import { writeAudit } from '@kwadrant/db';
import type { AppEnv } from './types';

/** Appends an audit entry for the current caller: every write, and every read of identifiable data. */
export async function audit(
  c: Context<AppEnv>,
  action: 'read' | 'create' | 'update' | 'delete' | 'sign-in' | 'sign-out' | 'import' | 'settle' | 'export',
  entity: string,
  entityId: string | null,
  organisationId: string | null,
  detail: Record<string, unknown> = {},
  actor: { userId: number | null; label: string } | null = c.var.caller,
): Promise<void> {
  await writeAudit(c.var.deps.db, {
    actorUserId: actor?.userId ?? null,
    actorLabel: actor?.label ?? 'anonymous',
    action,
    entity,
    entityId,
    organisationId,
    detail,
    at: c.var.deps.clock(),
  });
}
