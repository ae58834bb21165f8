/*
 * Faults that the suite can provoke quickly. The database going away only happens to a real
 * PostgreSQL server (PGlite lives inside the process), so that part runs in the postgres project:
 * a TCP proxy in front of the server is cut and restored while the API keeps running.
 */
import { connect, createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type DbHandle } from '@kwadrant/db';
import { createApp } from './app';

const url = process.env.DATABASE_URL;

/** A TCP proxy that can be cut (every connection dropped, new ones refused) and restored on the same port. */
function tcpProxy(targetHost: string, targetPort: number) {
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let port = 0;
  const listen = () =>
    new Promise<number>((resolve) => {
      server = createServer((client) => {
        const upstream = connect(targetPort, targetHost);
        const drop = () => {
          client.destroy();
          upstream.destroy();
          sockets.delete(client);
          sockets.delete(upstream);
        };
        sockets.add(client).add(upstream);
        client.pipe(upstream).pipe(client);
        for (const s of [client, upstream]) s.on('error', drop).on('close', drop);
      });
      server.listen(port, '127.0.0.1', () => {
        const address = server!.address();
        port = typeof address === 'object' && address ? address.port : 0;
        resolve(port);
      });
    });
  return {
    listen,
    cut: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        sockets.clear();
        server!.close(() => resolve());
      }),
  };
}

describe.skipIf(!url)('the database becomes unreachable (PostgreSQL)', () => {
  let proxy: ReturnType<typeof tcpProxy>;
  let handle: DbHandle;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    const target = new URL(url!);
    proxy = tcpProxy(target.hostname, Number(target.port || 5432));
    const port = await proxy.listen();
    const proxied = new URL(url!);
    proxied.hostname = '127.0.0.1';
    proxied.port = String(port);
    handle = await createDb({ databaseUrl: proxied.toString(), poolSize: 2 });
    app = createApp({ db: handle.db, ping: () => handle.ping() });
  });
  afterAll(() => handle.close());

  const signIn = () =>
    app.request('/api/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'nobody@kwadrant.test', password: 'wrong' }),
    });

  it('says so on /ready and answers 503 problem+json, then recovers by itself', async () => {
    expect((await app.request('/ready')).status).toBe(200);
    expect((await signIn()).status).toBe(401);

    await proxy.cut();
    const ready = await app.request('/ready');
    expect(ready.status).toBe(503);
    const res = await signIn();
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.headers.get('retry-after')).toBe('5');
    expect(await res.json()).toMatchObject({
      status: 503,
      title: 'Database unavailable',
      detailNl: 'De database antwoordt niet; probeer het zo opnieuw.',
    });

    await proxy.listen();
    expect((await app.request('/ready')).status).toBe(200);
    expect((await signIn()).status).toBe(401);
  });
});
