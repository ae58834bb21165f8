import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { wilsonInterval, overdispersion, percentile } from '@kwadrant/domain/stats';
import { createTestDb, gridGeography } from '../test';
import type { DbHandle } from '../client';
import { benchmarks, observations, organisations } from '../schema';
import { seedDemo } from '../demo/seed';
import { refreshBenchmarks } from './benchmarks';

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDb();
  await seedDemo(handle.db, gridGeography(28, 2_000), 'demo');
}, 120_000);
afterAll(() => handle.close());

const benchmark = async (
  kpiCode: string,
  period: string,
  grouping: 'national' | 'region' | 'collaborative',
  groupId = '',
) => {
  const [row] = await handle.db
    .select()
    .from(benchmarks)
    .where(
      and(
        eq(benchmarks.kpiCode, kpiCode),
        eq(benchmarks.period, period),
        eq(benchmarks.grouping, grouping),
        eq(benchmarks.groupId, groupId),
      ),
    );
  return row;
};

const practiceObservations = (kpiCode: string, period: string) =>
  handle.db
    .select({
      id: observations.id,
      organisationId: observations.organisationId,
      numerator: observations.numerator,
      denominator: observations.denominator,
      version: observations.version,
    })
    .from(observations)
    .where(
      and(
        eq(observations.kpiCode, kpiCode),
        eq(observations.period, period),
        isNull(observations.supersededAt),
      ),
    );

