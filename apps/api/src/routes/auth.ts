import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { sign } from 'hono/jwt';
import { getConnInfo } from '@hono/node-server/conninfo';
import { createSession, deleteSession, findUserByEmail, verifyPassword } from '@kwadrant/db';
import type { AppEnv } from '../http/types';
import { HttpProblem, ProblemSchema, forbidden, unauthorised } from '../http/problem';
import { json, problemResponses } from '../http/schemas';
import { audit } from '../http/audit';
import { requireCaller, scopeOf } from '../auth/middleware';
import { FailureLimiter } from '../auth/rate-limit';
import { SESSION_COOKIE, newToken, tokenHash } from '../auth/tokens';
import { createOidcClient, type OidcClient } from '../auth/oidc';
import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { organisationSummary, OrganisationSummarySchema } from './organisations';

const SignInBody = z
  .object({
    email: z.string().email().max(320).openapi({ example: 'praktijk@kwadrant.demo' }),
    password: z.string().min(1).max(200).openapi({ example: 'kwadrant-demo' }),
  })
  .openapi('SignIn');

const MeSchema = z
  .object({
    user: z.object({ id: z.number().int().nullable(), label: z.string() }),
    role: z.enum(['practice', 'collaborative', 'region', 'insurer', 'admin']),
    organisation: OrganisationSummarySchema.nullable(),
    /** Organisations of the caller's own, e.g. a collaborative and its practices (for the switcher). */
    ownOrganisations: z.array(OrganisationSummarySchema),
    csrfToken: z.string().nullable(),
  })
  .openapi('Me');

const signIn = createRoute({
  method: 'post',
  path: '/sign-in',
  tags: ['auth'],
  summary: 'Sign in with e-mail and password; sets an httpOnly session cookie',
  request: { body: { content: { 'application/json': { schema: SignInBody } }, required: true } },
  responses: {
    200: json(z.object({ ok: z.literal(true) }), 'Signed in'),
    400: problemResponses[400],
    401: problemResponses[401],
    429: {
      description: 'Too many failed attempts',
      content: { 'application/problem+json': { schema: ProblemSchema } },
    },
  },
});

const signOut = createRoute({
  method: 'post',
  path: '/sign-out',
  tags: ['auth'],
  summary: 'End the session',
  responses: { 200: json(z.object({ ok: z.literal(true) }), 'Signed out'), 403: problemResponses[403] },
});

const me = createRoute({
  method: 'get',
  path: '/me',
  tags: ['auth'],
  summary: 'Who is signed in, their role and organisation, and the CSRF token for writes',
  middleware: [requireCaller()] as const,
  responses: { 200: json(MeSchema, 'The caller'), 401: problemResponses[401] },
});

const oidcLogin = createRoute({
  method: 'get',
  path: '/oidc/login',
  tags: ['auth'],
  summary: 'Single sign-on: redirects to the OpenID Connect provider (when configured)',
  responses: {
    302: { description: 'To the provider' },
    501: {
      description: 'Single sign-on is not configured',
      content: { 'application/problem+json': { schema: ProblemSchema } },
    },
  },
});

const oidcCallback = createRoute({
  method: 'get',
  path: '/oidc/callback',
  tags: ['auth'],
  summary: 'Single sign-on: the provider returns here; signs the user in by verified e-mail address',
  request: { query: z.object({ code: z.string().min(1).max(2048), state: z.string().min(1).max(256) }) },
  responses: {
    302: { description: 'Signed in; to the dashboards' },
    400: problemResponses[400],
    403: problemResponses[403],
    501: {
      description: 'Single sign-on is not configured',
      content: { 'application/problem+json': { schema: ProblemSchema } },
    },
  },
});

