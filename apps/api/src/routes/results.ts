import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { KpiDefinition } from '@kwadrant/domain/catalogue';
import {
  lastQuarters,
  periodEndDate,
  type Confidence,
  type ObservationFigures,
} from '@kwadrant/domain/model';
import {
  compareToBenchmark,
  estimate,
  funnelCurve,
  percentRank,
  trendTestFromFigures,
  type Estimate,
} from '@kwadrant/domain/stats';
import {
  agreementTargets,
  benchmarkRows,
  canName,
  currentObservations,
  isOwn,
  listKpis,
  organisationTree,
  peerGroupById,
  rollUpFigures,
  suppressInGroups,
  isSmallCount,
  type AccessScope,
  type BenchmarkRecord,
  type Db,
  type OrganisationTree,
} from '@kwadrant/db';
import type { AppEnv } from '../http/types';
import { HttpProblem, notFound } from '../http/problem';
import { PeriodParam, json, problemResponses } from '../http/schemas';
import { audit } from '../http/audit';
import { requireCaller, scopeOf } from '../auth/middleware';

const ConfidenceQuery = z
  .enum(['0.95', '0.998'])
  .default('0.95')
  .transform((v) => Number(v) as Confidence);
const BenchmarkChoice = z.enum(['national', 'region', 'collaborative', 'target']);
type BenchmarkChoiceT = z.infer<typeof BenchmarkChoice>;
const ComparisonSchema = z.enum(['better', 'similar', 'worse', 'not-compared']);
const TrendSchema = z.enum(['increasing', 'decreasing', 'no-change', 'insufficient-data']);

const ValueSchema = z
  .object({
    value: z.number().nullable(),
    lower: z.number().nullable(),
    upper: z.number().nullable(),
    numerator: z.number().nullable(),
    denominator: z.number().nullable(),
    /** Why the figures are hidden, if they are: a count below 10 outside the owner's view, or to protect one. */
    suppressed: z.enum(['small-number', 'complementary']).nullable(),
  })
  .openapi('KpiValue');

const TileSchema = z
  .object({
    kpiCode: z.string(),
    current: ValueSchema,
    benchmark: z.object({ kind: BenchmarkChoice, value: z.number().nullable(), label: z.string() }),
    comparison: ComparisonSchema,
    trend: TrendSchema,
    target: z.number().nullable(),
    targetSource: z.enum(['agreement', 'catalogue']).nullable(),
    belowMinimum: z.boolean(),
  })
  .openapi('KpiTile');

const OverviewSchema = z
  .object({
    organisationId: z.string(),
    period: z.string(),
    confidence: z.number(),
    dataDate: z.string().nullable(),
    tiles: z.array(TileSchema),
  })
  .openapi('Overview');

const TrendPointSchema = z.object({
  period: z.string(),
  own: ValueSchema,
  peer: z.object({ p10: z.number(), p50: z.number(), p90: z.number(), value: z.number() }).nullable(),
});

const TrendResponseSchema = z
  .object({
    kpiCode: z.string(),
    organisationId: z.string(),
    benchmark: BenchmarkChoice,
    target: z.number().nullable(),
    trend: z.object({ direction: TrendSchema, chi2: z.number().nullable(), pValue: z.number().nullable() }),
    points: z.array(TrendPointSchema),
  })
  .openapi('KpiTrend');

const FunnelPointSchema = z.object({
  organisationId: z.string().nullable(),
  label: z.string(),
  own: z.boolean(),
  x: z.number().nullable(),
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  suppressed: z.enum(['small-number', 'complementary']).nullable(),
});

const FunnelLimitSchema = z.object({
  x: z.number(),
  lower95: z.number(),
  upper95: z.number(),
  lower998: z.number(),
  upper998: z.number(),
  adjustedLower95: z.number(),
  adjustedUpper95: z.number(),
  adjustedLower998: z.number(),
  adjustedUpper998: z.number(),
});