describe('materialised benchmarks', () => {
  it('are computed for every KPI × period at national, region and collaborative level', async () => {
    const rows = await handle.db.select().from(benchmarks);
    const national = rows.filter((r) => r.grouping === 'national');
    expect(new Set(national.map((r) => r.kpiCode)).size).toBe(29);
    expect(new Set(national.map((r) => r.period)).size).toBe(8);
    expect(new Set(rows.filter((r) => r.grouping === 'region').map((r) => r.groupId)).size).toBe(3);
    expect(rows.filter((r) => r.grouping === 'collaborative').length).toBeGreaterThan(200);
  });

  it('take the ratio of sums with the Wilson interval of the totals', async () => {
    const units = await practiceObservations('DM-04', '2026-Q3');
    const x = units.reduce((a, u) => a + u.numerator, 0);
    const n = units.reduce((a, u) => a + u.denominator, 0);
    const row = await benchmark('DM-04', '2026-Q3', 'national');
    expect(row).toMatchObject({ unitCount: units.length, numerator: x, denominator: n });
    expect(row!.value).toBeCloseTo(x / n, 12);
    const ci = wilsonInterval(x, n, 0.95);
    expect(row!.lower95).toBeCloseTo(ci.lower, 12);
    expect(row!.upper95).toBeCloseTo(ci.upper, 12);
    expect(row!.lower998!).toBeLessThan(row!.lower95!);
  });

  it('hold the practices percentiles and an overdispersion that matches the domain function', async () => {
    const units = (await practiceObservations('DM-04', '2026-Q3')).filter((u) => u.denominator >= 20);
    const row = await benchmark('DM-04', '2026-Q3', 'national');
    const values = units.map((u) => u.numerator / u.denominator);
    expect(row!.percentiles!.p50).toBeCloseTo(percentile(values, 0.5), 12);
    expect(row!.percentiles!.p10).toBeLessThan(row!.percentiles!.p90);
    expect(row!.deciles).toHaveLength(9);
    const expected = overdispersion(units, 'proportion');
    expect(row!.phi).toBeCloseTo(expected.phi, 9);
    expect(row!.tau2).toBeCloseTo(expected.tau2, 12);
    // The demo has a real practice effect: far more spread than binomial noise.
    expect(row!.phi!).toBeGreaterThan(2);
  });

  it('refresh incrementally: a corrected observation changes only its own KPI and period', async () => {
    const [unit] = await practiceObservations('CO-01', '2026-Q2');
    const before = await benchmark('CO-01', '2026-Q2', 'national');
    const untouched = await benchmark('CO-01', '2026-Q1', 'national');
    await handle.db.transaction(async (tx) => {
      await tx.update(observations).set({ supersededAt: new Date() }).where(eq(observations.id, unit!.id));
      await tx.insert(observations).values({
        organisationId: unit!.organisationId,
        kpiCode: 'CO-01',
        kind: 'proportion',
        period: '2026-Q2',
        numerator: unit!.denominator,
        denominator: unit!.denominator,
        source: 'correction',
        version: unit!.version + 1,
      });
    });
    const written = await refreshBenchmarks(handle.db, [{ kpiCode: 'CO-01', period: '2026-Q2' }]);
    expect(written).toBeGreaterThan(2);
    const after = await benchmark('CO-01', '2026-Q2', 'national');
    expect(after!.numerator).toBe(before!.numerator - unit!.numerator + unit!.denominator);
    expect(after!.computedAt.getTime()).toBeGreaterThanOrEqual(before!.computedAt.getTime());
    expect(await benchmark('CO-01', '2026-Q1', 'national')).toEqual(untouched);
  });

  it('follow memberships by date: a practice that moved counts in its new collaborative', async () => {
    const moved = await handle.db.select().from(organisations).where(eq(organisations.kind, 'practice'));
    expect(moved.length).toBeGreaterThan(50);
    const rows = await handle.db
      .select()
      .from(benchmarks)
      .where(and(eq(benchmarks.grouping, 'collaborative'), eq(benchmarks.kpiCode, 'DM-01')));
    const unitsByPeriod = new Map<string, number>();
    for (const r of rows) unitsByPeriod.set(r.period, (unitsByPeriod.get(r.period) ?? 0) + r.unitCount);
    // Every practice is in exactly one collaborative in every period, before and after the moves.
    const national = await handle.db
      .select()
      .from(benchmarks)
      .where(and(eq(benchmarks.grouping, 'national'), eq(benchmarks.kpiCode, 'DM-01')));
    for (const n of national) expect(unitsByPeriod.get(n.period)).toBe(n.unitCount);
  });

  it('after a small import, recompute only the groups of the changed practice — the rows a full refresh gives', async () => {
    const key = { kpiCode: 'DM-02', period: '2026-Q1' };
    const [unit] = await practiceObservations(key.kpiCode, key.period);
    const snapshot = async () =>
      (
        await handle.db
          .select()
          .from(benchmarks)
          .where(and(eq(benchmarks.kpiCode, key.kpiCode), eq(benchmarks.period, key.period)))
      )
        .map(({ computedAt: _, ...r }) => r)
        .sort((a, b) => `${a.grouping}:${a.groupId}`.localeCompare(`${b.grouping}:${b.groupId}`));
    const before = await snapshot();
    await handle.db
      .update(observations)
      .set({ numerator: unit!.numerator === 0 ? 1 : unit!.numerator - 1 })
      .where(eq(observations.id, unit!.id));
    const written = await refreshBenchmarks(handle.db, [key], { organisations: [unit!.organisationId] });
    // National, its region and its collaborative; nothing else.
    expect(written).toBe(3);
    const partial = await snapshot();
    expect(partial.length).toBe(before.length);
    expect(partial.filter((r, i) => JSON.stringify(r) !== JSON.stringify(before[i])).length).toBe(3);
    await refreshBenchmarks(handle.db, [key]);
    expect(await snapshot()).toEqual(partial);
  });

  // Two connections are needed to overlap two refreshes; PGlite has one, so this runs on PostgreSQL.
  it.skipIf(!process.env.DATABASE_URL)(
    'refresh one at a time: a second refresh waits for the first transaction instead of colliding with it',
    async () => {
      const keys = [{ kpiCode: 'DM-01', period: '2026-Q2' }];
      const count = async () =>
        (await handle.db.select().from(benchmarks).where(and(eq(benchmarks.period, '2026-Q2'), eq(benchmarks.kpiCode, 'DM-01')))).length;
      const before = await count();
      let second: Promise<number> | undefined;
      await handle.db.transaction(async (tx) => {
        await refreshBenchmarks(tx, keys);
        // Started while the first is uncommitted: without the lock its delete misses the first's new
        // rows and its insert collides with them.
        second = refreshBenchmarks(handle.db, keys);
        await new Promise((r) => setTimeout(r, 300));
      });
      expect(await second).toBeGreaterThan(0);
      expect(await count()).toBe(before);
    },
  );
});

