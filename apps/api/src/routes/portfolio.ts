import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { KpiDefinition } from '@kwadrant/domain/catalogue';
import {
  addQuarters,
  lastQuarters,
  periodEndDate,
  quarterOfDate,
  type ObservationFigures,
} from '@kwadrant/domain/model';
import {
  adjustedFunnelLimits,
  estimate,
  funnelCurve,
  trendTestFromFigures,
  type TrendResult,
} from '@kwadrant/domain/stats';
import {
  agreementVisibility,
  benchmarkRows,
  canName,
  latestDataQuarter,
  listKpis,
  organisationSeries,
  organisationTree,
  portfolioAgreements,
  type AgreementHead,
} from '@kwadrant/db';
import type { AppEnv } from '../http/types';
import { HttpProblem, notFound } from '../http/problem';
import { PeriodParam, json, problemResponses } from '../http/schemas';
import { audit } from '../http/audit';
import { requireCaller, scopeOf } from '../auth/middleware';
import { accessTo } from './agreements';

/*
 * The insurer's portfolio: attainment and drift alerts per agreement, and cost containment (standardised
 * cost ratios with the overdispersion-adjusted funnel and the shared-savings position). Every judgement is
 * a statistical test from @kwadrant/domain/stats, never a raw difference:
 * - "below target": the clause's interval (at the clause's confidence) lies wholly on the worse side;
 * - "drifting": the χ² test for linear trend over the last five quarters is significant in the worse direction.
 * Standardised cost ratios are in euros (no Poisson interval), so they are judged only in the funnel with
 * τ²-adjusted limits (domain README, "Known limits").
 */

const STATUS = z.enum(['draft', 'proposed', 'agreed', 'settled']);
const QUADRANT = z.enum(['Q1', 'Q2', 'Q3', 'Q4']);
const TrendSchema = z.enum(['increasing', 'decreasing', 'no-change', 'insufficient-data']);
const TARGET_POSITION = z.enum(['meets', 'uncertain', 'below', 'no-data', 'not-tested']);

const ClauseResultSchema = z
  .object({
    clauseId: z.string(),
    kpiCode: z.string(),
    target: z.number(),
    threshold: z.number().nullable(),
    weight: z.number(),
    confidence: z.number(),
    value: z.number().nullable(),
    lower: z.number().nullable(),
    upper: z.number().nullable(),
    /** Where the interval lies against the target: wholly on the better side, across it, wholly worse. */
    position: TARGET_POSITION,
    trend: z.object({
      direction: TrendSchema,
      pValue: z.number().nullable(),
      /** The trend is significant and points in the KPI's worse direction. */
      worsening: z.boolean(),
    }),
    alert: z.enum(['below-target', 'drifting']).nullable(),
    /** Values per quarter of `quarters`, for a sparkline. */
    series: z.array(z.number().nullable()),
  })
  .openapi('PortfolioClause');

const PortfolioItemSchema = z
  .object({
    agreementId: z.string(),
    name: z.string(),
    status: STATUS,
    version: z.number().int(),
    access: z.enum(['admin', 'lead', 'co-insurer', 'party']),
    insurer: z.object({ code: z.string(), name: z.string() }),
    organisation: z.object({ id: z.string(), name: z.string(), kind: z.string() }),
    quadrant: QUADRANT,
    period: z.object({ start: z.string(), end: z.string() }),
    /** Attainment of the latest settlement (0–1), or null when nothing was settled yet. */
    attainment: z.number().nullable(),
    attainmentPeriod: z.string().nullable(),
    clauses: z.array(ClauseResultSchema),
    alerts: z.number().int(),
  })
  .openapi('PortfolioItem');

const PortfolioSchema = z
  .object({
    period: z.string(),
    quarters: z.array(z.string()),
    items: z.array(PortfolioItemSchema),
  })
  .openapi('PortfolioResults');

const SeriesPointSchema = z.object({
  period: z.string(),
  observed: z.number().nullable(),
  expected: z.number().nullable(),
  ratio: z.number().nullable(),
});

const FunnelPositionSchema = z.enum(['above', 'within', 'below', 'no-data']);

const CostUnitSchema = z.object({
  organisationId: z.string(),
  name: z.string(),
  kind: z.string(),
  regionId: z.string().nullable(),
  series: z.array(SeriesPointSchema),
  /** At `period`: the ratio against the τ²-adjusted funnel limits around 1 for its E. */
  latest: z.object({
    ratio: z.number().nullable(),
    expected: z.number().nullable(),
    lower95: z.number().nullable(),
    upper95: z.number().nullable(),
    lower998: z.number().nullable(),
    upper998: z.number().nullable(),
    position95: FunnelPositionSchema,
    position998: FunnelPositionSchema,
  }),
});

