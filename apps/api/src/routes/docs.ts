import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../http/types';

const require = createRequire(import.meta.url);
let scalarBundle: Promise<string> | undefined;

/** The reference page's browser bundle inside @scalar/api-reference (not in its exports map). */
function standaloneBundlePath(): string {
  const entry = require.resolve('@scalar/api-reference');
  const root = entry.slice(0, entry.lastIndexOf('/dist/'));
  return join(root, 'dist', 'browser', 'standalone.js');
}

const page = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Kwadrant API</title>
  </head>
  <body>
    <script id="api-reference" data-url="/api/openapi.json"></script>
    <script src="/api/docs/reference.js"></script>
  </body>
</html>`;

/**
 * The OpenAPI 3.1 document (generated from the same zod schemas that validate requests) and an
 * interactive reference page whose script is served from here, so it works without the internet.
 */
export function docsRoutes(app: OpenAPIHono<AppEnv>) {
  const docs = new OpenAPIHono<AppEnv>();
  docs.get('/openapi.json', (c) =>
    c.json(
      app.getOpenAPI31Document({
        openapi: '3.1.0',
        info: {
          title: 'Kwadrant API',
          version: '1.0.0',
          description:
            'Outcome agreements for the organisation and infrastructure (O&I) of Dutch primary care. Sign in at /api/auth/sign-in (session cookie; send X-CSRF-Token on writes) or use a bearer token.',
        },
        servers: [{ url: '/' }],
      }),
    ),
  );
  docs.get('/docs', (c) => c.html(page));
  docs.get('/docs/reference.js', async (c) => {
    scalarBundle ??= readFile(standaloneBundlePath(), 'utf8');
    return c.body(await scalarBundle, 200, {
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'public, max-age=86400',
    });
  });
  return docs;
}
