import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../test/harness';

let t: TestApp;
let practice: Session;
let admin: Session;
let me: { organisation: { id: string; code: string } };
let otherAgb: string;

beforeAll(async () => {
  t = await createTestApp();
  practice = await t.signIn('praktijk@kwadrant.demo');
  admin = await t.signIn('beheer@kwadrant.demo');
  me = (await (await t.call('/api/auth/me', practice)).json()) as any;
  const all = (await (await t.call('/api/organisations?kind=practice&limit=5', admin)).json()) as any;
  otherAgb = all.items.find((o: any) => o.id !== me.organisation.id).code;
}, 120_000);
afterAll(() => t.close());

async function upload(
  session: Session,
  csv: string,
  mode: string,
  name = 'waarden.csv',
  kind = 'observations',
) {
  const form = new FormData();
  form.set('file', new File([csv], name, { type: 'text/csv' }));
  const res = await t.app.request(`/api/imports/${kind}?mode=${mode}`, {
    method: 'POST',
    body: form,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
  });
  return { status: res.status, body: (await res.json()) as any };
}

const overview = async () =>
  (
    (await (
      await t.call(
        `/api/organisations/${me.organisation.id}/overview?period=2026-Q3&benchmark=national`,
        practice,
      )
    ).json()) as any
  ).tiles;

