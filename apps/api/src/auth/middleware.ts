import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { verify } from 'hono/jwt';
import { callerForUser, findSession, resolveScope, type AccessScope, type Role } from '@kwadrant/db';
import type { AppEnv } from '../http/types';
import { HttpProblem, forbidden, unauthorised } from '../http/problem';
import { CSRF_HEADER, SESSION_COOKIE, tokenHash } from './tokens';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const sameSecret = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * Identifies the caller from a session cookie or a bearer token (JWT, HS256, for integrations) and
 * enforces CSRF protection on state-changing requests made with a cookie. Anonymous requests pass
 * through with no caller; `requireCaller` decides.
 */
export const authenticate: MiddlewareHandler<AppEnv> = async (c, next) => {
  const { db, clock, config } = c.var.deps;
  c.set('caller', null);
  c.set('via', null);
  c.set('csrfToken', null);
  c.set('scope', null);

  const header = c.req.header('authorization');
  if (header?.startsWith('Bearer ')) {
    if (!config.jwtSecret) throw unauthorised();
    let payload: { sub?: unknown };
    try {
      payload = (await verify(header.slice(7), config.jwtSecret, 'HS256')) as { sub?: unknown };
    } catch {
      throw new HttpProblem(401, 'Unauthorised', 'The bearer token is invalid or has expired.', {
        detailNl: 'Het toegangstoken is ongeldig of verlopen.',
      });
    }
    const caller = typeof payload.sub === 'string' ? await callerForUser(db, Number(payload.sub)) : null;
    if (!caller) throw unauthorised();
    c.set('caller', caller);
    c.set('via', 'bearer');
    return next();
  }

  const token = getCookie(c, SESSION_COOKIE);
  if (token) {
    const session = await findSession(db, tokenHash(token), clock());
    const caller = session ? await callerForUser(db, session.userId) : null;
    if (session && caller) {
      c.set('caller', caller);
      c.set('via', 'session');
      c.set('csrfToken', session.csrfToken);
      if (!SAFE_METHODS.has(c.req.method)) {
        const sent = c.req.header(CSRF_HEADER);
        if (!sent || !sameSecret(sent, session.csrfToken)) {
          throw forbidden(
            'Missing or wrong CSRF token: send the token from /api/auth/me in the X-CSRF-Token header.',
            'CSRF-token ontbreekt of klopt niet: stuur het token uit /api/auth/me mee in de kop X-CSRF-Token.',
          );
        }
      }
    }
  }
  return next();
};

/** The caller's access scope, resolved once per request (on the clock's date). */
export async function scopeOf(c: {
  var: AppEnv['Variables'];
  set: (k: 'scope', v: AccessScope) => void;
}): Promise<AccessScope> {
  if (c.var.scope) return c.var.scope;
  const caller = c.var.caller;
  if (!caller) throw unauthorised();
  const scope = await resolveScope(c.var.deps.db, caller, c.var.deps.clock().toISOString().slice(0, 10));
  c.set('scope', scope);
  return scope;
}

/** Requires a signed-in caller, optionally with one of the given roles. */
export const requireCaller =
  (...roles: Role[]): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const caller = c.var.caller;
    if (!caller) throw unauthorised();
    if (roles.length > 0 && !roles.includes(caller.role)) {
      throw forbidden(
        `This needs one of the roles: ${roles.join(', ')}.`,
        `Hiervoor is een van deze rollen nodig: ${roles.join(', ')}.`,
      );
    }
    await next();
  };
