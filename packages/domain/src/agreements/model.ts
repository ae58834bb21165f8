import { z } from 'zod';
import type { KpiDefinition } from '../catalogue/kpi-definition';
import type { FundingBasis, PaymentTitle } from '../catalogue/payment-titles';
import type { QuadrantCode } from '../catalogue/quadrants';
import type { ObservationFigures } from '../model/kpi-types';
import type { Localised } from '../model/localised';

/*
 * Outcome agreements (resultaatafspraken) and their settlement (domain guide §6).
 *
 * The zod schemas check shape only: types, integers, enum values and string formats. Business
 * rules (at-risk share in [0, 1], weights summing to 1, thresholds on the right side of targets, …)
 * are checked by `validateAgreement`, which reports them with precise Dutch and English messages.
 */

/** A quarter string such as "2025-Q1". */
export const QUARTER_PATTERN = /^\d{4}-Q[1-4]$/;
/** A year ("2025") or a quarter ("2025-Q1"). */
export const YEAR_OR_QUARTER_PATTERN = /^\d{4}(?:-Q[1-4])?$/;
/** A UZOVI-like insurer code: 4 digits (Vektis UZOVI register). */
export const UZOVI_PATTERN = /^\d{4}$/;

export const AGREEMENT_STATUSES = ['draft', 'proposed', 'agreed', 'settled'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

export const AGREEMENT_STATUS_LABELS: Record<AgreementStatus, Localised> = {
  draft: { nl: 'concept', en: 'draft' },
  proposed: { nl: 'voorgesteld', en: 'proposed' },
  agreed: { nl: 'overeengekomen', en: 'agreed' },
  settled: { nl: 'afgerekend', en: 'settled' },
};

export const EVIDENCE_RULES = ['point', 'benefit-of-doubt', 'significant'] as const;
export type EvidenceRule = (typeof EVIDENCE_RULES)[number];

const quarterSchema = z.string().regex(QUARTER_PATTERN, 'expected a quarter such as "2025-Q1"');
const periodSchema = z
  .string()
  .regex(YEAR_OR_QUARTER_PATTERN, 'expected a year ("2025") or a quarter ("2025-Q1")');
const insurerSchema = z.string().regex(UZOVI_PATTERN, 'expected a UZOVI code of 4 digits');
const idSchema = z.string().min(1);
const quadrantSchema = z.enum(['Q1', 'Q2', 'Q3', 'Q4'] as const satisfies readonly QuadrantCode[]);
const fundingBasisSchema = z.enum([
  'capitation',
  'availability',
  'project',
  'fte',
] as const satisfies readonly FundingBasis[]);
const confidenceSchema = z.union([z.literal(0.95), z.literal(0.998)]);

/**
 * A payment line: one payment title at a negotiated tariff (integer cents). What the tariff is per
 * follows the title's funding basis (domain guide §3), which the line repeats so that a reader of the
 * agreement sees it and `validateAgreement` can check it against the catalogue:
 * - capitation: cents per enrolled patient per quarter; volume = enrolled patients;
 * - availability: cents per year; volume = units of availability (normally 1), pro-rated by period;
 * - project: cents per milestone; volume = milestones reached in the settled period;
 * - fte: cents per FTE per year; volume = funded FTE, pro-rated by period.
 * `volume` is the contracted volume, used when the settlement inputs give none for the line.
 */
export const agreementLineSchema = z.object({
  id: idSchema,
  titleCode: idSchema,
  basis: fundingBasisSchema,
  tariffCents: z.int(),
  volume: z.number().optional(),
});

/**
 * How a clause turns a KPI result into a score in [0, 1] (domain guide §6, step 3):
 * - linear: 0 at the threshold, 1 at the target, linear in between and clamped;
 * - bands: a step table; a band applies once the result reaches its `from` in the better direction
 *   (≥ for higher-is-better, ≤ for lower-is-better) and the most demanding band reached counts;
 * - all-or-nothing: 1 when the target is met, else 0;
 * - improvement: relative to the result in `baselinePeriod`. `measure` says how `targetImprovement`
 *   is read: 'absolute' on the KPI's own scale (0.05 = 5 percentage points on a proportion) or
 *   'relative' as a fraction of the baseline (0.10 = 10 % better than baseline). 0 at the baseline,
 *   1 at the improved target; a result that meets the clause's absolute `target` always scores 1.
 */
export const scoringRuleSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('linear') }),
  z.object({
    type: z.literal('bands'),
    bands: z.array(z.object({ from: z.number(), score: z.number() })),
  }),
  z.object({ type: z.literal('all-or-nothing') }),
  z.object({
    type: z.literal('improvement'),
    baselinePeriod: periodSchema,
    targetImprovement: z.number(),
    measure: z.enum(['relative', 'absolute']),
  }),
]);
export type ScoringRule = z.infer<typeof scoringRuleSchema>;

