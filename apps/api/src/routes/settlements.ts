import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { ExplanationStep, Settlement, SettlementInputs } from '@kwadrant/domain/agreements';
import { YEAR_OR_QUARTER_PATTERN } from '@kwadrant/domain/agreements';
import {
  isSmallCount,
  freezeSettlement,
  insurersByCode,
  isOwn,
  listSettlements,
  previousFrozenSettlement,
  recordSettlement,
  settlementById,
  type SettlementRecord,
  type SettlementSummary,
} from '@kwadrant/db';
import type { AppEnv } from '../http/types';
import { HttpProblem, notFound } from '../http/problem';
import { LocalisedSchema, PageQuery, json, pageOf, problemResponses } from '../http/schemas';
import { audit } from '../http/audit';
import { requireCaller } from '../auth/middleware';
import {
  JsonSchema,
  SettlementResultSchema,
  problem,
  requireLead,
  resultOf,
  settling,
  visibleAgreement,
  type AgreementAccess,
  type SettlementResult,
} from './agreements';

const PeriodSchema = z
  .string()
  .regex(YEAR_OR_QUARTER_PATTERN, 'expected a year ("2025") or a quarter ("2025-Q1")')
  .openapi({ example: '2026-Q2' });

const SettlementSummarySchema = z
  .object({
    id: z.number().int(),
    agreementId: z.string(),
    agreementVersion: z.number().int(),
    period: z.string(),
    version: z.number().int(),
    frozen: z.boolean(),
    frozenAt: z.string().nullable(),
    totalCents: z.number().int(),
    attainment: z.number().nullable(),
    createdAt: z.string(),
  })
  .openapi('SettlementSummary');

const ExplanationStepSchema = z
  .object({
    step: z.number().int(),
    key: z.string(),
    title: LocalisedSchema,
    inputs: z.record(z.string(), z.union([z.number(), z.string()])),
    formula: z.string(),
    result: z.union([z.number(), z.string()]),
    text: LocalisedSchema,
  })
  .openapi('ExplanationStep');

const SettlementDetailSchema = SettlementSummarySchema.extend({
  result: SettlementResultSchema,
  /** The ordered steps from agreement to total, in Dutch and English. */
  explanation: z.array(ExplanationStepSchema),
  /** The inputs exactly as used; a count below 10 is hidden from callers for whom it is not their own. */
  inputs: JsonSchema,
  inputsSuppressed: z.boolean(),
  /** SHA-256 of `canonicalInputs`: equal fingerprints mean equal inputs. */
  fingerprint: z.string(),
  /** The canonical JSON the fingerprint hashes; null where inputs are suppressed. */
  canonicalInputs: z.string().nullable(),
}).openapi('SettlementDetail');

const Delta = z.object({
  before: z.number().int().nullable(),
  after: z.number().int().nullable(),
  delta: z.number().int(),
});

const DifferenceSchema = z
  .object({
    /** The frozen version compared with. */
    previous: z.object({ id: z.number().int(), version: z.number().int(), totalCents: z.number().int() }),
    total: z.number().int(),
    base: z.number().int(),
    conditional: z.number().int(),
    attainment: z.number(),
    lines: z.array(Delta.extend({ lineId: z.string() })),
    clauses: z.array(Delta.extend({ clauseId: z.string() })),
    coInsurers: z.array(Delta.extend({ insurer: z.string() })),
  })
  .openapi('SettlementDifference');

const RecordedSchema = SettlementDetailSchema.extend({
  created: z.boolean(),
  /** Against the previous frozen version of the period, when this is a new version. */
  difference: DifferenceSchema.nullable(),
}).openapi('SettlementRecorded');

type StoredResult = Omit<Settlement, 'explanation'>;
const storedResult = (r: SettlementRecord) => r.result as unknown as StoredResult;

function summaryOf(r: SettlementSummary) {
  return {
    id: r.id,
    agreementId: r.agreementId,
    agreementVersion: r.agreementVersion,
    period: r.period,
    version: r.version,
    frozen: r.frozen,
    frozenAt: r.frozenAt?.toISOString() ?? null,
    totalCents: r.totalCents,
    attainment: r.attainment,
    createdAt: r.createdAt.toISOString(),
  };
}

type Figures = { numerator: number; denominator: number };

