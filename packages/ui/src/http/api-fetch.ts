const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const CSRF_HEADER = 'X-CSRF-Token';

export interface ApiFetchOptions {
  /** The session's CSRF token, sent on every state-changing request. */
  csrfToken: () => string | null;
  /** Called when the API answers 401 (the session is gone); the response is still returned. */
  onUnauthorised?: (url: string) => void;
  fetch?: typeof globalThis.fetch;
}

/**
 * A fetch for the typed API client: sends the session cookie, adds the CSRF header to writes and
 * reports a 401 so the app can return to sign-in.
 */
export function createApiFetch(options: ApiFetchOptions): typeof globalThis.fetch {
  const base = options.fetch ?? ((...args: Parameters<typeof fetch>) => globalThis.fetch(...args));
  return async (input, init) => {
    const request = input instanceof Request ? input : null;
    const method = (init?.method ?? request?.method ?? 'GET').toUpperCase();
    const headers = new Headers(init?.headers ?? request?.headers);
    if (!SAFE_METHODS.has(method)) {
      const token = options.csrfToken();
      if (token) headers.set(CSRF_HEADER, token);
    }
    const response = await base(input, { ...init, method, headers, credentials: 'same-origin' });
    if (response.status === 401) {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      options.onUnauthorised?.(url);
    }
    return response;
  };
}
