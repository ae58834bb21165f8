import { createHash, randomBytes } from 'node:crypto';
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  roundCents,
  simulate,
  type Agreement,
  type SimulationResult,
} from '@kwadrant/domain/agreements';
import { addQuarters, lastQuarters, quarterOfDate } from '@kwadrant/domain/model';
import { percentiles } from '@kwadrant/domain/stats';
import {
  canName,
  latestDataQuarter,
  loadSettlementContext,
  organisationsByIds,
  providerIds,
  simulationUnits,
  type AccessScope,
  type Db,
  type SettlementContext,
} from '@kwadrant/db';
import type { AppEnv } from '../http/types';
import { HttpProblem, type FieldError } from '../http/problem';
import { json, problemResponses } from '../http/schemas';
import { audit } from '../http/audit';
import { requireCaller, scopeOf } from '../auth/middleware';
import { AgreementDraftSchema, MoneyPartsSchema, problem, settling, visibleAgreement } from './agreements';

/** Largest selection per scenario: every organisation is settled for every quarter and shift. */
const MAX_ORGANISATIONS = 200;
/**
 * Organisations outside the caller's scope appear only as anonymous members of a group of at least
 * this many, in a random order, so that no row can be tied to an organisation (domain guide §8).
 */
export const MIN_ANONYMOUS = 5;

const ImpactRequestSchema = z
  .object({
    /** A draft agreement to analyse (its organisation sets the default kind and quadrant)… */
    agreement: AgreementDraftSchema.optional(),
    /** …or an agreement you may see. */
    agreementId: z.string().min(1).max(100).optional(),
    /** Default: every organisation you may name of the same kind and quadrant as the agreement's. */
    organisationIds: z.array(z.string().min(1).max(64)).min(1).max(MAX_ORGANISATIONS).optional(),
    /** The last N quarters with data. */
    periods: z.number().int().min(1).max(8).default(4),
    /** Result shifts on each KPI's own scale in its better direction (0.05 = 5 points on a proportion). */
    shifts: z.array(z.number().min(-1_000).max(1_000)).min(1).max(9).default([-0.05, 0, 0.05]),
  })
  .refine((x) => (x.agreement === undefined) !== (x.agreementId === undefined), {
    message: 'give either agreement or agreementId',
    path: ['agreement'],
  })
  .openapi('ImpactRequest');
type ImpactRequest = z.infer<typeof ImpactRequestSchema>;

const DistributionSchema = z.object({
  min: z.number().int(),
  p10: z.number().int(),
  median: z.number().int(),
  p90: z.number().int(),
  max: z.number().int(),
});

/** The domain's summary of one quarter at one shift, across organisations. */
const QuarterSummarySchema = z.object({
  units: z.number().int(),
  insurerTotal: z.number().int(),
  distribution: DistributionSchema.nullable(),
  gainingVsBaseline: z.number().int(),
  losingVsBaseline: z.number().int(),
  gainingVsGuaranteed: z.number().int(),
  losingVsGuaranteed: z.number().int(),
  moneyAtRisk: z.number().int(),
  forfeited: z.number().int(),
});

const ImpactOrganisationSchema = MoneyPartsSchema.extend({
  /** The organisation's name, or "Organisatie N" outside your scope. */
  label: z.string(),
  organisationId: z.string().nullable(),
  named: z.boolean(),
  total: z.number().int(),
  changeVsBaseline: z.number().int(),
  /** Attainment per quarter, in the order of `quarters`. */
  attainment: z.array(z.number()),
});

const ImpactShiftSchema = z.object({
  shift: z.number(),
  /** Over the whole window: totals per organisation, summed over its quarters. */
  summary: z.object({
    organisations: z.number().int(),
    insurerTotal: z.number().int(),
    distribution: DistributionSchema.nullable(),
    gaining: z.number().int(),
    losing: z.number().int(),
    moneyAtRisk: z.number().int(),
    forfeited: z.number().int(),
  }),
  perQuarter: z.array(z.object({ period: z.string(), summary: QuarterSummarySchema })),
  organisations: z.array(ImpactOrganisationSchema),
});

const ImpactResultSchema = z
  .object({
    agreementId: z.string().nullable(),
    quadrant: z.enum(['Q1', 'Q2', 'Q3', 'Q4']),
    quarters: z.array(z.string()),
    shifts: z.array(ImpactShiftSchema),
  })
  .openapi('ImpactResult');
type ImpactResult = z.infer<typeof ImpactResultSchema>;

