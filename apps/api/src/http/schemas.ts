import { z } from '@hono/zod-openapi';
import { ProblemSchema } from './problem';

/** A Dutch/English text pair. */
export const LocalisedSchema = z.object({ nl: z.string(), en: z.string() }).openapi('Localised');

/** Responses every route may give, documented once. */
export const problemResponses = {
  400: { description: 'Invalid request', content: { 'application/problem+json': { schema: ProblemSchema } } },
  401: { description: 'Not signed in', content: { 'application/problem+json': { schema: ProblemSchema } } },
  403: { description: 'Not allowed', content: { 'application/problem+json': { schema: ProblemSchema } } },
  404: {
    description: 'Not found or not in your scope',
    content: { 'application/problem+json': { schema: ProblemSchema } },
  },
} as const;

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

/** Pagination of long lists: `limit` (1–500, default 50) and `offset`. */
export const PageQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(500)
    .default(50)
    .openapi({ param: { name: 'limit', in: 'query' } }),
  offset: z.coerce
    .number()
    .int()
    .min(0)
    .default(0)
    .openapi({ param: { name: 'offset', in: 'query' } }),
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  });

export const PeriodParam = z
  .string()
  .regex(/^\d{4}-Q[1-4]$/, 'expected a quarter such as "2025-Q3"')
  .openapi({ example: '2026-Q3' });
