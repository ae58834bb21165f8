import { createHash } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settle } from '@kwadrant/domain/agreements';
import { fingerprintOf, loadAgreement, settlementInputsFor } from '@kwadrant/db';
import { auditLog, enrolledPopulation, observations } from '@kwadrant/db/schema';
import { createTestApp, type Session, type TestApp } from '../test/harness';

// The demo settles and freezes agr-col-001-001-2025 (collaborative col-001-001, lead 8101, co-insurers
// 8104, 8103, 8102) and the region's agr-reg-001-2025 (with shared savings) for 2025-Q1 … 2026-Q2.
const COLLAB = 'agr-col-001-001-2025';
const REGION = 'agr-reg-001-2025';

let t: TestApp;
let insurer: Session;
let coInsurer: Session;
let practice: Session;
let collaborative: Session;

beforeAll(async () => {
  t = await createTestApp();
  [insurer, coInsurer, practice, collaborative] = await Promise.all([
    t.signIn('verzekeraar@kwadrant.demo'),
    t.signIn('verzekeraar2@kwadrant.demo'),
    t.signIn('praktijk@kwadrant.demo'),
    t.signIn('samenwerking@kwadrant.demo'),
  ]);
}, 120_000);
afterAll(() => t.close());

const body = async (res: Response) => (await res.json()) as any;
const sum = (xs: readonly number[]) => xs.reduce((a, x) => a + x, 0);

async function settlementOf(agreementId: string, period: string, session = insurer) {
  const list = await body(
    await t.call(`/api/settlements?agreementId=${agreementId}&period=${period}`, session),
  );
  return body(await t.call(`/api/settlements/${list.items[0].id}`, session));
}

const settleNow = (agreementId: string, period: string, freeze: boolean, session = insurer) =>
  t.call('/api/settlements', session, { body: { agreementId, period, freeze } });

describe('settlement records', () => {
  it.each([
    [COLLAB, '2025-Q3'],
    [REGION, '2025-Q2'],
  ])(
    '%s %s: the amounts equal the domain’s settle to the cent and the insurers’ parts add up',
    async (id, period) => {
      const detail = await settlementOf(id, period);
      const agreement = (await loadAgreement(t.db, id))!;
      const expected = settle(agreement, await settlementInputsFor(t.db, agreement, period));
      const { result } = detail;
      for (const key of [
        'base',
        'atRisk',
        'guaranteed',
        'conditional',
        'bonus',
        'malus',
        'sharedSavings',
        'total',
      ] as const) {
        expect(result[key], key).toBe(expected[key]);
      }
      expect(result.lines.map((l: any) => l.amountCents)).toEqual(expected.lines.map((l) => l.amountCents));
      expect(result.clauses.map((c: any) => c.contributionCents)).toEqual(
        expected.clauses.map((c) => c.contributionCents),
      );
      expect(result.coInsurers).toEqual(expected.coInsurers);
      expect(result.coInsurers.map((p: any) => p.insurer)).toEqual(['8101', '8104', '8103', '8102']);
      expect(sum(result.coInsurers.map((p: any) => p.amountCents))).toBe(result.total);
      expect(sum(result.lines.map((l: any) => l.amountCents))).toBe(result.base);
      expect(sum(result.clauses.map((c: any) => c.contributionCents))).toBe(result.conditional);
      expect(detail).toMatchObject({
        agreementId: id,
        period,
        version: 1,
        frozen: true,
        totalCents: expected.total,
      });
      // Reproducible: the fingerprint is the SHA-256 of the canonical inputs, and the same data gives it again.
      expect(detail.fingerprint).toBe(fingerprintOf(expected));
      expect(createHash('sha256').update(detail.canonicalInputs).digest('hex')).toBe(detail.fingerprint);
      expect(detail.explanation.map((s: any) => s.step)).toEqual(
        detail.explanation.map((_: unknown, i: number) => i + 1),
      );
      expect(detail.explanation.at(-1)).toMatchObject({
        key: 'co-insurers',
        text: { nl: expect.stringContaining('€') },
      });
      expect(detail.inputs.period).toBe(period);
    },
  );

  it('lists an agreement’s settlement versions for everyone it covers, and nothing of a foreign one', async () => {
    const list = await body(await t.call(`/api/settlements?agreementId=${COLLAB}&limit=3`, practice));
    expect(list).toMatchObject({ total: 6, limit: 3, offset: 0 });
    expect(list.items.map((s: any) => s.period)).toEqual(['2025-Q1', '2025-Q2', '2025-Q3']);
    expect((await t.call('/api/settlements?agreementId=agr-col-001-002-2025', practice)).status).toBe(404);
    const foreign = (await body(await t.call('/api/settlements?agreementId=agr-col-001-002-2025', insurer)))
      .items[0];
    expect((await t.call(`/api/settlements/${foreign.id}`, practice)).status).toBe(404);
    expect((await t.call(`/api/settlements/${foreign.id}/export`, practice)).status).toBe(404);
    expect((await t.call('/api/settlements/999999', insurer)).status).toBe(404);
  });
});

