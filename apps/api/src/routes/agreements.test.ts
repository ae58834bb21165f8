import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAgreement, saveAgreementVersion } from '@kwadrant/db';
import { auditLog } from '@kwadrant/db/schema';
import { createTestApp, type Session, type TestApp } from '../test/harness';

// Demo landscape: insurer 8101 (verzekeraar@) leads region 1 (reg-001) and its collaboratives, with
// 8102 (verzekeraar2@), 8103 and 8104 as co-insurers; 8102 leads region 2. The practice pra-00002
// (praktijk@) belongs to col-001-001 (samenwerking@) in reg-001 (regio@).
const SIBLING = 'agr-col-001-002-2025';
const COLLAB_2025 = 'agr-col-001-001-2025';
const REGION_2025 = 'agr-reg-001-2025';

let t: TestApp;
let insurer: Session;
let insurer2: Session;
let practice: Session;
let region: Session;
let region2: Session;
let admin: Session;

beforeAll(async () => {
  t = await createTestApp();
  [insurer, insurer2, practice, region, region2, admin] = await Promise.all([
    t.signIn('verzekeraar@kwadrant.demo'),
    t.signIn('verzekeraar2@kwadrant.demo'),
    t.signIn('praktijk@kwadrant.demo'),
    t.signIn('regio@kwadrant.demo'),
    t.signIn('regio2@kwadrant.demo'),
    t.signIn('beheer@kwadrant.demo'),
  ]);
}, 120_000);
afterAll(() => t.close());

/** A draft of insurer 8101 with practice pra-00002 and no co-insurers. */
const draft = (overrides: Record<string, unknown> = {}) => ({
  insurer: '8101',
  organisation: { id: 'pra-00002', quadrant: 'Q1' },
  period: { start: '2027-Q1', end: '2027-Q4' },
  atRiskShare: 0.2,
  lines: [{ id: 'l1', titleCode: 'OI-1A', basis: 'capitation', tariffCents: 150 }],
  clauses: [
    {
      id: 'c1',
      kpiCode: 'DM-02',
      target: 0.65,
      threshold: 0.5,
      weight: 1,
      scoring: { type: 'linear' },
      evidence: 'point',
      confidence: 0.95,
    },
  ],
  coInsurers: [],
  ...overrides,
});

const body = async (res: Response) => (await res.json()) as any;

async function create(overrides: Record<string, unknown> = {}) {
  const res = await t.call('/api/agreements', insurer, { body: draft(overrides) });
  expect(res.status).toBe(201);
  return body(res);
}

const put = (
  id: string,
  session: Session,
  doc: Record<string, unknown>,
  headers: Record<string, string> = {},
) => t.call(`/api/agreements/${id}`, session, { method: 'PUT', body: doc, headers });

const move = (id: string, session: Session, to: string, expectedVersion: number) =>
  t.call(`/api/agreements/${id}/transition`, session, { body: { to, expectedVersion } });

async function listAll(session: Session, query = '') {
  return body(await t.call(`/api/agreements?limit=500${query}`, session));
}

