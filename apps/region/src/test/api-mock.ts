import { vi } from 'vitest';
import { createApp } from 'vue';
import { createPinia, setActivePinia } from 'pinia';
import { SESSION_API, type SessionApi, type SessionInfo } from '@kwadrant/ui';
import { REGION_API, type Api, type RegionApi } from '../api/client';

/** A JSON response as the API sends it (problem+json for errors). */
export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });
}

export const problem = (status: number, detail: string, detailNl: string) =>
  json({ type: 'about:blank', title: 'Problem', status, detail, detailNl }, status);

/** A deep partial of the typed client: only the routes a test calls, each any function (a vi.fn). */
type DeepPartial<T> = {
  [K in keyof T]?: T[K] extends (...args: never[]) => unknown
    ? (...args: any[]) => unknown
    : DeepPartial<T[K]>;
};

/**
 * A testing Pinia on an app that provides a mocked API (the typed client's routes as vi.fn) and, when
 * given, a session. Returns the pinia and the mocks.
 */
export function setupStores(
  options: { api?: DeepPartial<Api>; fetch?: typeof globalThis.fetch; session?: SessionInfo | null } = {},
) {
  const app = createApp({});
  const fetch = options.fetch ?? vi.fn<typeof globalThis.fetch>(() => Promise.resolve(json({})));
  const region: RegionApi = { api: (options.api ?? {}) as Api, fetch };
  app.provide(REGION_API, region);
  const session: SessionApi = {
    me: () => Promise.resolve(options.session ?? null),
    signIn: () => Promise.resolve(),
    signOut: () => Promise.resolve(),
  };
  app.provide(SESSION_API, session);
  const pinia = createPinia();
  app.use(pinia);
  setActivePinia(pinia);
  return { app, pinia, fetch };
}

/** A vi.fn that answers each call with the next response (the last one repeats). */
export function answers(...responses: Response[]) {
  let i = 0;
  return vi.fn((..._args: unknown[]) =>
    Promise.resolve(responses[Math.min(i++, responses.length - 1)]!.clone()),
  );
}
