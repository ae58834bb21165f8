import { inject, type InjectionKey } from 'vue';
import { createClient } from '@kwadrant/api/client';
import { createApiFetch, problemFrom, type SessionApi } from '@kwadrant/ui';

/** The typed API (the routes under /api): a route change breaks this app's typecheck. */
export type Api = ReturnType<typeof createClient>['api'];

export interface ApiHooks {
  csrfToken: () => string | null;
  onUnauthorised: (url: string) => void;
}

/**
 * The API of this dashboard: the typed client on the same origin, with the session cookie, the CSRF
 * header on writes and a hook for 401. `fetch` is the same wrapped fetch, for plain documents such as
 * the TopoJSON boundaries (served as stored text, not through a zod schema).
 */
export function createRegionApi(hooks: ApiHooks, origin = globalThis.location?.origin ?? 'http://localhost') {
  const fetch = createApiFetch({ csrfToken: hooks.csrfToken, onUnauthorised: hooks.onUnauthorised });
  const api: Api = createClient(origin, { fetch }).api;
  return { api, fetch };
}

export type RegionApi = ReturnType<typeof createRegionApi>;

export const REGION_API: InjectionKey<RegionApi> = Symbol('kwadrant.region-api');

/** The app's API, for stores (provided once in main.ts, mocked in tests). */
export function useRegionApi(): RegionApi {
  const api = inject(REGION_API, null);
  if (!api) throw new Error('useRegionApi: provide REGION_API on the app first.');
  return api;
}

/** The body of a successful typed-client response (the union member with ok: true). */
export type Ok<R> = R extends { ok: true; json(): Promise<infer T> } ? T : never;

/** Awaits a typed-client call and returns its JSON, or throws the problem the API sent. */
export async function unwrap<R extends { ok: boolean; json(): Promise<unknown> }>(
  call: Promise<R>,
): Promise<Ok<R>> {
  const response = await call;
  if (!response.ok) throw await problemFrom(response as unknown as Response);
  return (await response.json()) as Ok<R>;
}

/** The session store's API, from the typed client. */
export function sessionApiOf(api: Api): SessionApi {
  return {
    me: async () => {
      const response = await api.auth.me.$get();
      if (response.status === 401) return null;
      return unwrap(Promise.resolve(response));
    },
    signIn: async (email, password) => {
      await unwrap(api.auth['sign-in'].$post({ json: { email, password } }));
    },
    signOut: async () => {
      await unwrap(api.auth['sign-out'].$post());
    },
  };
}