const FunnelSchema = z
  .object({
    kpiCode: z.string(),
    period: z.string(),
    grouping: z.enum(['national', 'region', 'collaborative', 'peer-group']),
    groupId: z.string(),
    target: z.number(),
    xMeasure: z.enum(['denominator', 'expected', 'person-years']),
    phi: z.number().nullable(),
    tau2: z.number().nullable(),
    points: z.array(FunnelPointSchema),
    limits: z.array(FunnelLimitSchema),
  })
  .openapi('Funnel');

const CellSchema = z.object({
  kpiCode: z.string(),
  value: z.number().nullable(),
  lower: z.number().nullable(),
  upper: z.number().nullable(),
  comparison: ComparisonSchema,
  percentile: z.number().nullable(),
  baselineValue: z.number().nullable(),
  suppressed: z.enum(['small-number', 'complementary']).nullable(),
});

const ComparisonGridSchema = z
  .object({
    regionId: z.string(),
    period: z.string(),
    baseline: z.string().nullable(),
    /** The benchmark of the verdicts and percentiles: the region, or one of its peer groups. */
    peerGroup: z.object({ id: z.number().int(), name: z.string() }).nullable(),
    kpis: z.array(z.string()),
    benchmarks: z.record(z.string(), z.number()),
    rows: z.array(
      z.object({
        organisationId: z.string().nullable(),
        label: z.string(),
        kind: z.enum(['practice', 'collaborative']),
        collaborativeId: z.string().nullable(),
        cells: z.array(CellSchema),
      }),
    ),
  })
  .openapi('ComparisonGrid');

const nullable = (n: number | undefined) => (n === undefined || !Number.isFinite(n) ? null : n);

/** Value and interval of figures for a KPI, or nulls when the figures cannot give one. */
function valueOf(
  kpi: KpiDefinition,
  figures: ObservationFigures | undefined,
  confidence: Confidence,
): Estimate | null {
  if (!figures || !(figures.denominator > 0)) return null;
  if (kpi.kind === 'ratio' && !((figures.expected ?? figures.denominator) > 0)) return null;
  return estimate(kpi.kind, figures, { confidence, multiplier: kpi.multiplier });
}

type Hidden = 'small-number' | 'complementary' | null;
/** Looks up whether a caller must not see an organisation's counts for a KPI and period. */
type HiddenLookup = (organisationId: string, kpiCode: string, period: string) => Hidden;

/**
 * Small-number suppression for everything under the given regions, as the caller sees it: each region
 * and each of its collaboratives is a group whose total may be visible, so hidden counts are protected in
 * all of them at once (domain guide §8). Organisation-level yes/no facts (OR-*) are not patient counts.
 */
async function hiddenLookup(
  db: Db,
  tree: OrganisationTree,
  scope: AccessScope,
  kpis: readonly KpiDefinition[],
  periods: readonly string[],
  regionIds: readonly string[],
): Promise<HiddenLookup> {
  const counted = kpis.filter((k) => k.domain !== 'organisatie');
  const groups = new Map<string, string[]>();
  for (const region of regionIds) {
    groups.set(region, tree.practicesUnder(region));
    for (const member of tree.members(region)) {
      if (tree.organisations.get(member)?.kind === 'collaborative')
        groups.set(member, tree.practicesUnder(member));
    }
  }
  const practices = [...new Set([...groups.values()].flat())];
  const rows = await currentObservations(db, {
    organisationIds: practices,
    kpiCodes: counted.map((k) => k.code),
    periods,
  });
  const verdicts = new Map<string, Hidden>();
  for (const kpi of counted) {
    for (const period of periods) {
      const units = rows.filter((r) => r.kpiCode === kpi.code && r.period === period);
      const { units: hidden, groups: hiddenGroups } = suppressInGroups(units, groups, scope);
      for (const [id, reason] of hidden) verdicts.set(`${id}|${kpi.code}|${period}`, reason);
      for (const id of hiddenGroups) verdicts.set(`${id}|${kpi.code}|${period}`, 'complementary');
    }
  }
  return (organisationId, kpiCode, period) => verdicts.get(`${organisationId}|${kpiCode}|${period}`) ?? null;
}

