/*
 * Figures measured in-process against the national database: benchmark materialisation, incremental
 * refresh after a small import, a one-million-row import, settling a quarter, and an impact analysis.
 * Everything the bench writes is removed again, so the cached national database stays as seeded.
 */
import { sql } from 'drizzle-orm';
import { runImport, hashOf, chunks } from '@kwadrant/api/imports';
import {
  agbCodes,
  listKpis,
  loadSettlementContext,
  preloadFigures,
  queryRows,
  refreshBenchmarks,
  settlementInputsFor,
  simulationUnits,
  type Db,
} from '@kwadrant/db';
import { settle, simulate, type Agreement } from '@kwadrant/domain/agreements';
import { quartersBetween } from '@kwadrant/domain/model';
import { figure, timed, type Figure } from './measure';

const BENCH_FILE = 'kwadrant-bench-';
const LAST_QUARTER = '2026-Q3';

/** Removes what an interrupted bench may have left: its imports, their observations and benchmarks. */
export async function removeBenchImports(db: Db): Promise<void> {
  const batches = await queryRows<{ id: number }>(
    db,
    sql`select id from import_batches where file_name like ${BENCH_FILE + '%'}`,
  );
  if (batches.length === 0) return;
  const ids = batches.map((b) => b.id);
  const periods = await queryRows<{ period: string }>(
    db,
    sql`select distinct period from observations where batch_id in ${ids}`,
  );
  await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    await t.execute(sql`
      create temp table bench_cells on commit drop as
      select distinct organisation_id, kpi_code, period from observations where batch_id in ${ids}`);
    await t.execute(sql`delete from observations where batch_id in ${ids}`);
    await t.execute(sql`delete from import_batches where id in ${ids}`);
    // Cells the bench corrected: the latest version that remains becomes current again.
    await t.execute(sql`
      update observations o set superseded_at = null
      from (select b.organisation_id, b.kpi_code, b.period, max(x.version) as version
            from bench_cells b join observations x using (organisation_id, kpi_code, period)
            group by 1, 2, 3) m
      where o.organisation_id = m.organisation_id and o.kpi_code = m.kpi_code and o.period = m.period
        and o.version = m.version`);
  });
  const future = periods.map((p) => p.period).filter((p) => p > LAST_QUARTER);
  if (future.length > 0) await db.execute(sql`delete from benchmarks where period in ${future}`);
  const touched = periods.map((p) => p.period).filter((p) => p <= LAST_QUARTER);
  if (touched.length > 0) {
    const kpis = await listKpis(db);
    await refreshBenchmarks(
      db,
      touched.flatMap((period) => kpis.map((k) => ({ kpiCode: k.code, period }))),
    );
  }
}

interface Practice {
  agb: string;
  id: string;
}

async function practices(db: Db): Promise<Practice[]> {
  const codes = await agbCodes(db, 'all');
  const ids = new Set(
    (await queryRows<{ id: string }>(db, sql`select id from organisations where kind = 'practice'`)).map(
      (r) => r.id,
    ),
  );
  return [...codes].filter(([, id]) => ids.has(id)).map(([agb, id]) => ({ agb, id }));
}

/** An observations CSV as a GP information system would deliver it. */
function observationsCsv(
  rows: number,
  list: readonly Practice[],
  kpis: readonly { code: string; kind: string }[],
  firstPeriod: string,
  salt: number,
): Uint8Array {
  const lines = ['agb;kpi;periode;teller;noemer;verwacht'];
  const periods = quartersBetween(firstPeriod, '2099-Q4');
  let i = 0;
  outer: for (const period of periods)
    for (const kpi of kpis)
      for (const p of list) {
        if (i++ >= rows) break outer;
        const denominator = 50 + ((i * 7 + salt) % 400);
        const numerator = (i * 13 + salt) % denominator;
        const expected = kpi.kind === 'ratio' ? String(denominator * 0.9).replace('.', ',') : '';
        lines.push(`${p.agb};${kpi.code};${period};${numerator};${denominator};${expected}`);
      }
  return new TextEncoder().encode(lines.join('\n') + '\n');
}

async function importCsv(db: Db, bytes: Uint8Array, name: string) {
  const report = await runImport(db, {
    kind: 'observations',
    fileName: `${BENCH_FILE}${name}`,
    open: () => chunks(bytes),
    contentHash: hashOf(bytes),
    mode: 'commit',
    organisations: 'all',
    importedBy: null,
    organisationId: null,
    now: new Date(),
  });
  if (report.status !== 'committed')
    throw new Error(`bench import ${name} was ${report.status}: ${JSON.stringify(report.issues.slice(0, 3))}`);
  return report;
}

export interface DatabaseOptions {
  engine: 'pglite' | 'postgres';
  runs: number;
  importRows: number;
  only: (id: string) => boolean;
  log: (message: string) => void;
}

