import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '@kwadrant/db';
import { createTestApp, type Session, type TestApp } from '../test/harness';

let t: TestApp;
let region: Session;
let region2: Session;
let practice: Session;
let regionId: string;
let members: string[];
beforeAll(async () => {
  t = await createTestApp();
  [region, region2, practice] = (await Promise.all(
    ['regio', 'regio2', 'praktijk'].map((u) => t.signIn(`${u}@kwadrant.demo`)),
  )) as [Session, Session, Session];
  regionId = ((await (await t.call('/api/auth/me', region)).json()) as any).organisation.id;
  const grid = (await (
    await t.call(`/api/regions/${regionId}/comparison?period=2026-Q3`, region)
  ).json()) as any;
  members = grid.rows
    .filter((r: any) => r.kind === 'practice')
    .slice(0, 4)
    .map((r: any) => r.organisationId);
}, 120_000);
afterAll(() => t.close());

const body = async (res: Response) => (await res.json()) as any;

describe('peer groups', () => {
  it('lets the board create a peer group and use it as the benchmark of the grid and the funnel', async () => {
    const created = await t.call(`/api/regions/${regionId}/peer-groups`, region, {
      method: 'POST',
      body: { name: 'Kleine praktijken', organisationIds: members },
    });
    expect(created.status).toBe(201);
    const group = await body(created);
    expect(group.members.map((m: any) => m.id).sort()).toEqual([...members].sort());
    expect(group.members.every((m: any) => m.name.length > 0 && m.name !== m.id)).toBe(true);

    const list = await body(await t.call(`/api/regions/${regionId}/peer-groups`, region));
    expect(list.map((g: any) => g.id)).toContain(group.id);

    const regional = await body(await t.call(`/api/regions/${regionId}/comparison?period=2026-Q3`, region));
    const peer = await body(
      await t.call(`/api/regions/${regionId}/comparison?period=2026-Q3&peerGroup=${group.id}`, region),
    );
    expect(regional.peerGroup).toBeNull();
    expect(peer.peerGroup).toEqual({ id: group.id, name: 'Kleine praktijken' });
    // The peer group's benchmark is the ratio of sums of its own members, not the region's.
    expect(peer.benchmarks['DM-01']).not.toBe(regional.benchmarks['DM-01']);

    const funnel = await body(
      await t.call(`/api/kpis/DM-01/funnel?period=2026-Q3&grouping=peer-group&groupId=${group.id}`, region),
    );
    expect(funnel.points).toHaveLength(members.length);
    expect(funnel.target).toBeCloseTo(peer.benchmarks['DM-01'], 10);

    const log = await listAudit(
      t.db,
      { organisationIds: [regionId] },
      { limit: 50, offset: 0, action: 'create' },
    );
    expect(log.items.some((e: any) => e.entity === 'peer-group' && e.action === 'create')).toBe(true);
  });

  it('refuses practices of another region, other roles and other regions', async () => {
    const foreign = await body(await t.call('/api/organisations?limit=500&kind=practice', region2));
    const outsider = foreign.items.find((o: any) => o.kind === 'practice').id;
    const bad = await t.call(`/api/regions/${regionId}/peer-groups`, region, {
      method: 'POST',
      body: { name: 'Gemengd', organisationIds: [members[0], outsider] },
    });
    expect(bad.status).toBe(400);
    const post = (session: Session) =>
      t.call(`/api/regions/${regionId}/peer-groups`, session, {
        method: 'POST',
        body: { name: 'X', organisationIds: members },
      });
    expect((await post(practice)).status).toBe(403);
    expect((await post(region2)).status).toBe(404);
    expect((await t.call(`/api/regions/${regionId}/peer-groups`, region2)).status).toBe(404);
  });

  it('hides a peer group from other regions and deletes it with its benchmark', async () => {
    const group = await body(
      await t.call(`/api/regions/${regionId}/peer-groups`, region, {
        method: 'POST',
        body: { name: 'Tijdelijk', organisationIds: members.slice(0, 2) },
      }),
    );
    const funnelOf = (s: Session) =>
      t.call(`/api/kpis/DM-01/funnel?period=2026-Q3&grouping=peer-group&groupId=${group.id}`, s);
    expect((await funnelOf(region2)).status).toBe(404);
    expect(
      (await t.call(`/api/regions/${regionId}/peer-groups/${group.id}`, region2, { method: 'DELETE' }))
        .status,
    ).toBe(404);
    const del = await t.call(`/api/regions/${regionId}/peer-groups/${group.id}`, region, {
      method: 'DELETE',
    });
    expect(del.status).toBe(200);
    expect((await funnelOf(region)).status).toBe(404);
    expect(
      (await t.call(`/api/regions/${regionId}/comparison?period=2026-Q3&peerGroup=${group.id}`, region))
        .status,
    ).toBe(404);
  });
});
