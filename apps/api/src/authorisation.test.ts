import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from './test/harness';

/**
 * The authorisation matrix: every route × every role × own versus foreign organisation → the expected
 * status, and no foreign organisation's name in any response body. A route in the OpenAPI document
 * without a row here fails the suite, so new routes cannot skip the matrix.
 */
type Role = 'anonymous' | 'practice' | 'collaborative' | 'region' | 'insurer' | 'admin';
type Which = 'own' | 'foreign';
const ROLES: Role[] = ['anonymous', 'practice', 'collaborative', 'region', 'insurer', 'admin'];
const SIGN_IN: Record<Exclude<Role, 'anonymous'>, string> = {
  practice: 'praktijk@kwadrant.demo',
  collaborative: 'samenwerking@kwadrant.demo',
  region: 'regio@kwadrant.demo',
  insurer: 'verzekeraar@kwadrant.demo',
  admin: 'beheer@kwadrant.demo',
};

interface Ids {
  /** Agreements: the one covering each role's organisation (insurer: one it leads), and one in the other region. */
  agreement: Record<Role, string>;
  foreignAgreement: string;
  settlement: Record<Role, string>;
  foreignSettlement: string;
  /** Agreement documents as a client would write them back (without id, version and status). */
  drafts: Record<string, unknown>;
  /** An import batch delivered by the practice. */
  batch: number;
  practiceAgb: string;
  /** The organisation each role acts for (admin: the practice, as an arbitrary in-scope example). */
  own: Record<Role, string>;
  /** A practice, collaborative and region in the other region, out of everyone's scope but the admin's. */
  foreignPractice: string;
  foreignRegion: string;
  foreignNames: string[];
  ownRegion: string;
}

interface Row {
  /** Builds the concrete request for a role and which organisation it targets. */
  request: (
    ids: Ids,
    role: Role,
    which: Which,
  ) => { path: string; method?: string; body?: unknown; form?: () => FormData };
  /** Expected status per role, for own and foreign targets ([own, foreign]); one number means both. */
  expect: Record<Role, number | [number, number]>;
}

const P = '2026-Q3';
const all = (n: number): Row['expect'] => ({
  anonymous: 401,
  practice: n,
  collaborative: n,
  region: n,
  insurer: n,
  admin: n,
});
// Own organisation visible, foreign one hidden (404), for everyone but the administrator who sees all.
const scoped = (own: number): Row['expect'] => ({
  anonymous: 401,
  practice: [own, 404],
  collaborative: [own, 404],
  region: [own, 404],
  insurer: [own, 404],
  admin: [own, own],
});
const orgOf = (ids: Ids, role: Role, which: Which) => (which === 'own' ? ids.own[role] : ids.foreignPractice);
const regionOf = (ids: Ids, which: Which) => (which === 'own' ? ids.ownRegion : ids.foreignRegion);
const agreementOf = (ids: Ids, role: Role, which: Which) =>
  which === 'own' ? ids.agreement[role] : ids.foreignAgreement;
const settlementOf = (ids: Ids, role: Role, which: Which) =>
  which === 'own' ? ids.settlement[role] : ids.foreignSettlement;
// Agreements: the parties they cover read them; insurers read all they lead or co-finance (in the demo every
// insurer co-finances every agreement); only the lead insurer and administrators write.
const agreementRead: Row['expect'] = {
  anonymous: 401,
  practice: [200, 404],
  collaborative: [200, 404],
  region: [200, 404],
  insurer: 200,
  admin: 200,
};

