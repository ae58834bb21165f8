import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { periodEndDate, quarterOfDate } from '@kwadrant/domain/model';
import {
  canName,
  createPeerGroup,
  deletePeerGroup,
  listPeerGroups,
  organisationTree,
  type AccessScope,
  type Db,
  type PeerGroup,
} from '@kwadrant/db';
import type { AppEnv } from '../http/types';
import { HttpProblem, forbidden, notFound } from '../http/problem';
import { json, problemResponses } from '../http/schemas';
import { audit } from '../http/audit';
import { requireCaller, scopeOf } from '../auth/middleware';

const PeerGroupSchema = z
  .object({
    id: z.number().int(),
    regionId: z.string(),
    name: z.string(),
    createdAt: z.string(),
    members: z.array(z.object({ id: z.string(), name: z.string() })),
  })
  .openapi('PeerGroup');

const regionParam = z.object({ id: z.string().max(64) });

const list = createRoute({
  method: 'get',
  path: '/regions/{id}/peer-groups',
  tags: ['results'],
  summary:
    "The region's custom peer groups (e.g. practices of similar size or deprivation), usable as a benchmark in the comparison grid and the funnel plot",
  middleware: [requireCaller()] as const,
  request: { params: regionParam },
  responses: {
    200: json(z.array(PeerGroupSchema), 'The peer groups'),
    401: problemResponses[401],
    404: problemResponses[404],
  },
});

const create = createRoute({
  method: 'post',
  path: '/regions/{id}/peer-groups',
  tags: ['results'],
  summary: "Create a peer group of the region's practices (the region's board or an administrator)",
  middleware: [requireCaller('region', 'admin')] as const,
  request: {
    params: regionParam,
    body: {
      content: {
        'application/json': {
          schema: z.object({
            name: z.string().trim().min(1).max(120),
            organisationIds: z.array(z.string().max(64)).min(2).max(500),
          }),
        },
      },
      required: true,
    },
  },
  responses: {
    201: json(PeerGroupSchema, 'The new peer group'),
    400: problemResponses[400],
    401: problemResponses[401],
    403: problemResponses[403],
    404: problemResponses[404],
  },
});

const remove = createRoute({
  method: 'delete',
  path: '/regions/{id}/peer-groups/{groupId}',
  tags: ['results'],
  summary: 'Delete a peer group and its benchmarks (the region’s board or an administrator)',
  middleware: [requireCaller('region', 'admin')] as const,
  request: { params: regionParam.extend({ groupId: z.coerce.number().int().min(1) }) },
  responses: {
    200: json(z.object({ deleted: z.literal(true) }), 'Deleted'),
    401: problemResponses[401],
    403: problemResponses[403],
    404: problemResponses[404],
  },
});

/** The region must exist and be in the caller's scope by name; returns the tree of today. */
async function regionInScope(db: Db, scope: AccessScope, id: string, today: Date) {
  const tree = await organisationTree(db, periodEndDate(quarterOfDate(today.toISOString().slice(0, 10))));
  if (tree.organisations.get(id)?.kind !== 'region' || !canName(scope, id)) throw notFound('region', id);
  return tree;
}

/** Custom peer groups of a region: list, create, delete. Their benchmarks are materialised on creation. */
export function peerGroupRoutes() {
  return new OpenAPIHono<AppEnv>()
    .openapi(list, async (c) => {
      const { id } = c.req.valid('param');
      const { db, clock } = c.var.deps;
      const tree = await regionInScope(db, await scopeOf(c), id, clock());
      const groups = await listPeerGroups(db, id);
      return c.json(
        groups.map((g) => toItem(g, (o) => tree.organisations.get(o)?.name ?? o)),
        200,
      );
    })
    .openapi(create, async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const { db, clock } = c.var.deps;
      const caller = c.var.caller!;
      const tree = await regionInScope(db, await scopeOf(c), id, clock());
      if (caller.role !== 'admin' && caller.organisationId !== id) throw boardOnly();
      const practices = new Set(tree.practicesUnder(id));
      const outside = body.organisationIds.filter((o) => !practices.has(o));
      if (outside.length > 0) {
        throw new HttpProblem(400, 'Invalid request', 'A peer group holds practices of this region only.', {
          detailNl: 'Een vergelijkingsgroep bevat alleen praktijken van deze regio.',
          errors: outside.map((o) => ({
            path: 'organisationIds',
            message: `${o} is not a practice of this region`,
            messageNl: `${o} is geen praktijk van deze regio`,
          })),
        });
      }
      const group = await createPeerGroup(db, {
        ownerId: id,
        name: body.name,
        organisationIds: body.organisationIds,
      });
      await audit(c, 'create', 'peer-group', String(group.id), id, {
        name: body.name,
        organisationIds: group.organisationIds,
      });
      return c.json(
        toItem(group, (o) => tree.organisations.get(o)?.name ?? o),
        201,
      );
    })
    .openapi(remove, async (c) => {
      const { id, groupId } = c.req.valid('param');
      const { db, clock } = c.var.deps;
      const caller = c.var.caller!;
      await regionInScope(db, await scopeOf(c), id, clock());
      if (caller.role !== 'admin' && caller.organisationId !== id) throw boardOnly();
      if (!(await deletePeerGroup(db, id, groupId))) throw notFound('peer group', String(groupId));
      await audit(c, 'delete', 'peer-group', String(groupId), id);
      return c.json({ deleted: true as const }, 200);
    });
}

const boardOnly = () =>
  forbidden(
    'Only the board of this region may change its peer groups.',
    'Alleen het bestuur van deze regio mag de vergelijkingsgroepen wijzigen.',
  );

const toItem = (g: PeerGroup, nameOf: (id: string) => string) => ({
  id: g.id,
  regionId: g.ownerId,
  name: g.name,
  createdAt: g.createdAt.toISOString(),
  members: g.organisationIds.map((o) => ({ id: o, name: nameOf(o) })),
});
