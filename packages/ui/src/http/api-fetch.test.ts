import { describe, expect, it, vi } from 'vitest';
import { createApiFetch } from './api-fetch';
import { ApiProblem, errorMessage, fieldErrorMessage, problemFrom } from './problem';

const ok = () => new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });

describe('createApiFetch', () => {
  it('sends the CSRF token on writes only, and the cookie always', async () => {
    const fetch = vi.fn(() => Promise.resolve(ok()));
    const apiFetch = createApiFetch({ csrfToken: () => 'tok', fetch });
    await apiFetch('/api/x', { method: 'POST', body: '{}' });
    await apiFetch('/api/x');
    const [, post] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    const [, get] = fetch.mock.calls[1] as unknown as [string, RequestInit];
    expect(new Headers(post.headers).get('x-csrf-token')).toBe('tok');
    expect(post.credentials).toBe('same-origin');
    expect(new Headers(get.headers).get('x-csrf-token')).toBeNull();
  });

  it('keeps the headers the client set', async () => {
    const fetch = vi.fn(() => Promise.resolve(ok()));
    await createApiFetch({ csrfToken: () => 'tok', fetch })('/api/x', {
      method: 'DELETE',
      headers: { 'content-type': 'application/json' },
    });
    const headers = new Headers((fetch.mock.calls[0] as unknown as [string, RequestInit])[1].headers);
    expect(headers.get('content-type')).toBe('application/json');
    expect(headers.get('x-csrf-token')).toBe('tok');
  });

  it('reports a 401 and still returns the response', async () => {
    const onUnauthorised = vi.fn();
    const fetch = vi.fn(() => Promise.resolve(new Response('', { status: 401 })));
    const res = await createApiFetch({ csrfToken: () => null, onUnauthorised, fetch })('/api/auth/me');
    expect(res.status).toBe(401);
    expect(onUnauthorised).toHaveBeenCalledWith('/api/auth/me');
  });
});

describe('problems', () => {
  const body = {
    type: 'https://kwadrant.nl/problems/invalid-request',
    title: 'Invalid request',
    status: 400,
    detail: '1 field(s) are invalid: period.',
    detailNl: '1 veld(en) ongeldig: period.',
    errors: [{ path: 'period', message: 'expected a quarter', messageNl: 'verwacht een kwartaal' }],
  };

  it('reads problem+json and speaks the user language', async () => {
    const problem = await problemFrom(
      new Response(JSON.stringify(body), {
        status: 400,
        headers: { 'content-type': 'application/problem+json' },
      }),
    );
    expect(problem).toBeInstanceOf(ApiProblem);
    expect(problem.status).toBe(400);
    expect(errorMessage(problem, 'nl')).toBe('1 veld(en) ongeldig: period.');
    expect(errorMessage(problem, 'en')).toBe('1 field(s) are invalid: period.');
    expect(fieldErrorMessage(problem.errors[0]!, 'nl')).toBe('verwacht een kwartaal');
  });

  it('falls back to English without a Dutch detail, and to the status without a body', async () => {
    expect(errorMessage(new ApiProblem(404, { detail: 'Not here.' }), 'nl')).toBe('Not here.');
    const bare = await problemFrom(new Response('oops', { status: 502 }));
    expect(bare.status).toBe(502);
    expect(bare.detail).toBe('HTTP 502');
  });

  it('explains a network failure and leaves other errors to the caller', () => {
    expect(errorMessage(new TypeError('Failed to fetch'), 'nl')).toMatch(/Geen verbinding/);
    expect(errorMessage(new Error('boom'), 'nl')).toBeNull();
  });
});