const CompareSchema = z
  .object({
    a: ImpactResultSchema,
    b: ImpactResultSchema,
    /** b − a, for the shifts both scenarios ran. */
    differences: z.array(
      z.object({
        shift: z.number(),
        insurerTotal: z.number().int(),
        moneyAtRisk: z.number().int(),
        forfeited: z.number().int(),
        gaining: z.number().int(),
        losing: z.number().int(),
        median: z.number().int().nullable(),
        organisations: z.array(
          z.object({
            label: z.string(),
            organisationId: z.string().nullable(),
            a: z.number().int(),
            b: z.number().int(),
            delta: z.number().int(),
          }),
        ),
      }),
    ),
  })
  .openapi('ImpactComparison');

interface Scenario {
  agreement: Agreement;
  agreementId: string | null;
  quarters: string[];
  organisations: { id: string; name: string }[];
  shifts: number[];
}

const invalid = (errors: FieldError[]) =>
  new HttpProblem(422, 'Invalid impact analysis', errors.map((e) => e.message).join(' '), {
    detailNl: errors.map((e) => e.messageNl ?? e.message).join(' '),
    errors,
  });

/** The agreement, quarters and organisations a request means, checked against the caller's scope. */
async function resolveScenario(c: Context<AppEnv>, scope: AccessScope, body: ImpactRequest, at: string) {
  const { db, clock } = c.var.deps;
  let agreement: Agreement;
  if (body.agreementId !== undefined) {
    agreement = (await visibleAgreement(c, body.agreementId)).head.document;
  } else {
    agreement = { ...body.agreement!, id: 'impact-analysis', version: 1, status: 'draft' };
  }

  // The last complete quarter, or the latest with data when the data lags behind.
  const latest = await latestDataQuarter(
    db,
    addQuarters(quarterOfDate(clock().toISOString().slice(0, 10)), -1),
  );
  if (!latest) {
    throw invalid([
      {
        path: `${at}periods`,
        message: 'There are no enrolled patients to analyse yet.',
        messageNl: 'Er zijn nog geen ingeschreven patiënten om te analyseren.',
      },
    ]);
  }
  const quarters = lastQuarters(latest, body.periods);

  let ids = body.organisationIds ? [...new Set(body.organisationIds)] : undefined;
  if (!ids) {
    const [own] = await organisationsByIds(db, [agreement.organisation.id]);
    if (!own || own.kind === 'insurer') {
      throw invalid([
        {
          path: `${at}agreement.organisation.id`,
          message: `There is no care provider "${agreement.organisation.id}"; give organisationIds instead.`,
          messageNl: `Er is geen zorgaanbieder "${agreement.organisation.id}"; geef organisationIds op.`,
        },
      ]);
    }
    ids = await providerIds(db, {
      named: scope.named,
      kind: own.kind,
      quadrant: agreement.organisation.quadrant,
    });
    if (ids.length === 0) {
      throw invalid([
        {
          path: `${at}organisationIds`,
          message: `You may name no ${own.kind} in quadrant ${agreement.organisation.quadrant}; give organisationIds.`,
          messageNl: `U mag geen ${own.kind} in kwadrant ${agreement.organisation.quadrant} bij naam zien; geef organisationIds op.`,
        },
      ]);
    }
    if (ids.length > MAX_ORGANISATIONS) {
      throw invalid([
        {
          path: `${at}organisationIds`,
          message: `Your scope has ${ids.length} such organisations; choose at most ${MAX_ORGANISATIONS} with organisationIds.`,
          messageNl: `Uw bereik heeft ${ids.length} zulke organisaties; kies er hoogstens ${MAX_ORGANISATIONS} met organisationIds.`,
        },
      ]);
    }
  }
  const rows = new Map((await organisationsByIds(db, ids)).map((r) => [r.id, r]));
  const errors: FieldError[] = [];
  ids.forEach((id, i) => {
    const row = rows.get(id);
    if (!row || row.kind === 'insurer') {
      errors.push({
        path: `${at}organisationIds[${i}]`,
        message: `There is no care provider "${id}".`,
        messageNl: `Er is geen zorgaanbieder "${id}".`,
        code: 'unknown-organisation',
      });
    }
  });
  const anonymous = ids.filter((id) => !canName(scope, id)).length;
  if (anonymous > 0 && anonymous < MIN_ANONYMOUS) {
    errors.push({
      path: `${at}organisationIds`,
      message: `${anonymous} organisation(s) are outside your scope; they are shown only anonymously in a group of at least ${MIN_ANONYMOUS}. Add more or leave them out.`,
      messageNl: `${anonymous} organisatie(s) vallen buiten uw bereik; die worden alleen anoniem getoond in een groep van minstens ${MIN_ANONYMOUS}. Voeg er meer toe of laat ze weg.`,
      code: 'too-few-anonymous',
    });
  }
  if (errors.length > 0) throw invalid(errors);
  return {
    agreement,
    agreementId: body.agreementId ?? null,
    quarters,
    organisations: ids.map((id) => ({ id, name: rows.get(id)!.name })),
    shifts: body.shifts,
  } satisfies Scenario;
}

