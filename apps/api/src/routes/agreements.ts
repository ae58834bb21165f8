import { randomBytes } from 'node:crypto';
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  AGREEMENT_STATUSES,
  AGREEMENT_STATUS_LABELS,
  EVIDENCE_RULES,
  SettlementError,
  YEAR_OR_QUARTER_PATTERN,
  agreementSchema,
  settle,
  validateAgreement,
  type Agreement,
  type AgreementStatus,
  type Settlement,
  type ValidationIssue,
} from '@kwadrant/domain/agreements';
import type { KpiDefinition } from '@kwadrant/domain/catalogue';
import { quartersBetween, type ObservationFigures } from '@kwadrant/domain/model';
import { estimate } from '@kwadrant/domain/stats';
import {
  agreementHead,
  agreementsBetween,
  agreementVersionList,
  agreementVisibility,
  canSeeAgreement,
  frozenPeriods,
  insurersByCode,
  latestEnrolment,
  listAgreements,
  listKpis,
  listPaymentTitles,
  loadAgreement,
  loadSettlementContext,
  organisationsByIds,
  saveAgreementVersion,
  settlementInputsFor,
  type AccessScope,
  type AgreementHead,
  type AgreementVisibility,
  type SettlementContext,
} from '@kwadrant/db';
import type { AppEnv } from '../http/types';
import {
  FieldErrorSchema,
  HttpProblem,
  ProblemSchema,
  forbidden,
  notFound,
  type FieldError,
} from '../http/problem';
import { PageQuery, json, pageOf, problemResponses } from '../http/schemas';
import { audit } from '../http/audit';
import { requireCaller, scopeOf } from '../auth/middleware';

// ---------------------------------------------------------------------------------------------
// Schemas shared by the agreement, settlement and impact routers

const STATUS = z.enum(AGREEMENT_STATUSES);
const QUADRANT = z.enum(['Q1', 'Q2', 'Q3', 'Q4']);
const BASIS = z.enum(['capitation', 'availability', 'project', 'fte']);
/** A documented problem+json response with its own description. */
export const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});

/**
 * The agreement document of the domain (shape only; business rules are checked by validateAgreement).
 * Derived rather than used as is: a zod schema built before @hono/zod-openapi extends zod (the domain
 * may load first) has no `.openapi`, and every derived schema does.
 */
export const AgreementDocumentSchema = agreementSchema.extend({}).openapi('Agreement');

/** An agreement as written by a client: the server assigns id, version and status. */
export const AgreementDraftSchema = agreementSchema
  .omit({ id: true, version: true, status: true })
  .openapi('AgreementDraft');

const LineSettlementSchema = z
  .object({
    lineId: z.string(),
    titleCode: z.string(),
    basis: BASIS,
    volume: z.number(),
    amountCents: z.number().int(),
    formula: z.string(),
  })
  .openapi('LineSettlement');

const ClauseSettlementSchema = z
  .object({
    clauseId: z.string(),
    kpiCode: z.string(),
    value: z.number().nullable(),
    lower: z.number().nullable(),
    upper: z.number().nullable(),
    baseline: z.number().nullable(),
    score: z.number(),
    weight: z.number(),
    contributionCents: z.number().int(),
    evidence: z.object({
      rule: z.enum(EVIDENCE_RULES),
      scoredOn: z.enum(['value', 'lower', 'upper']).nullable(),
      scoredValue: z.number().nullable(),
      effectiveTarget: z.number().nullable(),
      verdict: z.enum(['met', 'not-met', 'no-data', 'too-small']),
    }),
  })
  .openapi('ClauseSettlement');

const PartySettlementSchema = z
  .object({
    insurer: z.string(),
    role: z.enum(['lead', 'co-insurer']),
    share: z.number(),
    amountCents: z.number().int(),
  })
  .openapi('PartySettlement');

/** The parts of a settlement's money, in integer euro cents (shared by settlements and impact analysis). */
export const MoneyPartsSchema = z.object({
  base: z.number().int(),
  atRisk: z.number().int(),
  guaranteed: z.number().int(),
  conditional: z.number().int(),
  bonus: z.number().int(),
  malus: z.number().int(),
  sharedSavings: z.number().int(),
});

/** A settlement's money, every amount in integer euro cents (the domain's Settlement without explanation). */
export const SettlementResultSchema = MoneyPartsSchema.extend({
  agreementId: z.string(),
  agreementVersion: z.number().int(),
  period: z.string(),
  quarters: z.number().int(),
  total: z.number().int(),
  attainment: z.number(),
  lines: z.array(LineSettlementSchema),
  clauses: z.array(ClauseSettlementSchema),
  bonusMalus: z.array(
    z.object({
      id: z.string(),
      kpiCode: z.string(),
      kind: z.enum(['bonus', 'malus']),
      value: z.number().nullable(),
      applies: z.boolean(),
      amountCents: z.number().int(),
    }),
  ),
  sharedSavingsDetail: z
    .object({
      observedCents: z.number().nullable(),
      expectedCents: z.number().nullable(),
      savingsCents: z.number().nullable(),
      savingsRate: z.number().nullable(),
      outcome: z.enum(['shared-savings', 'shared-loss', 'within-corridor', 'gated', 'no-data']),
      amountCents: z.number().int(),
    })
    .nullable(),
  coInsurers: z.array(PartySettlementSchema),
}).openapi('SettlementResult');
export type SettlementResult = z.infer<typeof SettlementResultSchema>;

/** The money of a settlement, without its explanation and canonical inputs (they are served apart). */
export function resultOf(s: Omit<Settlement, 'explanation' | 'inputFingerprint'>): SettlementResult {
  return {
    agreementId: s.agreementId,
    agreementVersion: s.agreementVersion,
    period: s.period,
    quarters: s.quarters,
    base: s.base,
    atRisk: s.atRisk,
    guaranteed: s.guaranteed,
    conditional: s.conditional,
    bonus: s.bonus,
    malus: s.malus,
    sharedSavings: s.sharedSavings,
    total: s.total,
    attainment: s.attainment,
    lines: s.lines,
    clauses: s.clauses,
    bonusMalus: s.bonusMalus,
    sharedSavingsDetail: s.sharedSavingsDetail,
    coInsurers: s.coInsurers,
  };
}