/** The region(s) an organisation's figures belong to, for suppression. */
const regionsOf = (tree: OrganisationTree, organisationId: string): string[] => {
  if (tree.organisations.get(organisationId)?.kind === 'region') return [organisationId];
  const region = tree.ancestor(organisationId, 'region');
  return region ? [region] : [];
};

/** The figures as the caller may see them: hidden when suppressed (never for the owner's own view). */
function shown(
  scope: AccessScope,
  organisationId: string,
  kpi: KpiDefinition,
  figures: ObservationFigures | undefined,
  confidence: Confidence,
  hidden: Hidden,
): z.infer<typeof ValueSchema> {
  if (!figures)
    return { value: null, lower: null, upper: null, numerator: null, denominator: null, suppressed: null };
  const own = isOwn(scope, organisationId);
  const reason =
    own || kpi.domain === 'organisatie' ? null : (hidden ?? (isSmallCount(figures) ? 'small-number' : null));
  if (reason)
    return { value: null, lower: null, upper: null, numerator: null, denominator: null, suppressed: reason };
  const e = valueOf(kpi, figures, confidence);
  return {
    value: nullable(e?.value),
    lower: nullable(e?.lower),
    upper: nullable(e?.upper),
    numerator: figures.numerator,
    denominator: figures.denominator,
    suppressed: null,
  };
}

/**
 * A unit's verdict against a benchmark value, with the KPI's own polarity, kind, minimum and multiplier.
 * Means are not compared: a score's interval needs sums of squares the benchmark does not hold.
 */
function compareKpi(
  kpi: KpiDefinition,
  figures: ObservationFigures,
  reference: number,
  confidence: Confidence,
) {
  if (kpi.kind === 'mean') return 'not-compared' as const;
  return compareToBenchmark(
    { count: figures.numerator, denominator: figures.denominator, expected: figures.expected },
    reference,
    {
      polarity: kpi.polarity,
      confidence,
      kind: kpi.kind,
      minDenominator: kpi.minDenominator,
      multiplier: kpi.multiplier,
    },
  );
}

/** Which materialised benchmark a choice means for an organisation. */
function benchmarkGroup(tree: OrganisationTree, organisationId: string, choice: BenchmarkChoiceT) {
  const kind = tree.organisations.get(organisationId)?.kind;
  if (choice === 'national' || choice === 'target') return { grouping: 'national' as const, groupId: '' };
  if (choice === 'region') {
    const region = kind === 'region' ? null : tree.ancestor(organisationId, 'region');
    if (!region) throw badBenchmark(choice);
    return { grouping: 'region' as const, groupId: region };
  }
  const collaborative = kind === 'practice' ? tree.ancestor(organisationId, 'collaborative') : null;
  if (!collaborative) throw badBenchmark(choice);
  return { grouping: 'collaborative' as const, groupId: collaborative };
}

const badBenchmark = (choice: string) =>
  new HttpProblem(400, 'Invalid request', `The benchmark "${choice}" does not exist for this organisation.`, {
    detailNl: `De vergelijking "${choice}" bestaat niet voor deze organisatie.`,
    errors: [
      {
        path: 'benchmark',
        message: `no ${choice} above this organisation`,
        messageNl: `geen ${choice} boven deze organisatie`,
      },
    ],
  });

async function loadContext(db: Db, organisationId: string, scope: AccessScope, period: string) {
  if (!canName(scope, organisationId)) throw notFound('organisation', organisationId);
  const tree = await organisationTree(db, periodEndDate(period));
  if (!tree.organisations.has(organisationId)) throw notFound('organisation', organisationId);
  const kpis = await listKpis(db);
  return { tree, kpis };
}

const targetsFor = async (db: Db, tree: OrganisationTree, organisationId: string, period: string) => {
  // Agreements of the organisation itself or of any organisation above it set its targets.
  const above = ['collaborative', 'region']
    .map((k) => tree.ancestor(organisationId, k as 'region'))
    .filter((x): x is string => !!x);
  const rows = await agreementTargets(db, [organisationId, ...above], period);
  return new Map(rows.map((r) => [r.kpiCode, r.target]));
};

