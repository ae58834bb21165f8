import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulate, type Agreement } from '@kwadrant/domain/agreements';
import { loadAgreement, settlementInputsFor } from '@kwadrant/db';
import { createTestApp, type Session, type TestApp } from '../test/harness';
import { MIN_ANONYMOUS } from './impact';

// Every insurer of the demo co-finances every collaborative and region agreement, so each may name all
// collaboratives and regions, but no practice: practices are where anonymity shows.
const COLLAB = 'agr-col-001-001-2025';
const PRACTICES = ['pra-00001', 'pra-00003', 'pra-00004', 'pra-00005', 'pra-00006', 'pra-00007'];

let t: TestApp;
let insurer: Session;
let practice: Session;
let admin: Session;

beforeAll(async () => {
  t = await createTestApp();
  [insurer, practice, admin] = await Promise.all([
    t.signIn('verzekeraar@kwadrant.demo'),
    t.signIn('praktijk@kwadrant.demo'),
    t.signIn('beheer@kwadrant.demo'),
  ]);
}, 120_000);
afterAll(() => t.close());

const body = async (res: Response) => (await res.json()) as any;
const sum = (xs: readonly number[]) => xs.reduce((a, x) => a + x, 0);
const analyse = (request: Record<string, unknown>, session = insurer) =>
  t.call('/api/impact', session, { body: request });

/** The seeded collaborative agreement as a draft document (no id, version or status). */
async function draftOf(id: string) {
  const { id: _id, version: _v, status: _s, ...doc } = (await loadAgreement(t.db, id))!;
  return doc;
}