// ---------------------------------------------------------------------------------------------
// Problems and access shared by the agreement, settlement and impact routers

const issueToFieldError = (i: ValidationIssue): FieldError => ({
  path: i.path,
  message: i.message.en,
  messageNl: i.message.nl,
  code: i.code,
});

/** 422 for an agreement with validation errors: one field error per issue, in Dutch and English. */
export function invalidAgreement(issues: readonly ValidationIssue[]): HttpProblem {
  const errors = issues.filter((i) => i.severity === 'error');
  const first = errors[0]?.message ?? { nl: '', en: '' };
  return new HttpProblem(
    422,
    'Invalid agreement',
    `The agreement has ${errors.length} error(s); the first: ${first.en}`,
    {
      detailNl: `De overeenkomst bevat ${errors.length} fout(en); de eerste: ${first.nl}`,
      errors: errors.map(issueToFieldError),
    },
  );
}

/** Runs a settlement (sync or async) and turns the domain's SettlementError into a 422 problem. */
export async function settling<T>(run: () => T | Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof SettlementError)) throw error;
    throw new HttpProblem(422, 'Cannot settle', error.localised.en, {
      detailNl: error.localised.nl,
      ...(error.issues.length > 0
        ? { errors: error.issues.filter((i) => i.severity === 'error').map(issueToFieldError) }
        : {
            errors: [
              {
                path: '(settlement)',
                message: error.localised.en,
                messageNl: error.localised.nl,
                code: error.code,
              },
            ],
          }),
    });
  }
}

/** How the caller relates to an agreement it can see: who may change it and who only reads. */
export type AgreementAccess = 'admin' | 'lead' | 'co-insurer' | 'party';

export function accessTo(scope: AccessScope, head: AgreementHead): AgreementAccess {
  if (scope.caller.role === 'admin') return 'admin';
  if (scope.caller.role === 'insurer') {
    return scope.insurerCode === head.insurer.code ? 'lead' : 'co-insurer';
  }
  return 'party';
}

/** Resolves the caller's scope and an agreement it may see; anything else is 404, never 403. */
export async function visibleAgreement(c: Context<AppEnv>, agreementId: string) {
  const scope = await scopeOf(c);
  const { db, clock } = c.var.deps;
  const visibility = await agreementVisibility(db, scope, clock().toISOString().slice(0, 10));
  const head = await agreementHead(db, agreementId);
  if (!head || !canSeeAgreement(visibility, head)) throw notFound('agreement', agreementId);
  return { scope, visibility, head, access: accessTo(scope, head) };
}

/** Only the lead insurer and administrators change an agreement or settle it; other parties read. */
export function requireLead(access: AgreementAccess, head: AgreementHead, what: { en: string; nl: string }) {
  if (access === 'lead' || access === 'admin') return;
  throw forbidden(
    `Only the lead insurer (${head.insurer.name}) or an administrator may ${what.en} agreement ${head.id}.`,
    `Alleen de hoofdverzekeraar (${head.insurer.name}) of een beheerder mag overeenkomst ${head.id} ${what.nl}.`,
  );
}

// ---------------------------------------------------------------------------------------------
// Agreement summaries

const PartySchema = z.object({ id: z.string(), code: z.string(), name: z.string() });
const CoInsurerSchema = PartySchema.extend({ share: z.number() });
const ACCESS = z.enum(['admin', 'lead', 'co-insurer', 'party']);

const MoneySchema = z
  .object({
    /** The quarter whose enrolled patients the capitation lines are estimated from. */
    estimatedFrom: z.object({ period: z.string(), enrolledPatients: z.number().int().nullable() }),
    /** The contracted base for one quarter, in cents. */
    quarterCents: z.number().int(),
    byTitle: z.array(
      z.object({
        lineId: z.string(),
        titleCode: z.string(),
        quadrant: QUADRANT,
        basis: BASIS,
        tariffCents: z.number().int(),
        volume: z.number(),
        quarterCents: z.number().int(),
      }),
    ),
    byQuadrant: z.array(z.object({ quadrant: QUADRANT, quarterCents: z.number().int() })),
  })
  .openapi('AgreementMoney');

const AgreementSummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    status: STATUS,
    version: z.number().int(),
    organisation: z.object({
      id: z.string(),
      kind: z.string(),
      name: z.string(),
      quadrant: QUADRANT.nullable(),
    }),
    /** The quadrant the agreement places the organisation in (its titles must belong to it). */
    quadrant: QUADRANT,
    insurer: PartySchema,
    coInsurers: z.array(CoInsurerSchema),
    period: z.object({ start: z.string(), end: z.string() }),
    atRiskShare: z.number(),
    access: ACCESS,
    /** Null when the lines cannot be priced (no enrolled patients, or lines the domain rejects). */
    money: MoneySchema.nullable(),
    latestSettlement: z
      .object({
        id: z.number().int(),
        period: z.string(),
        version: z.number().int(),
        frozen: z.boolean(),
        totalCents: z.number().int(),
        attainment: z.number().nullable(),
      })
      .nullable(),
    updatedAt: z.string(),
  })
  .openapi('AgreementSummary');
type AgreementSummary = z.infer<typeof AgreementSummarySchema>;
type Money = z.infer<typeof MoneySchema>;

/**
 * The contracted base for one quarter by title and quadrant: the domain settles the lines alone (no
 * clauses, nothing at risk) with the latest enrolled patients as capitation volume, so the money is
 * exactly what `settle` would compute for those volumes. Other bases use the contracted volume.
 */