const overview = createRoute({
  method: 'get',
  path: '/organisations/{id}/overview',
  tags: ['results'],
  summary: 'KPI tiles for one organisation and quarter: value, interval, comparison, trend and target',
  middleware: [requireCaller()] as const,
  request: {
    params: z.object({ id: z.string().max(64) }),
    query: z.object({
      period: PeriodParam,
      benchmark: BenchmarkChoice.default('region'),
      confidence: ConfidenceQuery,
    }),
  },
  responses: {
    200: json(OverviewSchema, 'The overview'),
    400: problemResponses[400],
    401: problemResponses[401],
    404: problemResponses[404],
  },
});

const trend = createRoute({
  method: 'get',
  path: '/organisations/{id}/kpis/{code}/trend',
  tags: ['results'],
  summary: 'A KPI over the quarters with the peer band (p10–p90), target and test for trend',
  middleware: [requireCaller()] as const,
  request: {
    params: z.object({ id: z.string().max(64), code: z.string().max(16) }),
    query: z.object({
      period: PeriodParam,
      quarters: z.coerce.number().int().min(2).max(20).default(8),
      benchmark: BenchmarkChoice.default('region'),
      confidence: ConfidenceQuery,
    }),
  },
  responses: {
    200: json(TrendResponseSchema, 'The trend'),
    400: problemResponses[400],
    401: problemResponses[401],
    404: problemResponses[404],
  },
});

const funnel = createRoute({
  method: 'get',
  path: '/kpis/{code}/funnel',
  tags: ['results'],
  summary: 'Funnel plot data: practices against precision, with plain and overdispersion-adjusted limits',
  middleware: [requireCaller()] as const,
  request: {
    params: z.object({ code: z.string().max(16) }),
    query: z.object({
      period: PeriodParam,
      grouping: z.enum(['national', 'region', 'collaborative', 'peer-group']).default('national'),
      groupId: z.string().max(64).default(''),
    }),
  },
  responses: {
    200: json(FunnelSchema, 'The funnel'),
    400: problemResponses[400],
    401: problemResponses[401],
    404: problemResponses[404],
  },
});

const comparison = createRoute({
  method: 'get',
  path: '/regions/{id}/comparison',
  tags: ['results'],
  summary: "Every practice and collaborative of a region × every KPI, compared with the region's benchmark",
  middleware: [requireCaller()] as const,
  request: {
    params: z.object({ id: z.string().max(64) }),
    query: z.object({
      period: PeriodParam,
      baseline: PeriodParam.optional(),
      peerGroup: z.coerce.number().int().min(1).optional(),
      domain: z
        .enum(['kwaliteit', 'doelmatigheid', 'toegankelijkheid', 'patientervaring', 'organisatie'])
        .optional(),
      confidence: ConfidenceQuery,
    }),
  },
  responses: {
    200: json(ComparisonGridSchema, 'The grid'),
    400: problemResponses[400],
    401: problemResponses[401],
    404: problemResponses[404],
  },
});

