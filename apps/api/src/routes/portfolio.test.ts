import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estimate, trendTestFromFigures } from '@kwadrant/domain/stats';
import { listKpis, organisationSeries, organisationTree } from '@kwadrant/db';
import { createTestApp, type Session, type TestApp } from '../test/harness';
import { isWorsening, targetPosition } from './portfolio';

let t: TestApp;
let insurer: Session;
let insurer2: Session;
let practice: Session;

beforeAll(async () => {
  t = await createTestApp();
  [insurer, insurer2, practice] = await Promise.all([
    t.signIn('verzekeraar@kwadrant.demo'),
    t.signIn('verzekeraar2@kwadrant.demo'),
    t.signIn('praktijk@kwadrant.demo'),
  ]);
}, 120_000);
afterAll(() => t.close());

const body = async (res: Response) => (await res.json()) as any;

describe('target position and worsening', () => {
  it('reads the interval against the target by polarity', () => {
    expect(targetPosition('higher', 0.8, 0.81, 0.9)).toBe('meets');
    expect(targetPosition('higher', 0.8, 0.7, 0.79)).toBe('below');
    expect(targetPosition('higher', 0.8, 0.75, 0.85)).toBe('uncertain');
    expect(targetPosition('lower', 300, 250, 290)).toBe('meets');
    expect(targetPosition('lower', 300, 310, 350)).toBe('below');
    expect(targetPosition('lower', 300, 290, 310)).toBe('uncertain');
  });
  it('calls only a significant trend in the worse direction worsening', () => {
    const t = (direction: string) => ({ direction }) as any;
    expect(isWorsening('higher', t('decreasing'))).toBe(true);
    expect(isWorsening('higher', t('increasing'))).toBe(false);
    expect(isWorsening('lower', t('increasing'))).toBe(true);
    expect(isWorsening('higher', t('no-change'))).toBe(false);
    expect(isWorsening('none', t('decreasing'))).toBe(false);
    expect(isWorsening('higher', null)).toBe(false);
  });
});

describe('GET /api/portfolio/results', () => {
  it('lists the agreements the insurer leads or co-finances, each clause tested against its target', async () => {
    const res = await t.call('/api/portfolio/results?period=2026-Q3', insurer);
    expect(res.status).toBe(200);
    const result = await body(res);
    expect(result.quarters).toEqual(['2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3']);
    const list = await body(await t.call('/api/agreements?limit=500', insurer));
    expect(result.items.map((i: any) => i.agreementId).sort()).toEqual(
      list.items.map((i: any) => i.id).sort(),
    );
    const clauses = result.items.flatMap((i: any) => i.clauses);
    expect(clauses.length).toBeGreaterThan(0);
    for (const item of result.items) {
      expect(item.alerts).toBe(item.clauses.filter((x: any) => x.alert !== null).length);
    }
    // Every alert rests on a test: an interval wholly below the target, or a significant worsening trend.
    for (const x of clauses) {
      if (x.alert === 'below-target') expect(x.position).toBe('below');
      if (x.alert === 'drifting') {
        expect(x.trend.worsening).toBe(true);
        expect(x.trend.pValue).toBeLessThan(0.05);
      }
      if (x.position === 'meets') expect(x.alert).toBeNull();
    }
    // Cost ratios in euros are never tested with a Poisson interval.
    for (const x of clauses.filter((x: any) => x.kpiCode === 'KO-06' || x.kpiCode === 'KO-07')) {
      expect(x.position).toBe('not-tested');
      expect(x.alert).toBeNull();
    }
  });

  it('agrees with the domain: value, interval and trend of one clause recomputed from the figures', async () => {
    const result = await body(await t.call('/api/portfolio/results?period=2026-Q3', insurer));
    const item = result.items.find((i: any) =>
      i.clauses.some((x: any) => x.value !== null && x.trend.direction !== 'insufficient-data'),
    );
    const clause = item.clauses.find(
      (x: any) => x.value !== null && x.trend.direction !== 'insufficient-data',
    );
    const kpi = (await listKpis(t.db)).find((k) => k.code === clause.kpiCode)!;
    const tree = await organisationTree(t.db, '2026-09-30');
    const series = await organisationSeries(t.db, tree, [item.organisation.id], [kpi.code], result.quarters);
    const figures = result.quarters.map((q: string) =>
      series.get(item.organisation.id)!.get(`${kpi.code}|${q}`)!,
    );
    const e = estimate(kpi.kind, figures.at(-1), {
      confidence: clause.confidence,
      multiplier: kpi.multiplier,
    }) as any;
    expect(clause.value).toBeCloseTo(e.value, 12);
    expect(clause.lower).toBeCloseTo(e.lower, 12);
    expect(clause.upper).toBeCloseTo(e.upper, 12);
    const trend = trendTestFromFigures(kpi.kind, figures, { multiplier: kpi.multiplier });
    expect(clause.trend.direction).toBe(trend.direction);
  });

  it('is for insurers and administrators only', async () => {
    expect((await t.call('/api/portfolio/results', practice)).status).toBe(403);
    expect((await t.call('/api/portfolio/results', null)).status).toBe(401);
  });

  it("does not show one insurer's own-led agreements to another insurer that does not co-finance them", async () => {
    const a = await body(await t.call('/api/portfolio/results', insurer));
    const b = await body(await t.call('/api/portfolio/results', insurer2));
    const onlyA = a.items.filter((i: any) => i.access === 'lead');
    for (const item of b.items) {
      const mine = onlyA.find((x: any) => x.agreementId === item.agreementId);
      if (mine) expect(item.access).toBe('co-insurer');
    }
    const list2 = await body(await t.call('/api/agreements?limit=500', insurer2));
    expect(b.items.length).toBe(list2.total);
  });
});

