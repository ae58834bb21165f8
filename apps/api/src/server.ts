/* eslint-disable no-console -- the server reports to its operator on the console */
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import {
  createDb,
  DEMO_PASSWORD,
  demoUsers,
  buildLandscape,
  SCALES,
  seedDemo,
  seededScale,
} from '@kwadrant/db';
import { loadEnv } from './env';
import { createApp } from './app';
import { referenceGeography } from '@kwadrant/geo';

const DASHBOARDS = ['practice', 'region', 'insurer'] as const;

/** Starts Kwadrant: the database (seeded with the demo on first run), the API and the built dashboards. */
async function main(): Promise<void> {
  const env = loadEnv();
  const handle = await createDb({ databaseUrl: env.DATABASE_URL, dataDir: env.KWADRANT_DATA_DIR });
  const where = handle.engine === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : 'embedded PGlite';
  console.log(`Database: ${where}`);

  if (env.KWADRANT_SEED === 'demo' && (await seededScale(handle.db)) === null) {
    console.log('First run: seeding the demo landscape (three regions, eight quarters)…');
    const report = await seedDemo(handle.db, referenceGeography(), 'demo', {
      onProgress: (m) => console.log(`  ${m}`),
    });
    console.log(`Seeded in ${(report.milliseconds / 1000).toFixed(1)} s.`);
  }

  const app = createApp({
    db: handle.db,
    ping: () => handle.ping(),
    config: {
      secureCookies: env.KWADRANT_SECURE_COOKIES,
      sessionHours: env.KWADRANT_SESSION_HOURS,
      corsOrigins: env.KWADRANT_CORS_ORIGINS,
      jwtSecret: env.KWADRANT_JWT_SECRET,
      oidc: env.KWADRANT_OIDC_ISSUER
        ? {
            issuer: env.KWADRANT_OIDC_ISSUER,
            clientId: env.KWADRANT_OIDC_CLIENT_ID!,
            clientSecret: env.KWADRANT_OIDC_CLIENT_SECRET!,
            redirectUri: env.KWADRANT_OIDC_REDIRECT_URI!,
          }
        : undefined,
    },
  });

  // The built dashboards, each a single-page app under its own path.
  const built: string[] = [];
  for (const name of DASHBOARDS) {
    const root = fileURLToPath(new URL(`../../${name}/dist`, import.meta.url));
    if (!existsSync(root)) continue;
    built.push(name);
    app.use(`/${name}/*`, serveStatic({ root, rewriteRequestPath: (p) => p.slice(name.length + 1) }));
    app.get(`/${name}/*`, serveStatic({ root, path: 'index.html' }));
    app.get(`/${name}`, (c) => c.redirect(`/${name}/`));
  }
  app.get('/', (c) => c.redirect(built.length > 0 ? `/${built[0]}/` : '/api/docs'));

  // Graceful shutdown: stop listening, finish every request already received, then close the database.
  let stopping = false;
  const server = serve(
    {
      fetch: async (request) => {
        const response = await app.fetch(request);
        if (!stopping) return response;
        // While stopping, each answer closes its connection, so keep-alive sockets drain by themselves.
        const headers = new Headers(response.headers);
        headers.set('connection', 'close');
        return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
      },
      port: env.PORT,
      hostname: env.HOST,
    },
    (info) => {
      const url = `http://${info.address === '0.0.0.0' ? 'localhost' : info.address}:${info.port}`;
      console.log(`\nKwadrant runs at ${url}`);
      for (const name of built) console.log(`  ${name.padEnd(9)} ${url}/${name}/`);
      console.log(`  API docs  ${url}/api/docs`);
      if (env.KWADRANT_SEED === 'demo') printDemoSignIns();
    },
  ) as Server;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: finishing requests in flight, then stopping.`);
    // Node's close() also drops connections it considers idle, and that includes a connection whose
    // request is still unread because the event loop was busy (PGlite runs on it): keep those, they
    // are answered like the others and then closed.
    const closeIdle = server.closeIdleConnections.bind(server);
    server.closeIdleConnections = () => undefined;
    server.close(() => {
      void handle.close().then(() => process.exit(0));
    });
    // Connections that stay idle (a browser's keep-alive) are closed after a grace period.
    setTimeout(closeIdle, 5_000).unref();
    setTimeout(() => process.exit(1), 15_000).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

function printDemoSignIns(): void {
  const users = demoUsers(buildLandscape(referenceGeography(), SCALES.demo));
  console.log(`\nDemo sign-ins (password "${DEMO_PASSWORD}"):`);
  for (const u of users) console.log(`  ${u.email.padEnd(28)} ${u.role.padEnd(13)} ${u.purpose}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