/** KPI results: overviews, trends, funnels and the regional comparison grid. */
export function resultRoutes() {
  return new OpenAPIHono<AppEnv>()
    .openapi(overview, async (c) => {
      const { id } = c.req.valid('param');
      const { period, benchmark, confidence } = c.req.valid('query');
      const { db } = c.var.deps;
      const scope = await scopeOf(c);
      const { tree, kpis } = await loadContext(db, id, scope, period);
      const quarters = lastQuarters(period, 5);
      const practices = tree.practicesUnder(id);
      const rows = await currentObservations(db, { organisationIds: [id, ...practices], periods: quarters });
      const figures = rollUpFigures(id, rows);
      const group = benchmarkGroup(tree, id, benchmark);
      const bench = new Map(
        (await benchmarkRows(db, { ...group, periods: [period] })).map((b) => [b.kpiCode, b]),
      );
      const targets = await targetsFor(db, tree, id, period);
      const hidden = isOwn(scope, id)
        ? () => null
        : await hiddenLookup(db, tree, scope, kpis, [period], regionsOf(tree, id));
      const tiles = kpis.map((kpi) => {
        const current = figures.get(`${kpi.code}|${period}`);
        const target = targets.get(kpi.code) ?? kpi.defaultTarget;
        const reference = benchmark === 'target' ? target : (bench.get(kpi.code)?.value ?? null);
        const view = shown(scope, id, kpi, current, confidence, hidden(id, kpi.code, period));
        const compared =
          current && reference !== null && view.suppressed === null
            ? compareKpi(kpi, current, reference, confidence)
            : 'not-compared';
        const series = quarters.map((q) => figures.get(`${kpi.code}|${q}`)).filter((f) => f !== undefined);
        const direction =
          view.suppressed === null && series.length >= 3
            ? trendTestFromFigures(kpi.kind, series, { multiplier: kpi.multiplier }).direction
            : 'insufficient-data';
        return {
          kpiCode: kpi.code,
          current: view,
          benchmark: {
            kind: benchmark,
            value: reference,
            label:
              benchmark === 'national'
                ? 'Nederland'
                : (tree.organisations.get(group.groupId)?.name ?? benchmark),
          },
          comparison: compared,
          trend: direction,
          target,
          targetSource: targets.has(kpi.code)
            ? ('agreement' as const)
            : target === null
              ? null
              : ('catalogue' as const),
          belowMinimum: !!current && current.denominator < kpi.minDenominator,
        };
      });
      await audit(c, 'read', 'overview', id, id, { period });
      return c.json(
        {
          organisationId: id,
          period,
          confidence,
          dataDate: rows.length > 0 ? periodEndDate(period) : null,
          tiles,
        },
        200,
      );
    })
    .openapi(trend, async (c) => {
      const { id, code } = c.req.valid('param');
      const { period, quarters: count, benchmark, confidence } = c.req.valid('query');
      const { db } = c.var.deps;
      const scope = await scopeOf(c);
      const { tree, kpis } = await loadContext(db, id, scope, period);
      const kpi = kpis.find((k) => k.code === code);
      if (!kpi) throw notFound('KPI', code);
      const quarters = lastQuarters(period, count);
      const rows = await currentObservations(db, {
        organisationIds: [id, ...tree.practicesUnder(id)],
        kpiCodes: [code],
        periods: quarters,
      });
      const figures = rollUpFigures(id, rows);
      const group = benchmarkGroup(tree, id, benchmark);
      const bench = new Map(
        (await benchmarkRows(db, { ...group, kpiCodes: [code], periods: quarters })).map((b) => [
          b.period,
          b,
        ]),
      );
      const target = (await targetsFor(db, tree, id, period)).get(code) ?? kpi.defaultTarget;
      const hidden = isOwn(scope, id)
        ? () => null
        : await hiddenLookup(db, tree, scope, [kpi], quarters, regionsOf(tree, id));
      const points = quarters.map((q) => {
        const b = bench.get(q);
        return {
          period: q,
          own: shown(scope, id, kpi, figures.get(`${code}|${q}`), confidence, hidden(id, code, q)),
          peer: b?.percentiles
            ? { p10: b.percentiles.p10, p50: b.percentiles.p50, p90: b.percentiles.p90, value: b.value }
            : null,
        };
      });
      const series = quarters.map((q) => figures.get(`${code}|${q}`)).filter((f) => f !== undefined);
      const suppressedAny = points.some((p) => p.own.suppressed !== null);
      const test =
        !suppressedAny && series.length >= 3
          ? trendTestFromFigures(kpi.kind, series, { multiplier: kpi.multiplier })
          : null;
      await audit(c, 'read', 'trend', `${id}/${code}`, id, { period });
      return c.json(
        {
          kpiCode: code,
          organisationId: id,
          benchmark,
          target,
          trend: {
            direction: test?.direction ?? 'insufficient-data',
            chi2: nullable(test?.chi2),
            pValue: nullable(test?.pValue),
          },
          points,
        },
        200,
      );
    })
    .openapi(funnel, async (c) => {
      const { code } = c.req.valid('param');
      const { period, grouping, groupId } = c.req.valid('query');
      const { db } = c.var.deps;
      const scope = await scopeOf(c);
      const kpi = (await listKpis(db)).find((k) => k.code === code);
      if (!kpi) throw notFound('KPI', code);
      if (kpi.kind === 'mean') {
        throw new HttpProblem(
          422,
          'No funnel for this KPI',
          `${code} is a mean score; funnel plots need counts.`,
          {
            detailNl: `${code} is een gemiddelde score; een trechterplot vraagt om aantallen.`,
          },
        );
      }
      const tree = await organisationTree(db, periodEndDate(period));
      // A peer group is seen by whoever may name the region that owns it (its board, insurers, administrators).
      const peer = grouping === 'peer-group' ? await peerGroupOf(db, groupId) : null;
      if (grouping === 'peer-group' && !(peer && canName(scope, peer.ownerId)))
        throw notFound(grouping, groupId);
      if (
        grouping !== 'national' &&
        grouping !== 'peer-group' &&
        !(tree.organisations.has(groupId) && mayViewGroup(scope, tree, groupId))
      ) {
        throw notFound(grouping, groupId);
      }
      const practices =
        grouping === 'national'
          ? [...tree.organisations.values()].filter((o) => o.kind === 'practice').map((o) => o.id)
          : peer
            ? peer.organisationIds
            : tree.practicesUnder(groupId);
      const [bench] = await benchmarkRows(db, { grouping, groupId, kpiCodes: [code], periods: [period] });
      if (!bench) throw notFound('benchmark', `${code} ${period} ${grouping} ${groupId}`);
      const units = (
        await currentObservations(db, { organisationIds: practices, kpiCodes: [code], periods: [period] })
      ).filter((u) => u.denominator >= kpi.minDenominator);
      const regions = [...new Set(units.flatMap((u) => regionsOf(tree, u.organisationId)))];
      const hidden = await hiddenLookup(db, tree, scope, [kpi], [period], regions);
      const visible = units.map((u) => {
        const reason = isOwn(scope, u.organisationId)
          ? null
          : (hidden(u.organisationId, code, period) ?? (isSmallCount(u) ? 'small-number' : null));
        return reason
          ? { ...u, numerator: null, denominator: null, suppressed: reason }
          : { ...u, suppressed: null };
      });
      const target = kpi.kind === 'ratio' ? 1 : bench.value;
      // Rates are plotted against person-years, with limits from the Poisson funnel of O given E = target × PY.
      const perPerson = kpi.kind === 'rate' ? target / kpi.multiplier : 1;
      const xOf = (u: ObservationFigures) =>
        kpi.kind === 'ratio' ? (u.expected ?? u.denominator) : u.denominator;
      let anonymous = 0;
      const points = visible.map((u, i) => {
        const named = canName(scope, u.organisationId);
        const raw = units[i]!;
        return {
          organisationId: named ? u.organisationId : null,
          label: named
            ? (tree.organisations.get(u.organisationId)?.name ?? u.organisationId)
            : `Praktijk ${++anonymous}`,
          own: isOwn(scope, u.organisationId),
          x: u.suppressed ? null : xOf(raw),
          value: u.suppressed
            ? null
            : estimate(kpi.kind, raw, { confidence: 0.95, multiplier: kpi.multiplier }).value,
          numerator: u.numerator,
          denominator: u.denominator,
          suppressed: u.suppressed,
        };
      });
      const xs = units.map(xOf).filter((x) => x > 0);
      const limits =
        xs.length === 0
          ? []
          : funnelLimits(
              kpi,
              target,
              perPerson,
              [Math.min(...xs) * 0.8, Math.max(...xs) * 1.2],
              bench.tau2 ?? 0,
            );
      await audit(c, 'read', 'funnel', code, grouping === 'national' ? null : (peer?.ownerId ?? groupId), {
        period,
        grouping,
        groupId,
      });
      return c.json(
        {
          kpiCode: code,
          period,
          grouping,
          groupId,
          target,
          xMeasure:
            kpi.kind === 'ratio'
              ? ('expected' as const)
              : kpi.kind === 'rate'
                ? ('person-years' as const)
                : ('denominator' as const),
          phi: bench.phi,
          tau2: bench.tau2,
          points,
          limits,
        },
        200,
      );
    })
    .openapi(comparison, async (c) => {
      const { id } = c.req.valid('param');
      const { period, baseline, domain, confidence, peerGroup } = c.req.valid('query');
      const { db } = c.var.deps;
      const scope = await scopeOf(c);
      const { tree, kpis: all } = await loadContext(db, id, scope, period);
      if (tree.organisations.get(id)?.kind !== 'region') throw notFound('region', id);
      const peer = peerGroup === undefined ? null : await peerGroupById(db, peerGroup);
      if (peerGroup !== undefined && peer?.ownerId !== id) throw notFound('peer group', String(peerGroup));
      const kpis = all.filter((k) => !domain || k.domain === domain);
      const codes = kpis.map((k) => k.code);
      const collaboratives = tree
        .members(id)
        .filter((m) => tree.organisations.get(m)?.kind === 'collaborative');
      const practices = tree.practicesUnder(id);
      const periods = baseline ? [period, baseline] : [period];
      const rows = await currentObservations(db, { organisationIds: practices, kpiCodes: codes, periods });
      const bench = new Map(
        (
          await benchmarkRows(db, {
            ...(peer
              ? { grouping: 'peer-group', groupId: String(peer.id) }
              : { grouping: 'region', groupId: id }),
            kpiCodes: codes,
            periods: [period],
          })
        ).map((b) => [b.kpiCode, b]),
      );
      const byKey = new Map(rows.map((r) => [`${r.organisationId}|${r.kpiCode}|${r.period}`, r]));
      const hiddenOf = await hiddenLookup(db, tree, scope, kpis, [period], [id]);
      const hidden = new Map<string, Hidden>();
      for (const orgId of [...practices, ...collaboratives]) {
        for (const kpi of kpis) {
          const reason =
            kpi.domain === 'organisatie' || isOwn(scope, orgId) ? null : hiddenOf(orgId, kpi.code, period);
          if (reason) hidden.set(`${orgId}|${kpi.code}`, reason);
        }
      }
      const values = new Map(
        kpis.map((kpi) => [
          kpi.code,
          rows
            .filter(
              (r) =>
                r.kpiCode === kpi.code &&
                r.period === period &&
                (!peer || peer.organisationIds.includes(r.organisationId)) &&
                r.denominator >= kpi.minDenominator &&
                !hidden.has(`${r.organisationId}|${kpi.code}`),
            )
            .map((r) => valueOf(kpi, r, confidence)?.value)
            .filter((v): v is number => v !== undefined),
        ]),
      );
      const cellsFor = (
        orgId: string,
        unitRows: (id: string, code: string, p: string) => ObservationFigures | undefined,
      ) =>
        kpis.map((kpi) => {
          const figures = unitRows(orgId, kpi.code, period);
          const reason = hidden.get(`${orgId}|${kpi.code}`) ?? null;
          const e = reason ? null : valueOf(kpi, figures, confidence);
          const reference = bench.get(kpi.code)?.value;
          const base = baseline ? valueOf(kpi, unitRows(orgId, kpi.code, baseline), confidence) : null;
          return {
            kpiCode: kpi.code,
            value: nullable(e?.value),
            lower: nullable(e?.lower),
            upper: nullable(e?.upper),
            comparison:
              figures && e && reference !== undefined
                ? compareKpi(kpi, figures, reference, confidence)
                : ('not-compared' as const),
            percentile:
              e && (values.get(kpi.code)?.length ?? 0) > 0
                ? percentRank(values.get(kpi.code)!, e.value)
                : null,
            baselineValue: reason ? null : nullable(base?.value),
            suppressed: reason,
          };
        });
      const practiceFigures = (orgId: string, code: string, p: string) => byKey.get(`${orgId}|${code}|${p}`);
      const collabFigures = new Map(
        collaboratives.map((cid) => [
          cid,
          rollUpFigures(
            cid,
            rows.filter((r) => tree.practicesUnder(cid).includes(r.organisationId)),
          ),
        ]),
      );
      let anonymous = 0;
      const label = (orgId: string) =>
        canName(scope, orgId) ? (tree.organisations.get(orgId)?.name ?? orgId) : `Praktijk ${++anonymous}`;
      const grid = [
        ...collaboratives.map((cid) => ({
          organisationId: canName(scope, cid) ? cid : null,
          label: label(cid),
          kind: 'collaborative' as const,
          collaborativeId: null,
          cells: cellsFor(cid, (orgId, code, p) => collabFigures.get(orgId)?.get(`${code}|${p}`)),
        })),
        ...practices.map((pid) => ({
          organisationId: canName(scope, pid) ? pid : null,
          label: label(pid),
          kind: 'practice' as const,
          collaborativeId: tree.ancestor(pid, 'collaborative'),
          cells: cellsFor(pid, practiceFigures),
        })),
      ];
      await audit(c, 'read', 'comparison', id, id, {
        period,
        baseline: baseline ?? null,
        peerGroup: peer?.id ?? null,
      });
      return c.json(
        {
          regionId: id,
          period,
          baseline: baseline ?? null,
          peerGroup: peer ? { id: peer.id, name: peer.name } : null,
          kpis: codes,
          benchmarks: Object.fromEntries([...bench].map(([k, b]) => [k, b.value])),
          rows: grid,
        },
        200,
      );
    });
}

