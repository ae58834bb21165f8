import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wilsonInterval } from '@kwadrant/domain/stats';
import { createTestApp, type Session, type TestApp } from '../test/harness';

let t: TestApp;
let practice: Session;
let collaborative: Session;
let region: Session;
let region2: Session;
let insurer: Session;
let me: { organisation: { id: string } };
beforeAll(async () => {
  t = await createTestApp();
  [practice, collaborative, region, region2, insurer] = (await Promise.all(
    ['praktijk', 'samenwerking', 'regio', 'regio2', 'verzekeraar'].map((u) => t.signIn(`${u}@kwadrant.demo`)),
  )) as [Session, Session, Session, Session, Session];
  me = (await (await t.call('/api/auth/me', practice)).json()) as any;
}, 120_000);
afterAll(() => t.close());

const get = async (path: string, session: Session) => {
  const res = await t.call(path, session);
  return { status: res.status, body: (await res.json()) as any };
};

describe('overview', () => {
  it('gives a practice a tile per KPI with value, interval, comparison, trend and target', async () => {
    const { status, body } = await get(
      `/api/organisations/${me.organisation.id}/overview?period=2026-Q3&benchmark=region`,
      practice,
    );
    expect(status).toBe(200);
    expect(body.tiles).toHaveLength(29);
    const dm = body.tiles.find((x: any) => x.kpiCode === 'DM-04');
    expect(dm.current.suppressed).toBeNull();
    const ci = wilsonInterval(dm.current.numerator, dm.current.denominator, 0.95);
    expect(dm.current.lower).toBeCloseTo(ci.lower, 12);
    expect(['better', 'similar', 'worse']).toContain(dm.comparison);
    expect(['increasing', 'decreasing', 'no-change']).toContain(dm.trend);
    // DM-02 is a clause of the collaborative's agreement: its target comes from there.
    expect(body.tiles.find((x: any) => x.kpiCode === 'DM-02')).toMatchObject({
      target: 0.65,
      targetSource: 'agreement',
    });
    expect(body.tiles.find((x: any) => x.kpiCode === 'KO-08').comparison).toBe('not-compared');
  });

  it('compares with the target when asked, and refuses a benchmark that does not exist', async () => {
    const target = await get(
      `/api/organisations/${me.organisation.id}/overview?period=2026-Q3&benchmark=target`,
      practice,
    );
    expect(target.body.tiles.find((x: any) => x.kpiCode === 'CO-01').benchmark.value).toBe(0.85);
    const regionView = (await (await t.call('/api/auth/me', region)).json()) as any;
    const bad = await get(
      `/api/organisations/${regionView.organisation.id}/overview?period=2026-Q3&benchmark=collaborative`,
      region,
    );
    expect(bad.status).toBe(400);
  });

  it("hides another organisation's overview from a practice (404, not 403)", async () => {
    const other = await get(`/api/organisations/pra-00099/overview?period=2026-Q3`, practice);
    expect(other.status).toBe(404);
  });

  it('rolls a collaborative up as the ratio of sums of its practices', async () => {
    const collab = (await (await t.call('/api/auth/me', collaborative)).json()) as any;
    const whole = await get(
      `/api/organisations/${collab.organisation.id}/overview?period=2026-Q3`,
      collaborative,
    );
    const parts = await Promise.all(
      collab.ownOrganisations
        .filter((o: any) => o.kind === 'practice')
        .map((o: any) => get(`/api/organisations/${o.id}/overview?period=2026-Q3`, collaborative)),
    );
    const tile = (b: any) => b.tiles.find((x: any) => x.kpiCode === 'CO-01').current;
    const sum = (k: 'numerator' | 'denominator') =>
      parts.reduce((a: number, p: any) => a + tile(p.body)[k], 0);
    expect(tile(whole.body).numerator).toBe(sum('numerator'));
    expect(tile(whole.body).denominator).toBe(sum('denominator'));
  });
});

