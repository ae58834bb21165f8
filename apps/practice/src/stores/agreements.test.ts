import { describe, expect, it, vi } from 'vitest';
import { answers, json, problem, setupStores } from '../test/api-mock';
import {
  COLLABORATIVE,
  PRACTICE,
  REGION,
  SISTER,
  agreementDetail,
  agreementSummary,
  settlementResult,
} from '../test/fixtures';
import { projectable, useAgreementsStore } from './agreements';

const page = (items: unknown[]) => json({ items, total: items.length, limit: 200, offset: 0 });

describe('projectable', () => {
  it('is true for agreed or settled agreements running in the quarter', () => {
    const a = { status: 'agreed' as const, period: { start: '2025-Q1', end: '2026-Q4' } };
    expect(projectable(a, '2026-Q3')).toBe(true);
    expect(projectable(a, '2027-Q1')).toBe(false);
    expect(projectable({ ...a, status: 'draft' }, '2026-Q3')).toBe(false);
    expect(projectable({ ...a, status: 'settled' }, '2025-Q1')).toBe(true);
  });
});

describe('useAgreementsStore', () => {
  it('lists the agreements that cover an organisation, not those of a sister practice', async () => {
    const list = answers(
      page([
        agreementSummary('own', PRACTICE),
        agreementSummary('collab', COLLABORATIVE),
        agreementSummary('region', REGION),
        agreementSummary('sister', SISTER),
      ]),
    );
    setupStores({ api: { agreements: { $get: list } } });
    const store = useAgreementsStore();
    await store.load();
    expect(list).toHaveBeenCalledWith({ query: { limit: '200', sort: 'period' } });
    const own = [COLLABORATIVE.id, PRACTICE.id, SISTER.id];
    expect(store.covering(PRACTICE.id, [COLLABORATIVE.id], own).map((a) => a.id)).toEqual([
      'own',
      'collab',
      'region',
    ]);
    expect(store.covering(COLLABORATIVE.id, [REGION.id], own).map((a) => a.id)).toEqual(['collab', 'region']);
  });

  it('projects the current quarter from what-if’s actual settlement, for running agreements only', async () => {
    const detail = answers(json(agreementDetail('collab')));
    const whatIf = answers(
      json({ actual: settlementResult(5_076_367, 0.93), projected: settlementResult(5_166_350, 1) }),
    );
    setupStores({ api: { agreements: { ':id': { $get: detail, 'what-if': { $post: whatIf } } } } });
    const store = useAgreementsStore();
    await store.projectAll(
      [agreementSummary('collab', COLLABORATIVE), agreementSummary('draft', REGION, 'draft')] as never,
      '2026-Q3',
    );
    expect(whatIf).toHaveBeenCalledTimes(1);
    expect(whatIf).toHaveBeenCalledWith({
      param: { id: 'collab' },
      json: { period: '2026-Q3', values: { 'DM-02': 0.65 } },
    });
    expect(store.projections.collab?.total).toBe(5_076_367);
    expect(store.projections.draft).toBeUndefined();
    expect(store.projectedTotal).toBe(5_076_367);
  });

  it('marks an agreement without clauses as not projectable, and a failed projection as null', async () => {
    const whatIf = answers(problem(422, 'Cannot settle.', 'Kan niet afrekenen.'));
    setupStores({ api: { agreements: { ':id': { 'what-if': { $post: whatIf } } } } });
    const store = useAgreementsStore();
    await store.project({ id: 'lines-only', clauseKpi: null, clauseTarget: null }, '2026-Q3');
    await store.project({ id: 'broken', clauseKpi: 'DM-02', clauseTarget: 0.6 }, '2026-Q3');
    expect(store.projections).toEqual({ 'lines-only': null, broken: null });
    expect((store.projectionErrors.broken as { detailNl: string }).detailNl).toBe('Kan niet afrekenen.');
  });

  it('runs a what-if with the values given and keeps the answer or the problem', async () => {
    const whatIf = vi
      .fn()
      .mockResolvedValueOnce(
        json({
          period: '2026-Q3',
          substituted: [],
          actual: settlementResult(1, 0.5),
          projected: settlementResult(2, 0.6),
          difference: { total: 1 },
        }),
      )
      .mockResolvedValueOnce(
        problem(422, 'DM-09 is not in the agreement.', 'DM-09 zit niet in de afspraak.'),
      );
    setupStores({ api: { agreements: { ':id': { 'what-if': { $post: whatIf } } } } });
    const store = useAgreementsStore();
    await store.whatIf('collab', '2026-Q3', { 'DM-02': 0.75 });
    expect(whatIf).toHaveBeenCalledWith({
      param: { id: 'collab' },
      json: { period: '2026-Q3', values: { 'DM-02': 0.75 } },
    });
    expect(store.whatIfResult?.projected.total).toBe(2);
    await store.whatIf('collab', '2026-Q3', { 'DM-09': 0.5 });
    expect(store.whatIfResult).toBeNull();
    expect((store.whatIfError as { detailNl: string }).detailNl).toBe('DM-09 zit niet in de afspraak.');
    expect(store.whatIfLoading).toBe(false);
  });

  it('loads one agreement and forgets an earlier what-if', async () => {
    setupStores({ api: { agreements: { ':id': { $get: answers(json(agreementDetail('collab'))) } } } });
    const store = useAgreementsStore();
    store.whatIfResult = { period: 'x' } as never;
    await store.loadDetail('collab');
    expect(store.detail?.document.clauses[0]?.kpiCode).toBe('DM-02');
    expect(store.whatIfResult).toBeNull();
  });
});