function contractedMoney(
  doc: Agreement,
  enrolment: { period: string; patients: Map<string, number> } | null,
  titles: SettlementContext['titles'],
): Money | null {
  if (!enrolment) return null;
  const patients = enrolment.patients.get(doc.organisation.id);
  const volumes: Record<string, number> = {};
  for (const line of doc.lines)
    if (line.basis === 'capitation' && patients !== undefined) volumes[line.id] = patients;
  const { sharedSavings: _sharedSavings, bonusMalus: _bonusMalus, ...rest } = doc;
  let settlement: Settlement;
  try {
    settlement = settle(
      { ...rest, atRiskShare: 0, clauses: [], coInsurers: [] },
      { period: doc.period.start, volumes, observations: {}, kpis: [], titles },
    );
  } catch (error) {
    if (error instanceof SettlementError) return null;
    throw error;
  }
  const quadrantOf = new Map(titles.map((t) => [t.code, t.quadrant]));
  const byTitle = settlement.lines.map((l, i) => ({
    lineId: l.lineId,
    titleCode: l.titleCode,
    quadrant: quadrantOf.get(l.titleCode) ?? doc.organisation.quadrant,
    basis: l.basis,
    tariffCents: doc.lines[i]?.tariffCents ?? 0,
    volume: l.volume,
    quarterCents: l.amountCents,
  }));
  const quadrants = [...new Set(byTitle.map((t) => t.quadrant))].sort();
  return {
    estimatedFrom: { period: enrolment.period, enrolledPatients: patients ?? null },
    quarterCents: settlement.base,
    byTitle,
    byQuadrant: quadrants.map((quadrant) => ({
      quadrant,
      quarterCents: byTitle.filter((t) => t.quadrant === quadrant).reduce((a, t) => a + t.quarterCents, 0),
    })),
  };
}

async function summaries(c: Context<AppEnv>, scope: AccessScope, heads: readonly AgreementHead[]) {
  const { db } = c.var.deps;
  const context = await loadSettlementContext(db);
  const enrolment = await latestEnrolment(db, [...new Set(heads.map((h) => h.organisation.id))], context);
  return heads.map((h): AgreementSummary => ({
    id: h.id,
    name: h.name,
    status: h.status,
    version: h.version,
    organisation: h.organisation,
    quadrant: h.document.organisation.quadrant,
    insurer: { id: h.insurer.id, code: h.insurer.code, name: h.insurer.name },
    coInsurers: h.coInsurers.map((x) => ({ id: x.insurerId, code: x.code, name: x.name, share: x.share })),
    period: h.period,
    atRiskShare: h.atRiskShare,
    access: accessTo(scope, h),
    money: contractedMoney(h.document, enrolment, context.titles),
    latestSettlement: h.latestSettlement,
    updatedAt: h.updatedAt.toISOString(),
  }));
}

// ---------------------------------------------------------------------------------------------
// Workflow

/** The status workflow: draft → proposed → agreed → settled, and a proposal may be withdrawn to draft. */
const TRANSITIONS: Record<AgreementStatus, readonly AgreementStatus[]> = {
  draft: ['proposed'],
  proposed: ['draft', 'agreed'],
  agreed: ['settled'],
  settled: [],
};
const EDITABLE: readonly AgreementStatus[] = ['draft', 'proposed'];

const AllowedActionsSchema = z.object({
  edit: z.boolean(),
  transitions: z.array(STATUS),
  settle: z.boolean(),
});

function allowedActions(access: AgreementAccess, status: AgreementStatus) {
  const lead = access === 'lead' || access === 'admin';
  return {
    edit: lead && EDITABLE.includes(status),
    transitions: lead ? [...TRANSITIONS[status]] : [],
    settle: lead && (status === 'agreed' || status === 'settled'),
  };
}

/** `If-Match: 3`, `"3"` or `W/"3"` (the ETag of GET /agreements/{id}), or `expectedVersion` in the body. */
function expectedVersionOf(ifMatch: string | undefined, fromBody: number | undefined): number {
  const header = ifMatch === undefined ? undefined : /^\s*(?:W\/)?"?(\d+)"?\s*$/.exec(ifMatch)?.[1];
  if (ifMatch !== undefined && header === undefined) {
    throw new HttpProblem(400, 'Invalid request', `If-Match must be an agreement version such as "3".`, {
      detailNl: `If-Match moet een versienummer van de overeenkomst zijn, zoals "3".`,
      errors: [
        { path: 'if-match', message: 'expected a version number', messageNl: 'verwacht een versienummer' },
      ],
    });
  }
  const fromHeader = header === undefined ? undefined : Number(header);
  if (fromHeader !== undefined && fromBody !== undefined && fromHeader !== fromBody) {
    throw new HttpProblem(
      400,
      'Invalid request',
      `If-Match (${fromHeader}) and expectedVersion (${fromBody}) differ.`,
      {
        detailNl: `If-Match (${fromHeader}) en expectedVersion (${fromBody}) verschillen.`,
      },
    );
  }
  const expected = fromHeader ?? fromBody;
  if (expected === undefined) {
    throw new HttpProblem(
      428,
      'Precondition required',
      'Say which version you changed: send If-Match with the version (the ETag of GET /agreements/{id}) or expectedVersion in the body.',
      {
        detailNl:
          'Geef aan welke versie u wijzigde: stuur If-Match met het versienummer (de ETag van GET /agreements/{id}) of expectedVersion in de inhoud.',
      },
    );
  }
  return expected;
}

const changedSince = (id: string, expected: number, current: number | null) =>
  new HttpProblem(
    409,
    'Conflict',
    `Agreement ${id} was changed by someone else since version ${expected}${current === null ? '' : ` (it is now at version ${current})`}; reload it and apply your change again. Nothing was merged.`,
    {
      detailNl: `Overeenkomst ${id} is sinds versie ${expected} door iemand anders gewijzigd${current === null ? '' : ` (nu versie ${current})`}; laad haar opnieuw en breng uw wijziging opnieuw aan. Er is niets samengevoegd.`,
      type: 'https://kwadrant.nl/problems/version-conflict',
    },
  );

