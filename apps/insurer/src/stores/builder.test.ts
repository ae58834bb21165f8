import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_KPIS, DEFAULT_PAYMENT_TITLES } from '@kwadrant/domain/catalogue';
import { answers, json, problem, setupStores } from '../test/api-mock';
import { AGREEMENT, detailOf } from '../test/fixtures';
import { asDocument, emptyDraft, issuesAt, nextId, useBuilderStore } from './builder';
import { useCatalogueStore } from './catalogue';

function setup(api: Record<string, unknown> = {}) {
  setupStores({ api: api });
  const catalogue = useCatalogueStore();
  catalogue.titles = DEFAULT_PAYMENT_TITLES as never;
  catalogue.kpis = DEFAULT_KPIS as never;
  catalogue.loaded = true;
  return useBuilderStore();
}

describe('builder helpers', () => {
  it('numbers new lines and clauses after the ones taken', () => {
    expect(nextId('l', [])).toBe('l1');
    expect(nextId('l', [{ id: 'l1' }, { id: 'l3' }])).toBe('l4');
    expect(nextId('c', [{ id: 'c2' }])).toBe('c3');
  });
  it('finds the issues of a part and everything under it', () => {
    const issue = (path: string) => ({
      path,
      code: 'x',
      severity: 'error' as const,
      message: { nl: '', en: '' },
    });
    const all = [
      issue('clauses[1].threshold'),
      issue('clauses[10].weight'),
      issue('clauses'),
      issue('lines[0]'),
    ];
    expect(issuesAt(all, 'clauses[1]').map((i) => i.path)).toEqual(['clauses[1].threshold']);
    expect(asDocument(emptyDraft('8101')).status).toBe('draft');
  });
});

describe('useBuilderStore', () => {
  it('validates live with the domain: titles of the wrong quadrant and weights that do not add up', () => {
    const builder = setup();
    builder.startNew('8101', 'col-002-001', 'Q1');
    expect(builder.errors).toEqual([]);
    builder.addLine('OI-1A');
    builder.addLine('OI-1B');
    builder.draft.lines[0]!.tariffCents = 250;
    builder.draft.lines[1]!.tariffCents = 175;
    builder.addClause('DM-01');
    builder.addClause('DM-02');
    builder.addClause('CO-01');
    expect(builder.draft.lines.map((l) => l.id)).toEqual(['l1', 'l2']);
    expect(builder.draft.clauses.map((c) => c.id)).toEqual(['c1', 'c2', 'c3']);
    // Weights 0 + 0 + 0: the domain's own message, in Dutch and English.
    const weights = builder.errors.find((i) => /gewichten/.test(i.message.nl));
    expect(weights?.message.en).toMatch(/weights/i);
    builder.evenWeights();
    expect(builder.draft.clauses.reduce((s, c) => s + c.weight, 0)).toBeCloseTo(1, 10);
    expect(builder.errors).toEqual([]);
    // A Q4 title in a Q1 agreement is an error, not silently accepted.
    builder.draft.lines.push({ id: 'l3', titleCode: 'OI-4A', basis: 'capitation', tariffCents: 100 });
    expect(builder.errors.some((i) => i.path.startsWith('lines[2]'))).toBe(true);
  });

  it('asks for a counterparty in words before anything else', () => {
    const builder = setup();
    builder.startNew('8101');
    expect(builder.errors[0]?.message.nl).toBe('Kies een wederpartij.');
  });

  it('creates a draft with POST and adopts what the server saved', async () => {
    const saved = { ...detailOf({ ...AGREEMENT, status: 'draft', version: 1 }), warnings: [] };
    const post = answers(json(saved, 201));
    const builder = setup({ agreements: { $post: post } });
    builder.startNew('8101', 'col-002-001', 'Q1');
    builder.name = 'Nieuwe afspraak';
    expect(await builder.save()).toBe(true);
    expect(post.mock.calls[0]![0]).toMatchObject({ json: { insurer: '8101', name: 'Nieuwe afspraak' } });
    expect(builder.detail?.id).toBe(AGREEMENT.id);
    expect(builder.dirty).toBe(false);
  });

  it('sends the version it was based on; a 409 keeps this draft, shows theirs and what they changed', async () => {
    const mine = detailOf({ ...AGREEMENT, status: 'draft', version: 2 });
    const theirs = detailOf({ ...AGREEMENT, status: 'draft', version: 3, atRiskShare: 0.2 });
    const put = answers(problem(409, 'Changed since version 2.', 'Gewijzigd sinds versie 2.'));
    const get = answers(json(mine), json(theirs));
    const diff = answers(
      json({
        agreementId: AGREEMENT.id,
        from: 2,
        to: 3,
        changes: [{ path: 'atRiskShare', change: 'changed', before: 0.15, after: 0.2 }],
      }),
    );
    const builder = setup({ agreements: { ':id': { $get: get, $put: put, diff: { $get: diff } } } });
    await builder.load(AGREEMENT.id);
    builder.draft.atRiskShare = 0.1;
    builder.touch();
    expect(await builder.save()).toBe(false);
    expect(put.mock.calls[0]![0]).toMatchObject({
      param: { id: AGREEMENT.id },
      json: { expectedVersion: 2, atRiskShare: 0.1 },
    });
    // Not merged, not overwritten: my draft stands and the conflict says what the other analyst changed.
    expect(builder.draft.atRiskShare).toBe(0.1);
    expect(builder.detail?.version).toBe(2);
    expect(builder.conflict?.problem.status).toBe(409);
    expect(builder.conflict?.problem.inLanguage('nl')).toBe('Gewijzigd sinds versie 2.');
    expect(builder.conflict?.theirs?.version).toBe(3);
    expect(diff).toHaveBeenCalledWith({ param: { id: AGREEMENT.id }, query: { from: '2', to: '3' } });
    expect(builder.conflict?.diff?.changes[0]?.path).toBe('atRiskShare');
    builder.takeTheirs();
    expect(builder.draft.atRiskShare).toBe(0.2);
    expect(builder.detail?.version).toBe(3);
    expect(builder.conflict).toBeNull();
  });

  it('moves through the workflow with the expected version', async () => {
    const draft = detailOf({ ...AGREEMENT, status: 'draft', version: 1 });
    const proposed = { ...detailOf({ ...AGREEMENT, status: 'proposed', version: 2 }), warnings: [] };
    const transition = answers(json(proposed));
    const builder = setup({
      agreements: { ':id': { $get: answers(json(draft)), transition: { $post: transition } } },
    });
    await builder.load(AGREEMENT.id);
    expect(await builder.transition('proposed')).toBe(true);
    expect(transition.mock.calls[0]![0]).toMatchObject({ json: { to: 'proposed', expectedVersion: 1 } });
    expect(builder.detail?.status).toBe('proposed');
  });

  it('reports other save failures without a conflict', async () => {
    const builder = setup({
      agreements: { $post: vi.fn(() => Promise.resolve(problem(422, 'Invalid.', 'Ongeldig.'))) },
    });
    builder.startNew('8101', 'col-002-001', 'Q1');
    expect(await builder.save()).toBe(false);
    expect(builder.conflict).toBeNull();
    expect((builder.saveError as { status: number }).status).toBe(422);
  });
});
