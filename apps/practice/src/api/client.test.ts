import { describe, expect, it, vi } from 'vitest';
import { ApiProblem } from '@kwadrant/ui';
import { json, problem } from '../test/api-mock';
import { COORDINATOR } from '../test/fixtures';
import { createPracticeApi, sessionApiOf, unwrap, type Api } from './client';

describe('unwrap', () => {
  it('returns the body of a success and throws the problem of a failure, in both languages', async () => {
    await expect(unwrap(Promise.resolve(json({ ok: true }) as never))).resolves.toEqual({ ok: true });
    const failure = unwrap(Promise.resolve(problem(404, 'Not here.', 'Niet hier.') as never));
    await expect(failure).rejects.toBeInstanceOf(ApiProblem);
    await expect(failure).rejects.toMatchObject({ status: 404, detail: 'Not here.', detailNl: 'Niet hier.' });
  });
});

describe('sessionApiOf', () => {
  const api = (me: Response, signIn = json({ ok: true }), signOut = json({ ok: true })) =>
    ({
      auth: {
        me: { $get: vi.fn(() => Promise.resolve(me)) },
        'sign-in': { $post: vi.fn(() => Promise.resolve(signIn)) },
        'sign-out': { $post: vi.fn(() => Promise.resolve(signOut)) },
      },
    }) as unknown as Api;

  it('reads the caller from /me, and nobody on 401', async () => {
    expect(await sessionApiOf(api(json(COORDINATOR))).me()).toEqual(COORDINATOR);
    expect(await sessionApiOf(api(problem(401, 'Sign in first.', 'Meld u eerst aan.'))).me()).toBeNull();
  });

  it('signs in with the e-mail address and password, and reports wrong ones as a problem', async () => {
    const good = api(json(COORDINATOR));
    await sessionApiOf(good).signIn('samenwerking@kwadrant.demo', 'kwadrant-demo');
    expect(good.auth['sign-in'].$post).toHaveBeenCalledWith({
      json: { email: 'samenwerking@kwadrant.demo', password: 'kwadrant-demo' },
    });
    const bad = api(
      json(COORDINATOR),
      problem(401, 'Wrong e-mail address or password.', 'Onjuist e-mailadres of wachtwoord.'),
    );
    await expect(sessionApiOf(bad).signIn('x@y.z', 'fout')).rejects.toMatchObject({
      detailNl: 'Onjuist e-mailadres of wachtwoord.',
    });
  });
});

describe('createPracticeApi', () => {
  it('sends the CSRF token on writes through the typed client and reports a 401', async () => {
    const calls: Request[] = [];
    const original = globalThis.fetch;
    globalThis.fetch = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
      calls.push(new Request(input, init));
      return Promise.resolve(
        calls.length === 1 ? json({ ok: true }) : problem(401, 'Sign in first.', 'Meld u eerst aan.'),
      );
    });
    try {
      const onUnauthorised = vi.fn();
      const { api } = createPracticeApi(
        { csrfToken: () => 'token-1', onUnauthorised },
        'http://localhost:5173',
      );
      await api.auth['sign-out'].$post();
      await api.kpis.$get({ query: {} });
      expect(calls[0]!.url).toBe('http://localhost:5173/api/auth/sign-out');
      expect(calls[0]!.headers.get('x-csrf-token')).toBe('token-1');
      expect(calls[1]!.headers.get('x-csrf-token')).toBeNull();
      expect(onUnauthorised).toHaveBeenCalledWith('http://localhost:5173/api/kpis');
    } finally {
      globalThis.fetch = original;
    }
  });
});