function requireVersion(head: AgreementHead, expected: number): void {
  if (expected !== head.version) throw changedSince(head.id, expected, head.version);
}

const issue = (path: string, code: string, en: string, nl: string): ValidationIssue => ({
  path,
  code,
  severity: 'error',
  message: { en, nl },
});

/**
 * Checks what the domain cannot know: the organisation exists, is a provider and sits in the quadrant
 * the agreement claims (the register decides which titles fit it), and the insurers exist.
 */
async function registerIssues(c: Context<AppEnv>, doc: Agreement): Promise<ValidationIssue[]> {
  const { db } = c.var.deps;
  const issues: ValidationIssue[] = [];
  const [org] = await organisationsByIds(db, [doc.organisation.id]);
  if (!org || org.kind === 'insurer') {
    issues.push(
      issue(
        'organisation.id',
        'unknown-organisation',
        `There is no care provider "${doc.organisation.id}".`,
        `Er is geen zorgaanbieder "${doc.organisation.id}".`,
      ),
    );
  } else if (org.quadrant !== doc.organisation.quadrant) {
    issues.push(
      issue(
        'organisation.quadrant',
        'quadrant-mismatch',
        `${org.name} is in quadrant ${org.quadrant ?? '-'} in the register, not ${doc.organisation.quadrant}.`,
        `${org.name} staat in het register in kwadrant ${org.quadrant ?? '-'}, niet in ${doc.organisation.quadrant}.`,
      ),
    );
  }
  const insurers = await insurersByCode(db, [doc.insurer, ...doc.coInsurers.map((x) => x.insurer)]);
  const unknown = (code: string) => !insurers.has(code);
  if (unknown(doc.insurer)) {
    issues.push(
      issue(
        'insurer',
        'unknown-insurer',
        `There is no insurer with UZOVI code ${doc.insurer}.`,
        `Er is geen verzekeraar met UZOVI-code ${doc.insurer}.`,
      ),
    );
  }
  doc.coInsurers.forEach((x, i) => {
    if (unknown(x.insurer)) {
      issues.push(
        issue(
          `coInsurers[${i}].insurer`,
          'unknown-insurer',
          `There is no insurer with UZOVI code ${x.insurer}.`,
          `Er is geen verzekeraar met UZOVI-code ${x.insurer}.`,
        ),
      );
    }
  });
  return issues;
}

/** Validates an agreement against the register, the catalogues and the insurer's other agreements with the organisation. */
async function validated(c: Context<AppEnv>, doc: Agreement) {
  const { db } = c.var.deps;
  const [register, titles, kpis, otherAgreements] = await Promise.all([
    registerIssues(c, doc),
    listPaymentTitles(db),
    listKpis(db),
    agreementsBetween(db, doc.insurer, doc.organisation.id),
  ]);
  const { issues } = validateAgreement(doc, { titles, kpis, otherAgreements });
  const all = [...register, ...issues];
  if (all.some((i) => i.severity === 'error')) throw invalidAgreement(all);
  return all.filter((i) => i.severity === 'warning').map(issueToFieldError);
}

// ---------------------------------------------------------------------------------------------
// Version diff

/** Any JSON value; named, because an inline recursive schema would send the OpenAPI generator in circles. */
export const JsonSchema = z.json().openapi('JsonValue');
type Json = z.infer<typeof JsonSchema>;

const ChangeSchema = z
  .object({
    /** Where, keyed by id for lines, clauses and bonus/malus and by insurer for co-insurers: "lines[l2].tariffCents". */
    path: z.string(),
    change: z.enum(['added', 'removed', 'changed']),
    before: JsonSchema.optional(),
    after: JsonSchema.optional(),
  })
  .openapi('AgreementChange');
type Change = z.infer<typeof ChangeSchema>;

const isRecord = (x: unknown): x is Record<string, Json> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);
/** Arrays of the agreement whose items have an identity, so that a reordering is not a change. */
const keyOf = (item: Json): string | null =>
  isRecord(item)
    ? typeof item.id === 'string'
      ? item.id
      : typeof item.insurer === 'string'
        ? item.insurer
        : null
    : null;

function diff(path: string, before: Json | undefined, after: Json | undefined, out: Change[]): void {
  if (JSON.stringify(before) === JSON.stringify(after)) return;
  if (before === undefined) return void out.push({ path, change: 'added', after: after! });
  if (after === undefined) return void out.push({ path, change: 'removed', before });
  if (isRecord(before) && isRecord(after)) {
    for (const key of [...new Set([...Object.keys(before), ...Object.keys(after)])]) {
      diff(path === '' ? key : `${path}.${key}`, before[key], after[key], out);
    }
    return;
  }
  if (
    Array.isArray(before) &&
    Array.isArray(after) &&
    [...before, ...after].every((x) => keyOf(x) !== null)
  ) {
    const map = (items: Json[]) => new Map(items.map((x) => [keyOf(x)!, x]));
    const b = map(before);
    const a = map(after);
    for (const key of [...new Set([...b.keys(), ...a.keys()])])
      diff(`${path}[${key}]`, b.get(key), a.get(key), out);
    return;
  }
  out.push({ path, change: 'changed', before, after });
}

/** Field-level changes from one agreement version to another (the version number itself left out). */
function agreementDiff(from: Agreement, to: Agreement): Change[] {
  const out: Change[] = [];
  const { version: _from, ...a } = from;
  const { version: _to, ...b } = to;
  diff('', JSON.parse(JSON.stringify(a)) as Json, JSON.parse(JSON.stringify(b)) as Json, out);
  return out;
}

