import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AppEnv } from '../http/types';
import { ProblemSchema } from '../http/problem';
import { json } from '../http/schemas';

const health = createRoute({
  method: 'get',
  path: '/health',
  tags: ['operations'],
  summary: 'Liveness: the process answers',
  responses: { 200: json(z.object({ status: z.literal('ok') }), 'Alive') },
});

const ready = createRoute({
  method: 'get',
  path: '/ready',
  tags: ['operations'],
  summary: 'Readiness: the database answers',
  responses: {
    200: json(z.object({ status: z.literal('ready') }), 'Ready'),
    503: {
      description: 'The database is unreachable',
      content: { 'application/problem+json': { schema: ProblemSchema } },
    },
  },
});

/** Liveness and readiness probes (outside /api, for load balancers and orchestrators). */
export function healthRoutes(ping: () => Promise<boolean>) {
  return new OpenAPIHono<AppEnv>()
    .openapi(health, (c) => c.json({ status: 'ok' as const }, 200))
    .openapi(ready, async (c) => {
      if (await ping()) return c.json({ status: 'ready' as const }, 200);
      return c.json(
        {
          type: 'https://kwadrant.nl/problems/database-unavailable',
          title: 'Database unavailable',
          status: 503,
          detail: 'The database does not answer.',
          detailNl: 'De database antwoordt niet.',
        },
        503,
        { 'content-type': 'application/problem+json; charset=utf-8' },
      );
    });
}