export const MATRIX: Record<string, Row> = {
  'POST /api/auth/sign-in': {
    // A different unknown address per call, so the sign-in rate limit (5 failures per address) stays out of the way.
    request: (_ids, role, which) => ({
      path: '/api/auth/sign-in',
      body: { email: `nobody-${role}-${which}@kwadrant.demo`, password: 'wrong' },
    }),
    expect: { anonymous: 401, practice: 401, collaborative: 401, region: 401, insurer: 401, admin: 401 },
  },
  // Single sign-on is off in the matrix app (no KWADRANT_OIDC_*): 501 for everyone; see auth/oidc.test.ts.
  'GET /api/auth/oidc/login': {
    request: () => ({ path: '/api/auth/oidc/login' }),
    expect: { ...all(501), anonymous: 501 },
  },
  'GET /api/auth/oidc/callback': {
    request: () => ({ path: '/api/auth/oidc/callback?code=x&state=y' }),
    expect: { ...all(501), anonymous: 501 },
  },
  'GET /api/auth/me': { request: () => ({ path: '/api/auth/me' }), expect: all(200) },
  'POST /api/auth/tokens': {
    request: () => ({ path: '/api/auth/tokens', body: { userId: 1, days: 1 } }),
    expect: { anonymous: 401, practice: 403, collaborative: 403, region: 403, insurer: 403, admin: 501 },
  },
  'GET /api/organisations': { request: () => ({ path: '/api/organisations' }), expect: all(200) },
  'GET /api/organisations/{id}': {
    request: (ids, role, which) => ({ path: `/api/organisations/${orgOf(ids, role, which)}` }),
    expect: scoped(200),
  },
  'GET /api/organisations/{id}/measure-reports': {
    request: (ids, role, which) => ({
      path: `/api/organisations/${orgOf(ids, role, which)}/measure-reports?from=2026-Q3&to=2026-Q3`,
    }),
    // Raw counts only for the organisation itself (an insurer has no KPIs of its own: 404).
    expect: {
      anonymous: 401,
      practice: [200, 404],
      collaborative: [200, 404],
      region: [200, 404],
      insurer: 404,
      admin: 200,
    },
  },
  'GET /api/quadrants': { request: () => ({ path: '/api/quadrants' }), expect: all(200) },
  'GET /api/payment-titles': { request: () => ({ path: '/api/payment-titles' }), expect: all(200) },
  'GET /api/kpis': { request: () => ({ path: '/api/kpis' }), expect: all(200) },
  'GET /api/kpis/{code}': { request: () => ({ path: '/api/kpis/DM-01' }), expect: all(200) },
  'GET /api/organisations/{id}/overview': {
    request: (ids, role, which) => ({
      path: `/api/organisations/${orgOf(ids, role, which)}/overview?period=${P}&benchmark=national`,
    }),
    expect: scoped(200),
  },
  'GET /api/organisations/{id}/kpis/{code}/trend': {
    request: (ids, role, which) => ({
      path: `/api/organisations/${orgOf(ids, role, which)}/kpis/DM-01/trend?period=${P}&benchmark=national`,
    }),
    expect: scoped(200),
  },
  'GET /api/kpis/{code}/funnel': {
    request: (ids, _role, which) => ({
      path: `/api/kpis/DM-01/funnel?period=${P}&grouping=region&groupId=${regionOf(ids, which)}`,
    }),
    // Everyone in region 1 may look at its distribution (practices anonymously); insurers contract both regions.
    expect: {
      anonymous: 401,
      practice: [200, 404],
      collaborative: [200, 404],
      region: [200, 404],
      insurer: 200,
      admin: 200,
    },
  },
  'GET /api/regions/{id}/comparison': {
    request: (ids, _role, which) => ({ path: `/api/regions/${regionOf(ids, which)}/comparison?period=${P}` }),
    expect: {
      anonymous: 401,
      practice: 404,
      collaborative: 404,
      region: [200, 404],
      insurer: 200,
      admin: 200,
    },
  },
  'GET /api/geo/{name}': {
    request: () => ({ path: '/api/geo/ggd' }),
    expect: { anonymous: 200, practice: 200, collaborative: 200, region: 200, insurer: 200, admin: 200 },
  },
  'GET /api/costs/municipalities': {
    request: () => ({ path: '/api/costs/municipalities' }),
    expect: all(200),
  },
  'GET /api/regions/{id}/picture': {
    request: (ids, _role, which) => ({ path: `/api/regions/${regionOf(ids, which)}/picture?period=${P}` }),
    expect: {
      anonymous: 401,
      practice: 404,
      collaborative: 404,
      region: [200, 404],
      insurer: 200,
      admin: 200,
    },
  },
  'GET /api/regions/{id}/projection': {
    request: (ids, _role, which) => ({ path: `/api/regions/${regionOf(ids, which)}/projection?period=${P}` }),
    expect: {
      anonymous: 401,
      practice: 404,
      collaborative: 404,
      region: [200, 404],
      insurer: 200,
      admin: 200,
    },
  },
  'GET /api/regions/{id}/basic-functions': {
    request: (ids, _role, which) => ({ path: `/api/regions/${regionOf(ids, which)}/basic-functions` }),
    expect: {
      anonymous: 401,
      practice: 404,
      collaborative: 404,
      region: [200, 404],
      insurer: 200,
      admin: 200,
    },
  },
  'PUT /api/regions/{id}/basic-functions/{code}': {
    // expectedVersion 999 never matches: a caller who may edit gets 409, which proves access without changing data.
    request: (ids, _role, which) => ({
      path: `/api/regions/${regionOf(ids, which)}/basic-functions/acute`,
      method: 'PUT',
      body: { status: 'organised', owner: 'x', agreementId: null, note: '', expectedVersion: 999 },
    }),
    expect: {
      anonymous: 401,
      practice: 403,
      collaborative: 403,
      region: [409, 404],
      insurer: 403,
      admin: 409,
    },
  },
  'GET /api/regions/{id}/development': {
    request: (ids, _role, which) => ({
      path: `/api/regions/${regionOf(ids, which)}/development?period=${P}`,
    }),
    expect: {
      anonymous: 401,
      practice: 404,
      collaborative: 404,
      region: [200, 404],
      insurer: 200,
      admin: 200,
    },
  },
  'GET /api/regions/{id}/peer-groups': {
    request: (ids, _role, which) => ({ path: `/api/regions/${regionOf(ids, which)}/peer-groups` }),
    expect: {
      anonymous: 401,
      practice: 404,
      collaborative: 404,
      region: [200, 404],
      insurer: 200,
      admin: 200,
    },
  },
  'POST /api/regions/{id}/peer-groups': {
    // Members that are no practices of the region: a caller who may create gets 400, and nothing is stored.
    request: (ids, _role, which) => ({
      path: `/api/regions/${regionOf(ids, which)}/peer-groups`,
      body: { name: 'Matrix', organisationIds: ['no-such-practice', 'nor-this-one'] },
    }),
    expect: {
      anonymous: 401,
      practice: 403,
      collaborative: 403,
      region: [400, 404],
      insurer: 403,
      admin: 400,
    },
  },
  'DELETE /api/regions/{id}/peer-groups/{groupId}': {
    // A group that does not exist: the board reaches the lookup (404), other roles stop at the role check.
    request: (ids, _role, which) => ({
      path: `/api/regions/${regionOf(ids, which)}/peer-groups/999999`,
      method: 'DELETE',
    }),
    expect: {
      anonymous: 401,
      practice: 403,
      collaborative: 403,
      region: 404,
      insurer: 403,
      admin: 404,
    },
  },
  'GET /api/agreements': { request: () => ({ path: '/api/agreements' }), expect: all(200) },
  'POST /api/agreements': {
    // An empty body: whoever may create gets a 400 for it; nobody gets past the role check otherwise.
    request: () => ({ path: '/api/agreements', body: {} }),
    expect: { anonymous: 401, practice: 403, collaborative: 403, region: 403, insurer: 400, admin: 400 },
  },
  'GET /api/agreements/{id}': {
    request: (ids, role, which) => ({ path: `/api/agreements/${agreementOf(ids, role, which)}` }),
    expect: agreementRead,
  },
  'PUT /api/agreements/{id}': {
    // The agreement as it is, at a stale version: the lead gets 409 (nothing written), a co-insurer 403,
    // an organisation it covers 403, an outsider 404.
    request: (ids, role, which) => ({
      path: `/api/agreements/${agreementOf(ids, role, which)}`,
      method: 'PUT',
      body: { ...(ids.drafts[agreementOf(ids, role, which)] as object), expectedVersion: 999 },
    }),
    expect: {
      anonymous: 401,
      practice: [403, 404],
      collaborative: [403, 404],
      region: [403, 404],
      insurer: [409, 403],
      admin: 409,
    },
  },
  'GET /api/agreements/{id}/versions/{version}': {
    request: (ids, role, which) => ({ path: `/api/agreements/${agreementOf(ids, role, which)}/versions/1` }),
    expect: agreementRead,
  },
  'GET /api/agreements/{id}/diff': {
    request: (ids, role, which) => ({
      path: `/api/agreements/${agreementOf(ids, role, which)}/diff?from=1&to=1`,
    }),
    expect: agreementRead,
  },
  'POST /api/agreements/{id}/transition': {
    request: (ids, role, which) => ({
      path: `/api/agreements/${agreementOf(ids, role, which)}/transition`,
      body: { to: 'proposed', expectedVersion: 999 },
    }),
    expect: {
      anonymous: 401,
      practice: [403, 404],
      collaborative: [403, 404],
      region: [403, 404],
      insurer: [409, 403],
      admin: 409,
    },
  },
  'POST /api/agreements/{id}/what-if': {
    request: (ids, role, which) => ({
      path: `/api/agreements/${agreementOf(ids, role, which)}/what-if`,
      // A clause KPI of that agreement: regions contract OU-01, collaboratives DM-02.
      body: {
        period: '2026-Q2',
        values: agreementOf(ids, role, which).includes('-reg-') ? { 'OU-01': 0.5 } : { 'DM-02': 0.7 },
      },
    }),
    expect: agreementRead,
  },
  'GET /api/settlements': {
    request: (ids, role, which) => ({
      path: `/api/settlements?agreementId=${agreementOf(ids, role, which)}`,
    }),
    expect: agreementRead,
  },
  'POST /api/settlements': {
    // A period outside the agreement: the lead gets 422 (nothing written), others are refused first.
    request: (ids, role, which) => ({
      path: '/api/settlements',
      body: { agreementId: agreementOf(ids, role, which), period: '2030-Q1', freeze: false },
    }),
    expect: {
      anonymous: 401,
      practice: [403, 404],
      collaborative: [403, 404],
      region: [403, 404],
      insurer: [422, 403],
      admin: 422,
    },
  },
  'GET /api/settlements/{id}': {
    request: (ids, role, which) => ({ path: `/api/settlements/${settlementOf(ids, role, which)}` }),
    expect: agreementRead,
  },
  'GET /api/settlements/{id}/export': {
    request: (ids, role, which) => ({
      path: `/api/settlements/${settlementOf(ids, role, which)}/export?format=csv`,
    }),
    expect: agreementRead,
  },
  'POST /api/impact': {
    request: (ids, role, which) => ({
      path: '/api/impact',
      body: { agreementId: agreementOf(ids, role, which), periods: 1, shifts: [0] },
    }),
    expect: { anonymous: 401, practice: 403, collaborative: 403, region: 403, insurer: 200, admin: 200 },
  },
  'POST /api/impact/compare': {
    request: (ids, role, which) => {
      const scenario = { agreementId: agreementOf(ids, role, which), periods: 1, shifts: [0] };
      return { path: '/api/impact/compare', body: { a: scenario, b: { ...scenario, shifts: [0.05] } } };
    },
    expect: { anonymous: 401, practice: 403, collaborative: 403, region: 403, insurer: 200, admin: 200 },
  },
  'GET /api/portfolio/results': {
    request: () => ({ path: `/api/portfolio/results?period=${P}` }),
    expect: { anonymous: 401, practice: 403, collaborative: 403, region: 403, insurer: 200, admin: 200 },
  },
  'GET /api/portfolio/cost-containment': {
    request: () => ({ path: `/api/portfolio/cost-containment?period=${P}` }),
    expect: { anonymous: 401, practice: 403, collaborative: 403, region: 403, insurer: 200, admin: 200 },
  },
  'POST /api/imports/{kind}': {
    // A dry run of one row for the practice: everyone may validate; rows for organisations outside the
    // caller's scope come back as issues, never as data.
    request: (ids) => ({
      path: '/api/imports/observations?mode=dry-run',
      method: 'POST',
      form: () => {
        const form = new FormData();
        form.set(
          'file',
          new File([`agb;kpi;periode;teller;noemer\n${ids.practiceAgb};DM-01;2026-Q3;10;20\n`], 'x.csv'),
        );
        return form;
      },
    }),
    expect: all(200),
  },
  'GET /api/imports': { request: () => ({ path: '/api/imports' }), expect: all(200) },
  'GET /api/imports/{id}': {
    request: (ids) => ({ path: `/api/imports/${ids.batch}` }),
    expect: { anonymous: 401, practice: 200, collaborative: 404, region: 404, insurer: 404, admin: 200 },
  },
  'GET /api/imports/{id}/errors.csv': {
    request: (ids) => ({ path: `/api/imports/${ids.batch}/errors.csv` }),
    expect: { anonymous: 401, practice: 200, collaborative: 404, region: 404, insurer: 404, admin: 200 },
  },
  'GET /api/audit': { request: () => ({ path: '/api/audit' }), expect: all(200) },
  'GET /health': { request: () => ({ path: '/health' }), expect: { ...all(200), anonymous: 200 } },
  'GET /ready': { request: () => ({ path: '/ready' }), expect: { ...all(200), anonymous: 200 } },
  'POST /api/auth/sign-out': {
    // Last in the matrix: it ends each role's session (a second call without a session is still 200).
    request: () => ({ path: '/api/auth/sign-out', method: 'POST', body: {} }),
    expect: { anonymous: 200, practice: 200, collaborative: 200, region: 200, insurer: 200, admin: 200 },
  },
};