describe('who sees which agreement', () => {
  it('lists for an insurer exactly the agreements it leads or co-finances', async () => {
    // In the demo 8102 co-finances every agreement; one without co-insurers it must not see.
    const hidden = await create();
    const all = await listAll(admin);
    const mine = await listAll(insurer2);
    const expected = all.items
      .filter((a: any) => a.insurer.code === '8102' || a.coInsurers.some((x: any) => x.code === '8102'))
      .map((a: any) => a.id)
      .sort();
    expect(mine.items.map((a: any) => a.id).sort()).toEqual(expected);
    expect(expected).not.toContain(hidden.id);
    expect(all.items.map((a: any) => a.id)).toContain(hidden.id);
    expect(new Set(mine.items.map((a: any) => a.access))).toEqual(new Set(['lead', 'co-insurer']));
  });

  it('hides an agreement from another insurer: 404, not 403, and never in its list', async () => {
    const own = await create();
    const id = own.id as string;
    expect(own).toMatchObject({ status: 'draft', version: 1, access: 'lead', coInsurers: [] });
    for (const path of [
      `/api/agreements/${id}`,
      `/api/agreements/${id}/versions/1`,
      `/api/agreements/${id}/diff?from=1&to=1`,
      `/api/settlements?agreementId=${id}`,
    ]) {
      const res = await t.call(path, insurer2);
      expect(res.status, path).toBe(404);
      expect(await body(res)).toMatchObject({ status: 404, detailNl: expect.stringContaining(id) });
    }
    expect((await put(id, insurer2, draft({ expectedVersion: 1 }))).status).toBe(404);
    expect((await move(id, insurer2, 'proposed', 1)).status).toBe(404);
    expect(
      (
        await t.call(`/api/agreements/${id}/what-if`, insurer2, {
          body: { period: '2027', values: { 'DM-02': 0.7 } },
        })
      ).status,
    ).toBe(404);
    expect((await listAll(insurer2, `&q=${id}`)).total).toBe(0);
    // The same holds for a region board of another region.
    expect((await t.call(`/api/agreements/${id}`, region2)).status).toBe(404);
    expect((await t.call(`/api/agreements/${REGION_2025}`, region2)).status).toBe(404);
  });

  it('lets a co-insurer read but not edit, move or settle', async () => {
    const res = await t.call(`/api/agreements/${COLLAB_2025}`, insurer2);
    expect(res.status).toBe(200);
    expect(await body(res)).toMatchObject({
      access: 'co-insurer',
      allowedActions: { edit: false, transitions: [], settle: false },
    });
    // A draft the co-insurer co-finances: still only the lead writes it.
    const regionDraft = await body(await t.call('/api/agreements/agr-reg-001-2027', insurer2));
    const { id: _id, version: _v, status: _s, ...doc } = regionDraft.document;
    const edit = await put('agr-reg-001-2027', insurer2, { ...doc, atRiskShare: 0.1 }, { 'if-match': '"1"' });
    expect(edit.status).toBe(403);
    expect(await body(edit)).toMatchObject({ detailNl: expect.stringContaining('hoofdverzekeraar') });
    expect((await move('agr-reg-001-2027', insurer2, 'proposed', 1)).status).toBe(403);
    expect(
      (await t.call('/api/settlements', insurer2, { body: { agreementId: COLLAB_2025, period: '2026-Q3' } }))
        .status,
    ).toBe(403);
  });

  it('shows a practice the agreements that cover it (its own, its collaborative’s, its region’s), read-only', async () => {
    const ids = (await listAll(practice)).items.map((a: any) => a.id);
    expect(ids).toEqual(expect.arrayContaining([COLLAB_2025, REGION_2025, 'agr-reg-001-2027']));
    expect(ids).not.toContain(SIBLING);
    expect((await t.call(`/api/agreements/${SIBLING}`, practice)).status).toBe(404);
    const detail = await body(await t.call(`/api/agreements/${COLLAB_2025}`, practice));
    expect(detail).toMatchObject({ access: 'party', allowedActions: { edit: false, transitions: [] } });
    const { id: _id, version: _v, status: _s, ...doc } = detail.document;
    expect((await put(COLLAB_2025, practice, { ...doc, expectedVersion: 1 })).status).toBe(403);
    expect((await move(COLLAB_2025, practice, 'settled', 1)).status).toBe(403);
    expect((await t.call('/api/agreements', practice, { body: draft() })).status).toBe(403);
    // The region board sees its collaboratives' agreements, the sibling included.
    expect((await t.call(`/api/agreements/${SIBLING}`, region)).status).toBe(200);
  });
});