// ---------------------------------------------------------------------------------------------
// What-if

/**
 * Figures whose estimate is `value`, keeping the actual denominator (and expected count, and spread)
 * so that the confidence interval the evidence rules use stays as wide as the real one:
 * - proportion: numerator = value × denominator;
 * - rate: events = value × person-years / multiplier;
 * - ratio: O = value × E (for the shared-savings cost KPI, E in cents);
 * - mean: sum = value × count; the sum of squares keeps the actual squared deviations, so the standard
 *   deviation (and the interval width) is unchanged: Σx² − (Σx)²/n + value² × n.
 */
function figuresFor(kpi: KpiDefinition, actual: ObservationFigures, value: number): ObservationFigures {
  const n = actual.denominator;
  switch (kpi.kind) {
    case 'proportion':
      return { ...actual, numerator: Math.min(n, value * n) };
    case 'rate':
      return { ...actual, numerator: (value * n) / kpi.multiplier };
    case 'ratio':
      return { ...actual, numerator: value * (actual.expected ?? n) };
    case 'mean':
      return {
        ...actual,
        numerator: value * n,
        ...(actual.sumSquares === undefined
          ? {}
          : {
              sumSquares:
                Math.max(0, actual.sumSquares - (actual.numerator * actual.numerator) / n) +
                value * value * n,
            }),
      };
  }
}

/** A value no figures can give: a proportion outside 0–1 (often a percentage), a negative rate or ratio. */
const offScale = (kpi: KpiDefinition, value: number): boolean =>
  kpi.kind === 'proportion' ? value < 0 || value > 1 : kpi.kind !== 'mean' && value < 0;

const WhatIfBody = z
  .object({
    period: z
      .string()
      .regex(YEAR_OR_QUARTER_PATTERN, 'expected a year ("2025") or a quarter ("2025-Q1")')
      .openapi({ example: '2026-Q2' }),
    /** Point values per KPI code, on the KPI's own scale: a proportion 0–1, a rate per 1,000, a ratio O/E. */
    values: z
      .record(z.string().min(1).max(32), z.number())
      .refine((v) => Object.keys(v).length > 0 && Object.keys(v).length <= 50, '1 to 50 KPI values')
      .openapi({ example: { 'DM-02': 0.7 } }),
  })
  .openapi('WhatIf');

const WhatIfResultSchema = z
  .object({
    agreementId: z.string(),
    agreementVersion: z.number().int(),
    period: z.string(),
    substituted: z.array(
      z.object({ kpiCode: z.string(), kind: z.string(), actual: z.number().nullable(), value: z.number() }),
    ),
    actual: SettlementResultSchema,
    projected: SettlementResultSchema,
    difference: z.object({
      total: z.number().int(),
      attainment: z.number(),
      conditional: z.number().int(),
      bonus: z.number().int(),
      malus: z.number().int(),
      sharedSavings: z.number().int(),
    }),
  })
  .openapi('WhatIfResult');

// ---------------------------------------------------------------------------------------------
// Routes

const IdParam = z.object({ id: z.string().min(1).max(100).openapi({ example: 'agr-col-001-001-2025' }) });
const VersionConflict = problem(
  'Changed by someone else since the version you sent, or not editable in its status',
);
const IfMatchHeader = z.object({
  'if-match': z.string().max(40).optional().openapi({ description: 'The version you changed, e.g. "3"' }),
});

const AgreementDetailSchema = AgreementSummarySchema.extend({
  document: AgreementDocumentSchema,
  versions: z.array(
    z.object({
      version: z.number().int(),
      status: STATUS,
      period: z.object({ start: z.string(), end: z.string() }),
      createdAt: z.string(),
    }),
  ),
  allowedActions: AllowedActionsSchema,
}).openapi('AgreementDetail');

const SavedSchema = AgreementDetailSchema.extend({ warnings: z.array(FieldErrorSchema) }).openapi(
  'AgreementSaved',
);

const WriteBody = AgreementDraftSchema.extend({
  name: z.string().trim().min(1).max(200).optional().openapi({ example: 'Resultaatafspraak O&I 2027' }),
});
const UpdateBody = WriteBody.extend({ expectedVersion: z.number().int().min(1).optional() });

const list = createRoute({
  method: 'get',
  path: '/',
  tags: ['agreements'],
  summary: 'Agreements you lead, co-finance or are covered by, with their money per title and quadrant',
  middleware: [requireCaller()] as const,
  request: {
    query: PageQuery.extend({
      status: STATUS.optional(),
      organisationId: z.string().max(64).optional(),
      q: z.string().max(100).optional(),
      sort: z.enum(['name', 'period', 'status', 'updated']).default('name'),
    }),
  },
  responses: {
    200: json(pageOf(AgreementSummarySchema), 'A page of agreements'),
    400: problemResponses[400],
    401: problemResponses[401],
  },
});

const detail = createRoute({
  method: 'get',
  path: '/{id}',
  tags: ['agreements'],
  summary: 'One agreement: the current version document, its header and its versions (ETag: the version)',
  middleware: [requireCaller()] as const,
  request: { params: IdParam },
  responses: {
    200: json(AgreementDetailSchema, 'The agreement'),
    401: problemResponses[401],
    404: problemResponses[404],
  },
});

const version = createRoute({
  method: 'get',
  path: '/{id}/versions/{version}',
  tags: ['agreements'],
  summary: 'One version of an agreement as it was written',
  middleware: [requireCaller()] as const,
  request: { params: IdParam.extend({ version: z.coerce.number().int().min(1) }) },
  responses: {
    200: json(
      z.object({
        agreementId: z.string(),
        version: z.number().int(),
        status: STATUS,
        createdAt: z.string(),
        document: AgreementDocumentSchema,
      }),
      'The version',
    ),
    400: problemResponses[400],
    401: problemResponses[401],
    404: problemResponses[404],
  },
});

