import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp } from 'vue';
import { createPinia, setActivePinia } from 'pinia';
import { ApiProblem } from '../http/problem';
import { SESSION_API, useSessionStore, type SessionApi, type SessionInfo } from './session';

const practice = (id: string, name: string) => ({
  id,
  kind: 'practice' as const,
  name,
  codeSystem: 'AGB' as const,
  code: '01000002',
  quadrant: 'Q1' as const,
});
const collaborative = { ...practice('col-1', 'Huisartsen Utrecht I'), kind: 'collaborative' as const };

const coordinator: SessionInfo = {
  user: { id: 2, label: 'samenwerking@kwadrant.demo' },
  role: 'collaborative',
  organisation: collaborative,
  ownOrganisations: [collaborative, practice('pra-2', 'Rozenhof'), practice('pra-3', 'Kerkplein')],
  csrfToken: 'csrf-1',
};

function setup(api: Partial<SessionApi>) {
  const full: SessionApi = {
    me: vi.fn(() => Promise.resolve(null)),
    signIn: vi.fn(() => Promise.resolve(undefined)),
    signOut: vi.fn(() => Promise.resolve(undefined)),
    ...api,
  };
  const app = createApp({});
  app.provide(SESSION_API, full);
  const pinia = createPinia();
  app.use(pinia);
  setActivePinia(pinia);
  return { api: full, store: useSessionStore() };
}

beforeEach(() => sessionStorage.clear());

describe('useSessionStore', () => {
  it('restores a session from /me once and exposes the CSRF token', async () => {
    const { api, store } = setup({ me: vi.fn(() => Promise.resolve(coordinator)) });
    expect(store.status).toBe('unknown');
    expect(await store.restore()).toBe(true);
    expect(await store.restore()).toBe(true);
    expect(api.me).toHaveBeenCalledTimes(1);
    expect(store.signedIn).toBe(true);
    expect(store.csrfToken).toBe('csrf-1');
    expect(store.role).toBe('collaborative');
  });

  it('is signed out when /me says nobody is signed in', async () => {
    const { store } = setup({ me: vi.fn(() => Promise.resolve(null)) });
    expect(await store.restore()).toBe(false);
    expect(store.status).toBe('signed-out');
    expect(store.organisation).toBeNull();
  });

  it('lists the own organisation first without duplicates and lets a coordinator switch', async () => {
    const { store } = setup({ me: vi.fn(() => Promise.resolve(coordinator)) });
    await store.restore();
    expect(store.organisations.map((o) => o.id)).toEqual(['col-1', 'pra-2', 'pra-3']);
    expect(store.canSwitch).toBe(true);
    expect(store.organisation?.id).toBe('col-1');
    store.selectOrganisation('pra-3');
    expect(store.organisation?.name).toBe('Kerkplein');
    expect(sessionStorage.getItem('kwadrant.organisation')).toBe('pra-3');
    store.selectOrganisation('pra-999');
    expect(store.organisation?.id).toBe('pra-3');
  });

  it('does not offer a switch to a single practice', async () => {
    const single: SessionInfo = {
      ...coordinator,
      role: 'practice',
      organisation: practice('pra-2', 'Rozenhof'),
      ownOrganisations: [practice('pra-2', 'Rozenhof')],
    };
    const { store } = setup({ me: vi.fn(() => Promise.resolve(single)) });
    await store.restore();
    expect(store.canSwitch).toBe(false);
    expect(store.organisation?.id).toBe('pra-2');
  });

  it('signs in and loads who is signed in', async () => {
    const me = vi.fn().mockResolvedValueOnce(coordinator);
    const { api, store } = setup({ me });
    expect(await store.signIn('samenwerking@kwadrant.demo', 'geheim')).toBe(true);
    expect(api.signIn).toHaveBeenCalledWith('samenwerking@kwadrant.demo', 'geheim');
    expect(store.info?.user.label).toBe('samenwerking@kwadrant.demo');
    expect(store.error).toBeNull();
  });

  it('keeps the problem of a failed sign-in for the form to show', async () => {
    const problem = new ApiProblem(401, {
      detail: 'Wrong e-mail address or password.',
      detailNl: 'Onjuist e-mailadres of wachtwoord.',
    });
    const { store } = setup({ signIn: vi.fn(() => Promise.reject(problem)) });
    expect(await store.signIn('x@y.z', 'fout')).toBe(false);
    expect(store.error).toBe(problem);
    expect(store.signedIn).toBe(false);
    expect(store.pending).toBe(false);
  });

  it('forgets the session on sign-out and on expiry', async () => {
    const { api, store } = setup({ me: vi.fn(() => Promise.resolve(coordinator)) });
    await store.restore();
    store.selectOrganisation('pra-2');
    await store.signOut();
    expect(api.signOut).toHaveBeenCalled();
    expect(store.signedIn).toBe(false);
    expect(store.csrfToken).toBeNull();
    expect(sessionStorage.getItem('kwadrant.organisation')).toBeNull();

    await store.restore(true);
    expect(store.signedIn).toBe(true);
    store.expire();
    expect(store.status).toBe('signed-out');
  });
});