/**
 * A result clause. `target` and `threshold` are on the KPI estimate's own scale: a proportion as
 * 0–1, a rate per the KPI's multiplier person-years, a ratio as O/E, a mean as is. `threshold` is
 * needed by linear scoring only. `confidence` is the level of the interval the evidence rule uses.
 */
export const resultClauseSchema = z.object({
  id: idSchema,
  kpiCode: idSchema,
  target: z.number(),
  threshold: z.number().optional(),
  weight: z.number(),
  scoring: scoringRuleSchema,
  evidence: z.enum(EVIDENCE_RULES),
  confidence: confidenceSchema,
});
export type ResultClause = z.infer<typeof resultClauseSchema>;

/**
 * A bonus or malus: `amountCents` per year (pro-rated to the settled period like availability)
 * when the KPI's point value meets the condition. A bonus's condition must point in the KPI's
 * better direction and a malus's in its worse direction, so that a better result never pays less.
 */
export const bonusMalusSchema = z.object({
  id: idSchema,
  kpiCode: idSchema,
  kind: z.enum(['bonus', 'malus']),
  condition: z.object({ comparator: z.enum(['at-least', 'at-most']), value: z.number() }),
  amountCents: z.int(),
});
export type BonusMalus = z.infer<typeof bonusMalusSchema>;

/**
 * Shared savings on a standardised cost KPI (kind 'ratio'): its figures give observed costs O
 * (numerator) and expected costs E (expected, else denominator), both in cents.
 * Rates are fractions: minimumSavingsRate 0.02 = 2 % of E. `attainmentGate` is the attainment A
 * needed when gateByAttainment is 'gate'. `lossSharingRate` is needed when `twoSided`.
 */
export const sharedSavingsSchema = z.object({
  costKpiCode: idSchema,
  minimumSavingsRate: z.number(),
  sharingRate: z.number(),
  gateByAttainment: z.enum(['none', 'scale', 'gate']),
  attainmentGate: z.number().optional(),
  capRateOfExpected: z.number(),
  twoSided: z.boolean(),
  lossSharingRate: z.number().optional(),
});
export type SharedSavings = z.infer<typeof sharedSavingsSchema>;

/**
 * A co-insurer under congruent purchasing (congruente inkoop). `share` is a fraction of the
 * settlement total, derived by the parties from market share or enrolled patients (see
 * `Agreement.coInsuranceBasis`). The lead insurer pays the remainder, 1 − Σ shares.
 */
export const coInsurerSchema = z.object({
  insurer: insurerSchema,
  share: z.number(),
});
export type CoInsurer = z.infer<typeof coInsurerSchema>;

/** An outcome agreement between a lead insurer and a primary-care organisation (domain guide §6). */
export const agreementSchema = z.object({
  id: idSchema,
  version: z.int().min(1),
  status: z.enum(AGREEMENT_STATUSES),
  /** The lead insurer (UZOVI code). */
  insurer: insurerSchema,
  organisation: z.object({ id: idSchema, quadrant: quadrantSchema }),
  /** First and last quarter, both included. */
  period: z.object({ start: quarterSchema, end: quarterSchema }),
  /** r: the fraction of the base that depends on results. */
  atRiskShare: z.number(),
  lines: z.array(agreementLineSchema),
  clauses: z.array(resultClauseSchema),
  bonusMalus: z.array(bonusMalusSchema).optional(),
  sharedSavings: sharedSavingsSchema.optional(),
  coInsurers: z.array(coInsurerSchema),
  /** Where the co-insurers' shares come from; descriptive, shown in the explanation. */
  coInsuranceBasis: z.enum(['market-share', 'enrolled-patients']).optional(),
});
export type Agreement = z.infer<typeof agreementSchema>;
export type AgreementLine = z.infer<typeof agreementLineSchema>;

// ---------------------------------------------------------------------------------------------
// Validation

export type IssueSeverity = 'error' | 'warning';

/** One problem found by `validateAgreement`; `path` points into the agreement, e.g. "clauses[1].threshold". */
export interface ValidationIssue {
  path: string;
  code: string;
  message: Localised;
  severity: IssueSeverity;
}

