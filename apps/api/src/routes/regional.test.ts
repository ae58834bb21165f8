import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../test/harness';

let t: TestApp;
let region: Session;
let region2: Session;
let practice: Session;
let regionId: string;
beforeAll(async () => {
  t = await createTestApp();
  [region, region2, practice] = (await Promise.all(
    ['regio', 'regio2', 'praktijk'].map((u) => t.signIn(`${u}@kwadrant.demo`)),
  )) as [Session, Session, Session];
  regionId = ((await (await t.call('/api/auth/me', region)).json()) as any).organisation.id;
}, 120_000);
afterAll(() => t.close());

const get = async (path: string, session: Session | null) => {
  const res = await t.call(path, session);
  return { status: res.status, body: (await res.json()) as any };
};

describe('regional picture', () => {
  it('serves the CBS boundaries as cacheable TopoJSON with the attribution', async () => {
    const res = await t.call('/api/geo/gemeente', null);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toMatch(/max-age=86400/);
    const topo = (await res.json()) as any;
    expect(topo.type).toBe('Topology');
    expect(topo.attribution).toMatch(/CBS/);
    expect((await t.call('/api/geo/nonsense', null)).status).toBe(404);
  });

  it('describes every area of the service area with population, supply and costs', async () => {
    const { status, body } = await get(
      `/api/regions/${regionId}/picture?period=2026-Q3&level=municipality&kpi=DM-04`,
      region,
    );
    expect(status).toBe(200);
    expect(body.attribution).toMatch(/CBS/);
    expect(body.areas.length).toBeGreaterThan(0);
    const total = body.areas.reduce((a: number, x: any) => a + x.population, 0);
    expect(total).toBeGreaterThan(100_000);
    for (const a of body.areas) {
      expect(a.share75plus).toBeGreaterThan(0);
      expect(a.share75plus).toBeLessThan(0.3);
    }
    const withPractices = body.areas.filter((a: any) => a.practices > 0);
    expect(
      withPractices.every((a: any) => a.costsPerEnrolledYear > 500 && a.costsPerEnrolledYear < 5000),
    ).toBe(true);
    expect(withPractices.some((a: any) => a.kpi.value !== null)).toBe(true);
  });

  it('projects demand 5 and 10 years out by cohort ageing', async () => {
    const { body } = await get(`/api/regions/${regionId}/projection?period=2026-Q3`, region);
    expect(body.points.map((p: any) => p.yearsAhead)).toEqual([0, 5, 10]);
    expect(body.points[0].index).toBe(1);
    expect(body.points[2].aged75plus).toBeGreaterThan(body.points[0].aged75plus);
    expect(body.points[2].index).toBeGreaterThan(1);
  });

  it('places the organisations in the quadrants and measures multidisciplinary coverage', async () => {
    const { body } = await get(`/api/regions/${regionId}/development?period=2026-Q3`, region);
    expect(body.quadrants.map((q: any) => q.quadrant)).toEqual(['Q1', 'Q2', 'Q3', 'Q4']);
    const all = body.quadrants.flatMap((q: any) => q.organisations.map((o: any) => o.id));
    expect(all).toContain(regionId);
    expect(body.quadrants.flatMap((q: any) => q.titles).length).toBeGreaterThan(0);
    expect(body.coverage.coveredPopulation).toBeLessThanOrEqual(body.coverage.population);
    expect(body.coverage.trend).toHaveLength(8);
  });

  it('lets the board edit its checklist, detects concurrent edits, and refuses others', async () => {
    const list = (await get(`/api/regions/${regionId}/basic-functions`, region)).body;
    expect(list).toHaveLength(6);
    const item = list.find((x: any) => x.functionCode === 'night');
    const edit = (session: Session, version: number) =>
      t.call(`/api/regions/${regionId}/basic-functions/night`, session, {
        method: 'PUT',
        body: {
          status: 'organised',
          owner: 'Huisartsenpost Utrecht',
          agreementId: null,
          note: 'Afspraak per 1 januari',
          expectedVersion: version,
        },
      });
    const first = await edit(region, item.version);
    expect(first.status).toBe(200);
    expect(((await first.json()) as any).version).toBe(item.version + 1);
    const stale = await edit(region, item.version);
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as any).detailNl).toMatch(/gewijzigd/);
    expect((await edit(practice, item.version + 1)).status).toBe(403);
    expect((await edit(region2, item.version + 1)).status).toBe(404);
  });

  it("hides another region's picture", async () => {
    expect((await get(`/api/regions/${regionId}/picture?period=2026-Q3`, region2)).status).toBe(404);
    expect((await get(`/api/regions/${regionId}/projection?period=2026-Q3`, practice)).status).toBe(404);
  });
});
