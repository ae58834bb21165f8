import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';

/** OpenID Connect single sign-on, configured by variables (authorisation code flow with PKCE). */
export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

interface Discovery {
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
}

/** What the login step remembers (in a signed, short-lived cookie) for the callback to check. */
export interface PendingLogin {
  state: string;
  nonce: string;
  verifier: string;
  expires: number;
}

const base64url = (bytes: Buffer) => bytes.toString('base64url');

/** An OIDC client for one provider: discovery and keys fetched once, then cached. */
export function createOidcClient(config: OidcConfig, cookieSecret: string, fetcher: typeof fetch = fetch) {
  let discovery: Promise<Discovery> | undefined;
  let keys: JWTVerifyGetKey | undefined;
  const discover = () =>
    (discovery ??= fetcher(`${config.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`).then(
      async (res) => {
        if (!res.ok) throw new Error(`OIDC discovery failed: ${res.status}`);
        return (await res.json()) as Discovery;
      },
    ));

  const sign = (payload: string) => createHmac('sha256', cookieSecret).update(payload).digest('base64url');

  return {
    /** The provider's authorisation URL for a new login, and the pending state to keep in a cookie. */
    async start(now: number): Promise<{ url: string; cookie: string }> {
      const d = await discover();
      const pending: PendingLogin = {
        state: base64url(randomBytes(16)),
        nonce: base64url(randomBytes(16)),
        verifier: base64url(randomBytes(32)),
        expires: now + 10 * 60_000,
      };
      const url = new URL(d.authorization_endpoint);
      url.search = new URLSearchParams({
        response_type: 'code',
        client_id: config.clientId,
        redirect_uri: config.redirectUri,
        scope: 'openid email profile',
        state: pending.state,
        nonce: pending.nonce,
        code_challenge: base64url(createHash('sha256').update(pending.verifier).digest()),
        code_challenge_method: 'S256',
      }).toString();
      const payload = Buffer.from(JSON.stringify(pending)).toString('base64url');
      return { url: url.toString(), cookie: `${payload}.${sign(payload)}` };
    },

    /** Reads back a pending login from its cookie; null when missing, forged or expired. */
    pending(cookie: string | undefined, now: number): PendingLogin | null {
      const [payload, mac] = (cookie ?? '').split('.');
      if (!payload || !mac) return null;
      const expected = Buffer.from(sign(payload));
      const given = Buffer.from(mac);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
      const pending = JSON.parse(Buffer.from(payload, 'base64url').toString()) as PendingLogin;
      return pending.expires > now ? pending : null;
    },

    /** Exchanges the code for tokens and returns the verified e-mail address of the user. */
    async finish(code: string, pending: PendingLogin): Promise<string> {
      const d = await discover();
      const res = await fetcher(d.token_endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code,
          redirect_uri: config.redirectUri,
          client_id: config.clientId,
          client_secret: config.clientSecret,
          code_verifier: pending.verifier,
        }).toString(),
      });
      if (!res.ok) throw new Error(`OIDC token exchange failed: ${res.status}`);
      const { id_token: idToken } = (await res.json()) as { id_token?: string };
      if (!idToken) throw new Error('OIDC token response has no id_token');
      keys ??= createRemoteJWKSet(new URL(d.jwks_uri));
      const { payload } = await jwtVerify(idToken, keys, {
        issuer: config.issuer,
        audience: config.clientId,
      });
      if (payload.nonce !== pending.nonce) throw new Error('OIDC nonce mismatch');
      if (typeof payload.email !== 'string' || payload.email_verified === false)
        throw new Error('OIDC token has no verified e-mail');
      return payload.email;
    },
  };
}

export type OidcClient = ReturnType<typeof createOidcClient>;