describe('trend and funnel', () => {
  it('gives a trend with the peer band and a test for trend', async () => {
    const { body } = await get(
      `/api/organisations/${me.organisation.id}/kpis/DM-02/trend?period=2026-Q3&quarters=8`,
      practice,
    );
    expect(body.points).toHaveLength(8);
    for (const p of body.points) expect(p.peer.p10).toBeLessThanOrEqual(p.peer.p90);
    expect(['increasing', 'decreasing', 'no-change']).toContain(body.trend.direction);
  });

  it('shows a practice its own point by name and its peers anonymously', async () => {
    const { status, body } = await get(`/api/kpis/DM-04/funnel?period=2026-Q3&grouping=national`, practice);
    expect(status).toBe(200);
    const own = body.points.filter((p: any) => p.own);
    expect(own).toHaveLength(1);
    expect(own[0].organisationId).toBe(me.organisation.id);
    const others = body.points.filter((p: any) => !p.own);
    expect(others.length).toBeGreaterThan(50);
    expect(others.every((p: any) => p.organisationId === null && /^Praktijk \d+$/.test(p.label))).toBe(true);
    expect(body.phi).toBeGreaterThan(1);
    const last = body.limits.at(-1);
    expect(last.adjustedUpper95 - last.adjustedLower95).toBeGreaterThan(last.upper95 - last.lower95);
    expect(last.upper998).toBeGreaterThan(last.upper95);
  });

  it('names the practices of its own region to a board, and not those of another region', async () => {
    const mine = (await (await t.call('/api/auth/me', region)).json()) as any;
    const other = (await (await t.call('/api/auth/me', region2)).json()) as any;
    const own = await get(
      `/api/kpis/CO-01/funnel?period=2026-Q3&grouping=region&groupId=${mine.organisation.id}`,
      region,
    );
    expect(own.body.points.every((p: any) => p.organisationId !== null)).toBe(true);
    const foreign = await get(
      `/api/kpis/CO-01/funnel?period=2026-Q3&grouping=region&groupId=${other.organisation.id}`,
      region,
    );
    expect(foreign.status).toBe(404);
    const national = await get(`/api/kpis/CO-01/funnel?period=2026-Q3&grouping=national`, region);
    const named = national.body.points.filter((p: any) => p.organisationId !== null);
    expect(named.length).toBe(own.body.points.length);
  });

  it('plots rates against person-years and standardised ratios around 1', async () => {
    const rate = await get(`/api/kpis/KO-01/funnel?period=2026-Q3`, insurer);
    expect(rate.body.xMeasure).toBe('person-years');
    expect(rate.body.target).toBeGreaterThan(200);
    const ratio = await get(`/api/kpis/KO-06/funnel?period=2026-Q3`, insurer);
    expect(ratio.body).toMatchObject({ xMeasure: 'expected', target: 1 });
    expect((await t.call('/api/kpis/PE-01/funnel?period=2026-Q3', insurer)).status).toBe(422);
  });
});

describe('regional comparison grid', () => {
  it('compares every practice and collaborative of the region on every KPI', async () => {
    const mine = (await (await t.call('/api/auth/me', region)).json()) as any;
    const { status, body } = await get(
      `/api/regions/${mine.organisation.id}/comparison?period=2026-Q3&baseline=2025-Q3&domain=kwaliteit`,
      region,
    );
    expect(status).toBe(200);
    expect(body.kpis).toHaveLength(13);
    expect(body.rows.some((r: any) => r.kind === 'collaborative')).toBe(true);
    const cells = body.rows.flatMap((r: any) => r.cells);
    const verdicts = new Set(cells.map((c: any) => c.comparison));
    for (const v of ['better', 'similar', 'worse']) expect(verdicts).toContain(v);
    expect(
      cells
        .filter((c: any) => c.percentile !== null)
        .every((c: any) => c.percentile >= 0 && c.percentile <= 1),
    ).toBe(true);
    expect(cells.some((c: any) => c.baselineValue !== null)).toBe(true);
  });

  it('refuses another region to a board', async () => {
    const other = (await (await t.call('/api/auth/me', region2)).json()) as any;
    expect(
      (await t.call(`/api/regions/${other.organisation.id}/comparison?period=2026-Q3`, region)).status,
    ).toBe(404);
  });
});

describe('small-number suppression cannot be undone by subtraction', () => {
  it('never leaves exactly one hidden practice under a total the board can see', async () => {
    const mine = (await (await t.call('/api/auth/me', region)).json()) as any;
    const regionId = mine.organisation.id as string;
    const overview = async (id: string) =>
      (await get(`/api/organisations/${id}/overview?period=2026-Q3&benchmark=national`, region)).body;
    const regionView = await overview(regionId);
    const detail = (await get(`/api/organisations/${regionId}`, region)).body;
    const collaboratives = detail.members
      .filter((m: any) => m.organisation.kind === 'collaborative' && m.validTo === null)
      .map((m: any) => m.organisation.id);
    const practicesOf = async (collabId: string) =>
      ((await get(`/api/organisations/${collabId}`, region)).body.members as any[])
        .filter((m) => m.organisation.kind === 'practice' && m.validTo === null)
        .map((m) => m.organisation.id as string);
    const tree = new Map<string, string[]>();
    for (const c of collaboratives) tree.set(c, await practicesOf(c));
    const views = new Map<string, any>();
    for (const id of [...collaboratives, ...[...tree.values()].flat()]) views.set(id, await overview(id));
    const tile = (view: any, code: string) => view.tiles.find((x: any) => x.kpiCode === code).current;

    let hiddenSeen = 0;
    for (const code of regionView.tiles.map((x: any) => x.kpiCode as string)) {
      const totals: [string, string[]][] = [
        [regionId, [...tree.values()].flat()],
        ...[...tree].map(([c, ps]) => [c, ps] as [string, string[]]),
      ];
      for (const [groupId, members] of totals) {
        const total = groupId === regionId ? tile(regionView, code) : tile(views.get(groupId), code);
        if (total.numerator === null) continue; // the total itself is hidden
        const withData = members.filter(
          (p) => tile(views.get(p), code).suppressed !== null || tile(views.get(p), code).numerator !== null,
        );
        const hidden = withData.filter((p) => tile(views.get(p), code).suppressed !== null);
        hiddenSeen += hidden.length;
        // With one hidden member, total − visible members would reveal it.
        expect({ groupId, code, hidden: hidden.length }).not.toMatchObject({ hidden: 1 });
      }
    }
    // The demo has small counts (e.g. admissions): the check above must actually have met some.
    expect(hiddenSeen).toBeGreaterThan(0);
  });
});