export async function databaseFigures(db: Db, o: DatabaseOptions): Promise<Figure[]> {
  const out: Figure[] = [];
  await removeBenchImports(db);
  const kpis = await listKpis(db);
  const list = await practices(db);
  o.log(`national database: ${list.length.toLocaleString('en')} practices, ${kpis.length} KPIs`);

  if (o.only('benchmarks-full')) {
    o.log('full benchmark materialisation…');
    const samples = await timed(o.runs, () => refreshBenchmarks(db));
    const [rows] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from benchmarks`);
    out.push(
      figure(
        {
          id: 'benchmarks-full',
          label: 'full benchmark materialisation',
          unit: 'ms',
          goal: o.engine === 'postgres' ? 5_000 : 10_000,
          better: 'lower',
          note: `${rows?.n.toLocaleString('en')} benchmark rows (every KPI × quarter × grouping)`,
        },
        samples,
      ),
    );
  }

  if (o.only('benchmarks-incremental')) {
    o.log('incremental refresh after one practice-quarter…');
    const practice = list[Math.floor(list.length / 2)]!;
    const samples = await timed(Math.max(o.runs, 5), (run) =>
      importCsv(db, observationsCsv(kpis.length, [practice], kpis, LAST_QUARTER, run + 1), `incremental-${run}`),
    );
    await removeBenchImports(db);
    out.push(
      figure(
        {
          id: 'benchmarks-incremental',
          label: 'import one practice-quarter incl. benchmark refresh',
          unit: 'ms',
          goal: 200,
          better: 'lower',
          note: `${kpis.length} corrected rows for one practice in ${LAST_QUARTER}`,
        },
        samples,
      ),
    );
  }

  if (o.only('import')) {
    o.log(`observations import, ${o.importRows.toLocaleString('en')} rows…`);
    const rates: number[] = [];
    for (let run = 0; run < o.runs; run++) {
      const bytes = observationsCsv(o.importRows, list, kpis, '2030-Q1', run);
      const started = performance.now();
      const report = await importCsv(db, bytes, `import-${run}`);
      const seconds = (performance.now() - started) / 1000;
      rates.push(report.imported / seconds);
      o.log(`  run ${run + 1}: ${report.imported.toLocaleString('en')} rows in ${seconds.toFixed(1)} s`);
      await removeBenchImports(db);
    }
    out.push(
      figure(
        {
          id: 'import',
          label: `observations CSV import, ${(o.importRows / 1e6).toLocaleString('en')} M rows`,
          unit: 'rows/s',
          goal: o.engine === 'postgres' ? 100_000 : 30_000,
          better: 'higher',
          note: 'parse + validate + versioned write + benchmark refresh of the touched KPI × quarters, one transaction',
        },
        rates,
      ),
    );
  }

  if (o.only('settle-all')) {
    o.log('settle every agreement for a quarter…');
    const documents = (
      await queryRows<{ document: Agreement }>(
        db,
        sql`select distinct on (agreement_id) document from agreement_versions order by agreement_id, version desc`,
      )
    )
      .map((r) => r.document)
      .filter((a) => a.period.start <= LAST_QUARTER && a.period.end >= LAST_QUARTER);
    let settled = 0;
    const samples = await timed(o.runs, async () => {
      const context = await loadSettlementContext(db);
      const codes = new Set<string>();
      const quarters = new Set<string>([LAST_QUARTER]);
      for (const a of documents) {
        for (const c of a.clauses) {
          codes.add(c.kpiCode);
          if (c.scoring.type === 'improvement')
            for (const q of quartersBetween(c.scoring.baselinePeriod, c.scoring.baselinePeriod)) quarters.add(q);
        }
        for (const b of a.bonusMalus ?? []) codes.add(b.kpiCode);
        if (a.sharedSavings) codes.add(a.sharedSavings.costKpiCode);
      }
      const source = await preloadFigures(db, [...codes], [...quarters]);
      settled = 0;
      for (const a of documents) {
        settle(a, await settlementInputsFor(db, a, LAST_QUARTER, context, source));
        settled++;
      }
    });
    out.push(
      figure(
        {
          id: 'settle-all',
          label: `settle every agreement for ${LAST_QUARTER}`,
          unit: 'ms',
          goal: 2_000,
          better: 'lower',
          note: `${settled.toLocaleString('en')} agreements running in ${LAST_QUARTER}, inputs read set-based, settled by the domain`,
        },
        samples,
      ),
    );
  }

  if (o.only('impact')) {
    o.log('impact analysis over every practice, 8 quarters…');
    const [draft] = await queryRows<{ document: Agreement }>(
      db,
      sql`select v.document from agreement_versions v join organisations o on o.id = v.document->'organisation'->>'id'
          where o.kind = 'practice' or o.kind = 'collaborative' order by v.agreement_id, v.version desc limit 1`,
    );
    if (!draft) throw new Error('no agreement to analyse');
    const quarters = quartersBetween('2024-Q4', LAST_QUARTER);
    const ids = list.map((p) => p.id);
    const samples = await timed(o.runs, async () => {
      const context = await loadSettlementContext(db);
      // As the impact route does: the agreement re-targeted to the analysed quarters.
      const agreement = { ...draft.document, period: { start: quarters[0]!, end: quarters.at(-1)! } };
      const units = await simulationUnits(db, agreement, ids, quarters, context);
      for (const u of units) simulate(agreement, u, [-0.05, 0, 0.05]);
    });
    out.push(
      figure(
        {
          id: 'impact',
          label: 'impact analysis, one draft × every practice × 8 quarters',
          unit: 'ms',
          goal: 1_000,
          better: 'lower',
          note: `${ids.length.toLocaleString('en')} practices, ${draft.document.clauses.length} clauses, 3 result shifts`,
        },
        samples,
      ),
    );
  }
  return out;
}