const compareVersions = createRoute({
  method: 'get',
  path: '/{id}/diff',
  tags: ['agreements'],
  summary:
    'Field-level differences between two versions: lines, clauses and other fields added, removed or changed',
  middleware: [requireCaller()] as const,
  request: {
    params: IdParam,
    query: z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) }),
  },
  responses: {
    200: json(
      z.object({
        agreementId: z.string(),
        from: z.number().int(),
        to: z.number().int(),
        changes: z.array(ChangeSchema),
      }),
      'The differences, in document order',
    ),
    400: problemResponses[400],
    401: problemResponses[401],
    404: problemResponses[404],
  },
});

const create = createRoute({
  method: 'post',
  path: '/',
  tags: ['agreements'],
  summary: 'Create a draft agreement (lead insurer analysts and administrators); warnings come back with it',
  middleware: [requireCaller('insurer', 'admin')] as const,
  request: { body: { content: { 'application/json': { schema: WriteBody } }, required: true } },
  responses: {
    201: json(SavedSchema, 'The draft, version 1'),
    400: problemResponses[400],
    401: problemResponses[401],
    403: problemResponses[403],
    422: problem(
      'The agreement breaks a business rule; errors[] has a path and a Dutch and English message each',
    ),
  },
});

const update = createRoute({
  method: 'put',
  path: '/{id}',
  tags: ['agreements'],
  summary:
    'Write a new version of a draft or proposal (lead insurer); If-Match or expectedVersion is required',
  middleware: [requireCaller()] as const,
  request: {
    params: IdParam,
    headers: IfMatchHeader,
    body: { content: { 'application/json': { schema: UpdateBody } }, required: true },
  },
  responses: {
    200: json(SavedSchema, 'The new version'),
    400: problemResponses[400],
    401: problemResponses[401],
    403: problemResponses[403],
    404: problemResponses[404],
    409: VersionConflict,
    422: problem('The agreement breaks a business rule'),
    428: problem('Neither If-Match nor expectedVersion was sent'),
  },
});

const transition = createRoute({
  method: 'post',
  path: '/{id}/transition',
  tags: ['agreements'],
  summary:
    'Move an agreement through draft → proposed → agreed → settled, or withdraw a proposal to draft (lead insurer)',
  middleware: [requireCaller()] as const,
  request: {
    params: IdParam,
    headers: IfMatchHeader,
    body: {
      content: {
        'application/json': {
          schema: z
            .object({ to: STATUS, expectedVersion: z.number().int().min(1).optional() })
            .openapi('Transition'),
        },
      },
      required: true,
    },
  },
  responses: {
    200: json(SavedSchema, 'The new version in its new status'),
    400: problemResponses[400],
    401: problemResponses[401],
    403: problemResponses[403],
    404: problemResponses[404],
    409: problem('Not a permitted step, changed since your version, or quarters without a frozen settlement'),
    422: problem('The agreement is not valid, so it cannot be proposed or agreed'),
    428: problem('Neither If-Match nor expectedVersion was sent'),
  },
});

const whatIf = createRoute({
  method: 'post',
  path: '/{id}/what-if',
  tags: ['agreements'],
  summary: 'Projected payment and attainment for a period if KPIs had the given values, against the actual',
  middleware: [requireCaller()] as const,
  request: {
    params: IdParam,
    body: { content: { 'application/json': { schema: WhatIfBody } }, required: true },
  },
  responses: {
    200: json(WhatIfResultSchema, 'Actual and projected settlement'),
    400: problemResponses[400],
    401: problemResponses[401],
    404: problemResponses[404],
    422: problem(
      'A KPI the agreement does not use, a value off its scale, or a period that cannot be settled',
    ),
  },
});

/** Responds with an agreement in full: summary, document, versions and what the caller may do. */
async function detailOf(c: Context<AppEnv>, scope: AccessScope, head: AgreementHead) {
  const [summary] = await summaries(c, scope, [head]);
  const versions = await agreementVersionList(c.var.deps.db, head.id);
  return {
    ...summary!,
    document: head.document,
    versions: versions.map((v) => ({
      version: v.version,
      status: v.status,
      period: { start: v.periodStart, end: v.periodEnd },
      createdAt: v.createdAt.toISOString(),
    })),
    allowedActions: allowedActions(summary!.access, head.status),
  };
}

/** Saves a new version and answers with it; a concurrent save of the same version is a 409. */
async function saveVersion(
  c: Context<AppEnv>,
  scope: AccessScope,
  doc: Agreement,
  name: string,
  expectedVersion: number | null,
) {
  const { db } = c.var.deps;
  const outcome = await saveAgreementVersion(db, doc, name, {
    expectedVersion,
    createdBy: c.var.caller?.userId ?? null,
  });
  if (!outcome.saved) {
    if (expectedVersion === null) {
      throw new HttpProblem(409, 'Conflict', `Agreement ${doc.id} already exists.`, {
        detailNl: `Overeenkomst ${doc.id} bestaat al.`,
      });
    }
    throw changedSince(doc.id, expectedVersion, outcome.currentVersion);
  }
  const head = await agreementHead(db, doc.id);
  c.header('ETag', `"${doc.version}"`);
  return detailOf(c, scope, head!);
}

