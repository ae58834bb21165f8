import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDb, gridGeography } from '../test';
import { queryRows, type DbHandle } from '../client';
import { createHash } from 'node:crypto';
import { settle, validateAgreement, type SettlementInputs } from '@kwadrant/domain/agreements';
import { agreements, observations, organisations, settlements, userRoles } from '../schema';
import { listKpis } from '../queries/catalogue';
import { listPaymentTitles, loadAgreement } from '../queries/agreements';
import { seedDemo, seededScale } from './seed';
import { apportion, buildLandscape, SCALES } from './landscape';
import { generateObservations } from './kpi-model';

// A 28 × 28 grid of 2,000-inhabitant areas: 1.6 million people, room for three demo regions.
const geography = gridGeography(28, 2_000);

describe('demo landscape', () => {
  it('apportions whole numbers that add up exactly (largest remainder)', () => {
    expect(apportion(5, [1, 1, 1, 1, 1, 1, 1, 1, 1])).toEqual([1, 1, 1, 1, 1, 0, 0, 0, 0]);
    expect(apportion(10, [3, 3, 4])).toEqual([3, 3, 4]);
    expect(apportion(7, [1, 2])).toEqual([2, 5]);
    expect(apportion(3, [0, 0])).toEqual([3, 0]);
  });

  const landscape = buildLandscape(geography, SCALES.demo);

  it('is deterministic: the same seed builds the same landscape and data', () => {
    const again = buildLandscape(geography, SCALES.demo);
    expect(again.practices.map((p) => [p.id, p.name, p.population])).toEqual(
      landscape.practices.map((p) => [p.id, p.name, p.population]),
    );
    const first = [...generateObservations(landscape, new Map())].slice(0, 500);
    const second = [...generateObservations(again, new Map())].slice(0, 500);
    expect(second).toEqual(first);
    const other = buildLandscape(geography, SCALES.demo, 'another seed');
    expect(other.practices.map((p) => p.population)).not.toEqual(
      landscape.practices.map((p) => p.population),
    );
  });

  it('builds three regions of 100,000–200,000 with collaboratives of about 10,000–20,000', () => {
    expect(landscape.regions).toHaveLength(3);
    for (const r of landscape.regions) {
      expect(r.population).toBeGreaterThanOrEqual(100_000);
      expect(r.population).toBeLessThanOrEqual(200_000);
      expect(['Q3', 'Q4']).toContain(r.quadrant);
    }
    const inBand = landscape.collaboratives.filter((c) => c.population! >= 10_000 && c.population! <= 20_000);
    // A regular grid packs coarsely (clusters grow in whole areas), so a few fall outside the band.
    expect(inBand.length / landscape.collaboratives.length).toBeGreaterThan(2 / 3);
    const sizes = landscape.collaboratives.map((c) => c.population!).sort((a, b) => a - b);
    expect(sizes[Math.floor(sizes.length / 2)]).toBeGreaterThanOrEqual(10_000);
    for (const c of landscape.collaboratives) {
      expect(c.population).toBeGreaterThanOrEqual(5_000);
      expect(c.population).toBeLessThanOrEqual(30_000);
      expect(c.quadrant).toBe(c.disciplines.length > 1 ? 'Q2' : 'Q1');
    }
  });

  it('places about one practice per 3,600 inhabitants with lists shaped by their area', () => {
    const inhabitants = landscape.regions.reduce((a, r) => a + (r.population ?? 0), 0);
    const perPractice = inhabitants / landscape.practices.length;
    expect(perPractice).toBeGreaterThan(3_000);
    expect(perPractice).toBeLessThan(4_400);
    for (const p of landscape.practices) {
      expect(p.code).toMatch(/^01\d{6}$/);
      expect(p.men).toHaveLength(20);
      expect(p.population).toBe(p.men.reduce((a, b) => a + b, 0) + p.women.reduce((a, b) => a + b, 0));
    }
  });

  it('gives every region one dominant insurer and shares that sum to 1', () => {
    expect(landscape.insurers).toHaveLength(4);
    for (const shares of landscape.marketShares.values()) {
      const values = [...shares.values()];
      expect(values.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
      expect(Math.max(...values)).toBeGreaterThanOrEqual(0.55);
    }
  });

  it('generates every KPI for every practice and quarter with values that respect the kind', () => {
    const rows = [...generateObservations(landscape, new Map())];
    const kpis = new Set(rows.map((r) => r.kpiCode));
    expect(kpis.size).toBe(29);
    expect(rows.length).toBeGreaterThan(landscape.practices.length * 8 * 27);
    for (const r of rows) {
      expect(r.numerator).toBeGreaterThanOrEqual(0);
      expect(r.denominator).toBeGreaterThan(0);
      if (r.kind === 'proportion') expect(r.numerator).toBeLessThanOrEqual(r.denominator);
      if (r.kind === 'ratio') expect(r.expected).toBeGreaterThan(0);
    }
  });

  it('has a real practice effect: between-practice spread far beyond binomial noise', () => {
    const dm = [...generateObservations(landscape, new Map())].filter(
      (r) => r.kpiCode === 'DM-04' && r.period === '2026-Q3',
    );
    const p = dm.reduce((a, r) => a + r.numerator, 0) / dm.reduce((a, r) => a + r.denominator, 0);
    // Spiegelhalter's φ on the raw scale: Σ z² / I, with z from the binomial standard error.
    const phi =
      dm.reduce((a, r) => a + (r.numerator / r.denominator - p) ** 2 / ((p * (1 - p)) / r.denominator), 0) /
      dm.length;
    expect(p).toBeGreaterThan(0.7);
    expect(phi).toBeGreaterThan(3);
  });

  it('improves practices faster once an agreement takes effect', () => {
    const improving = new Map(
      landscape.practices.map((pr) => [pr.id, { from: '2025-Q1', kpis: new Set(['DM-02']) }]),
    );
    const share = (
      rows: Iterable<{ kpiCode: string; period: string; numerator: number; denominator: number }>,
    ) => {
      const last = [...rows].filter((r) => r.kpiCode === 'DM-02' && r.period === '2026-Q3');
      return last.reduce((a, r) => a + r.numerator, 0) / last.reduce((a, r) => a + r.denominator, 0);
    };
    expect(
      share(generateObservations(landscape, improving)) - share(generateObservations(landscape, new Map())),
    ).toBeGreaterThan(0.05);
  });
});

describe('seeding the demo', () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDb();
  });
  afterAll(() => handle.close());

  it('seeds once, then reports that it is already there', { timeout: 120_000 }, async () => {
    const first = await seedDemo(handle.db, geography, 'demo');
    expect(first.seeded).toBe(true);
    expect(first.observations).toBeGreaterThan(1000);
    const orgCount = await handle.db.$count(organisations);
    const obsCount = await handle.db.$count(observations);
    const second = await seedDemo(handle.db, geography, 'demo');
    expect(second.seeded).toBe(false);
    expect(await handle.db.$count(organisations)).toBe(orgCount);
    expect(await handle.db.$count(observations)).toBe(obsCount);
    expect(await seededScale(handle.db)).toBe('demo');
  });

  it('creates agreements in every state that pass the domain validation', async () => {
    const rows = await handle.db.select().from(agreements);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['draft', 'proposed', 'agreed', 'settled']));
    const titles = await listPaymentTitles(handle.db);
    const kpis = await listKpis(handle.db);
    for (const row of rows) {
      const agreement = (await loadAgreement(handle.db, row.id))!;
      const result = validateAgreement(agreement, { titles, kpis });
      expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
      expect(agreement.coInsurers.length).toBe(3);
    }
  });

  it('records frozen settlements that reproduce exactly from their recorded inputs', async () => {
    const records = await handle.db.select().from(settlements);
    expect(records.length).toBeGreaterThan(20);
    for (const record of records.slice(0, 25)) {
      expect(record.frozen).toBe(true);
      const agreement = (await loadAgreement(handle.db, record.agreementId, record.agreementVersion))!;
      const again = settle(agreement, record.inputs as unknown as SettlementInputs);
      expect(again.total).toBe(record.totalCents);
      expect(createHash('sha256').update(again.inputFingerprint).digest('hex')).toBe(record.inputFingerprint);
      const parts = (record.result as { coInsurers: { amountCents: number }[] }).coInsurers;
      expect(parts.reduce((a, p) => a + p.amountCents, 0)).toBe(record.totalCents);
    }
    // Money of realistic size: a collaborative of ~15,000 patients at €3.50 per quarter is ~€50,000.
    const collab = records.find((r) => r.agreementId.startsWith('agr-col-') && r.period === '2025-Q1')!;
    expect(collab.totalCents).toBeGreaterThan(2_000_000);
    expect(collab.totalCents).toBeLessThan(10_000_000);
  });

  it('creates one sign-in per role, each scoped to an organisation (except the administrator)', async () => {
    const roles = await handle.db.select().from(userRoles);
    expect(new Set(roles.map((r) => r.role))).toEqual(
      new Set(['practice', 'collaborative', 'region', 'insurer', 'admin']),
    );
    expect(roles.filter((r) => r.role !== 'admin').every((r) => r.organisationId !== null)).toBe(true);
  });

  it('refuses to mix another scale into a seeded database', async () => {
    await expect(seedDemo(handle.db, geography, 'national')).rejects.toThrow(/already holds the "demo" demo/);
  });

  it('answers dashboard-shaped queries: a regional ratio of sums per KPI', async () => {
    const rows = await queryRows<{ kpi_code: string; value: number }>(
      handle.db,
      sql`select o.kpi_code, sum(o.numerator) / sum(o.denominator) as value
          from observations o where o.period = '2026-Q3' and o.kind = 'proportion' and o.superseded_at is null
          group by o.kpi_code order by o.kpi_code`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(16);
    for (const r of rows) {
      expect(Number(r.value)).toBeGreaterThan(0);
      expect(Number(r.value)).toBeLessThan(1);
    }
  });
});
