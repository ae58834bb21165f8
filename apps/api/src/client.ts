import { hc } from 'hono/client';
import type { App } from './app';

/** The typed API client for the dashboards: a change to a route breaks their typecheck. */
export const createClient = (baseUrl: string, options?: Parameters<typeof hc>[1]) =>
  hc<App>(baseUrl, options);
export type Client = ReturnType<typeof createClient>;
export type { App };
