/*
 * API figures under load (autocannon on loopback, bounded duration): p95 latency at 50 connections for
 * the region dashboard's heaviest reads, the same as a ratio to a static JSON file of the same size
 * served by the same server, and the server's peak memory. Plus the fault drills that need a real
 * process: SIGTERM under load, and a mixed-load soak.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { request as httpRequest } from 'node:http';
import autocannon from 'autocannon';
import { figure, median, type Figure } from './measure';
import { signIn, type Server } from './server';

const PERIOD = '2026-Q3';

interface Load {
  p95: number;
  requests: number;
  errors: number;
  non2xx: number;
}

/** One bounded autocannon run; p95 computed from every response time (autocannon reports p90/p97.5). */
export function load(
  url: string,
  cookie: string,
  seconds: number,
  connections = 50,
  paths: readonly string[] = [''],
): Promise<Load> {
  return new Promise((resolve, reject) => {
    const times: number[] = [];
    const instance = autocannon(
      {
        url,
        connections,
        duration: seconds,
        headers: { cookie },
        requests: paths.length > 1 ? paths.map((path) => ({ path })) : undefined,
      },
      (error, result) => {
        if (error) return reject(error instanceof Error ? error : new Error(String(error)));
        times.sort((a, b) => a - b);
        resolve({
          p95: times[Math.min(times.length - 1, Math.floor(times.length * 0.95))] ?? NaN,
          requests: times.length,
          errors: result.errors + result.timeouts,
          non2xx: result.non2xx,
        });
      },
    );
    instance.on('response', (_client, _status, _bytes, ms) => times.push(ms));
  });
}

/**
 * Waits until the server has worked off what a load run left queued (requests whose connections
 * autocannon already closed), so the next run does not measure the previous one's backlog.
 */
async function idle(url: string) {
  for (let fast = 0; fast < 3; ) {
    const started = performance.now();
    await fetch(`${url}/health`);
    fast = performance.now() - started < 20 ? fast + 1 : 0;
    await new Promise((r) => setTimeout(r, 50));
  }
}

export interface HttpOptions {
  root: string;
  runs: number;
  seconds: number;
  only: (id: string) => boolean;
  log: (message: string) => void;
}

export async function httpFigures(server: Server, o: HttpOptions): Promise<Figure[]> {
  const out: Figure[] = [];
  const { cookie, organisationId: region } = await signIn(server.url, 'regio@kwadrant.demo', 'kwadrant-demo');
  const endpoints = [
    { id: 'overview', label: 'region overview', path: `/api/organisations/${region}/overview?period=${PERIOD}&benchmark=national` },
    { id: 'comparison', label: 'comparison grid', path: `/api/regions/${region}/comparison?period=${PERIOD}` },
    {
      id: 'funnel',
      label: 'funnel, national (every practice)',
      path: `/api/kpis/DM-02/funnel?period=${PERIOD}&grouping=national`,
    },
  ];
  // Static twins of the same size, served by the same server's static handler.
  const staticDir = join(o.root, 'apps/practice/dist/bench');
  mkdirSync(staticDir, { recursive: true });
  try {
    for (const e of endpoints) {
      if (!o.only(`api-${e.id}`)) continue;
      const res = await fetch(server.url + e.path, { headers: { cookie } });
      const body = await res.text();
      if (!res.ok) throw new Error(`${e.path}: ${res.status} ${body.slice(0, 300)}`);
      writeFileSync(join(staticDir, `${e.id}.json`), body);
      o.log(`load: ${e.label} (${(body.length / 1024).toFixed(0)} KB)…`);
      const api: Load[] = [];
      const twin: Load[] = [];
      for (let run = 0; run < o.runs; run++) {
        api.push(await load(server.url + e.path, cookie, o.seconds));
        await idle(server.url);
        twin.push(await load(`${server.url}/practice/bench/${e.id}.json`, cookie, o.seconds));
        await idle(server.url);
      }
      const failed = api.reduce((a, l) => a + l.errors + l.non2xx, 0);
      const rps = median(api.map((l) => l.requests / o.seconds));
      out.push(
        figure(
          {
            id: `api-${e.id}`,
            label: `API p95, ${e.label}, 50 connections`,
            unit: 'ms',
            goal: 50,
            better: 'lower',
            note: `${(body.length / 1024).toFixed(0)} KB per response, ${Math.round(rps)} req/s, ${failed} failed responses`,
          },
          api.map((l) => l.p95),
        ),
        figure(
          {
            id: `api-${e.id}-ratio`,
            label: `  ratio to static JSON of the same size`,
            unit: '×',
            goal: 3,
            better: 'lower',
            note: `static p95 median ${median(twin.map((l) => l.p95)).toFixed(1)} ms`,
          },
          api.map((l, i) => l.p95 / Math.max(twin[i]!.p95, 0.1)),
        ),
      );
    }
  } finally {
    rmSync(staticDir, { recursive: true, force: true });
  }
  out.push(
    figure(
      {
        id: 'api-memory',
        label: 'API peak memory under load (VmHWM)',
        unit: 'MB',
        goal: 600,
        better: 'lower',
        note: 'server process incl. the embedded database when on PGlite',
      },
      [server.peakMemoryMb()],
    ),
  );
  return out;
}

