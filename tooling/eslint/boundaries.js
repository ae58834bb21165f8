// Who may import whom (docs: shared architecture guide, "Who may import whom").
// Each layer lists the workspace packages and third-party modules it must never import.

const OURS = ['domain', 'ingest', 'db', 'geo', 'ui', 'api', 'cli', 'practice', 'region', 'insurer'];

const ours = (names) => names.map((n) => `@kwadrant/${n}`);
const except = (allowed) => OURS.filter((n) => !allowed.includes(n));

const SERVER = ['drizzle-orm', 'drizzle-orm/*', 'pg', '@electric-sql/pglite', 'hono', 'hono/*', '@hono/*'];
const VUE = ['vue', 'vue-*', 'pinia', 'echarts', 'echarts/*', '@vue/*'];
export const NODE_MODULES = [
  'node:*',
  'fs',
  'path',
  'os',
  'crypto',
  'child_process',
  'http',
  'https',
  'stream',
  'url',
];

/** @type {Record<string, { packages: string[]; modules: string[]; why: string }>} */
export const BOUNDARIES = {
  domain: {
    packages: ours(except([])),
    modules: [...SERVER, ...VUE, ...NODE_MODULES],
    why: 'domain is pure TypeScript: no I/O, no framework, nothing of ours (zod at most)',
  },
  ingest: {
    packages: ours(except(['domain'])),
    modules: [...SERVER, ...VUE],
    why: 'ingest turns bytes into domain records: it may import domain only, never db, hono or vue',
  },
  db: {
    packages: ours(except(['domain'])),
    modules: ['hono', 'hono/*', '@hono/*', ...VUE],
    why: 'db may import domain only, never hono or vue',
  },
  geo: {
    packages: ours(except([])),
    modules: [...SERVER, ...VUE],
    why: 'geo imports nothing of ours, never db, hono or vue',
  },
  api: {
    packages: ours(except(['domain', 'db', 'ingest', 'geo'])),
    modules: VUE,
    why: 'api may import domain, db, ingest and geo, never a dashboard',
  },
  cli: {
    packages: ours(except(['domain', 'db', 'ingest', 'geo', 'api'])),
    modules: VUE,
    why: 'the command line may import domain, db, ingest, geo and api, never a dashboard',
  },
  ui: {
    packages: ours(except(['domain'])),
    modules: SERVER,
    why: 'ui may import domain, vue and echarts, never db or api internals',
  },
  dashboard: {
    packages: ours(except(['domain', 'ui', 'api'])),
    modules: SERVER,
    why: "dashboards may import domain, ui and the api's typed client only; never db, drizzle or each other",
  },
  tooling: { packages: [], modules: [], why: '' },
};