const CostContainmentSchema = z
  .object({
    kpiCode: z.string(),
    period: z.string(),
    quarters: z.array(z.string()),
    /** Dispersion φ and between-unit variance τ² of all practices at `period` (the national benchmark). */
    phi: z.number().nullable(),
    tau2: z.number().nullable(),
    organisations: z.array(CostUnitSchema),
    regions: z.array(CostUnitSchema),
    /** τ²-adjusted limits around O/E = 1 over the range of E (euros) of the organisations. */
    limits: z.array(
      z.object({
        x: z.number(),
        lower95: z.number(),
        upper95: z.number(),
        lower998: z.number(),
        upper998: z.number(),
      }),
    ),
    sharedSavings: z.array(
      z.object({
        agreementId: z.string(),
        organisationId: z.string(),
        name: z.string(),
        minimumSavingsRate: z.number(),
        twoSided: z.boolean(),
        observed: z.number().nullable(),
        expected: z.number().nullable(),
        /** (E − O) / E; positive is a saving. */
        savingsRate: z.number().nullable(),
        position: z.enum(['sharing', 'within-corridor', 'loss-sharing', 'loss-within-corridor', 'no-data']),
      }),
    ),
  })
  .openapi('CostContainment');

const results = createRoute({
  method: 'get',
  path: '/results',
  tags: ['portfolio'],
  summary:
    'Portfolio: attainment per agreement and, per clause, the result against its target with drift alerts from the χ² trend test',
  middleware: [requireCaller('insurer', 'admin')] as const,
  request: { query: z.object({ period: PeriodParam.optional() }) },
  responses: {
    200: json(PortfolioSchema, 'Every agreement you lead or co-finance, with its clause results'),
    400: problemResponses[400],
    401: problemResponses[401],
    403: problemResponses[403],
  },
});

const costs = createRoute({
  method: 'get',
  path: '/cost-containment',
  tags: ['portfolio'],
  summary:
    'Standardised cost ratios (O/E) of contracted organisations and their regions over time, the overdispersion-adjusted funnel and the shared-savings position',
  middleware: [requireCaller('insurer', 'admin')] as const,
  request: {
    query: z.object({
      kpi: z.enum(['KO-06', 'KO-07']).default('KO-06'),
      period: PeriodParam.optional(),
    }),
  },
  responses: {
    200: json(CostContainmentSchema, 'Cost ratios, funnel and shared-savings position'),
    400: problemResponses[400],
    401: problemResponses[401],
    403: problemResponses[403],
    404: problemResponses[404],
  },
});

const nullable = (x: number | undefined | null): number | null =>
  x === undefined || x === null || !Number.isFinite(x) ? null : x;

/** Where an interval lies against a target, by polarity: the target outside it is a significant result. */
export function targetPosition(
  polarity: KpiDefinition['polarity'],
  target: number,
  lower: number,
  upper: number,
): 'meets' | 'uncertain' | 'below' {
  if (polarity === 'lower') return upper <= target ? 'meets' : lower > target ? 'below' : 'uncertain';
  return lower >= target ? 'meets' : upper < target ? 'below' : 'uncertain';
}

/** A significant trend in the KPI's worse direction. */
export function isWorsening(polarity: KpiDefinition['polarity'], trend: TrendResult | null): boolean {
  if (!trend || polarity === 'none') return false;
  return polarity === 'higher' ? trend.direction === 'decreasing' : trend.direction === 'increasing';
}

/** O/E against adjusted limits: "above" is more costly than expected beyond the limit. */
const funnelPosition = (ratio: number | null, lower: number | null, upper: number | null) =>
  ratio === null || lower === null || upper === null
    ? ('no-data' as const)
    : ratio > upper
      ? ('above' as const)
      : ratio < lower
        ? ('below' as const)
        : ('within' as const);

async function periodOf(c: Context<AppEnv>, asked: string | undefined): Promise<string> {
  if (asked) return asked;
  // The last complete quarter, or the latest with data when the data lags behind.
  const today = c.var.deps.clock().toISOString().slice(0, 10);
  const latest = await latestDataQuarter(c.var.deps.db, addQuarters(quarterOfDate(today), -1));
  if (!latest) throw notFound('data quarter', 'latest');
  return latest;
}

async function visibleHeads(c: Context<AppEnv>) {
  const scope = await scopeOf(c);
  const { db, clock } = c.var.deps;
  const visibility = await agreementVisibility(db, scope, clock().toISOString().slice(0, 10));
  return { scope, heads: await portfolioAgreements(db, visibility) };
}