describe('the agreement list', () => {
  it('filters, sorts and pages', async () => {
    const agreed = await listAll(insurer, '&status=agreed&sort=period');
    expect(agreed.total).toBeGreaterThan(3);
    expect(agreed.items.every((a: any) => a.status === 'agreed')).toBe(true);
    const starts = agreed.items.map((a: any) => a.period.start);
    expect(starts).toEqual([...starts].sort());
    const byOrg = await listAll(insurer, '&organisationId=col-001-001');
    expect(byOrg.items.map((a: any) => a.id).sort()).toEqual([COLLAB_2025, 'agr-col-001-001-pilot']);
    const named = await listAll(insurer, '&q=Regionale%20afspraak');
    expect(named.items.length).toBeGreaterThan(0);
    expect(named.items.every((a: any) => /regionale afspraak/i.test(a.name))).toBe(true);
    const page1 = await body(await t.call('/api/agreements?limit=2&offset=0&sort=name', insurer));
    const page2 = await body(await t.call('/api/agreements?limit=2&offset=2&sort=name', insurer));
    expect(page1).toMatchObject({ limit: 2, offset: 0, total: expect.any(Number) });
    expect([...page1.items, ...page2.items].map((a: any) => a.id)).toEqual(
      (await listAll(insurer, '&sort=name')).items.slice(0, 4).map((a: any) => a.id),
    );
    expect((await t.call('/api/agreements?sort=cost', insurer)).status).toBe(400);
  });

  it('prices each agreement per title and quadrant from the latest enrolled patients, with the latest attainment', async () => {
    const item = (await listAll(insurer, '&organisationId=col-001-001')).items.find(
      (a: any) => a.id === COLLAB_2025,
    );
    const { money, latestSettlement } = item;
    expect(money.estimatedFrom.period).toBe('2026-Q3');
    expect(money.estimatedFrom.enrolledPatients).toBeGreaterThan(1000);
    for (const line of money.byTitle) {
      expect(line.quarterCents).toBe(line.tariffCents * money.estimatedFrom.enrolledPatients);
    }
    expect(money.byQuadrant).toEqual([
      { quadrant: 'Q1', quarterCents: money.byTitle.reduce((a: number, l: any) => a + l.quarterCents, 0) },
    ]);
    expect(money.quarterCents).toBe(money.byQuadrant[0].quarterCents);
    expect(latestSettlement).toMatchObject({
      period: '2026-Q2',
      frozen: true,
      attainment: expect.any(Number),
    });
  });
});