const tokens = createRoute({
  method: 'post',
  path: '/tokens',
  tags: ['auth'],
  summary: 'Issue a bearer token (JWT) for a system integration acting as a user (administrators)',
  middleware: [requireCaller('admin')] as const,
  request: {
    body: {
      content: {
        'application/json': {
          schema: z.object({
            userId: z.number().int().positive(),
            days: z.number().int().min(1).max(365).default(90),
          }),
        },
      },
      required: true,
    },
  },
  responses: {
    201: json(z.object({ token: z.string(), expiresAt: z.string() }), 'A token'),
    400: problemResponses[400],
    401: problemResponses[401],
    403: problemResponses[403],
    501: {
      description: 'Tokens are not configured',
      content: { 'application/problem+json': { schema: ProblemSchema } },
    },
  },
});

function clientAddress(c: Parameters<typeof getConnInfo>[0]): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

const OIDC_COOKIE = 'kw_oidc';
const notConfigured = () =>
  new HttpProblem(501, 'Not configured', 'Single sign-on is not configured (KWADRANT_OIDC_* variables).', {
    detailNl: 'Eenmalig aanmelden is niet ingesteld (KWADRANT_OIDC_*-variabelen).',
  });

/** Starts a session for a user: the cookie with the token, the CSRF token server-side. */
async function startSession(c: Context<AppEnv>, userId: number, now: Date): Promise<void> {
  const { db, config } = c.var.deps;
  const token = newToken();
  const expiresAt = new Date(now.getTime() + config.sessionHours * 3_600_000);
  await createSession(db, { tokenHash: tokenHash(token), userId, csrfToken: newToken(), expiresAt, now });
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: config.secureCookies,
    path: '/',
    expires: expiresAt,
  });
}