/**
 * The recorded inputs as the caller may see them (domain guide §8). The parties that pay or are paid
 * (lead, co-insurers, the organisation itself) and administrators see them whole; others covered by the
 * agreement (a practice reading its collaborative's settlement) see counts below 10 hidden.
 */
function visibleInputs(inputs: SettlementInputs, whole: boolean) {
  type Shown = Figures | { numerator: null; denominator: null; suppressed: 'small-number' };
  let suppressed = false;
  const hideSmall = (byKpi: Readonly<Record<string, Figures>>): Record<string, Shown> =>
    Object.fromEntries(
      Object.entries(byKpi).map(([code, f]): [string, Shown] => {
        if (whole || !isSmallCount(f)) return [code, f];
        suppressed = true;
        return [code, { numerator: null, denominator: null, suppressed: 'small-number' }];
      }),
    );
  const observations = hideSmall(inputs.observations);
  const baselines = Object.fromEntries(
    Object.entries(inputs.baselines ?? {}).map(([period, byKpi]): [string, Record<string, Shown>] => [
      period,
      hideSmall(byKpi),
    ]),
  );
  return { inputs: { ...inputs, observations, baselines }, suppressed };
}

function detailOf(r: SettlementRecord, whole: boolean) {
  const stored = storedResult(r);
  const { inputs, suppressed } = visibleInputs(r.inputs as unknown as SettlementInputs, whole);
  return {
    ...summaryOf({ ...r, version: r.settlementVersion, attainment: stored.attainment }),
    result: resultOf(stored),
    explanation: r.explanation as ExplanationStep[],
    inputs: JSON.parse(JSON.stringify(inputs)) as z.infer<typeof JsonSchema>,
    inputsSuppressed: suppressed,
    fingerprint: r.inputFingerprint,
    canonicalInputs: suppressed ? null : stored.inputFingerprint,
  };
}

const seesWhole = (access: AgreementAccess, own: boolean) => access !== 'party' || own;

/** Per-item differences of two settlements (items matched by id, missing ones count as 0). */
function deltas<T>(
  before: readonly T[],
  after: readonly T[],
  key: (t: T) => string,
  cents: (t: T) => number,
) {
  const b = new Map(before.map((t) => [key(t), cents(t)]));
  const a = new Map(after.map((t) => [key(t), cents(t)]));
  return [...new Set([...b.keys(), ...a.keys()])].map((k) => ({
    key: k,
    before: b.get(k) ?? null,
    after: a.get(k) ?? null,
    delta: (a.get(k) ?? 0) - (b.get(k) ?? 0),
  }));
}

function differenceOf(previous: SettlementRecord, current: SettlementResult) {
  const before = resultOf(storedResult(previous));
  return {
    previous: { id: previous.id, version: previous.settlementVersion, totalCents: previous.totalCents },
    total: current.total - before.total,
    base: current.base - before.base,
    conditional: current.conditional - before.conditional,
    attainment: current.attainment - before.attainment,
    lines: deltas(
      before.lines,
      current.lines,
      (l) => l.lineId,
      (l) => l.amountCents,
    ).map(({ key, ...d }) => ({
      lineId: key,
      ...d,
    })),
    clauses: deltas(
      before.clauses,
      current.clauses,
      (x) => x.clauseId,
      (x) => x.contributionCents,
    ).map(({ key, ...d }) => ({ clauseId: key, ...d })),
    coInsurers: deltas(
      before.coInsurers,
      current.coInsurers,
      (p) => p.insurer,
      (p) => p.amountCents,
    ).map(({ key, ...d }) => ({ insurer: key, ...d })),
  };
}