describe('writing agreements', () => {
  it('refuses an invalid agreement with 422 and field paths in Dutch and English', async () => {
    const res = await t.call('/api/agreements', insurer, {
      body: draft({
        clauses: [{ ...draft().clauses[0], target: 65, weight: 0.5 }],
        organisation: { id: 'pra-00002', quadrant: 'Q4' },
      }),
    });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    const problem = await body(res);
    const paths = problem.errors.map((e: any) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining(['clauses[0].target', 'clauses', 'organisation.quadrant', 'lines[0].titleCode']),
    );
    for (const e of problem.errors) {
      expect(e).toMatchObject({
        message: expect.any(String),
        messageNl: expect.any(String),
        code: expect.any(String),
      });
    }
    expect(problem.errors.find((e: any) => e.path === 'clauses').code).toBe('weights-sum');
    // A malformed body is a 400 from the schema, with the field named.
    const malformed = await t.call('/api/agreements', insurer, {
      body: { ...draft(), period: { start: '2027' } },
    });
    expect(malformed.status).toBe(400);
    expect((await body(malformed)).errors.map((e: any) => e.path)).toContain('period.start');
  });

  it('creates a draft with an id, version 1 and its warnings; only for your own insurer', async () => {
    const res = await t.call('/api/agreements', insurer, {
      body: { ...draft({ clauses: [] }), name: 'Test 2027' },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('etag')).toBe('"1"');
    const created = await body(res);
    expect(created).toMatchObject({
      name: 'Test 2027',
      status: 'draft',
      version: 1,
      versions: [{ version: 1 }],
    });
    expect(created.id).toMatch(/^agr-pra-00002-[0-9a-f]{8}$/);
    expect(created.warnings.map((w: any) => w.code)).toContain('at-risk-without-clauses');
    expect(created.allowedActions).toEqual({ edit: true, transitions: ['proposed'], settle: false });
    const other = await t.call('/api/agreements', insurer, { body: draft({ insurer: '8102' }) });
    expect(other.status).toBe(403);
  });

  it('needs the version being changed (428) and detects concurrent edits (409), losing nothing', async () => {
    const { id } = await create();
    const doc = (tariffCents: number) =>
      draft({ lines: [{ id: 'l1', titleCode: 'OI-1A', basis: 'capitation', tariffCents }] });
    expect((await put(id, insurer, doc(155))).status).toBe(428);

    const first = await put(id, insurer, doc(160), { 'if-match': '"1"' });
    expect(first.status).toBe(200);
    expect(first.headers.get('etag')).toBe('"2"');
    const stale = await put(id, insurer, { ...doc(170), expectedVersion: 1 });
    expect(stale.status).toBe(409);
    const conflict = await body(stale);
    expect(conflict.detail).toMatch(/changed by someone else since version 1/);
    expect(conflict.detailNl).toMatch(/sinds versie 1 door iemand anders gewijzigd/);

    // Two edits of version 2 at the same moment: one wins, the other is told, nothing is merged.
    const race = await Promise.all([
      put(id, insurer, doc(180), { 'if-match': '2' }),
      put(id, admin, { ...doc(190), expectedVersion: 2 }),
    ]);
    expect(race.map((r) => r.status).sort()).toEqual([200, 409]);
    const current = await body(await t.call(`/api/agreements/${id}`, insurer));
    expect(current.version).toBe(3);
    expect(current.versions.map((v: any) => v.version)).toEqual([1, 2, 3]);
    const tariffs = await Promise.all(
      [1, 2, 3].map(
        async (v) =>
          (await body(await t.call(`/api/agreements/${id}/versions/${v}`, insurer))).document.lines[0]
            .tariffCents,
      ),
    );
    expect(tariffs.slice(0, 2)).toEqual([150, 160]);
    expect([180, 190]).toContain(tariffs[2]);
    expect((await t.call(`/api/agreements/${id}/versions/9`, insurer)).status).toBe(404);
  });

  it('checks the version and writes in one step, so of two saves of the same version one fails', async () => {
    const { id } = await create();
    const doc = (await loadAgreement(t.db, id))!;
    const save = (atRiskShare: number) =>
      saveAgreementVersion(t.db, { ...doc, version: 2, atRiskShare }, 'race', {
        expectedVersion: 1,
        createdBy: null,
      });
    const outcomes = await Promise.all([save(0.1), save(0.3)]);
    expect(outcomes).toEqual(expect.arrayContaining([{ saved: true }, { saved: false, currentVersion: 2 }]));
    expect((await loadAgreement(t.db, id, 1))!.atRiskShare).toBe(0.2);
  });

  it('diffs two versions field by field: lines and clauses added, removed and changed', async () => {
    const { id } = await create();
    const next = draft({
      atRiskShare: 0.25,
      lines: [
        { id: 'l1', titleCode: 'OI-1A', basis: 'capitation', tariffCents: 175 },
        { id: 'l2', titleCode: 'OI-1B', basis: 'capitation', tariffCents: 90 },
      ],
      clauses: [{ ...draft().clauses[0], id: 'c2', kpiCode: 'CO-01', target: 0.85, threshold: 0.7 }],
    });
    expect((await put(id, insurer, { ...next, expectedVersion: 1 })).status).toBe(200);
    const diff = await body(await t.call(`/api/agreements/${id}/diff?from=1&to=2`, region));
    expect(diff).toMatchObject({ agreementId: id, from: 1, to: 2 });
    expect(diff.changes).toEqual(
      expect.arrayContaining([
        { path: 'atRiskShare', change: 'changed', before: 0.2, after: 0.25 },
        { path: 'lines[l1].tariffCents', change: 'changed', before: 150, after: 175 },
        {
          path: 'lines[l2]',
          change: 'added',
          after: { id: 'l2', titleCode: 'OI-1B', basis: 'capitation', tariffCents: 90 },
        },
        { path: 'clauses[c1]', change: 'removed', before: expect.objectContaining({ kpiCode: 'DM-02' }) },
        { path: 'clauses[c2]', change: 'added', after: expect.objectContaining({ kpiCode: 'CO-01' }) },
      ]),
    );
    expect(diff.changes.map((c: any) => c.path)).not.toContain('version');
    expect((await body(await t.call(`/api/agreements/${id}/diff?from=2&to=2`, insurer))).changes).toEqual([]);
  });
});

describe('the status workflow', () => {
  it('goes draft → proposed → agreed, may withdraw a proposal, and freezes an agreed agreement', async () => {
    const { id } = await create({ period: { start: '2028-Q1', end: '2028-Q4' } });
    expect((await move(id, insurer, 'agreed', 1)).status).toBe(409);
    expect((await move(id, insurer, 'proposed', 1)).status).toBe(200);
    const withdrawn = await move(id, insurer, 'draft', 2);
    expect(withdrawn.status).toBe(200);
    expect(await body(withdrawn)).toMatchObject({ status: 'draft', version: 3 });
    expect((await move(id, insurer, 'proposed', 3)).status).toBe(200);
    // A proposal may still be changed by the lead.
    const edited = await put(id, insurer, {
      ...draft({ period: { start: '2028-Q1', end: '2028-Q4' }, atRiskShare: 0.3 }),
      expectedVersion: 4,
    });
    expect(edited.status).toBe(200);
    expect(await body(edited)).toMatchObject({ status: 'proposed', version: 5 });
    const agreed = await move(id, insurer, 'agreed', 5);
    expect(agreed.status).toBe(200);
    expect(await body(agreed)).toMatchObject({
      status: 'agreed',
      version: 6,
      allowedActions: { edit: false, transitions: ['settled'] },
    });
    const frozen = await put(id, insurer, { ...draft(), expectedVersion: 6 });
    expect(frozen.status).toBe(409);
    expect((await body(frozen)).detailNl).toMatch(/liggen vast/);
    const early = await move(id, insurer, 'settled', 6);
    expect(early.status).toBe(409);
    expect((await body(early)).detail).toMatch(/2028-Q1, 2028-Q2, 2028-Q3, 2028-Q4/);
    const versions = (await body(await t.call(`/api/agreements/${id}`, practice))).versions;
    expect(versions.map((v: any) => v.status)).toEqual([
      'draft',
      'proposed',
      'draft',
      'proposed',
      'proposed',
      'agreed',
    ]);
  });

  it('refuses to agree an agreement that has become invalid: an overlap with one agreed since', async () => {
    const period = { start: '2029-Q1', end: '2029-Q4' };
    const a = await create({ period });
    const b = await create({ period });
    expect(b.warnings.map((w: any) => w.code)).toContain('overlapping-agreement');
    expect((await move(a.id, insurer, 'proposed', 1)).status).toBe(200);
    expect((await move(a.id, insurer, 'agreed', 2)).status).toBe(200);
    const res = await move(b.id, insurer, 'proposed', 1);
    expect(res.status).toBe(422);
    expect((await body(res)).errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'lines[0].titleCode', code: 'overlapping-agreement' }),
      ]),
    );
  });

  it('marks an agreement settled once every quarter has a frozen settlement', async () => {
    const { id } = await create({
      period: { start: '2026-Q3', end: '2026-Q3' },
      lines: [{ id: 'l1', titleCode: 'OI-1B', basis: 'capitation', tariffCents: 120 }],
    });
    expect((await move(id, insurer, 'proposed', 1)).status).toBe(200);
    expect((await move(id, insurer, 'agreed', 2)).status).toBe(200);
    const provisional = await t.call('/api/settlements', insurer, {
      body: { agreementId: id, period: '2026-Q3' },
    });
    expect(provisional.status).toBe(201);
    expect((await move(id, insurer, 'settled', 3)).status).toBe(409);
    const frozen = await t.call('/api/settlements', insurer, {
      body: { agreementId: id, period: '2026-Q3', freeze: true },
    });
    expect(frozen.status).toBe(200);
    expect(await body(frozen)).toMatchObject({ created: false, frozen: true, version: 1 });
    const settled = await move(id, insurer, 'settled', 3);
    expect(settled.status).toBe(200);
    expect(await body(settled)).toMatchObject({
      status: 'settled',
      version: 4,
      allowedActions: { edit: false, transitions: [] },
    });
  });
});