export interface ValidationResult {
  /** False when any issue is an error; warnings alone leave an agreement valid. */
  valid: boolean;
  issues: ValidationIssue[];
}

export interface ValidationContext {
  titles: readonly PaymentTitle[];
  kpis: readonly KpiDefinition[];
  /** Other agreements (any status) to check for overlapping periods and titles. */
  otherAgreements?: readonly Agreement[];
}

// ---------------------------------------------------------------------------------------------
// Settlement

/** What a settlement needs besides the agreement. */
export interface SettlementInputs {
  /** The settled period: a quarter ("2025-Q1") or a year ("2025") within the agreement period. */
  period: string;
  /**
   * Volume per line id, overriding the line's contracted volume. Capitation: enrolled patients per
   * quarter (for a year, the mean of the four quarterly counts); availability: units (normally 1);
   * project: milestones reached in the period; fte: funded FTE.
   */
  volumes: Readonly<Record<string, number>>;
  /** Figures for the settled period per KPI code. */
  observations: Readonly<Record<string, ObservationFigures>>;
  /** Figures per baseline period, then per KPI code, for improvement clauses. */
  baselines?: Readonly<Record<string, Readonly<Record<string, ObservationFigures>>>>;
  kpis: readonly KpiDefinition[];
  titles: readonly PaymentTitle[];
}

export interface LineSettlement {
  lineId: string;
  titleCode: string;
  basis: FundingBasis;
  volume: number;
  amountCents: number;
  /** The arithmetic with its numbers, e.g. "250 × 4000 × 1 = 1000000". */
  formula: string;
}

/**
 * How the evidence rule judged a clause: which value it scored (`scoredOn`), the target it was
 * judged against (for improvement clauses the improved target) and whether that was met. `no-data`:
 * no figures for the KPI; `too-small`: the denominator is below the KPI's minimum. Both score 0.
 */
export interface EvidenceVerdict {
  rule: EvidenceRule;
  scoredOn: 'value' | 'lower' | 'upper' | null;
  scoredValue: number | null;
  effectiveTarget: number | null;
  verdict: 'met' | 'not-met' | 'no-data' | 'too-small';
}

export interface ClauseSettlement {
  clauseId: string;
  kpiCode: string;
  value: number | null;
  lower: number | null;
  upper: number | null;
  /** Point value of the baseline, for improvement clauses. */
  baseline: number | null;
  score: number;
  weight: number;
  contributionCents: number;
  evidence: EvidenceVerdict;
}

export interface BonusMalusSettlement {
  id: string;
  kpiCode: string;
  kind: 'bonus' | 'malus';
  value: number | null;
  applies: boolean;
  amountCents: number;
}

export interface SharedSavingsSettlement {
  observedCents: number | null;
  expectedCents: number | null;
  /** E − O in cents (negative: a loss). */
  savingsCents: number | null;
  /** (E − O) / E. */
  savingsRate: number | null;
  outcome: 'shared-savings' | 'shared-loss' | 'within-corridor' | 'gated' | 'no-data';
  amountCents: number;
}

export interface PartySettlement {
  insurer: string;
  role: 'lead' | 'co-insurer';
  share: number;
  amountCents: number;
}

/** One step of the settlement explanation, in order, readable by a practice manager. */
export interface ExplanationStep {
  step: number;
  key: string;
  title: Localised;
  inputs: Record<string, number | string>;
  formula: string;
  result: number | string;
  text: Localised;
}

/** A settlement for one period. Every amount is in integer euro cents. */
export interface Settlement {
  agreementId: string;
  agreementVersion: number;
  period: string;
  /** Quarters in the settled period (1 or 4). */
  quarters: number;
  base: number;
  /** r × base, rounded once: the money that depends on results. */
  atRisk: number;
  guaranteed: number;
  conditional: number;
  bonus: number;
  malus: number;
  sharedSavings: number;
  total: number;
  /** A = Σ wᵢ·scoreᵢ in [0, 1]. */
  attainment: number;
  lines: LineSettlement[];
  clauses: ClauseSettlement[];
  bonusMalus: BonusMalusSettlement[];
  sharedSavingsDetail: SharedSavingsSettlement | null;
  coInsurers: PartySettlement[];
  explanation: ExplanationStep[];
  /** Canonical JSON of exactly the inputs used; hash it elsewhere to get a fingerprint. */
  inputFingerprint: string;
}
