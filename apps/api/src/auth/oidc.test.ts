import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { serve, type ServerType } from '@hono/node-server';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { createApp } from '../app';
import { createTestApp, type TestApp } from '../test/harness';

/**
 * A minimal OpenID Connect provider on loopback: discovery, an authorisation endpoint that approves at
 * once (as a signed-in user would), a token endpoint that checks the PKCE verifier, and its keys.
 */
async function fakeProvider(email: () => string) {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  const codes = new Map<string, { nonce: string; challenge: string; clientId: string }>();
  const idp = new Hono();
  let issuer = '';
  idp.get('/.well-known/openid-configuration', (c) =>
    c.json({
      issuer,
      authorization_endpoint: `${issuer}/authorize`,
      token_endpoint: `${issuer}/token`,
      jwks_uri: `${issuer}/jwks`,
    }),
  );
  idp.get('/jwks', (c) => c.json({ keys: [jwk] }));
  idp.get('/authorize', (c) => {
    const q = c.req.query();
    const code = crypto.randomUUID();
    codes.set(code, { nonce: q.nonce!, challenge: q.code_challenge!, clientId: q.client_id! });
    return c.redirect(`${q.redirect_uri}?code=${code}&state=${q.state}`, 302);
  });
  idp.post('/token', async (c) => {
    const form = new URLSearchParams(await c.req.text());
    const grant = codes.get(form.get('code') ?? '');
    const digest = Buffer.from(
      await crypto.subtle.digest('SHA-256', new TextEncoder().encode(form.get('code_verifier') ?? '')),
    ).toString('base64url');
    if (!grant || digest !== grant.challenge || form.get('client_secret') !== 'secret')
      return c.json({ error: 'invalid_grant' }, 400);
    const idToken = await new SignJWT({ email: email(), email_verified: true, nonce: grant.nonce })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(issuer)
      .setAudience(grant.clientId)
      .setSubject('user-1')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
    return c.json({ access_token: 'x', token_type: 'Bearer', id_token: idToken });
  });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: idp.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const address = server.address();
  issuer = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return { issuer, close: () => new Promise<void>((r) => server.close(() => r())) };
}

let t: TestApp;
let idp: Awaited<ReturnType<typeof fakeProvider>>;
let signInAs = 'regio@kwadrant.demo';

beforeAll(async () => {
  t = await createTestApp();
  idp = await fakeProvider(() => signInAs);
}, 120_000);
afterAll(async () => {
  await idp.close();
  await t.close();
});

/** Runs the whole flow in "a browser": login → provider → callback, carrying cookies by hand. */
async function singleSignOn(app: ReturnType<typeof createApp>) {
  const login = await app.request('/api/auth/oidc/login');
  expect(login.status).toBe(302);
  const stateCookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const atProvider = await fetch(login.headers.get('location')!, { redirect: 'manual' });
  const back = new URL(atProvider.headers.get('location')!);
  return app.request(`${back.pathname}${back.search}`, { headers: { cookie: stateCookie } });
}

describe('OpenID Connect single sign-on', () => {
  const appFor = () =>
    createApp({
      db: t.db,
      clock: () => new Date(),
      config: {
        oidc: {
          issuer: idp.issuer,
          clientId: 'kwadrant',
          clientSecret: 'secret',
          redirectUri: 'http://localhost/api/auth/oidc/callback',
        },
      },
    });

  it('signs a known user in by verified e-mail and starts a session', async () => {
    const app = appFor();
    const done = await singleSignOn(app);
    expect(done.status).toBe(302);
    const session = done.headers
      .getSetCookie()
      .find((c) => c.startsWith('kw_session='))!
      .split(';')[0]!;
    expect(session).toMatch(/^kw_session=/);
    const me = (await (await app.request('/api/auth/me', { headers: { cookie: session } })).json()) as any;
    expect(me).toMatchObject({ role: 'region', user: { label: 'regio@kwadrant.demo' } });
  });

  it('refuses an unknown user, a forged state and a missing configuration', async () => {
    const app = appFor();
    signInAs = 'onbekend@example.org';
    const unknown = await singleSignOn(app);
    expect(unknown.status).toBe(403);
    expect(((await unknown.json()) as any).detailNl).toMatch(/Geen Kwadrant-account/);
    signInAs = 'regio@kwadrant.demo';
    const forged = await app.request('/api/auth/oidc/callback?code=abc&state=xyz', {
      headers: { cookie: 'kw_oidc=bogus.value' },
    });
    expect(forged.status).toBe(400);
    expect((await t.app.request('/api/auth/oidc/login')).status).toBe(501);
  });
});