describe('impact analysis', () => {
  it('sums per organisation to the insurer total at every shift, and better results never pay less', async () => {
    const res = await analyse({ agreementId: COLLAB });
    expect(res.status).toBe(200);
    const result = await body(res);
    expect(result.quarters).toEqual(['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3']);
    expect(result.shifts.map((s: any) => s.shift)).toEqual([-0.05, 0, 0.05]);
    for (const s of result.shifts) {
      const totals = s.organisations.map((o: any) => o.total);
      expect(s.summary.insurerTotal).toBe(sum(totals));
      expect(s.summary.insurerTotal).toBe(sum(s.perQuarter.map((q: any) => q.summary.insurerTotal)));
      expect(s.summary.moneyAtRisk).toBe(sum(s.organisations.map((o: any) => o.atRisk)));
      expect(s.summary.organisations).toBe(totals.length);
      const { min, p10, median, p90, max } = s.summary.distribution;
      expect([min, p10, median, p90, max]).toEqual([...[min, p10, median, p90, max]].sort((a, b) => a - b));
      expect([min, max]).toEqual([Math.min(...totals), Math.max(...totals)]);
      for (const o of s.organisations) {
        expect(o.total).toBe(o.guaranteed + o.conditional + o.bonus - o.malus + o.sharedSavings);
        expect(o.attainment).toHaveLength(4);
      }
    }
    // The default selection: every Q1 collaborative the insurer may name, all by name.
    const [worse, base, better] = result.shifts;
    expect(base.organisations.length).toBeGreaterThan(5);
    expect(base.organisations.every((o: any) => o.named && o.organisationId?.startsWith('col-'))).toBe(true);
    base.organisations.forEach((o: any, i: number) => {
      expect(better.organisations[i].total).toBeGreaterThanOrEqual(o.total);
      expect(worse.organisations[i].total).toBeLessThanOrEqual(o.total);
      expect(o.changeVsBaseline).toBe(0);
    });
    expect(worse.summary.losing + worse.summary.gaining).toBeLessThanOrEqual(worse.summary.organisations);
  });

  it('gives each quarter exactly the domain’s simulate', async () => {
    const result = await body(await analyse({ agreementId: COLLAB, periods: 2, shifts: [0, 0.1] }));
    const agreement: Agreement = {
      ...(await loadAgreement(t.db, COLLAB))!,
      period: { start: '2026-Q2', end: '2026-Q3' },
    };
    const ids = result.shifts[0].organisations.map((o: any) => o.organisationId as string);
    const units = await Promise.all(
      ids.map(async (id: string) => ({
        organisationId: id,
        inputs: await settlementInputsFor(
          t.db,
          { ...agreement, organisation: { ...agreement.organisation, id } },
          '2026-Q3',
        ),
      })),
    );
    const expected = simulate(agreement, units, [0, 0.1]);
    expected.shifts.forEach((s, i) => {
      expect(result.shifts[i].perQuarter[1]).toEqual({ period: '2026-Q3', summary: s.summary });
    });
  });

  it('shows organisations outside the scope only anonymously, in a group of at least five', async () => {
    const doc = { ...(await draftOf(COLLAB)), organisation: { id: 'pra-00002', quadrant: 'Q1' } };
    const res = await analyse({ agreement: doc, organisationIds: ['col-001-001', ...PRACTICES], periods: 1 });
    expect(res.status).toBe(200);
    const rows = (await body(res)).shifts[1].organisations;
    expect(rows[0]).toMatchObject({
      label: 'Huisartsen Plaats 1 I',
      organisationId: 'col-001-001',
      named: true,
    });
    const anonymous = rows.slice(1);
    expect(anonymous.map((o: any) => o.label)).toEqual(PRACTICES.map((_, i) => `Organisatie ${i + 1}`));
    expect(anonymous.every((o: any) => o.organisationId === null && !o.named)).toBe(true);
    expect(JSON.stringify(anonymous)).not.toMatch(/pra-0/);

    const few = await analyse({ agreement: doc, organisationIds: PRACTICES.slice(0, MIN_ANONYMOUS - 1) });
    expect(few.status).toBe(422);
    expect((await body(few)).errors[0]).toMatchObject({ path: 'organisationIds', code: 'too-few-anonymous' });
    // By default only organisations the caller may name are analysed; an insurer names no practice.
    const none = await analyse({ agreement: doc });
    expect(none.status).toBe(422);
    expect((await body(none)).errors[0].path).toBe('organisationIds');
    // An administrator names everyone.
    const all = await body(await analyse({ agreement: doc, organisationIds: PRACTICES, periods: 1 }, admin));
    expect(all.shifts[0].organisations.every((o: any) => o.named)).toBe(true);
  });

  it('compares two scenarios: both results and b − a per shift and organisation', async () => {
    const doc = await draftOf(COLLAB);
    const richer = { ...doc, lines: doc.lines.map((l) => ({ ...l, tariffCents: l.tariffCents + 10 })) };
    const res = await t.call('/api/impact/compare', insurer, {
      body: { a: { agreementId: COLLAB, periods: 2 }, b: { agreement: richer, periods: 2 } },
    });
    expect(res.status).toBe(200);
    const { a, b, differences } = await body(res);
    expect(differences.map((d: any) => d.shift)).toEqual([-0.05, 0, 0.05]);
    differences.forEach((d: any, i: number) => {
      expect(d.insurerTotal).toBe(b.shifts[i].summary.insurerTotal - a.shifts[i].summary.insurerTotal);
      expect(d.insurerTotal).toBeGreaterThan(0);
      expect(sum(d.organisations.map((o: any) => o.delta))).toBe(d.insurerTotal);
      expect(d.organisations).toHaveLength(a.shifts[i].organisations.length);
    });
  });

  it('is for insurers and administrators, on agreements they may see, with valid requests', async () => {
    expect((await analyse({ agreementId: COLLAB }, practice)).status).toBe(403);
    // An agreement of 8103 alone is invisible to 8101.
    const doc = {
      ...(await draftOf('agr-col-003-001-2025')),
      coInsurers: [],
      period: { start: '2030-Q1', end: '2030-Q4' },
    };
    const created = await body(await t.call('/api/agreements', admin, { body: doc }));
    expect((await analyse({ agreementId: created.id })).status).toBe(404);
    expect((await analyse({ agreementId: COLLAB, agreement: doc })).status).toBe(400);
    expect((await analyse({ agreementId: COLLAB, periods: 9 })).status).toBe(400);
    const invalid = await analyse({ agreement: { ...doc, atRiskShare: 2 } });
    expect(invalid.status).toBe(422);
    expect((await body(invalid)).errors.map((e: any) => e.path)).toContain('atRiskShare');
  });
});
