import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../client';
import { benchmarks, observations, peerGroupMembers, peerGroups } from '../schema';
import { computeBenchmark } from './benchmarks';
import { listKpis } from './catalogue';
import { insertInBatches } from './batch';

export interface PeerGroup {
  id: number;
  ownerId: string;
  name: string;
  createdAt: Date;
  organisationIds: string[];
}

/** The peer groups an organisation owns, oldest first, each with its member organisations. */
export async function listPeerGroups(db: Db, ownerId: string): Promise<PeerGroup[]> {
  const groups = await db
    .select()
    .from(peerGroups)
    .where(eq(peerGroups.ownerId, ownerId))
    .orderBy(peerGroups.id);
  if (groups.length === 0) return [];
  const members = await db
    .select()
    .from(peerGroupMembers)
    .where(
      inArray(
        peerGroupMembers.peerGroupId,
        groups.map((g) => g.id),
      ),
    );
  return groups.map((g) => ({
    ...g,
    organisationIds: members
      .filter((m) => m.peerGroupId === g.id)
      .map((m) => m.organisationId)
      .sort(),
  }));
}

/** One peer group with its members, or null. */
export async function peerGroupById(db: Db, id: number): Promise<PeerGroup | null> {
  const [group] = await db.select().from(peerGroups).where(eq(peerGroups.id, id));
  if (!group) return null;
  const members = await db.select().from(peerGroupMembers).where(eq(peerGroupMembers.peerGroupId, id));
  return { ...group, organisationIds: members.map((m) => m.organisationId).sort() };
}

/**
 * Creates a peer group and materialises its benchmarks (every KPI × period its members have data for),
 * in one transaction, so the group is usable as a benchmark as soon as it exists.
 */
export async function createPeerGroup(
  db: Db,
  group: { ownerId: string; name: string; organisationIds: readonly string[] },
): Promise<PeerGroup> {
  const id = await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const [row] = await t
      .insert(peerGroups)
      .values({ ownerId: group.ownerId, name: group.name })
      .returning({ id: peerGroups.id });
    const members = [...new Set(group.organisationIds)];
    if (members.length > 0)
      await t
        .insert(peerGroupMembers)
        .values(members.map((o) => ({ peerGroupId: row!.id, organisationId: o })));
    await refreshPeerGroupBenchmarks(t, row!.id, members);
    return row!.id;
  });
  return (await peerGroupById(db, id))!;
}

/** Deletes an owner's peer group and its benchmarks; false when there is no such group of that owner. */
export async function deletePeerGroup(db: Db, ownerId: string, id: number): Promise<boolean> {
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const deleted = await t
      .delete(peerGroups)
      .where(and(eq(peerGroups.id, id), eq(peerGroups.ownerId, ownerId)))
      .returning({ id: peerGroups.id });
    if (deleted.length === 0) return false;
    await t
      .delete(benchmarks)
      .where(and(eq(benchmarks.grouping, 'peer-group'), eq(benchmarks.groupId, String(id))));
    return true;
  });
}

/** Recomputes the benchmarks of one peer group from its members' current observations. */
export async function refreshPeerGroupBenchmarks(
  db: Db,
  id: number,
  organisationIds: readonly string[],
): Promise<number> {
  await db
    .delete(benchmarks)
    .where(and(eq(benchmarks.grouping, 'peer-group'), eq(benchmarks.groupId, String(id))));
  if (organisationIds.length === 0) return 0;
  const kpis = await listKpis(db);
  const data = await db
    .select({
      organisationId: observations.organisationId,
      kpiCode: observations.kpiCode,
      period: observations.period,
      numerator: observations.numerator,
      denominator: observations.denominator,
      expected: observations.expected,
      sumSquares: observations.sumSquares,
    })
    .from(observations)
    .where(
      and(inArray(observations.organisationId, [...organisationIds]), isNull(observations.supersededAt)),
    );
  const groups = new Map<string, typeof data>();
  for (const d of data) {
    const key = `${d.kpiCode}|${d.period}`;
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  const rows = [...groups].flatMap(([key, units]) => {
    const [code, period] = key.split('|') as [string, string];
    const kpi = kpis.find((k) => k.code === code);
    const row = kpi
      ? computeBenchmark(
          kpi,
          period,
          'peer-group',
          String(id),
          units.map((u) => ({
            organisationId: u.organisationId,
            numerator: u.numerator,
            denominator: u.denominator,
            expected: u.expected ?? undefined,
            sumSquares: u.sumSquares ?? undefined,
          })),
        )
      : null;
    return row ? [row] : [];
  });
  await insertInBatches(db, benchmarks, rows);
  return rows.length;
}
