import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import {
  canName,
  currentObservations,
  isOwn,
  listKpis,
  listNamedOrganisations,
  loadMemberships,
  organisationTree,
  organisationsByIds,
  rollUpFigures,
  serviceAreaOf,
  type Db,
} from '@kwadrant/db';
import { periodEndDate, quartersBetween } from '@kwadrant/domain/model';
import { toMeasureReports } from '@kwadrant/ingest';
import type { AppEnv } from '../http/types';
import { forbidden, notFound } from '../http/problem';
import { PageQuery, PeriodParam, json, pageOf, problemResponses } from '../http/schemas';
import { audit } from '../http/audit';
import { requireCaller, scopeOf } from '../auth/middleware';

const KIND = z.enum(['region', 'collaborative', 'practice', 'insurer', 'partner']);
const QUADRANT = z.enum(['Q1', 'Q2', 'Q3', 'Q4']);

export const OrganisationSummarySchema = z
  .object({
    id: z.string(),
    kind: KIND,
    name: z.string(),
    codeSystem: z.enum(['AGB', 'UZOVI']),
    code: z.string(),
    quadrant: QUADRANT.nullable(),
  })
  .openapi('OrganisationSummary');

const OrganisationSchema = OrganisationSummarySchema.extend({
  population: z.number().int().nullable(),
  disciplines: z.array(z.string()),
  pc4: z.string().nullable(),
}).openapi('Organisation');

const MembershipSchema = z.object({
  organisation: OrganisationSummarySchema,
  validFrom: z.string(),
  validTo: z.string().nullable(),
});

const OrganisationDetailSchema = OrganisationSchema.extend({
  parents: z.array(MembershipSchema),
  members: z.array(MembershipSchema),
  serviceArea: z.array(z.string()),
}).openapi('OrganisationDetail');

type Row = Awaited<ReturnType<typeof organisationsByIds>>[number];
const summary = (r: Row): z.infer<typeof OrganisationSummarySchema> => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  codeSystem: r.codeSystem as 'AGB' | 'UZOVI',
  code: r.code,
  quadrant: r.quadrant,
});
const full = (r: Row): z.infer<typeof OrganisationSchema> => ({
  ...summary(r),
  population: r.population,
  disciplines: r.disciplines,
  pc4: r.pc4,
});

/** Summaries of the given organisations, by id. */
export async function organisationSummary(db: Db, ids: readonly string[]) {
  return new Map((await organisationsByIds(db, [...new Set(ids)])).map((r) => [r.id, summary(r)]));
}

const list = createRoute({
  method: 'get',
  path: '/',
  tags: ['organisations'],
  summary: 'Organisations you may see by name (your own, your region, or those you contract)',
  middleware: [requireCaller()] as const,
  request: {
    query: PageQuery.extend({
      kind: KIND.optional(),
      q: z.string().max(100).optional(),
      sort: z.enum(['name', 'code', 'population']).default('name'),
    }),
  },
  responses: {
    200: json(pageOf(OrganisationSchema), 'A page of organisations'),
    400: problemResponses[400],
    401: problemResponses[401],
  },
});

const detail = createRoute({
  method: 'get',
  path: '/{id}',
  tags: ['organisations'],
  summary: 'One organisation with its memberships over time, members and service area',
  middleware: [requireCaller()] as const,
  request: { params: z.object({ id: z.string().min(1).max(64) }) },
  responses: {
    200: json(OrganisationDetailSchema, 'The organisation'),
    401: problemResponses[401],
    404: problemResponses[404],
  },
});

const measureReports = createRoute({
  method: 'get',
  path: '/{id}/measure-reports',
  tags: ['organisations'],
  summary:
    "An organisation's KPI figures as a FHIR R4 Bundle of summary MeasureReports (its own users and administrators)",
  middleware: [requireCaller()] as const,
  request: {
    params: z.object({ id: z.string().min(1).max(64) }),
    query: z.object({ from: PeriodParam, to: PeriodParam }),
  },
  responses: {
    200: json(
      z.record(z.string(), z.unknown()).openapi('FhirBundle'),
      'A FHIR R4 Bundle (collection) of MeasureReports',
    ),
    401: problemResponses[401],
    403: problemResponses[403],
    404: problemResponses[404],
  },
});

/** Organisations, scoped to what the caller may see by name. */
export function organisationRoutes() {
  return new OpenAPIHono<AppEnv>()
    .openapi(list, async (c) => {
      const scope = await scopeOf(c);
      const query = c.req.valid('query');
      const page = await listNamedOrganisations(c.var.deps.db, scope.named, query);
      return c.json(
        { items: page.items.map(full), total: page.total, limit: query.limit, offset: query.offset },
        200,
      );
    })
    .openapi(detail, async (c) => {
      const { id } = c.req.valid('param');
      const scope = await scopeOf(c);
      const { db } = c.var.deps;
      const [row] = await organisationsByIds(db, [id]);
      if (!row || !canName(scope, id)) throw notFound('organisation', id);
      const all = await loadMemberships(db);
      const related = all.filter((m) => m.memberId === id || m.parentId === id);
      const names = await organisationSummary(
        db,
        related.flatMap((m) => [m.memberId, m.parentId]),
      );
      const visible = (otherId: string) => canName(scope, otherId) || names.get(otherId)?.kind !== 'practice';
      const membership = (otherId: string, m: (typeof all)[number]) => ({
        organisation: names.get(otherId)!,
        validFrom: m.validFrom,
        validTo: m.validTo,
      });
      await audit(c, 'read', 'organisation', id, id);
      return c.json(
        {
          ...full(row),
          parents: related.filter((m) => m.memberId === id).map((m) => membership(m.parentId, m)),
          // Practices outside the caller's scope stay anonymous, even as members.
          members: related
            .filter((m) => m.parentId === id && visible(m.memberId))
            .map((m) => membership(m.memberId, m)),
          serviceArea: await serviceAreaOf(db, id),
        },
        200,
      );
    })
    .openapi(measureReports, async (c) => {
      const { id } = c.req.valid('param');
      const { from, to } = c.req.valid('query');
      const scope = await scopeOf(c);
      const { db, clock } = c.var.deps;
      if (!canName(scope, id)) throw notFound('organisation', id);
      // Raw counts leave the product only for their owner (or an administrator): no suppression applies.
      if (!isOwn(scope, id) && scope.named !== 'all') {
        throw forbidden(
          'Only the organisation itself may export its figures.',
          'Alleen de organisatie zelf mag haar cijfers exporteren.',
        );
      }
      const [org] = await organisationsByIds(db, [id]);
      if (!org || org.codeSystem !== 'AGB') throw notFound('organisation', id);
      const quarters = quartersBetween(from, to);
      const tree = await organisationTree(db, periodEndDate(to));
      const rows = await currentObservations(db, {
        organisationIds: [id, ...tree.practicesUnder(id)],
        periods: quarters,
      });
      const figures = [...rollUpFigures(id, rows)].map(([key, f]) => {
        const [kpiCode, period] = key.split('|') as [string, string];
        return {
          kpiCode,
          period,
          numerator: f.numerator,
          denominator: f.denominator,
          expected: f.expected ?? null,
          sumSquares: f.sumSquares ?? null,
        };
      });
      const bundle = toMeasureReports(figures, {
        kpis: await listKpis(db),
        organisation: { id, agbCode: org.code, name: org.name },
        generatedAt: clock(),
      });
      await audit(c, 'export', 'measure-reports', id, id, { from, to, reports: figures.length });
      return c.json(bundle as unknown as Record<string, unknown>, 200);
    });
}