type Label = { label: string; organisationId: string | null; named: boolean };

/**
 * Labels organisations: by name inside the caller's scope, otherwise "Organisatie N" numbered in a
 * random order drawn once per request, so labels agree between compared scenarios but say nothing.
 */
function labeller(scope: AccessScope, organisations: readonly { id: string; name: string }[]) {
  const salt = randomBytes(16);
  const names = new Map(organisations.map((o) => [o.id, o.name]));
  const anonymous = [...names.keys()]
    .filter((id) => !canName(scope, id))
    .map((id) => ({ id, key: createHash('sha256').update(salt).update(id).digest('hex') }))
    .sort((x, y) => (x.key < y.key ? -1 : 1));
  const numbers = new Map(anonymous.map((x, i) => [x.id, i + 1]));
  return (id: string): Label => {
    const n = numbers.get(id);
    return n === undefined
      ? { label: names.get(id) ?? id, organisationId: id, named: true }
      : { label: `Organisatie ${n}`, organisationId: null, named: false };
  };
}

const sum = (xs: readonly number[]) => xs.reduce((a, x) => a + x, 0);

/**
 * Runs a scenario: the agreement, re-targeted to each organisation (same lines, tariffs and clauses)
 * and to the analysed quarters as its period, is simulated by the domain quarter by quarter on each
 * organisation's recorded data. Per shift, each organisation's amounts are summed over the quarters;
 * the window's distribution uses the domain's type-7 percentiles over those sums.
 */
async function runScenario(
  db: Db,
  context: SettlementContext,
  scenario: Scenario,
  labelOf: (id: string) => Label,
): Promise<ImpactResult> {
  const { quarters, organisations, shifts } = scenario;
  const agreement: Agreement = {
    ...scenario.agreement,
    period: { start: quarters[0]!, end: quarters[quarters.length - 1]! },
  };
  const unitsByQuarter = await simulationUnits(
    db,
    agreement,
    organisations.map((o) => o.id),
    quarters,
    context,
  );
  const byQuarter: SimulationResult[] = [];
  for (const units of unitsByQuarter) {
    byQuarter.push(await settling(() => simulate(agreement, units, shifts)));
  }
  const labelled = organisations
    .map((o) => ({ id: o.id, ...labelOf(o.id) }))
    .sort(
      (x, y) => Number(y.named) - Number(x.named) || x.label.localeCompare(y.label, 'nl', { numeric: true }),
    );
  return {
    agreementId: scenario.agreementId,
    quadrant: agreement.organisation.quadrant,
    quarters,
    shifts: shifts.map((shift, i) => {
      const perQuarter = byQuarter.map((r, q) => ({ period: quarters[q]!, summary: r.shifts[i]!.summary }));
      const rows = labelled.map(({ id, ...label }) => {
        const outcomes = byQuarter.map((r) => r.shifts[i]!.units.find((u) => u.organisationId === id)!);
        const total = (pick: (o: (typeof outcomes)[number]) => number) => sum(outcomes.map(pick));
        return {
          ...label,
          total: total((o) => o.total),
          changeVsBaseline: total((o) => o.changeVsBaseline),
          base: total((o) => o.base),
          atRisk: total((o) => o.atRisk),
          guaranteed: total((o) => o.guaranteed),
          conditional: total((o) => o.conditional),
          bonus: total((o) => o.bonus),
          malus: total((o) => o.malus),
          sharedSavings: total((o) => o.sharedSavings),
          attainment: outcomes.map((o) => o.attainment),
        };
      });
      const totals = rows.map((r) => r.total);
      const [p10, median, p90] =
        totals.length > 0 ? percentiles(totals, [0.1, 0.5, 0.9]).map(roundCents) : [];
      return {
        shift,
        summary: {
          organisations: rows.length,
          insurerTotal: sum(perQuarter.map((p) => p.summary.insurerTotal)),
          distribution:
            totals.length > 0
              ? { min: Math.min(...totals), p10: p10!, median: median!, p90: p90!, max: Math.max(...totals) }
              : null,
          gaining: rows.filter((r) => r.changeVsBaseline > 0).length,
          losing: rows.filter((r) => r.changeVsBaseline < 0).length,
          moneyAtRisk: sum(perQuarter.map((p) => p.summary.moneyAtRisk)),
          forfeited: sum(perQuarter.map((p) => p.summary.forfeited)),
        },
        perQuarter,
        organisations: rows,
      };
    }),
  };
}