/** Agreements: the portfolio, versions and their differences, the status workflow and what-if. */
export function agreementRoutes() {
  return new OpenAPIHono<AppEnv>()
    .openapi(list, async (c) => {
      const scope = await scopeOf(c);
      const { db, clock } = c.var.deps;
      const query = c.req.valid('query');
      const visibility: AgreementVisibility = await agreementVisibility(
        db,
        scope,
        clock().toISOString().slice(0, 10),
      );
      const page = await listAgreements(db, visibility, query);
      const items = await summaries(c, scope, page.items);
      await audit(c, 'read', 'agreement', null, query.organisationId ?? null, {
        list: true,
        ids: items.map((i) => i.id),
      });
      return c.json({ items, total: page.total, limit: query.limit, offset: query.offset }, 200);
    })
    .openapi(detail, async (c) => {
      const { id } = c.req.valid('param');
      const { scope, head } = await visibleAgreement(c, id);
      await audit(c, 'read', 'agreement', id, head.organisation.id, { version: head.version });
      c.header('ETag', `"${head.version}"`);
      return c.json(await detailOf(c, scope, head), 200);
    })
    .openapi(version, async (c) => {
      const { id, version: v } = c.req.valid('param');
      const { head } = await visibleAgreement(c, id);
      const versions = await agreementVersionList(c.var.deps.db, id);
      const row = versions.find((x) => x.version === v);
      const document = row ? await loadAgreement(c.var.deps.db, id, v) : null;
      if (!row || !document) throw notFound('agreement version', `${id}/${v}`);
      await audit(c, 'read', 'agreement', id, head.organisation.id, { version: v });
      return c.json(
        { agreementId: id, version: v, status: row.status, createdAt: row.createdAt.toISOString(), document },
        200,
      );
    })
    .openapi(compareVersions, async (c) => {
      const { id } = c.req.valid('param');
      const { from, to } = c.req.valid('query');
      const { head } = await visibleAgreement(c, id);
      const { db } = c.var.deps;
      const [a, b] = await Promise.all([loadAgreement(db, id, from), loadAgreement(db, id, to)]);
      if (!a) throw notFound('agreement version', `${id}/${from}`);
      if (!b) throw notFound('agreement version', `${id}/${to}`);
      await audit(c, 'read', 'agreement', id, head.organisation.id, { diff: [from, to] });
      return c.json({ agreementId: id, from, to, changes: agreementDiff(a, b) }, 200);
    })
    .openapi(create, async (c) => {
      const scope = await scopeOf(c);
      const { name, ...draft } = c.req.valid('json');
      if (scope.caller.role === 'insurer' && draft.insurer !== scope.insurerCode) {
        throw forbidden(
          `You may create agreements led by your own insurer (${scope.insurerCode ?? '-'}), not by ${draft.insurer}.`,
          `U mag alleen overeenkomsten aanmaken waarvan uw eigen verzekeraar (${scope.insurerCode ?? '-'}) de hoofdverzekeraar is, niet ${draft.insurer}.`,
        );
      }
      const doc: Agreement = {
        ...draft,
        id: `agr-${draft.organisation.id}-${randomBytes(4).toString('hex')}`,
        version: 1,
        status: 'draft',
      };
      const warnings = await validated(c, doc);
      const [org] = await organisationsByIds(c.var.deps.db, [doc.organisation.id]);
      const title =
        name ?? `Resultaatafspraak ${org?.name ?? doc.organisation.id} ${doc.period.start}–${doc.period.end}`;
      const saved = await saveVersion(c, scope, doc, title, null);
      await audit(c, 'create', 'agreement', doc.id, doc.organisation.id, { version: 1 });
      return c.json({ ...saved, warnings }, 201);
    })
    .openapi(update, async (c) => {
      const { id } = c.req.valid('param');
      const { name, expectedVersion: fromBody, ...draft } = c.req.valid('json');
      const { scope, head, access } = await visibleAgreement(c, id);
      requireLead(access, head, { en: 'change', nl: 'wijzigen' });
      const expected = expectedVersionOf(c.req.valid('header')['if-match'], fromBody);
      requireVersion(head, expected);
      if (!EDITABLE.includes(head.status)) {
        const label = AGREEMENT_STATUS_LABELS[head.status];
        throw new HttpProblem(
          409,
          'Conflict',
          `Agreement ${id} is ${label.en}; only drafts and proposals can be changed. Agreed and settled agreements are immutable.`,
          {
            detailNl: `Overeenkomst ${id} is ${label.nl}; alleen concepten en voorstellen kunnen worden gewijzigd. Overeengekomen en afgerekende overeenkomsten liggen vast.`,
          },
        );
      }
      const fixed: ValidationIssue[] = [];
      if (draft.insurer !== head.document.insurer) {
        fixed.push(
          issue(
            'insurer',
            'fixed-party',
            `The lead insurer of an agreement cannot change (it is ${head.document.insurer}).`,
            `De hoofdverzekeraar van een overeenkomst kan niet veranderen (dat is ${head.document.insurer}).`,
          ),
        );
      }
      if (draft.organisation.id !== head.document.organisation.id) {
        fixed.push(
          issue(
            'organisation.id',
            'fixed-party',
            `The organisation of an agreement cannot change (it is ${head.document.organisation.id}); create a new agreement instead.`,
            `De organisatie van een overeenkomst kan niet veranderen (dat is ${head.document.organisation.id}); maak een nieuwe overeenkomst.`,
          ),
        );
      }
      if (fixed.length > 0) throw invalidAgreement(fixed);
      const doc: Agreement = { ...draft, id, version: head.version + 1, status: head.status };
      const warnings = await validated(c, doc);
      const saved = await saveVersion(c, scope, doc, name ?? head.name, expected);
      await audit(c, 'update', 'agreement', id, head.organisation.id, {
        version: doc.version,
        from: expected,
      });
      return c.json({ ...saved, warnings }, 200);
    })
    .openapi(transition, async (c) => {
      const { id } = c.req.valid('param');
      const { to, expectedVersion: fromBody } = c.req.valid('json');
      const { scope, head, access } = await visibleAgreement(c, id);
      requireLead(access, head, { en: 'move', nl: 'verplaatsen' });
      const expected = expectedVersionOf(c.req.valid('header')['if-match'], fromBody);
      requireVersion(head, expected);
      const from = head.status;
      if (!TRANSITIONS[from].includes(to)) {
        const allowed = TRANSITIONS[from];
        throw new HttpProblem(
          409,
          'Conflict',
          `Agreement ${id} is ${AGREEMENT_STATUS_LABELS[from].en} and cannot become ${AGREEMENT_STATUS_LABELS[to].en}; from here: ${allowed.join(', ') || 'nothing'}.`,
          {
            detailNl: `Overeenkomst ${id} is ${AGREEMENT_STATUS_LABELS[from].nl} en kan niet ${AGREEMENT_STATUS_LABELS[to].nl} worden; mogelijk: ${allowed.map((s) => AGREEMENT_STATUS_LABELS[s].nl).join(', ') || 'niets'}.`,
          },
        );
      }
      const doc: Agreement = { ...head.document, version: head.version + 1, status: to };
      let warnings: FieldError[] = [];
      // A proposal goes to the counterparty and an agreement binds both: neither may carry an error.
      if (to === 'proposed' || to === 'agreed') warnings = await validated(c, doc);
      if (to === 'settled') {
        const covered = new Set(
          (await frozenPeriods(c.var.deps.db, id)).flatMap((p) => quartersBetween(p, p)),
        );
        const missing = quartersBetween(head.period.start, head.period.end).filter((q) => !covered.has(q));
        if (missing.length > 0) {
          throw new HttpProblem(
            409,
            'Conflict',
            `Agreement ${id} cannot be marked settled: ${missing.length} quarter(s) have no frozen settlement: ${missing.join(', ')}.`,
            {
              detailNl: `Overeenkomst ${id} kan niet als afgerekend worden gemarkeerd: ${missing.length} kwarta(a)l(en) zonder definitieve afrekening: ${missing.join(', ')}.`,
              errors: missing.map((q) => ({
                path: `period.${q}`,
                message: `no frozen settlement for ${q}`,
                messageNl: `geen definitieve afrekening voor ${q}`,
                code: 'unsettled-quarter',
              })),
            },
          );
        }
      }
      const saved = await saveVersion(c, scope, doc, head.name, expected);
      await audit(c, 'update', 'agreement', id, head.organisation.id, { version: doc.version, from, to });
      return c.json({ ...saved, warnings }, 200);
    })
    .openapi(whatIf, async (c) => {
      const { id } = c.req.valid('param');
      const { period, values } = c.req.valid('json');
      const { head } = await visibleAgreement(c, id);
      const { db } = c.var.deps;
      const doc = head.document;
      const context = await loadSettlementContext(db);
      const inputs = await settlementInputsFor(db, doc, period, context);
      const used = new Set([
        ...doc.clauses.map((x) => x.kpiCode),
        ...(doc.bonusMalus ?? []).map((x) => x.kpiCode),
        ...(doc.sharedSavings ? [doc.sharedSavings.costKpiCode] : []),
      ]);
      const errors: FieldError[] = [];
      const observations = { ...inputs.observations };
      const substituted: { kpiCode: string; kind: string; actual: number | null; value: number }[] = [];
      for (const [code, value] of Object.entries(values)) {
        const kpi = context.kpis.find((k) => k.code === code);
        const actual = inputs.observations[code];
        const path = `values.${code}`;
        if (!kpi || !used.has(code)) {
          errors.push({
            path,
            code: 'kpi-not-in-agreement',
            message: `Agreement ${id} does not use KPI ${code}.`,
            messageNl: `Overeenkomst ${id} gebruikt KPI ${code} niet.`,
          });
        } else if (!actual || actual.denominator <= 0) {
          errors.push({
            path,
            code: 'no-figures',
            message: `There are no figures for ${code} in ${period}; a value needs the actual denominator to stand on.`,
            messageNl: `Er zijn geen cijfers voor ${code} in ${period}; een waarde heeft de werkelijke noemer nodig.`,
          });
        } else if (offScale(kpi, value)) {
          errors.push({
            path,
            code: 'value-off-scale',
            message:
              kpi.kind === 'proportion'
                ? `${code} is a proportion between 0 and 1 (0.8 = 80%); got ${value}.`
                : `${code} cannot be negative; got ${value}.`,
            messageNl:
              kpi.kind === 'proportion'
                ? `${code} is een fractie tussen 0 en 1 (0,8 = 80 %); gegeven ${value}.`
                : `${code} kan niet negatief zijn; gegeven ${value}.`,
          });
        } else {
          observations[code] = figuresFor(kpi, actual, value);
          const options =
            kpi.kind === 'rate'
              ? { confidence: 0.95 as const, multiplier: kpi.multiplier }
              : { confidence: 0.95 as const };
          substituted.push({
            kpiCode: code,
            kind: kpi.kind,
            actual: estimate(kpi.kind, actual, options).value,
            value,
          });
        }
      }
      if (errors.length > 0) {
        throw new HttpProblem(
          422,
          'Invalid what-if',
          `${errors.length} value(s) cannot be used: ${errors.map((e) => e.path).join(', ')}.`,
          {
            detailNl: `${errors.length} waarde(n) kunnen niet worden gebruikt: ${errors.map((e) => e.path).join(', ')}.`,
            errors,
          },
        );
      }
      const actual = await settling(() => settle(doc, inputs));
      const projected = await settling(() => settle(doc, { ...inputs, observations }));
      await audit(c, 'read', 'agreement', id, head.organisation.id, {
        whatIf: period,
        kpis: Object.keys(values),
      });
      return c.json(
        {
          agreementId: id,
          agreementVersion: doc.version,
          period,
          substituted,
          actual: resultOf(actual),
          projected: resultOf(projected),
          difference: {
            total: projected.total - actual.total,
            attainment: projected.attainment - actual.attainment,
            conditional: projected.conditional - actual.conditional,
            bonus: projected.bonus - actual.bonus,
            malus: projected.malus - actual.malus,
            sharedSavings: projected.sharedSavings - actual.sharedSavings,
          },
        },
        200,
      );
    });
}