describe('GET /api/portfolio/cost-containment', () => {
  it('gives O/E series per contracted organisation and region with τ²-adjusted funnel positions', async () => {
    const res = await t.call('/api/portfolio/cost-containment?kpi=KO-06&period=2026-Q3', insurer);
    expect(res.status).toBe(200);
    const r = await body(res);
    expect(r.quarters).toHaveLength(8);
    expect(r.organisations.length).toBeGreaterThan(0);
    expect(r.regions.length).toBeGreaterThan(0);
    expect(r.tau2).toBeGreaterThan(0);
    for (const o of [...r.organisations, ...r.regions]) {
      for (const p of o.series)
        if (p.ratio !== null) expect(p.ratio).toBeCloseTo(p.observed / p.expected, 12);
      if (o.latest.ratio !== null) {
        // The adjusted limits are wide (τ² dominates s² = 1/E for E in euros) and nest: 99.8 % ⊃ 95 %.
        expect(o.latest.lower998).toBeLessThan(o.latest.lower95);
        expect(o.latest.upper998).toBeGreaterThan(o.latest.upper95);
        expect(o.latest.upper95 - o.latest.lower95).toBeGreaterThan(0.01);
        const expected =
          o.latest.ratio > o.latest.upper95
            ? 'above'
            : o.latest.ratio < o.latest.lower95
              ? 'below'
              : 'within';
        expect(o.latest.position95).toBe(expected);
      }
    }
    for (const s of r.sharedSavings) {
      if (s.savingsRate === null) continue;
      expect(s.savingsRate).toBeCloseTo((s.expected - s.observed) / s.expected, 12);
      if (s.position === 'sharing') expect(s.savingsRate).toBeGreaterThan(s.minimumSavingsRate);
      else expect(s.savingsRate).toBeLessThanOrEqual(s.minimumSavingsRate);
    }
    expect(r.limits.length).toBeGreaterThan(0);
  });

  it('is for insurers and administrators only', async () => {
    expect((await t.call('/api/portfolio/cost-containment', practice)).status).toBe(403);
  });
});

describe('the default period', () => {
  it('is the last complete quarter with data', async () => {
    const r = await body(await t.call('/api/portfolio/results', insurer));
    expect(r.period).toBe('2026-Q3');
    const costs = await body(await t.call('/api/portfolio/cost-containment', insurer));
    expect(costs.period).toBe('2026-Q3');
  });
});
