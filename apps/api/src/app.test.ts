import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from './test/harness';

let t: TestApp;
let practice: Session;
beforeAll(async () => {
  t = await createTestApp();
  practice = await t.signIn('praktijk@kwadrant.demo');
}, 120_000);
afterAll(() => t.close());

describe('sign-in and sessions', () => {
  it('sets an httpOnly, SameSite session cookie and tells who is signed in', async () => {
    const res = await t.call('/api/auth/sign-in', null, {
      body: { email: 'Praktijk@Kwadrant.demo', password: 'kwadrant-demo' },
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/kw_session=[\w-]{40,}/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const me = (await (await t.call('/api/auth/me', practice)).json()) as any;
    expect(me).toMatchObject({
      role: 'practice',
      user: { label: 'praktijk@kwadrant.demo' },
      organisation: { kind: 'practice' },
    });
    expect(me.csrfToken).toMatch(/^[\w-]{40,}$/);
  });

  it('refuses a wrong password with a problem in Dutch and English', async () => {
    const res = await t.call('/api/auth/sign-in', null, {
      body: { email: 'regio@kwadrant.demo', password: 'wrong' },
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(await res.json()).toMatchObject({
      status: 401,
      detail: 'Wrong e-mail address or password.',
      detailNl: 'Onjuist e-mailadres of wachtwoord.',
    });
  });

  it('rate-limits repeated failures for an address', async () => {
    const attempt = () =>
      t.call('/api/auth/sign-in', null, { body: { email: 'beheer@kwadrant.demo', password: 'guess' } });
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await attempt()).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const limited = await attempt();
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Even the right password waits until the window has passed.
    expect(
      (
        await t.call('/api/auth/sign-in', null, {
          body: { email: 'beheer@kwadrant.demo', password: 'kwadrant-demo' },
        })
      ).status,
    ).toBe(429);
  });

  it('requires the CSRF token on writes made with the session cookie', async () => {
    const session = await t.signIn('samenwerking@kwadrant.demo');
    const withoutToken = await t.call('/api/auth/sign-out', { ...session, csrf: '' }, { method: 'POST' });
    expect(withoutToken.status).toBe(403);
    const ok = await t.call('/api/auth/sign-out', session, { method: 'POST' });
    expect(ok.status).toBe(200);
    expect((await t.call('/api/auth/me', session)).status).toBe(401);
  });

  it('answers 401 without a session', async () => {
    expect((await t.call('/api/organisations', null)).status).toBe(401);
  });
});

describe('errors and headers', () => {
  it('validates input and reports field-level errors', async () => {
    const res = await t.call('/api/auth/sign-in', null, { body: { email: 'not-an-address', password: '' } });
    expect(res.status).toBe(400);
    const body = (await res.json()) as any;
    expect(body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['email', 'password']);
  });

  it('sends security headers and no stack traces', async () => {
    const res = await t.call('/api/nothing-here', practice);
    expect(res.status).toBe(404);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(await res.text()).not.toMatch(/at .*\.ts:\d+/);
  });

  it('refuses bodies above the limit', async () => {
    const res = await t.call('/api/auth/sign-in', null, {
      body: { email: 'a@b.nl', password: 'x'.repeat(2_000_000) },
    });
    expect(res.status).toBe(413);
  });
});

describe('probes and documentation', () => {
  it('reports liveness and readiness', async () => {
    expect(await (await t.call('/health', null)).json()).toEqual({ status: 'ok' });
    expect(await (await t.call('/ready', null)).json()).toEqual({ status: 'ready' });
  });

  it('says when the database is unreachable', async () => {
    const { createApp } = await import('./app');
    const down = createApp({ db: t.db, ping: () => Promise.resolve(false) });
    const res = await down.request('/ready');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ title: 'Database unavailable' });
  });

  it('publishes an OpenAPI 3.1 document and a reference page', async () => {
    const doc = (await (await t.call('/api/openapi.json', null)).json()) as any;
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/api/organisations/{id}');
    const page = await (await t.call('/api/docs', null)).text();
    expect(page).toContain('/api/openapi.json');
    const script = await t.call('/api/docs/reference.js', null);
    expect(script.status).toBe(200);
  });
});

describe('audit log', () => {
  it('records reads of identifiable data and writes, and shows a practice only its own', async () => {
    const mine = (await (await t.call('/api/auth/me', practice)).json()) as any;
    await t.call(`/api/organisations/${mine.organisation.id}`, practice);
    const log = (await (await t.call('/api/audit?limit=500', practice)).json()) as any;
    expect(
      log.items.some(
        (e: any) => e.action === 'read' && e.entity === 'organisation' && e.entityId === mine.organisation.id,
      ),
    ).toBe(true);
    expect(log.items.every((e: any) => e.organisationId === mine.organisation.id)).toBe(true);
  });
});