/** A settlement the caller may see through its agreement; anything else is 404. */
async function visibleSettlement(c: Context<AppEnv>, id: number) {
  const record = await settlementById(c.var.deps.db, id);
  if (!record) throw notFound('settlement', String(id));
  try {
    return { record, ...(await visibleAgreement(c, record.agreementId)) };
  } catch (error) {
    if (error instanceof HttpProblem && error.status === 404) throw notFound('settlement', String(id));
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// CSV export

/** Integer cents as euros with a decimal comma and no grouping, as Dutch Excel reads a number: -1234,05. */
function euros(cents: number): string {
  const abs = Math.abs(cents);
  return `${cents < 0 ? '-' : ''}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

const csvField = (x: string | number) => {
  const s = String(x);
  return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/**
 * The finance export: one row per payment line, clause and insurer amount, ';'-separated with a decimal
 * comma, UTF-8 with a byte-order mark and CRLF line ends, so that Excel with Dutch settings opens it as
 * columns and numbers. Lines add up to the base, clauses to the conditional part, insurers to the total.
 */
async function settlementCsv(c: Context<AppEnv>, r: SettlementRecord): Promise<string> {
  const s = storedResult(r);
  const inputs = r.inputs as unknown as SettlementInputs;
  const titleName = new Map(inputs.titles.map((t) => [t.code, t.name.nl]));
  const kpiName = new Map(inputs.kpis.map((k) => [k.code, k.name.nl]));
  const insurers = await insurersByCode(
    c.var.deps.db,
    s.coInsurers.map((p) => p.insurer),
  );
  const head = [r.agreementId, r.period, r.settlementVersion] as const;
  const rows: (string | number)[][] = [
    ['Overeenkomst', 'Periode', 'Afrekeningversie', 'Onderdeel', 'Code', 'Omschrijving', 'Bedrag (EUR)'],
    ...s.lines.map((l) => [
      ...head,
      'betaalregel',
      l.titleCode,
      `${titleName.get(l.titleCode) ?? l.titleCode} (regel ${l.lineId})`,
      euros(l.amountCents),
    ]),
    ...s.clauses.map((x) => [
      ...head,
      'resultaatafspraak',
      x.kpiCode,
      `${kpiName.get(x.kpiCode) ?? x.kpiCode} (afspraak ${x.clauseId})`,
      euros(x.contributionCents),
    ]),
    ...s.coInsurers.map((p) => [
      ...head,
      'verzekeraar',
      p.insurer,
      `${insurers.get(p.insurer)?.name ?? p.insurer} (${p.role === 'lead' ? 'hoofdverzekeraar' : 'medeverzekeraar'}, aandeel ${String(Math.round(p.share * 10_000) / 100).replace('.', ',')} %)`,
      euros(p.amountCents),
    ]),
  ];
  return `\uFEFF${rows.map((row) => row.map(csvField).join(';')).join('\r\n')}\r\n`;
}

// ---------------------------------------------------------------------------------------------
// Routes

const IdParam = z.object({ id: z.coerce.number().int().positive().openapi({ example: 1 }) });

const list = createRoute({
  method: 'get',
  path: '/',
  tags: ['settlements'],
  summary: 'The settlement versions of an agreement you may see',
  middleware: [requireCaller()] as const,
  request: {
    query: PageQuery.extend({
      agreementId: z.string().min(1).max(100),
      period: PeriodSchema.optional(),
      frozen: z
        .enum(['true', 'false'])
        .transform((v) => v === 'true')
        .optional(),
    }),
  },
  responses: {
    200: json(pageOf(SettlementSummarySchema), 'Settlement versions: periods in order, newest version first'),
    400: problemResponses[400],
    401: problemResponses[401],
    404: problemResponses[404],
  },
});

const detail = createRoute({
  method: 'get',
  path: '/{id}',
  tags: ['settlements'],
  summary:
    'One settlement: amounts per line, clause and insurer, the explanation, and the inputs with their fingerprint',
  middleware: [requireCaller()] as const,
  request: { params: IdParam },
  responses: {
    200: json(SettlementDetailSchema, 'The settlement'),
    400: problemResponses[400],
    401: problemResponses[401],
    404: problemResponses[404],
  },
});

const settleRoute = createRoute({
  method: 'post',
  path: '/',
  tags: ['settlements'],
  summary:
    'Settle an agreed agreement for a period from the database (lead insurer); a frozen version never changes',
  middleware: [requireCaller()] as const,
  request: {
    body: {
      content: {
        'application/json': {
          schema: z
            .object({
              agreementId: z.string().min(1).max(100),
              period: PeriodSchema,
              freeze: z.boolean().default(false),
            })
            .openapi('SettleRequest'),
        },
      },
      required: true,
    },
  },
  responses: {
    200: json(RecordedSchema, 'The inputs are unchanged: the existing version (frozen now if asked)'),
    201: json(RecordedSchema, 'A new settlement version, with its difference from the previous frozen one'),
    400: problemResponses[400],
    401: problemResponses[401],
    403: problemResponses[403],
    404: problemResponses[404],
    409: problem(
      'The agreement is not agreed, or another settlement of the period was recorded at the same time',
    ),
    422: problem('The period cannot be settled (outside the agreement, or no volume)'),
  },
});

const exportRoute = createRoute({
  method: 'get',
  path: '/{id}/export',
  tags: ['settlements'],
  summary: 'Finance export of a settlement: one row per line, clause and insurer amount (CSV for Excel)',
  middleware: [requireCaller()] as const,
  request: {
    params: IdParam,
    query: z.object({ format: z.enum(['csv', 'xlsx']).default('csv') }),
  },
  responses: {
    200: {
      description: "';'-separated, decimal comma, UTF-8 with byte-order mark",
      content: { 'text/csv': { schema: z.string() } },
    },
    400: problemResponses[400],
    401: problemResponses[401],
    404: problemResponses[404],
    406: problem('XLSX is not available yet'),
  },
});

/** Settlements: list, detail with explanation and inputs, settling a period, and the finance export. */
export function settlementRoutes() {
  return new OpenAPIHono<AppEnv>()
    .openapi(list, async (c) => {
      const { agreementId, ...query } = c.req.valid('query');
      const { head } = await visibleAgreement(c, agreementId);
      const page = await listSettlements(c.var.deps.db, agreementId, query);
      await audit(c, 'read', 'settlement', null, head.organisation.id, { agreementId, list: true });
      return c.json(
        { items: page.items.map(summaryOf), total: page.total, limit: query.limit, offset: query.offset },
        200,
      );
    })
    .openapi(detail, async (c) => {
      const { id } = c.req.valid('param');
      const { record, head, scope, access } = await visibleSettlement(c, id);
      await audit(c, 'read', 'settlement', String(id), head.organisation.id, { agreementId: head.id });
      return c.json(detailOf(record, seesWhole(access, isOwn(scope, head.organisation.id))), 200);
    })
    .openapi(settleRoute, async (c) => {
      const { agreementId, period, freeze } = c.req.valid('json');
      const { head, access } = await visibleAgreement(c, agreementId);
      requireLead(access, head, { en: 'settle', nl: 'afrekenen' });
      if (head.status !== 'agreed' && head.status !== 'settled') {
        throw new HttpProblem(
          409,
          'Conflict',
          `Agreement ${agreementId} is a ${head.status}; only agreed agreements are settled. Use what-if or impact analysis for drafts.`,
          {
            detailNl: `Overeenkomst ${agreementId} is nog niet overeengekomen (${head.status}); alleen overeengekomen afspraken worden afgerekend. Gebruik wat-als of de impactanalyse voor concepten.`,
          },
        );
      }
      const { db, clock } = c.var.deps;
      const now = clock();
      const outcome = await settling(() =>
        recordSettlement(db, head.document, period, { freeze, createdBy: c.var.caller?.userId ?? null, now }),
      );
      let record = outcome.record;
      // The same inputs again: a provisional version may be frozen as it is; a frozen one stays as it was.
      if (!outcome.created && freeze && !record.frozen)
        record = (await freezeSettlement(db, record.id, now)) ?? record;
      const previous = outcome.created
        ? await previousFrozenSettlement(db, agreementId, period, record.settlementVersion)
        : null;
      const body = {
        ...detailOf(record, true),
        created: outcome.created,
        difference: previous ? differenceOf(previous, resultOf(outcome.settlement)) : null,
      };
      await audit(c, 'settle', 'settlement', String(record.id), head.organisation.id, {
        agreementId,
        period,
        version: record.settlementVersion,
        created: outcome.created,
        frozen: record.frozen,
      });
      return outcome.created ? c.json(body, 201) : c.json(body, 200);
    })
    .openapi(exportRoute, async (c) => {
      const { id } = c.req.valid('param');
      const { format } = c.req.valid('query');
      const { record, head } = await visibleSettlement(c, id);
      if (format === 'xlsx') {
        throw new HttpProblem(
          406,
          'Format not available',
          'XLSX export is not available yet; use format=csv, which Excel opens directly (semicolon-separated, decimal comma, UTF-8).',
          {
            detailNl:
              'Export naar XLSX is nog niet beschikbaar; gebruik format=csv, dat Excel direct opent (puntkomma-gescheiden, decimale komma, UTF-8).',
          },
        );
      }
      const csv = await settlementCsv(c, record);
      await audit(c, 'export', 'settlement', String(id), head.organisation.id, { format });
      return c.body(csv, 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="afrekening-${record.agreementId}-${record.period}-v${record.settlementVersion}.csv"`,
      });
    });
}
