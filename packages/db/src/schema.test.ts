import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestDb } from './test';
import { queryRows, type DbHandle } from './client';
import { ConstraintError, explained } from './errors';
import { auditLog, kpiDefinitions, observations, organisations, paymentTitles } from './schema';
import { listKpis, seedCatalogues } from './queries/catalogue';

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDb();
  await seedCatalogues(handle.db);
  await handle.db.insert(organisations).values([
    {
      id: 'p1',
      kind: 'practice',
      name: 'Praktijk Een',
      codeSystem: 'AGB',
      code: '01000001',
      quadrant: 'Q1',
    },
  ]);
});
afterAll(() => handle.close());

const obs = (over: Partial<typeof observations.$inferInsert>): typeof observations.$inferInsert => ({
  organisationId: 'p1',
  kpiCode: 'DM-01',
  kind: 'proportion',
  period: '2025-Q1',
  numerator: 80,
  denominator: 100,
  source: 'test',
  ...over,
});

async function refusal(write: () => Promise<unknown>): Promise<ConstraintError> {
  const error = await explained(write).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConstraintError);
  return error as ConstraintError;
}

describe('schema and constraints', () => {
  it('seeds the catalogues idempotently and reads them back in catalogue order', async () => {
    await seedCatalogues(handle.db);
    const kpis = await listKpis(handle.db);
    expect(kpis).toHaveLength(29);
    expect(kpis[0]?.code).toBe('DM-01');
    expect(kpis.find((k) => k.code === 'KO-01')).toMatchObject({
      kind: 'rate',
      polarity: 'lower',
      nationalReference: 327,
    });
    expect(await handle.db.$count(paymentTitles)).toBe(11);
  });

  it('keeps an administrator rename across a re-seed', async () => {
    await handle.db
      .update(paymentTitles)
      .set({ nameNl: 'Praktijkondersteuning management' })
      .where(eq(paymentTitles.code, 'OI-1A'));
    await seedCatalogues(handle.db);
    const [row] = await handle.db.select().from(paymentTitles).where(eq(paymentTitles.code, 'OI-1A'));
    expect(row?.nameNl).toBe('Praktijkondersteuning management');
  });

  it('accepts a valid observation', async () => {
    await handle.db.insert(observations).values(obs({}));
    expect(await handle.db.$count(observations)).toBe(1);
  });

  it.each([
    ['a negative numerator', obs({ numerator: -1, period: '2025-Q2' }), 'observations_numerator_nonnegative'],
    [
      'a zero denominator',
      obs({ denominator: 0, numerator: 0, period: '2025-Q2' }),
      'observations_denominator_positive',
    ],
    [
      'a numerator above the denominator',
      obs({ numerator: 101, period: '2025-Q2' }),
      'observations_proportion_within_denominator',
    ],
    ['a malformed period', obs({ period: '2025-Q5' }), 'observations_period_valid'],
    ['a kind that does not match the KPI', obs({ kind: 'rate', period: '2025-Q2' }), 'observations_kpi_fk'],
    [
      'a second current value for the same cell',
      obs({ numerator: 81, version: 2 }),
      'observations_current_unique',
    ],
    [
      'a ratio without expected value',
      obs({ kpiCode: 'KO-06', kind: 'ratio', period: '2025-Q2', numerator: 5, denominator: 4 }),
      'observations_expected_for_ratio',
    ],
  ])('refuses %s with a clear explanation', async (_what, row, constraint) => {
    const error = await refusal(() => handle.db.insert(observations).values(row));
    expect(error.constraint).toBe(constraint);
    expect(error.explanation.nl.length).toBeGreaterThan(10);
    expect(error.explanation.en.length).toBeGreaterThan(10);
  });

  it('allows rates above their denominator (events can exceed person-years)', async () => {
    await handle.db
      .insert(observations)
      .values(obs({ kpiCode: 'KO-01', kind: 'rate', numerator: 900, denominator: 625, period: '2025-Q3' }));
  });

  it('refuses an AGB code on an insurer and a duplicate code', async () => {
    const bad = await refusal(() =>
      handle.db
        .insert(organisations)
        .values({ id: 'i1', kind: 'insurer', name: 'X', codeSystem: 'AGB', code: '01000002' }),
    );
    expect(bad.constraint).toBe('organisations_code_valid');
    const dup = await refusal(() =>
      handle.db.insert(organisations).values({
        id: 'p2',
        kind: 'practice',
        name: 'Dubbel',
        codeSystem: 'AGB',
        code: '01000001',
        quadrant: 'Q1',
      }),
    );
    expect(dup.constraint).toBe('organisations_code_unique');
  });

  it('keeps the audit log append-only', async () => {
    await handle.db.insert(auditLog).values({ actorLabel: 'test', action: 'read', entity: 'observation' });
    const causeOf = (e: unknown) => String((e as Error).cause);
    const update = await handle.db.update(auditLog).set({ action: 'changed' }).catch(causeOf);
    const remove = await handle.db.delete(auditLog).catch(causeOf);
    expect(update).toMatch(/audit_log is append-only: UPDATE is not allowed/);
    expect(remove).toMatch(/audit_log is append-only: DELETE is not allowed/);
    expect(await handle.db.$count(auditLog)).toBe(1);
  });

  it('refuses a custom KPI code in the wrong format', async () => {
    const [existing] = await handle.db.select().from(kpiDefinitions).limit(1);
    const error = await refusal(() =>
      handle.db.insert(kpiDefinitions).values({ ...existing!, code: 'bad code' }),
    );
    expect(error.constraint).toBe('kpi_definitions_code_format');
  });

  it('runs on the engine chosen by DATABASE_URL', async () => {
    const [row] = await queryRows<{ v: string }>(handle.db, sql`select version() as v`);
    expect(row?.v).toMatch(/PostgreSQL/);
    expect(handle.engine).toBe(process.env.DATABASE_URL ? 'postgres' : 'pglite');
  });
});
