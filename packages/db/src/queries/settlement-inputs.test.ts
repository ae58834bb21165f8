import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agreement } from '@kwadrant/domain/agreements';
import { quartersBetween } from '@kwadrant/domain/model';
import { createTestDb } from '../test';
import type { DbHandle } from '../client';
import { agreementVersions } from '../schema';
import {
  databaseFigures,
  loadSettlementContext,
  preloadFigures,
  settlementInputsFor,
} from './settlement-inputs';

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDb('seeded');
}, 120_000);
afterAll(() => handle.close());

describe('preloaded figures', () => {
  it('give every seeded agreement exactly the inputs the query-per-question path gives', async () => {
    const { db } = handle;
    const context = await loadSettlementContext(db);
    const documents = (await db.select({ document: agreementVersions.document }).from(agreementVersions)).map(
      (r) => r.document as unknown as Agreement,
    );
    expect(documents.length).toBeGreaterThan(10);
    const codes = [...new Set(context.kpis.map((k) => k.code))];
    const quarters = quartersBetween('2025-Q1', '2026-Q3');
    const preloaded = await preloadFigures(db, codes, quarters);
    let compared = 0;
    for (const agreement of documents) {
      for (const period of ['2025-Q3', '2026-Q2', '2025']) {
        const direct = await settlementInputsFor(db, agreement, period, context, databaseFigures(db));
        const fast = await settlementInputsFor(db, agreement, period, context, preloaded);
        expect(fast).toEqual(direct);
        compared++;
      }
    }
    expect(compared).toBe(documents.length * 3);
  });

  it('falls back to the database for quarters it did not load', async () => {
    const preloaded = await preloadFigures(handle.db, ['DM-02'], ['2026-Q3']);
    const direct = databaseFigures(handle.db);
    const context = await loadSettlementContext(handle.db);
    const practice = [...context.organisations.values()].find((o) => o.kind === 'practice')!;
    expect(await preloaded.figures([practice.id], ['DM-02'], '2025-Q1')).toEqual(
      await direct.figures([practice.id], ['DM-02'], '2025-Q1'),
    );
    expect(await preloaded.patients([practice.id], '2025-Q1')).toEqual(
      await direct.patients([practice.id], '2025-Q1'),
    );
  });
});