describe('settling', () => {
  it('answers 200 with the frozen record when the inputs are unchanged', async () => {
    const before = await settlementOf(COLLAB, '2025-Q1');
    const res = await settleNow(COLLAB, '2025-Q1', true);
    expect(res.status).toBe(200);
    expect(await body(res)).toMatchObject({
      id: before.id,
      version: 1,
      created: false,
      difference: null,
      frozen: true,
    });
  });

  it('never changes a frozen settlement: corrected data makes version 2, with its difference', async () => {
    const v1 = await settlementOf(COLLAB, '2025-Q1');
    // A correction of the enrolment: 100 more patients in one practice of the collaborative.
    const [row] = await t.db
      .select()
      .from(enrolledPopulation)
      .where(and(eq(enrolledPopulation.practiceId, 'pra-00002'), eq(enrolledPopulation.period, '2025-Q1')))
      .limit(1);
    await t.db
      .update(enrolledPopulation)
      .set({ count: row!.count + 100 })
      .where(
        and(
          eq(enrolledPopulation.practiceId, row!.practiceId),
          eq(enrolledPopulation.period, row!.period),
          eq(enrolledPopulation.ageBand, row!.ageBand),
          eq(enrolledPopulation.sex, row!.sex),
        ),
      );

    const res = await settleNow(COLLAB, '2025-Q1', true);
    expect(res.status).toBe(201);
    const v2 = await body(res);
    expect(v2).toMatchObject({ version: 2, frozen: true, created: true, period: '2025-Q1' });
    expect(v2.fingerprint).not.toBe(v1.fingerprint);
    const d = v2.difference;
    expect(d.previous).toEqual({ id: v1.id, version: 1, totalCents: v1.totalCents });
    expect(d.total).toBe(v2.totalCents - v1.totalCents);
    expect(d.total).not.toBe(0);
    // Tariffs 210 and 140 cents per patient per quarter: 100 patients more.
    expect(d.lines).toEqual([
      {
        lineId: 'l1',
        before: v1.result.lines[0].amountCents,
        after: v1.result.lines[0].amountCents + 21_000,
        delta: 21_000,
      },
      {
        lineId: 'l2',
        before: v1.result.lines[1].amountCents,
        after: v1.result.lines[1].amountCents + 14_000,
        delta: 14_000,
      },
    ]);
    expect(d.base).toBe(35_000);
    expect(sum(d.coInsurers.map((x: any) => x.delta))).toBe(d.total);
    expect(sum(d.clauses.map((x: any) => x.delta))).toBe(d.conditional);

    // Version 1 is exactly as it was, and both versions are listed.
    expect(await body(await t.call(`/api/settlements/${v1.id}`, insurer))).toEqual(v1);
    const versions = await body(
      await t.call(`/api/settlements?agreementId=${COLLAB}&period=2025-Q1`, insurer),
    );
    expect(versions.items.map((s: any) => [s.version, s.frozen])).toEqual([
      [2, true],
      [1, true],
    ]);
    // Settling once more on the corrected data changes nothing.
    const again = await settleNow(COLLAB, '2025-Q1', true);
    expect(again.status).toBe(200);
    expect(await body(again)).toMatchObject({ id: v2.id, created: false });
  });

  it('freezes a provisional settlement as it is when asked again with the same inputs', async () => {
    const provisional = await settleNow('agr-col-001-002-2025', '2026-Q3', false);
    expect(provisional.status).toBe(201);
    const p = await body(provisional);
    expect(p).toMatchObject({ version: 1, frozen: false, frozenAt: null, difference: null });
    const frozen = await body(await settleNow('agr-col-001-002-2025', '2026-Q3', true));
    expect(frozen).toMatchObject({
      id: p.id,
      version: 1,
      frozen: true,
      created: false,
      totalCents: p.totalCents,
    });
    expect(frozen.frozenAt).toBe('2026-11-15T10:00:00.000Z');
  });

  it('lets only the lead settle, only agreed agreements, only periods within them', async () => {
    expect((await settleNow(COLLAB, '2026-Q3', false, coInsurer)).status).toBe(403);
    expect((await settleNow(COLLAB, '2026-Q3', false, collaborative)).status).toBe(403);
    const draft = await settleNow('agr-reg-001-2027', '2027-Q1', false);
    expect(draft.status).toBe(409);
    expect((await body(draft)).detailNl).toMatch(/concept/);
    const outside = await settleNow(COLLAB, '2024-Q4', false);
    expect(outside.status).toBe(422);
    expect(await body(outside)).toMatchObject({
      detail: expect.stringContaining('does not lie wholly within'),
      detailNl: expect.stringContaining('valt niet geheel binnen'),
    });
    const noData = await settleNow(COLLAB, '2026-Q4', false);
    expect(noData.status).toBe(422);
  });

  it('shows the inputs whole to the paying parties and hides counts below 10 from others it covers', async () => {
    // Leave one practice's CO-01 figures of 2026-Q3, and make them small: the collaborative's count is 4.
    const practices = ['pra-00001', 'pra-00003', 'pra-00004', 'pra-00005'];
    const current = and(eq(observations.kpiCode, 'CO-01'), eq(observations.period, '2026-Q3'));
    await t.db
      .update(observations)
      .set({ supersededAt: sql`now()` })
      .where(and(current, inArray(observations.organisationId, practices)));
    await t.db
      .update(observations)
      .set({ numerator: 4, denominator: 25 })
      .where(and(current, eq(observations.organisationId, 'pra-00002')));
    const settled = await body(await settleNow(COLLAB, '2026-Q3', false));
    expect(settled.inputs.observations['CO-01']).toEqual({ numerator: 4, denominator: 25 });

    const seen = async (session: Session) => body(await t.call(`/api/settlements/${settled.id}`, session));
    for (const whole of [insurer, coInsurer, collaborative]) {
      const d = await seen(whole);
      expect(d).toMatchObject({ inputsSuppressed: false, canonicalInputs: expect.any(String) });
      expect(d.inputs.observations['CO-01']).toEqual({ numerator: 4, denominator: 25 });
    }
    const byPractice = await seen(practice);
    expect(byPractice).toMatchObject({
      inputsSuppressed: true,
      canonicalInputs: null,
      fingerprint: settled.fingerprint,
    });
    expect(byPractice.inputs.observations['CO-01']).toEqual({
      numerator: null,
      denominator: null,
      suppressed: 'small-number',
    });
    expect(byPractice.inputs.observations['DM-02'].denominator).toBeGreaterThan(10);
    expect(byPractice.result).toEqual(settled.result);
  });
});

