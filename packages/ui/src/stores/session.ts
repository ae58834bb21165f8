import { computed, inject, ref, type InjectionKey } from 'vue';
import { defineStore } from 'pinia';

export type OrganisationKind = 'region' | 'collaborative' | 'practice' | 'insurer' | 'partner';
export type Role = 'practice' | 'collaborative' | 'region' | 'insurer' | 'admin';

/** An organisation as the session knows it (the API's OrganisationSummary). */
export interface OrganisationSummary {
  id: string;
  kind: OrganisationKind;
  name: string;
  codeSystem: 'AGB' | 'UZOVI';
  code: string;
  quadrant: 'Q1' | 'Q2' | 'Q3' | 'Q4' | null;
}

/** Who is signed in (GET /api/auth/me). */
export interface SessionInfo {
  user: { id: number | null; label: string };
  role: Role;
  organisation: OrganisationSummary | null;
  ownOrganisations: OrganisationSummary[];
  csrfToken: string | null;
}

/** What the session store needs from the API; each dashboard provides it from its typed client. */
export interface SessionApi {
  /** The caller, or null when nobody is signed in (401). Other failures throw. */
  me: () => Promise<SessionInfo | null>;
  /** Signs in; throws an ApiProblem on wrong credentials. */
  signIn: (email: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
}

export const SESSION_API: InjectionKey<SessionApi> = Symbol('kwadrant.session-api');

const ORGANISATION_KEY = 'kwadrant.organisation';

const storage = (): Storage | null => {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
};

/**
 * The session: who is signed in, the CSRF token for writes, and which of the caller's organisations
 * is being looked at (a collaborative's coordinator switches between the collaborative and its
 * practices). The API comes from `app.provide(SESSION_API, …)`.
 */
export const useSessionStore = defineStore('session', () => {
  const api = inject(SESSION_API, null);
  const requireApi = (): SessionApi => {
    if (!api) throw new Error('useSessionStore: provide SESSION_API on the app first.');
    return api;
  };

  const info = ref<SessionInfo | null>(null);
  const status = ref<'unknown' | 'signed-in' | 'signed-out'>('unknown');
  const pending = ref(false);
  const error = ref<unknown>(null);
  const selectedId = ref<string | null>(storage()?.getItem(ORGANISATION_KEY) ?? null);

  const signedIn = computed(() => status.value === 'signed-in');
  const csrfToken = computed(() => info.value?.csrfToken ?? null);
  const role = computed(() => info.value?.role ?? null);

  /** The caller's own organisation first, then the others they may act for, without duplicates. */
  const organisations = computed<OrganisationSummary[]>(() => {
    if (!info.value) return [];
    const all = [info.value.organisation, ...info.value.ownOrganisations].filter(
      (o): o is OrganisationSummary => o !== null,
    );
    return all.filter((o, i) => all.findIndex((x) => x.id === o.id) === i);
  });

  const organisation = computed<OrganisationSummary | null>(
    () => organisations.value.find((o) => o.id === selectedId.value) ?? organisations.value[0] ?? null,
  );

  /** Whether the caller may switch organisation (a collaborative with practices). */
  const canSwitch = computed(() => organisations.value.length > 1);

  function accept(next: SessionInfo | null): void {
    info.value = next;
    status.value = next ? 'signed-in' : 'signed-out';
    if (next && !organisations.value.some((o) => o.id === selectedId.value)) {
      selectedId.value = organisations.value[0]?.id ?? null;
    }
  }

  /** Asks the API who is signed in (once, unless forced). */
  async function restore(force = false): Promise<boolean> {
    if (!force && status.value !== 'unknown') return signedIn.value;
    pending.value = true;
    error.value = null;
    try {
      accept(await requireApi().me());
    } catch (e) {
      error.value = e;
      accept(null);
    } finally {
      pending.value = false;
    }
    return signedIn.value;
  }

  async function signIn(email: string, password: string): Promise<boolean> {
    pending.value = true;
    error.value = null;
    try {
      await requireApi().signIn(email, password);
      accept(await requireApi().me());
    } catch (e) {
      error.value = e;
      accept(null);
    } finally {
      pending.value = false;
    }
    return signedIn.value;
  }

  async function signOut(): Promise<void> {
    try {
      await requireApi().signOut();
    } finally {
      expire();
      selectedId.value = null;
      storage()?.removeItem(ORGANISATION_KEY);
    }
  }

  /** Forgets the session after the API said 401. */
  function expire(): void {
    info.value = null;
    status.value = 'signed-out';
  }

  /** Looks at another of the caller's organisations; ignores ids outside the session. */
  function selectOrganisation(id: string): void {
    if (!organisations.value.some((o) => o.id === id)) return;
    selectedId.value = id;
    storage()?.setItem(ORGANISATION_KEY, id);
  }

  return {
    info,
    status,
    pending,
    error,
    signedIn,
    csrfToken,
    role,
    organisations,
    organisation,
    canSwitch,
    restore,
    signIn,
    signOut,
    expire,
    selectOrganisation,
  };
});