function differences(a: ImpactResult, b: ImpactResult) {
  return a.shifts.flatMap((x) => {
    const y = b.shifts.find((s) => s.shift === x.shift);
    if (!y) return [];
    const median = (s: typeof x) => s.summary.distribution?.median ?? null;
    const ma = median(x);
    const mb = median(y);
    return [
      {
        shift: x.shift,
        insurerTotal: y.summary.insurerTotal - x.summary.insurerTotal,
        moneyAtRisk: y.summary.moneyAtRisk - x.summary.moneyAtRisk,
        forfeited: y.summary.forfeited - x.summary.forfeited,
        gaining: y.summary.gaining - x.summary.gaining,
        losing: y.summary.losing - x.summary.losing,
        median: ma === null || mb === null ? null : mb - ma,
        organisations: x.organisations.flatMap((o) => {
          // Named organisations by id (names repeat across regions), anonymous ones by their shared label.
          const key = (p: typeof o) => p.organisationId ?? p.label;
          const other = y.organisations.find((p) => key(p) === key(o));
          return other
            ? [
                {
                  label: o.label,
                  organisationId: o.organisationId,
                  a: o.total,
                  b: other.total,
                  delta: other.total - o.total,
                },
              ]
            : [];
        }),
      },
    ];
  });
}

const analyse = createRoute({
  method: 'post',
  path: '/',
  tags: ['impact'],
  summary:
    'Impact analysis: what an agreement would have paid each organisation over recent quarters, at result shifts',
  middleware: [requireCaller('insurer', 'admin')] as const,
  request: { body: { content: { 'application/json': { schema: ImpactRequestSchema } }, required: true } },
  responses: {
    200: json(
      ImpactResultSchema,
      'Per shift: the window summary, per-quarter summaries and per-organisation totals',
    ),
    400: problemResponses[400],
    401: problemResponses[401],
    403: problemResponses[403],
    404: problemResponses[404],
    422: problem('The agreement cannot be settled, or the selection is not allowed'),
  },
});

const compare = createRoute({
  method: 'post',
  path: '/compare',
  tags: ['impact'],
  summary:
    'Compare two impact scenarios: both results and their differences (b − a) per shift and organisation',
  middleware: [requireCaller('insurer', 'admin')] as const,
  request: {
    body: {
      content: {
        'application/json': {
          schema: z
            .object({ a: ImpactRequestSchema, b: ImpactRequestSchema })
            .openapi('ImpactCompareRequest'),
        },
      },
      required: true,
    },
  },
  responses: {
    200: json(CompareSchema, 'Both scenarios and their differences'),
    400: problemResponses[400],
    401: problemResponses[401],
    403: problemResponses[403],
    404: problemResponses[404],
    422: problem('A scenario cannot be settled, or a selection is not allowed'),
  },
});

const auditDetail = (s: Scenario, scope: AccessScope) => ({
  agreementId: s.agreementId,
  quarters: s.quarters,
  organisations: s.organisations.length,
  anonymous: s.organisations.filter((o) => !canName(scope, o.id)).length,
});

/** Impact analysis (impactanalyse) of agreements over historical data, for insurers and administrators. */
export function impactRoutes() {
  return new OpenAPIHono<AppEnv>()
    .openapi(analyse, async (c) => {
      const scope = await scopeOf(c);
      const { db } = c.var.deps;
      const scenario = await resolveScenario(c, scope, c.req.valid('json'), '');
      const context = await loadSettlementContext(db);
      const result = await runScenario(db, context, scenario, labeller(scope, scenario.organisations));
      await audit(c, 'read', 'impact', scenario.agreementId, null, auditDetail(scenario, scope));
      return c.json(result, 200);
    })
    .openapi(compare, async (c) => {
      const scope = await scopeOf(c);
      const { db } = c.var.deps;
      const body = c.req.valid('json');
      const a = await resolveScenario(c, scope, body.a, 'a.');
      const b = await resolveScenario(c, scope, body.b, 'b.');
      const context = await loadSettlementContext(db);
      // One labeller for both, so an anonymous organisation has the same label in a and b.
      const labelOf = labeller(scope, [...a.organisations, ...b.organisations]);
      const ra = await runScenario(db, context, a, labelOf);
      const rb = await runScenario(db, context, b, labelOf);
      await audit(c, 'read', 'impact', null, null, { a: auditDetail(a, scope), b: auditDetail(b, scope) });
      return c.json({ a: ra, b: rb, differences: differences(ra, rb) }, 200);
    });
}
