import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { listAudit } from '@kwadrant/db';
import type { AppEnv } from '../http/types';
import { PageQuery, json, pageOf, problemResponses } from '../http/schemas';
import { requireCaller, scopeOf } from '../auth/middleware';

const EntrySchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actor: z.string(),
    action: z.string(),
    entity: z.string(),
    entityId: z.string().nullable(),
    organisationId: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()),
  })
  .openapi('AuditEntry');

const list = createRoute({
  method: 'get',
  path: '/',
  tags: ['audit'],
  summary:
    'The audit log: who read or changed what, newest first (administrators: all; others: about their own organisations)',
  middleware: [requireCaller()] as const,
  request: { query: PageQuery.extend({ action: z.string().max(32).optional() }) },
  responses: { 200: json(pageOf(EntrySchema), 'A page of entries'), 401: problemResponses[401] },
});

/** The append-only audit log, read back within the caller's scope. */
export function auditRoutes() {
  return new OpenAPIHono<AppEnv>().openapi(list, async (c) => {
    const scope = await scopeOf(c);
    const query = c.req.valid('query');
    const page = await listAudit(
      c.var.deps.db,
      { organisationIds: scope.named === 'all' ? 'all' : [...scope.own] },
      query,
    );
    return c.json(
      {
        items: page.items.map((e) => ({
          id: e.id,
          at: e.at.toISOString(),
          actor: e.actorLabel,
          action: e.action,
          entity: e.entity,
          entityId: e.entityId,
          organisationId: e.organisationId,
          detail: e.detail,
        })),
        total: page.total,
        limit: query.limit,
        offset: query.offset,
      },
      200,
    );
  });
}