describe('importing observations', () => {
  const header = 'agb;kpi;periode;teller;noemer\n';

  it('validates in a dry run, reports errors in Dutch and English, and changes nothing', async () => {
    const before = await overview();
    const csv = `${header}${me.organisation.code};DM-01;2026-Q3;150;160\n${me.organisation.code};DM-02;2026-Q3;12,5x;100\n${me.organisation.code};DM-03;2026-Q3;120;100\n`;
    const { status, body } = await upload(practice, csv, 'dry-run');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      status: 'validated',
      rowsRead: 3,
      valid: 1,
      rejected: 2,
      imported: 0,
      batchId: null,
    });
    const codes = body.issues.map((i: any) => i.code).sort();
    expect(codes).toEqual(['not-a-number', 'numerator-above-denominator']);
    const issue = body.issues.find((i: any) => i.code === 'not-a-number');
    expect(issue).toMatchObject({ row: 3, column: expect.stringMatching(/teller/) });
    expect(issue.message.nl).toMatch(/geen getal/);
    expect(issue.message.en.length).toBeGreaterThan(5);
    expect(issue.suggestion.nl.length).toBeGreaterThan(5);
    expect(await overview()).toEqual(before);
  });

  it('refuses the whole file on commit when any row is wrong, and keeps the refusal in the history', async () => {
    const csv = `${header}${me.organisation.code};DM-01;2026-Q3;150;160\n${me.organisation.code};DM-03;2026-Q3;120;100\n`;
    const before = await overview();
    const { body } = await upload(practice, csv, 'commit', 'fout.csv');
    expect(body).toMatchObject({ status: 'rejected', imported: 0 });
    expect(await overview()).toEqual(before);
    const history = (await (await t.call('/api/imports', practice)).json()) as any;
    expect(history.items[0]).toMatchObject({ fileName: 'fout.csv', status: 'rejected', errorCount: 1 });
    const report = await t.call(`/api/imports/${body.batchId}/errors.csv`, practice);
    const bytes = new Uint8Array(await report.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toMatch(/numerator-above-denominator/);
  });

  it('refuses rows for an organisation that is not the caller’s own', async () => {
    const { body } = await upload(practice, `${header}${otherAgb};DM-01;2026-Q3;150;160\n`, 'dry-run');
    expect(body.issues.map((i: any) => i.code)).toEqual(['unknown-organisation']);
  });

  it('commits a correction as a new version, refreshes benchmarks, and is idempotent on re-import', async () => {
    const tile = (tiles: any[]) => tiles.find((x: any) => x.kpiCode === 'DM-01').current;
    const before = tile(await overview());
    const csv = `${header}${me.organisation.code};DM-01;2026-Q3;${before.denominator - 1};${before.denominator}\n`;
    const first = await upload(practice, csv, 'commit', 'correctie.csv');
    expect(first.body).toMatchObject({ status: 'committed', imported: 1, corrected: 1, inserted: 0 });
    expect(first.body.benchmarksRefreshed).toBeGreaterThan(0);
    expect(tile(await overview()).numerator).toBe(before.denominator - 1);
    const again = await upload(practice, csv, 'commit', 'correctie.csv');
    expect(again.body).toMatchObject({ status: 'duplicate', batchId: first.body.batchId, imported: 0 });
    // The same values under another name: everything unchanged, nothing written.
    const renamed = await upload(practice, `${csv}`.replace('\n', '\r\n'), 'commit', 'kopie.csv');
    expect(renamed.body).toMatchObject({ status: 'committed', imported: 0, unchanged: 1 });
  });

  it('imports only the valid rows when asked explicitly', async () => {
    const csv = `${header}${me.organisation.code};CO-01;2026-Q3;40;50\n${me.organisation.code};CO-02;2026-Q3;60;50\n`;
    const { body } = await upload(practice, csv, 'commit-valid', 'half.csv');
    expect(body).toMatchObject({ status: 'committed', valid: 1, rejected: 1, imported: 1 });
  });

  it('exports FHIR MeasureReports that import back to the same figures', async () => {
    const res = await t.call(
      `/api/organisations/${me.organisation.id}/measure-reports?from=2026-Q2&to=2026-Q3`,
      practice,
    );
    expect(res.status).toBe(200);
    const bundle = (await res.json()) as any;
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    expect(bundle.entry.length).toBeGreaterThan(50);
    const dryRun = await upload(practice, JSON.stringify(bundle), 'dry-run', 'export.json', 'fhir');
    expect(dryRun.body.issues.filter((i: any) => i.severity === 'error')).toEqual([]);
    expect(dryRun.body.valid).toBe(bundle.entry.length);
    // Importing one's own export changes nothing: every figure is already stored.
    const commit = await upload(practice, JSON.stringify(bundle), 'commit', 'export.json', 'fhir');
    expect(commit.body).toMatchObject({ status: 'committed', imported: 0, unchanged: bundle.entry.length });
  });

  it('imports Vektis open data and serves standardised cost ratios per municipality', async () => {
    const name = 'Vektis Open Databestand Zorgverzekeringswet 2020 - gemeente.csv';
    const csv = readFileSync(
      new URL(`../../../../packages/ingest/test/fixtures/${name}`, import.meta.url),
      'latin1',
    );
    const imported = await upload(admin, csv, 'commit', name, 'vektis');
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ status: 'committed', kind: 'vektis' });
    expect(imported.body.imported).toBeGreaterThan(0);
    const costs = (await (await t.call('/api/costs/municipalities?year=2020', practice)).json()) as any;
    expect(costs.years).toContain('2020');
    const hospital = costs.rows.filter((r: any) => r.careType === 'medisch_specialistische_zorg');
    expect(hospital.length).toBeGreaterThan(1);
    for (const r of hospital) {
      expect(r.costsPerInsuredYear).toBeGreaterThan(0);
      expect(r.standardisedRatio).toBeGreaterThan(0.3);
      expect(r.standardisedRatio).toBeLessThan(3);
    }
    // Indirect standardisation on the file itself: observed and expected totals agree.
    const o = hospital.reduce((a: number, r: any) => a + r.costs, 0);
    const e = hospital.reduce((a: number, r: any) => a + r.expected, 0);
    expect(o / e).toBeCloseTo(1, 6);
    const again = await upload(admin, csv, 'commit', name, 'vektis');
    expect(again.body.status).toBe('duplicate');
  });

  it('keeps open-data imports for administrators', async () => {
    const { status } = await upload(
      practice,
      'x',
      'dry-run',
      'Vektis Open Databestand Zorgverzekeringswet 2021 - gemeente.csv',
      'vektis',
    );
    expect(status).toBe(403);
  });
});
