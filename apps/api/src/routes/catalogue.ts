import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { QUADRANTS } from '@kwadrant/domain/catalogue';
import { listKpis, listPaymentTitles } from '@kwadrant/db';
import type { AppEnv } from '../http/types';
import { notFound } from '../http/problem';
import { LocalisedSchema, json, problemResponses } from '../http/schemas';
import { requireCaller } from '../auth/middleware';

const QuadrantSchema = z
  .object({
    code: z.enum(['Q1', 'Q2', 'Q3', 'Q4']),
    scale: z.enum(['wijk', 'regio']),
    scope: z.enum(['mono', 'multi']),
    name: LocalisedSchema,
    aim: LocalisedSchema,
    populationBand: z.object({ min: z.number(), max: z.number() }),
  })
  .openapi('Quadrant');

const PaymentTitleSchema = z
  .object({
    code: z.string(),
    quadrant: z.enum(['Q1', 'Q2', 'Q3', 'Q4']),
    name: LocalisedSchema,
    description: LocalisedSchema,
    basis: z.enum(['capitation', 'availability', 'project', 'fte']),
    resultObligation: LocalisedSchema,
    namedInSource: z.boolean(),
  })
  .openapi('PaymentTitle');

export const KpiSchema = z
  .object({
    code: z.string(),
    name: LocalisedSchema,
    domain: z.enum(['kwaliteit', 'doelmatigheid', 'toegankelijkheid', 'patientervaring', 'organisatie']),
    kind: z.enum(['proportion', 'rate', 'ratio', 'mean']),
    polarity: z.enum(['higher', 'lower', 'none']),
    multiplier: z.number(),
    unit: LocalisedSchema,
    numerator: LocalisedSchema,
    denominator: LocalisedSchema,
    minDenominator: z.number(),
    source: LocalisedSchema,
    defaultTarget: z.number().nullable(),
    nationalReference: z.number().nullable(),
    reviewDate: z.string(),
  })
  .openapi('Kpi');

const quadrants = createRoute({
  method: 'get',
  path: '/quadrants',
  tags: ['catalogue'],
  summary: 'The four quadrants of the O&I development model',
  middleware: [requireCaller()] as const,
  responses: { 200: json(z.array(QuadrantSchema), 'Quadrants'), 401: problemResponses[401] },
});

const titles = createRoute({
  method: 'get',
  path: '/payment-titles',
  tags: ['catalogue'],
  summary: 'The payment titles (betaaltitels) in use, with quadrant and funding basis',
  middleware: [requireCaller()] as const,
  request: { query: z.object({ quadrant: z.enum(['Q1', 'Q2', 'Q3', 'Q4']).optional() }) },
  responses: { 200: json(z.array(PaymentTitleSchema), 'Payment titles'), 401: problemResponses[401] },
});

const kpis = createRoute({
  method: 'get',
  path: '/kpis',
  tags: ['catalogue'],
  summary: 'The KPI catalogue with every metadata field',
  middleware: [requireCaller()] as const,
  request: { query: z.object({ domain: KpiSchema.shape.domain.optional() }) },
  responses: { 200: json(z.array(KpiSchema), 'KPIs'), 401: problemResponses[401] },
});

const kpi = createRoute({
  method: 'get',
  path: '/kpis/{code}',
  tags: ['catalogue'],
  summary: 'One KPI definition',
  middleware: [requireCaller()] as const,
  request: { params: z.object({ code: z.string().max(16) }) },
  responses: { 200: json(KpiSchema, 'The KPI'), 401: problemResponses[401], 404: problemResponses[404] },
});

/** Quadrants, payment titles and KPI definitions: the shared catalogues. */
export function catalogueRoutes() {
  return new OpenAPIHono<AppEnv>()
    .openapi(quadrants, (c) =>
      c.json(
        QUADRANTS.map((q) => ({ ...q })),
        200,
      ),
    )
    .openapi(titles, async (c) => {
      const { quadrant } = c.req.valid('query');
      const all = await listPaymentTitles(c.var.deps.db);
      return c.json(
        all.filter((t) => !quadrant || t.quadrant === quadrant),
        200,
      );
    })
    .openapi(kpis, async (c) => {
      const { domain } = c.req.valid('query');
      const all = await listKpis(c.var.deps.db);
      return c.json(
        all.filter((k) => !domain || k.domain === domain),
        200,
      );
    })
    .openapi(kpi, async (c) => {
      const { code } = c.req.valid('param');
      const found = (await listKpis(c.var.deps.db)).find((k) => k.code === code);
      if (!found) throw notFound('KPI', code);
      return c.json(found, 200);
    });
}