/** A request on a connection of its own (no keep-alive pool), resolving to its status or the error code. */
function freshRequest(url: string, cookie: string): Promise<string> {
  return new Promise((resolve) => {
    const req = httpRequest(url, { agent: false, headers: { cookie } }, (res) => {
      res.resume();
      res.on('end', () => resolve(String(res.statusCode)));
      res.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
    });
    req.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
    req.end();
  });
}

/**
 * SIGTERM with requests in flight: every request the server has received answers 200, a new
 * connection after the signal is refused, and the process exits 0.
 */
export async function sigtermDrill(server: Server, log: (m: string) => void) {
  const { cookie, organisationId: region } = await signIn(server.url, 'regio@kwadrant.demo', 'kwadrant-demo');
  const url = `${server.url}/api/regions/${region}/comparison?period=${PERIOD}`;
  const inFlight = Array.from({ length: 20 }, () => freshRequest(url, cookie));
  // Let the server accept and read them all (they then queue for the database), then signal. A
  // connection still in the kernel's backlog when the listener closes is reset by the kernel: that
  // request never reached the server, and the client sees ECONNRESET and may retry elsewhere.
  await new Promise((r) => setTimeout(r, 3_000));
  const exited = server.stop();
  // Once the server has taken the signal (it says so), a new connection must be refused.
  while (!server.output().includes('SIGTERM: finishing requests')) await new Promise((r) => setTimeout(r, 20));
  const late = await freshRequest(`${server.url}/health`, '');
  const answers = await Promise.all(inFlight);
  const code = await exited;
  const counts = new Map<string, number>();
  for (const a of answers) counts.set(a, (counts.get(a) ?? 0) + 1);
  const ok = counts.get('200') ?? 0;
  const detail = `${ok}/20 in-flight requests answered 200 (${[...counts].map(([k, v]) => `${k}×${v}`).join(', ')}); a new connection after SIGTERM: ${late}; exit code ${code}`;
  log(`SIGTERM drill: ${detail}`);
  return { passed: ok === 20 && late === 'ECONNREFUSED' && code === 0, detail };
}

/** Mixed read load for a while: no error responses, and resident memory without an upward trend. */
export async function soak(server: Server, seconds: number, log: (m: string) => void) {
  const { cookie, organisationId: region } = await signIn(server.url, 'regio@kwadrant.demo', 'kwadrant-demo');
  const paths = [
    `/api/organisations/${region}/overview?period=${PERIOD}&benchmark=national`,
    `/api/regions/${region}/comparison?period=${PERIOD}`,
    `/api/kpis/DM-02/funnel?period=${PERIOD}&grouping=region&groupId=${region}`,
    `/api/regions/${region}/picture?period=${PERIOD}`,
    `/api/agreements?limit=50`,
    `/api/kpis`,
  ];
  const samples: { t: number; mb: number }[] = [];
  const started = Date.now();
  const timer = setInterval(() => samples.push({ t: (Date.now() - started) / 1000, mb: server.currentMemoryMb() }), 5_000);
  const result = await load(server.url, cookie, seconds, 10, paths);
  clearInterval(timer);
  // Memory trend after a minute's warm-up: the mean of the last third of the samples against the mean
  // of the first third, per minute between their centres (window means ride over the GC sawtooth).
  const warm = samples.filter((x) => x.t >= Math.min(60, seconds / 4));
  const third = Math.max(1, Math.floor(warm.length / 3));
  const mean = (xs: typeof warm, pick: (x: (typeof warm)[number]) => number) =>
    xs.reduce((a, x) => a + pick(x), 0) / Math.max(1, xs.length);
  const first = warm.slice(0, third);
  const last = warm.slice(-third);
  const minutes = (mean(last, (x) => x.t) - mean(first, (x) => x.t)) / 60;
  const slope = minutes > 0 ? (mean(last, (x) => x.mb) - mean(first, (x) => x.mb)) / minutes : 0;
  const detail = `${result.requests.toLocaleString('en')} requests in ${seconds} s, ${result.errors} errors, ${result.non2xx} non-2xx; RSS ${samples[0]?.mb.toFixed(0)} → ${samples.at(-1)?.mb.toFixed(0)} MB, trend after warm-up ${slope.toFixed(1)} MB/min (last third against first third)`;
  log(`soak: ${detail}`);
  return { passed: result.errors === 0 && result.non2xx === 0 && slope < 2, detail };
}