/** The portfolio: attainment, clause results and drift alerts; cost containment. */
export function portfolioRoutes() {
  return new OpenAPIHono<AppEnv>()
    .openapi(results, async (c) => {
      const { db } = c.var.deps;
      const period = await periodOf(c, c.req.valid('query').period);
      const quarters = lastQuarters(period, 5);
      const { scope, heads } = await visibleHeads(c);
      const kpis = new Map((await listKpis(db)).map((k) => [k.code, k]));
      const tree = await organisationTree(db, periodEndDate(period));
      const codes = [...new Set(heads.flatMap((h) => h.document.clauses.map((x) => x.kpiCode)))];
      const series = await organisationSeries(
        db,
        tree,
        [...new Set(heads.map((h) => h.organisation.id))],
        codes,
        quarters,
      );
      const items = heads.map((head: AgreementHead) => {
        const figures = series.get(head.organisation.id) ?? new Map<string, ObservationFigures>();
        const clauses = head.document.clauses.map((clause) => {
          const kpi = kpis.get(clause.kpiCode);
          const usable = (f: ObservationFigures | undefined): f is ObservationFigures =>
            f !== undefined && f.denominator > 0 && (kpi ? f.denominator >= kpi.minDenominator : false);
          const points = quarters.map((q) => figures.get(`${clause.kpiCode}|${q}`));
          const current = points.at(-1);
          const options = { confidence: clause.confidence, multiplier: kpi?.multiplier ?? 1000 };
          const e = kpi && usable(current) ? estimate(kpi.kind, current, options) : null;
          const lower = e && 'lower' in e ? nullable(e.lower) : null;
          const upper = e && 'upper' in e ? nullable(e.upper) : null;
          // Cost ratios are in euros: no honest interval or trend test (see the cost-containment route).
          const tested = kpi !== undefined && kpi.kind !== 'ratio' && kpi.polarity !== 'none';
          const position = !tested
            ? ('not-tested' as const)
            : e === null || lower === null || upper === null
              ? ('no-data' as const)
              : targetPosition(kpi.polarity, clause.target, lower, upper);
          const run = points.filter(usable);
          const trend =
            tested && run.length >= 3 && run.length === points.length
              ? trendTestFromFigures(kpi.kind, run, { multiplier: kpi.multiplier })
              : null;
          const worsening = tested && isWorsening(kpi.polarity, trend);
          const alert =
            position === 'below'
              ? ('below-target' as const)
              : worsening && position !== 'meets'
                ? ('drifting' as const)
                : null;
          return {
            clauseId: clause.id,
            kpiCode: clause.kpiCode,
            target: clause.target,
            threshold: clause.threshold ?? null,
            weight: clause.weight,
            confidence: clause.confidence,
            value: nullable(e?.value),
            lower,
            upper,
            position,
            trend: {
              direction: trend?.direction ?? ('insufficient-data' as const),
              pValue: nullable(trend?.pValue),
              worsening,
            },
            alert,
            series: points.map((f) =>
              kpi && usable(f) ? nullable(estimate(kpi.kind, f, options).value) : null,
            ),
          };
        });
        return {
          agreementId: head.id,
          name: head.name,
          status: head.status,
          version: head.version,
          access: accessTo(scope, head),
          insurer: { code: head.insurer.code, name: head.insurer.name },
          organisation: {
            id: head.organisation.id,
            name: head.organisation.name,
            kind: head.organisation.kind,
          },
          quadrant: head.document.organisation.quadrant,
          period: head.period,
          attainment: head.latestSettlement?.attainment ?? null,
          attainmentPeriod: head.latestSettlement?.period ?? null,
          clauses,
          alerts: clauses.filter((x) => x.alert !== null).length,
        };
      });
      await audit(c, 'read', 'portfolio', null, null, { period, agreements: items.length });
      return c.json({ period, quarters, items }, 200);
    })
    .openapi(costs, async (c) => {
      const { db } = c.var.deps;
      const query = c.req.valid('query');
      const period = await periodOf(c, query.period);
      const code = query.kpi;
      const quarters = lastQuarters(period, 8);
      const { scope, heads } = await visibleHeads(c);
      const tree = await organisationTree(db, periodEndDate(period));
      const contracted = [...new Set(heads.map((h) => h.organisation.id))].filter(
        (id) => tree.organisations.has(id) && canName(scope, id),
      );
      const regionIds = [
        ...new Set(
          contracted
            .map((id) => (tree.organisations.get(id)?.kind === 'region' ? id : tree.ancestor(id, 'region')))
            .filter((id): id is string => id !== null && canName(scope, id)),
        ),
      ];
      const ids = [...new Set([...contracted, ...regionIds])];
      const series = await organisationSeries(db, tree, ids, [code], quarters);
      const [bench] = await benchmarkRows(db, {
        grouping: 'national',
        groupId: '',
        kpiCodes: [code],
        periods: [period],
      });
      const tau2 = bench?.tau2 ?? null;
      const unitOf = (id: string) => {
        const org = tree.organisations.get(id)!;
        const points = quarters.map((q) => {
          const f = series.get(id)?.get(`${code}|${q}`);
          const expected = f ? (f.expected ?? f.denominator) : null;
          return {
            period: q,
            observed: f ? f.numerator : null,
            expected,
            ratio: f && expected && expected > 0 ? f.numerator / expected : null,
          };
        });
        const last = points.at(-1)!;
        const limits = (confidence: 0.95 | 0.998) =>
          last.expected && last.expected > 0 && tau2 !== null
            ? adjustedFunnelLimits('ratio', 1, last.expected, tau2, confidence)
            : null;
        const l95 = limits(0.95);
        const l998 = limits(0.998);
        return {
          organisationId: id,
          name: org.name,
          kind: org.kind,
          regionId: org.kind === 'region' ? id : tree.ancestor(id, 'region'),
          series: points,
          latest: {
            ratio: last.ratio,
            expected: last.expected,
            lower95: nullable(l95?.lower),
            upper95: nullable(l95?.upper),
            lower998: nullable(l998?.lower),
            upper998: nullable(l998?.upper),
            position95: funnelPosition(last.ratio, nullable(l95?.lower), nullable(l95?.upper)),
            position998: funnelPosition(last.ratio, nullable(l998?.lower), nullable(l998?.upper)),
          },
        };
      };
      const organisations = contracted.map(unitOf);
      const regions = regionIds.map(unitOf);
      const xs = [...organisations, ...regions]
        .map((o) => o.latest.expected)
        .filter((x): x is number => x !== null && x > 0);
      const limits =
        xs.length === 0 || tau2 === null
          ? []
          : (() => {
              const range: [number, number] = [Math.min(...xs) * 0.8, Math.max(...xs) * 1.2];
              const c95 = funnelCurve('ratio', 1, range, 0.95, 40, tau2);
              const c998 = funnelCurve('ratio', 1, range, 0.998, 40, tau2);
              return c95.map((p, i) => ({
                x: p.precision,
                lower95: p.adjustedLower,
                upper95: p.adjustedUpper,
                lower998: c998[i]!.adjustedLower,
                upper998: c998[i]!.adjustedUpper,
              }));
            })();
      const sharedSavings = heads
        .filter(
          (h) =>
            h.document.sharedSavings?.costKpiCode === code &&
            (h.status === 'agreed' || h.status === 'settled') &&
            canName(scope, h.organisation.id),
        )
        .map((h) => {
          const rule = h.document.sharedSavings!;
          const unit = organisations.find((o) => o.organisationId === h.organisation.id);
          const observed = unit?.latest.ratio !== null ? (unit?.series.at(-1)?.observed ?? null) : null;
          const expected = unit?.latest.expected ?? null;
          const savingsRate = observed !== null && expected ? (expected - observed) / expected : null;
          const msr = rule.minimumSavingsRate;
          const position =
            savingsRate === null
              ? ('no-data' as const)
              : savingsRate > msr
                ? ('sharing' as const)
                : savingsRate >= 0
                  ? ('within-corridor' as const)
                  : rule.twoSided && -savingsRate > msr
                    ? ('loss-sharing' as const)
                    : ('loss-within-corridor' as const);
          return {
            agreementId: h.id,
            organisationId: h.organisation.id,
            name: h.organisation.name,
            minimumSavingsRate: msr,
            twoSided: rule.twoSided,
            observed,
            expected,
            savingsRate,
            position,
          };
        });
      if (!bench && organisations.length > 0 && xs.length === 0) {
        throw new HttpProblem(404, 'Not found', `No ${code} figures for ${period}.`, {
          detailNl: `Geen cijfers voor ${code} in ${period}.`,
        });
      }
      await audit(c, 'read', 'cost-containment', code, null, { period, organisations: organisations.length });
      return c.json(
        {
          kpiCode: code,
          period,
          quarters,
          phi: nullable(bench?.phi),
          tau2,
          organisations,
          regions,
          limits,
          sharedSavings,
        },
        200,
      );
    });
}