describe('finance export', () => {
  it('writes one row per line, clause and insurer amount: semicolons, decimal comma, UTF-8 with BOM', async () => {
    const detail = await settlementOf(REGION, '2025-Q3');
    const res = await t.call(`/api/settlements/${detail.id}/export?format=csv`, practice);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="afrekening-${REGION}-2025-Q3-v1.csv"`,
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text.endsWith('\r\n')).toBe(true);
    const [header, ...rows] = text
      .trimEnd()
      .split('\r\n')
      .map((line) => line.split(';'));
    expect(header).toEqual([
      'Overeenkomst',
      'Periode',
      'Afrekeningversie',
      'Onderdeel',
      'Code',
      'Omschrijving',
      'Bedrag (EUR)',
    ]);
    const { result } = detail;
    expect(rows).toHaveLength(result.lines.length + result.clauses.length + result.coInsurers.length);
    for (const row of rows) {
      expect(row.slice(0, 3)).toEqual([REGION, '2025-Q3', '1']);
      expect(row[6]).toMatch(/^-?\d+,\d{2}$/);
    }
    const cents = (part: string) =>
      sum(rows.filter((r) => r[3] === part).map((r) => Math.round(Number(r[6]!.replace(',', '.')) * 100)));
    expect(cents('betaalregel')).toBe(result.base);
    expect(cents('resultaatafspraak')).toBe(result.conditional);
    expect(cents('verzekeraar')).toBe(result.total);
    expect(rows.find((r) => r[3] === 'verzekeraar' && r[4] === '8101')![5]).toMatch(
      /hoofdverzekeraar, aandeel/,
    );
    expect(rows.find((r) => r[3] === 'resultaatafspraak')![5]).toMatch(/\(afspraak r1\)$/);
  });

  it('refuses XLSX with a clear 406 problem', async () => {
    const { id } = await settlementOf(REGION, '2025-Q3');
    const res = await t.call(`/api/settlements/${id}/export?format=xlsx`, insurer);
    expect(res.status).toBe(406);
    expect(await body(res)).toMatchObject({
      detail: expect.stringContaining('format=csv'),
      detailNl: expect.stringContaining('format=csv'),
    });
  });

  it('audits settling and exporting', async () => {
    const rows = await t.db
      .select()
      .from(auditLog)
      .where(inArray(auditLog.action, ['settle', 'export']));
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(['settle', 'export']));
    expect(rows.find((r) => r.action === 'export')).toMatchObject({
      entity: 'settlement',
      actorLabel: 'praktijk@kwadrant.demo',
    });
  });
});
