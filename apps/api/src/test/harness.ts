import { createTestDb } from '@kwadrant/db/test';
import { DEMO_PASSWORD, type DbHandle } from '@kwadrant/db';
import { createApp, type CreateAppOptions } from '../app';

/** The fixed "now" of API tests: after the demo's last quarter (2026-Q3). */
export const TEST_NOW = new Date('2026-11-15T10:00:00Z');

export interface Session {
  cookie: string;
  csrf: string;
}

/** An app on a fresh clone of the seeded test database, with helpers to sign in and call it. */
export async function createTestApp(options: Partial<CreateAppOptions> = {}) {
  const handle: DbHandle = await createTestDb('seeded');
  const app = createApp({ db: handle.db, clock: () => TEST_NOW, ...options });

  async function signIn(email: string, password = DEMO_PASSWORD): Promise<Session> {
    const res = await app.request('/api/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (res.status !== 200) throw new Error(`sign-in as ${email} failed: ${res.status} ${await res.text()}`);
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    const me = (await (await app.request('/api/auth/me', { headers: { cookie } })).json()) as {
      csrfToken: string;
    };
    return { cookie, csrf: me.csrfToken };
  }

  /** Calls the app as a session (or anonymously), sending the CSRF token on writes. */
  function call(
    path: string,
    session: Session | null,
    init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
  ) {
    const method = init.method ?? (init.body === undefined ? 'GET' : 'POST');
    return app.request(path, {
      method,
      headers: {
        ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}),
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...init.headers,
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
  }

  return { app, db: handle.db, handle, signIn, call, close: () => handle.close() };
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;