/** Sign-in, sign-out, the current caller, single sign-on and integration tokens. */
export function authRoutes() {
  const limiter = new FailureLimiter();
  // The state cookie's signing key lives as long as the process: a restart only voids logins in flight.
  const cookieSecret = randomBytes(32).toString('hex');
  let oidc: OidcClient | undefined;
  const oidcOf = (c: Context<AppEnv>) => {
    const config = c.var.deps.config.oidc;
    if (!config) throw notConfigured();
    return (oidc ??= createOidcClient(config, cookieSecret));
  };
  return new OpenAPIHono<AppEnv>()
    .openapi(signIn, async (c) => {
      const { db, clock, config } = c.var.deps;
      const { email, password } = c.req.valid('json');
      const key = `${clientAddress(c)}|${email.toLowerCase()}`;
      const now = clock();
      const wait = limiter.retryAfter(key, now.getTime());
      if (wait > 0) {
        throw new HttpProblem(
          429,
          'Too many attempts',
          `Too many failed sign-ins; try again in ${wait} seconds.`,
          {
            detailNl: `Te veel mislukte aanmeldpogingen; probeer het over ${wait} seconden opnieuw.`,
            headers: { 'retry-after': String(wait) },
          },
        );
      }
      const user = await findUserByEmail(db, email);
      // Verify even for an unknown user, so timing does not reveal which addresses exist.
      const ok = await verifyPassword(
        password,
        user?.passwordHash ?? 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAA',
      );
      if (!user || !ok || user.disabled) {
        limiter.fail(key, now.getTime());
        throw new HttpProblem(401, 'Sign-in failed', 'Wrong e-mail address or password.', {
          detailNl: 'Onjuist e-mailadres of wachtwoord.',
        });
      }
      limiter.reset(key);
      const token = newToken();
      const expiresAt = new Date(now.getTime() + config.sessionHours * 3_600_000);
      await createSession(db, {
        tokenHash: tokenHash(token),
        userId: user.id,
        csrfToken: newToken(),
        expiresAt,
        now,
      });
      setCookie(c, SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'Strict',
        secure: config.secureCookies,
        path: '/',
        expires: expiresAt,
      });
      await audit(c, 'sign-in', 'session', null, null, {}, { userId: user.id, label: email.toLowerCase() });
      return c.json({ ok: true as const }, 200);
    })
    .openapi(signOut, async (c) => {
      const token = getCookie(c, SESSION_COOKIE);
      if (token) await deleteSession(c.var.deps.db, tokenHash(token));
      if (c.var.caller) await audit(c, 'sign-out', 'session', null, null);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.json({ ok: true as const }, 200);
    })
    .openapi(me, async (c) => {
      const caller = c.var.caller!;
      const scope = await scopeOf(c);
      const { db } = c.var.deps;
      const own = [...scope.own];
      const summaries = await organisationSummary(
        db,
        caller.organisationId ? [caller.organisationId, ...own] : own,
      );
      return c.json(
        {
          user: { id: caller.userId, label: caller.label },
          role: caller.role,
          organisation: caller.organisationId ? (summaries.get(caller.organisationId) ?? null) : null,
          ownOrganisations: own.map((id) => summaries.get(id)).filter((o) => o !== undefined),
          csrfToken: c.var.csrfToken,
        },
        200,
      );
    })
    .openapi(oidcLogin, async (c) => {
      const client = oidcOf(c);
      const { url, cookie } = await client.start(c.var.deps.clock().getTime());
      // Lax: the provider's redirect back is a top-level navigation from another site.
      setCookie(c, OIDC_COOKIE, cookie, {
        httpOnly: true,
        sameSite: 'Lax',
        secure: c.var.deps.config.secureCookies,
        path: '/api/auth/oidc',
        maxAge: 600,
      });
      return c.redirect(url, 302);
    })
    .openapi(oidcCallback, async (c) => {
      const client = oidcOf(c);
      const { code, state } = c.req.valid('query');
      const now = c.var.deps.clock();
      const pending = client.pending(getCookie(c, OIDC_COOKIE), now.getTime());
      deleteCookie(c, OIDC_COOKIE, { path: '/api/auth/oidc' });
      if (!pending || pending.state !== state) {
        throw new HttpProblem(
          400,
          'Sign-in failed',
          'The single sign-on response does not belong to this browser or has expired; try again.',
          {
            detailNl:
              'Het antwoord van eenmalig aanmelden hoort niet bij deze browser of is verlopen; probeer het opnieuw.',
          },
        );
      }
      let email: string;
      try {
        email = await client.finish(code, pending);
      } catch {
        throw new HttpProblem(
          400,
          'Sign-in failed',
          'The identity provider’s answer could not be verified.',
          {
            detailNl: 'Het antwoord van de identiteitsaanbieder kon niet worden gecontroleerd.',
          },
        );
      }
      const user = await findUserByEmail(c.var.deps.db, email);
      if (!user || user.disabled) {
        throw forbidden(
          `No Kwadrant account for ${email}; ask an administrator.`,
          `Geen Kwadrant-account voor ${email}; vraag een beheerder.`,
        );
      }
      await startSession(c, user.id, now);
      await audit(
        c,
        'sign-in',
        'session',
        null,
        null,
        { via: 'oidc' },
        { userId: user.id, label: email.toLowerCase() },
      );
      return c.redirect('/', 302);
    })
    .openapi(tokens, async (c) => {
      const { config, clock } = c.var.deps;
      if (!config.jwtSecret) {
        throw new HttpProblem(501, 'Not configured', 'Set KWADRANT_JWT_SECRET to issue integration tokens.', {
          detailNl: 'Stel KWADRANT_JWT_SECRET in om koppeltokens uit te geven.',
        });
      }
      if (!c.var.caller) throw unauthorised();
      const { userId, days } = c.req.valid('json');
      const exp = Math.floor(clock().getTime() / 1000) + days * 86_400;
      const token = await sign({ sub: String(userId), exp }, config.jwtSecret, 'HS256');
      await audit(c, 'create', 'token', String(userId), null, { days });
      return c.json({ token, expiresAt: new Date(exp * 1000).toISOString() }, 201);
    });
}
