import type { AccessScope, Caller, Db } from '@kwadrant/db';

/** Run-time settings the app needs (from env.ts in production, from the test in tests). */
export interface AppConfig {
  secureCookies: boolean;
  sessionHours: number;
  corsOrigins: readonly string[];
  jwtSecret: string | undefined;
  /** Largest request body in bytes (uploads have their own limit). */
  bodyLimit: number;
  uploadLimit: number;
  /** OpenID Connect single sign-on, when configured. */
  oidc?: { issuer: string; clientId: string; clientSecret: string; redirectUri: string } | undefined;
}

export interface AppDeps {
  db: Db;
  /** The current time; tests pass a fixed clock. */
  clock: () => Date;
  config: AppConfig;
}

/** Hono's environment for every route: the dependencies and, after authentication, who is calling. */
export interface AppEnv {
  Variables: {
    deps: AppDeps;
    caller: Caller | null;
    /** How the caller authenticated: a session cookie (CSRF applies) or a bearer token. */
    via: 'session' | 'bearer' | null;
    csrfToken: string | null;
    scope: AccessScope | null;
  };
}

export const DEFAULT_CONFIG: AppConfig = {
  secureCookies: false,
  sessionHours: 8,
  corsOrigins: [],
  jwtSecret: undefined,
  bodyLimit: 1024 * 1024,
  uploadLimit: 200 * 1024 * 1024,
};