/** A peer group by the funnel's text id, or null when the id is not a peer group's. */
const peerGroupOf = (db: Db, groupId: string) =>
  /^\d{1,9}$/.test(groupId) ? peerGroupById(db, Number(groupId)) : Promise.resolve(null);

/** Whether the caller may look at a group's distribution: groups they belong to, contain or may name. */
function mayViewGroup(scope: AccessScope, tree: OrganisationTree, groupId: string): boolean {
  if (canName(scope, groupId)) return true;
  const own = scope.caller.organisationId;
  if (!own) return false;
  return tree.ancestor(own, 'collaborative') === groupId || tree.ancestor(own, 'region') === groupId;
}

/** Funnel limits at 95 % and 99.8 %, plain and τ²-adjusted, on the KPI's own value scale. */
function funnelLimits(
  kpi: KpiDefinition,
  target: number,
  perPerson: number,
  range: [number, number],
  tau2: number,
) {
  const kind = kpi.kind === 'proportion' ? 'proportion' : 'ratio';
  const scaleX = kpi.kind === 'rate' ? perPerson : 1;
  const toValue = kpi.kind === 'rate' ? target : 1;
  const funnelTarget = kpi.kind === 'proportion' ? target : 1;
  const xr: [number, number] = [
    Math.max(range[0] * scaleX, 1e-6),
    Math.max(range[1] * scaleX, range[0] * scaleX * 1.01, 2e-6),
  ];
  const c95 = funnelCurve(kind, funnelTarget, xr, 0.95, 60, tau2);
  const c998 = funnelCurve(kind, funnelTarget, xr, 0.998, 60, tau2);
  return c95.map((p, i) => {
    const q = c998[i]!;
    return {
      x: p.precision / scaleX,
      lower95: p.lower * toValue,
      upper95: p.upper * toValue,
      lower998: q.lower * toValue,
      upper998: q.upper * toValue,
      adjustedLower95: p.adjustedLower * toValue,
      adjustedUpper95: p.adjustedUpper * toValue,
      adjustedLower998: q.adjustedLower * toValue,
      adjustedUpper998: q.adjustedUpper * toValue,
    };
  });
}

export type { BenchmarkRecord };
