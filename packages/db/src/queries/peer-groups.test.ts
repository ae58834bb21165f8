import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { createTestDb } from '../test';
import type { DbHandle } from '../client';
import { benchmarks, observations, organisations } from '../schema';
import { createPeerGroup, deletePeerGroup, listPeerGroups, peerGroupById } from './peer-groups';

let handle: DbHandle;
let practices: string[];
let region: string;
beforeAll(async () => {
  handle = await createTestDb('seeded');
  const orgs = await handle.db.select().from(organisations);
  practices = orgs
    .filter((o) => o.kind === 'practice')
    .map((o) => o.id)
    .sort()
    .slice(0, 3);
  region = orgs.find((o) => o.kind === 'region')!.id;
}, 120_000);
afterAll(() => handle.close());

const peerBenchmark = (groupId: number, kpiCode: string, period: string) =>
  handle.db
    .select()
    .from(benchmarks)
    .where(
      and(
        eq(benchmarks.grouping, 'peer-group'),
        eq(benchmarks.groupId, String(groupId)),
        eq(benchmarks.kpiCode, kpiCode),
        eq(benchmarks.period, period),
      ),
    );

describe('peer groups', () => {
  it('creates a group with its members and a benchmark that is the ratio of the members’ sums', async () => {
    const group = await createPeerGroup(handle.db, {
      ownerId: region,
      name: 'Kleine praktijken',
      organisationIds: [...practices, practices[0]!],
    });
    expect(group.organisationIds).toEqual(practices);
    expect((await listPeerGroups(handle.db, region)).map((g) => g.name)).toContain('Kleine praktijken');
    expect(await listPeerGroups(handle.db, 'nobody')).toEqual([]);

    const rows = await handle.db
      .select()
      .from(observations)
      .where(
        and(
          eq(observations.kpiCode, 'DM-01'),
          eq(observations.period, '2026-Q3'),
          isNull(observations.supersededAt),
        ),
      );
    const members = rows.filter((r) => practices.includes(r.organisationId));
    expect(members.length).toBe(3);
    const [bench] = await peerBenchmark(group.id, 'DM-01', '2026-Q3');
    expect(bench!.unitCount).toBe(3);
    const num = members.reduce((a, r) => a + r.numerator, 0);
    const den = members.reduce((a, r) => a + r.denominator, 0);
    expect(bench!.value).toBeCloseTo(num / den, 10);
  });

  it('deletes only its owner’s group, with its benchmarks', async () => {
    const group = await createPeerGroup(handle.db, {
      ownerId: region,
      name: 'Weg',
      organisationIds: practices,
    });
    expect((await peerBenchmark(group.id, 'DM-01', '2026-Q3')).length).toBe(1);
    expect(await deletePeerGroup(handle.db, 'someone-else', group.id)).toBe(false);
    expect(await deletePeerGroup(handle.db, region, group.id)).toBe(true);
    expect(await peerGroupById(handle.db, group.id)).toBeNull();
    expect(await peerBenchmark(group.id, 'DM-01', '2026-Q3')).toEqual([]);
  });
});