let t: TestApp;
let ids: Ids;
const sessions = new Map<Role, Session | null>();
let documented: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  sessions.set('anonymous', null);
  for (const role of ROLES.filter((r): r is Exclude<Role, 'anonymous'> => r !== 'anonymous')) {
    sessions.set(role, await t.signIn(SIGN_IN[role]));
  }
  const me = async (role: Exclude<Role, 'anonymous'>) =>
    ((await (await t.call('/api/auth/me', sessions.get(role)!)).json()) as any).organisation?.id as string;
  const region2 = await t.signIn('regio2@kwadrant.demo');
  const foreignRegion = ((await (await t.call('/api/auth/me', region2)).json()) as any).organisation
    .id as string;
  const foreignOrgs = ((await (await t.call('/api/organisations?limit=500', region2)).json()) as any)
    .items as { id: string; name: string; kind: string }[];
  const allNames = (
    (await (await t.call('/api/organisations?limit=500', sessions.get('admin')!)).json()) as any
  ).items as { id: string; name: string; code: string }[];
  const ownRegion = await me('region');
  const practiceId = await me('practice');
  const admin = sessions.get('admin')!;
  const agreements = ((await (await t.call('/api/agreements?limit=500', admin)).json()) as any).items as {
    id: string;
    organisation: { id: string };
    status: string;
  }[];
  const agreementFor = (orgId: string) =>
    agreements.find((a) => a.organisation.id === orgId && a.id.endsWith('-2025'))!.id;
  const collabId = await me('collaborative');
  const foreignCollab = foreignOrgs.find(
    (o) =>
      o.kind === 'collaborative' &&
      agreements.some((a) => a.organisation.id === o.id && a.status === 'agreed'),
  )!;
  const settlementFor = async (agreementId: string) =>
    ((await (await t.call(`/api/settlements?agreementId=${agreementId}`, admin)).json()) as any).items[0]
      .id as string;
  const own = { collab: agreementFor(collabId), region: agreementFor(ownRegion) };
  const foreignAgreement = agreementFor(foreignCollab.id);
  ids = {
    agreement: {
      anonymous: own.collab,
      practice: own.collab,
      collaborative: own.collab,
      region: own.region,
      insurer: own.region,
      admin: own.region,
    },
    foreignAgreement,
    settlement: {
      anonymous: await settlementFor(own.collab),
      practice: await settlementFor(own.collab),
      collaborative: await settlementFor(own.collab),
      region: await settlementFor(own.region),
      insurer: await settlementFor(own.region),
      admin: await settlementFor(own.region),
    },
    foreignSettlement: await settlementFor(foreignAgreement),
    practiceAgb: allNames.find((o) => o.id === practiceId)!.code,
    batch: await (async () => {
      const form = new FormData();
      form.set(
        'file',
        new File(
          [
            `agb;kpi;periode;teller;noemer\n${allNames.find((o) => o.id === practiceId)!.code};DM-01;2026-Q3;1;0\n`,
          ],
          'fout.csv',
        ),
      );
      const res = await t.app.request('/api/imports/observations?mode=commit', {
        method: 'POST',
        body: form,
        headers: { cookie: sessions.get('practice')!.cookie, 'x-csrf-token': sessions.get('practice')!.csrf },
      });
      return ((await res.json()) as any).batchId as number;
    })(),
    drafts: Object.fromEntries(
      await Promise.all(
        [own.collab, own.region, foreignAgreement].map(async (id) => {
          const { document } = (await (await t.call(`/api/agreements/${id}`, admin)).json()) as any;
          const { id: _id, version: _v, status: _s, ...draft } = document;
          return [id, draft] as const;
        }),
      ),
    ),
    own: {
      anonymous: await me('practice'),
      practice: await me('practice'),
      collaborative: await me('collaborative'),
      region: ownRegion,
      insurer: await me('insurer'),
      admin: await me('practice'),
    },
    foreignPractice: foreignOrgs.find((o) => o.kind === 'practice')!.id,
    foreignRegion,
    // Names shared with a practice elsewhere (the test grid repeats place names) prove nothing, so only
    // names unique to the other region count; ids are unique by construction.
    foreignNames: [
      ...foreignOrgs
        .filter((o) => o.kind === 'practice' && !allNames.some((n) => n.name === o.name && n.id !== o.id))
        .map((o) => o.name),
      ...foreignOrgs.filter((o) => o.kind === 'practice').map((o) => `"${o.id}"`),
    ],
    ownRegion,
  };
  const doc = (await (await t.call('/api/openapi.json', null)).json()) as any;
  documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(
    ([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
  );
}, 180_000);
afterAll(() => t.close());