describe('what-if', () => {
  const whatIf = (session: Session, values: Record<string, number>, period = '2026-Q2') =>
    t.call(`/api/agreements/${COLLAB_2025}/what-if`, session, { body: { period, values } });

  it('compares with the actual settlement, and the actual value gives back the actual payment', async () => {
    const res = await whatIf(practice, { 'DM-02': 0.7 });
    expect(res.status).toBe(200);
    const result = await body(res);
    const frozen = (
      await body(await t.call(`/api/settlements?agreementId=${COLLAB_2025}&period=2026-Q2`, practice))
    ).items[0];
    expect(result.actual.total).toBe(frozen.totalCents);
    expect(result.difference.total).toBe(result.projected.total - result.actual.total);
    const actualValue = result.substituted[0].actual;
    const same = await body(await whatIf(practice, { 'DM-02': actualValue }));
    expect(same.projected.total).toBe(same.actual.total);
    expect(same.projected.attainment).toBeCloseTo(same.actual.attainment, 9);
  });

  it('never pays less for a better value, whichever the KPI’s direction', async () => {
    const totals = async (code: string, values: number[]) => {
      const out = [];
      for (const v of values)
        out.push((await body(await whatIf(practice, { [code]: v }))).projected.total as number);
      return out;
    };
    const rising = (xs: number[]) => xs.every((x, i) => i === 0 || x >= xs[i - 1]!);
    const dm = await totals('DM-02', [0.2, 0.45, 0.55, 0.6, 0.65, 0.8, 1]);
    expect(rising(dm)).toBe(true);
    expect(dm[dm.length - 1]).toBeGreaterThan(dm[0]!);
    // Referrals per 1,000: lower is better, so the values run from worse to better.
    const ko = await totals('KO-01', [420, 360, 340, 320, 300, 250]);
    expect(rising(ko)).toBe(true);
    expect(ko[ko.length - 1]).toBeGreaterThan(ko[0]!);
  });

  it('rejects a KPI the agreement does not use and a value off its scale', async () => {
    const res = await whatIf(practice, { 'CV-01': 0.5, 'DM-02': 65 });
    expect(res.status).toBe(422);
    const problem = await body(res);
    expect(problem.errors.map((e: any) => [e.path, e.code])).toEqual([
      ['values.CV-01', 'kpi-not-in-agreement'],
      ['values.DM-02', 'value-off-scale'],
    ]);
    expect((await whatIf(practice, { 'DM-02': 0.7 }, '2024')).status).toBe(422);
  });
});

describe('audit', () => {
  it('records reads of identifiable agreements and every write', async () => {
    const { id } = await create();
    await t.call(`/api/agreements/${id}`, region);
    const rows = await t.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(rows.map((r) => [r.action, r.actorLabel])).toEqual(
      expect.arrayContaining([
        ['create', 'verzekeraar@kwadrant.demo'],
        ['read', 'regio@kwadrant.demo'],
      ]),
    );
  });
});

describe('documentation', () => {
  it('publishes every agreement, settlement and impact route in the OpenAPI document', async () => {
    const res = await t.call('/api/openapi.json', null);
    expect(res.status).toBe(200);
    const paths = Object.keys((await body(res)).paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/agreements',
        '/api/agreements/{id}',
        '/api/agreements/{id}/versions/{version}',
        '/api/agreements/{id}/diff',
        '/api/agreements/{id}/transition',
        '/api/agreements/{id}/what-if',
        '/api/settlements',
        '/api/settlements/{id}',
        '/api/settlements/{id}/export',
        '/api/impact',
        '/api/impact/compare',
      ]),
    );
  });
});