describe('authorisation matrix', () => {
  it('covers every documented route', () => {
    const missing = documented.filter((route) => !(route in MATRIX));
    expect(missing).toEqual([]);
    expect(Object.keys(MATRIX).filter((route) => !documented.includes(route))).toEqual([]);
  });

  it.each(Object.keys(MATRIX))('%s answers each role as expected, with no foreign names', async (route) => {
    const row = MATRIX[route]!;
    const failures: string[] = [];
    for (const role of ROLES) {
      const expected = row.expect[role];
      const [own, foreign] = Array.isArray(expected) ? expected : [expected, expected];
      for (const [which, status] of [
        ['own', own],
        ['foreign', foreign],
      ] as const) {
        const req = row.request(ids, role, which);
        const session = sessions.get(role) ?? null;
        const res = req.form
          ? await t.app.request(req.path, {
              method: req.method ?? 'POST',
              body: req.form(),
              headers: session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {},
            })
          : await t.call(req.path, session, {
              ...(req.method ? { method: req.method } : {}),
              ...(req.body === undefined ? {} : { body: req.body }),
            });
        const text = await res.text();
        if (res.status !== status)
          failures.push(`${role}/${which}: expected ${status}, got ${res.status} ${text.slice(0, 160)}`);
        if (role !== 'admin' && role !== 'anonymous' && res.status === 200) {
          const leaked = ids.foreignNames.filter((name) => text.includes(name));
          if (leaked.length > 0)
            failures.push(
              `${role}/${which}: body names foreign practice(s) ${leaked.slice(0, 3).join(', ')}`,
            );
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
