import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  boolean,
} from 'drizzle-orm/pg-core';
import type { Localised } from '@kwadrant/domain/model';
import { agreementStatus, fundingBasis, quadrantCode } from './enums';
import { isPeriodSql } from './checks';
import { organisations } from './organisations';
import { kpiDefinitions } from './kpis';
import { users } from './access';

/** Payment titles (betaaltitels): the default catalogue, renamable or retirable by an administrator. */
export const paymentTitles = pgTable('payment_titles', {
  code: text().primaryKey(),
  quadrant: quadrantCode().notNull(),
  nameNl: text().notNull(),
  nameEn: text().notNull(),
  description: jsonb().$type<Localised>().notNull(),
  basis: fundingBasis().notNull(),
  resultObligation: jsonb().$type<Localised>().notNull(),
  namedInSource: boolean().notNull().default(false),
  active: boolean().notNull().default(true),
});

/**
 * An agreement's identity and its current version. Every change writes a new row in
 * agreement_versions; `currentVersion` is compared on update so concurrent edits are detected.
 */
export const agreements = pgTable(
  'agreements',
  {
    id: text().primaryKey(),
    insurerId: text()
      .notNull()
      .references(() => organisations.id),
    organisationId: text()
      .notNull()
      .references(() => organisations.id),
    currentVersion: integer().notNull().default(1),
    status: agreementStatus().notNull().default('draft'),
    name: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('agreements_parties_differ', sql`${t.insurerId} <> ${t.organisationId}`),
    index('agreements_insurer_idx').on(t.insurerId),
    index('agreements_organisation_idx').on(t.organisationId),
  ],
);

/** Every version of an agreement as the domain's full agreement document, plus its header for queries. */
export const agreementVersions = pgTable(
  'agreement_versions',
  {
    agreementId: text()
      .notNull()
      .references(() => agreements.id),
    version: integer().notNull(),
    status: agreementStatus().notNull(),
    periodStart: text().notNull(),
    periodEnd: text().notNull(),
    atRiskShare: doublePrecision().notNull(),
    /** The domain Agreement exactly as validated (lines, clauses, bonus/malus, shared savings, co-insurers). */
    document: jsonb().$type<Record<string, unknown>>().notNull(),
    createdBy: integer().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.agreementId, t.version] }),
    check('agreement_versions_version_positive', sql`${t.version} >= 1`),
    check('agreement_versions_period_start_valid', isPeriodSql(t.periodStart)),
    check('agreement_versions_period_end_valid', isPeriodSql(t.periodEnd)),
    check('agreement_versions_period_ordered', sql`${t.periodStart} <= ${t.periodEnd}`),
    check('agreement_versions_at_risk_share', sql`${t.atRiskShare} >= 0 and ${t.atRiskShare} <= 1`),
  ],
);

/** Payment-title lines of an agreement version (queryable copy of the document's lines). */
export const agreementLines = pgTable(
  'agreement_lines',
  {
    agreementId: text().notNull(),
    version: integer().notNull(),
    lineId: text().notNull(),
    titleCode: text()
      .notNull()
      .references(() => paymentTitles.code),
    tariffCents: bigint({ mode: 'number' }).notNull(),
    volume: doublePrecision(),
  },
  (t) => [
    primaryKey({ columns: [t.agreementId, t.version, t.lineId] }),
    foreignKey({
      name: 'agreement_lines_version_fk',
      columns: [t.agreementId, t.version],
      foreignColumns: [agreementVersions.agreementId, agreementVersions.version],
    }),
    check('agreement_lines_tariff_nonnegative', sql`${t.tariffCents} >= 0`),
    index('agreement_lines_title_idx').on(t.titleCode),
  ],
);

/** Result clauses of an agreement version (queryable copy of the document's clauses). */
export const agreementClauses = pgTable(
  'agreement_clauses',
  {
    agreementId: text().notNull(),
    version: integer().notNull(),
    clauseId: text().notNull(),
    kpiCode: text()
      .notNull()
      .references(() => kpiDefinitions.code),
    target: doublePrecision().notNull(),
    threshold: doublePrecision(),
    weight: doublePrecision().notNull(),
    scoring: text().notNull(),
    evidence: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.agreementId, t.version, t.clauseId] }),
    foreignKey({
      name: 'agreement_clauses_version_fk',
      columns: [t.agreementId, t.version],
      foreignColumns: [agreementVersions.agreementId, agreementVersions.version],
    }),
    check('agreement_clauses_weight_range', sql`${t.weight} >= 0 and ${t.weight} <= 1`),
    check(
      'agreement_clauses_threshold_differs',
      sql`${t.threshold} is null or ${t.threshold} <> ${t.target}`,
    ),
    index('agreement_clauses_kpi_idx').on(t.kpiCode),
  ],
);

/** Co-insurers of an agreement version under congruent purchasing, with their share. */
export const agreementCoInsurers = pgTable(
  'agreement_co_insurers',
  {
    agreementId: text().notNull(),
    version: integer().notNull(),
    insurerId: text()
      .notNull()
      .references(() => organisations.id),
    share: doublePrecision().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.agreementId, t.version, t.insurerId] }),
    foreignKey({
      name: 'agreement_co_insurers_version_fk',
      columns: [t.agreementId, t.version],
      foreignColumns: [agreementVersions.agreementId, agreementVersions.version],
    }),
    check('agreement_co_insurers_share_range', sql`${t.share} > 0 and ${t.share} < 1`),
    index('agreement_co_insurers_insurer_idx').on(t.insurerId),
  ],
);

/**
 * A settlement of one agreement version for one period. Frozen settlements never change: a correction
 * is a new settlement version. The inputs are recorded exactly, with their fingerprint.
 */
export const settlements = pgTable(
  'settlements',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    agreementId: text()
      .notNull()
      .references(() => agreements.id),
    agreementVersion: integer().notNull(),
    period: text().notNull(),
    settlementVersion: integer().notNull().default(1),
    frozen: boolean().notNull().default(false),
    inputFingerprint: text().notNull(),
    inputs: jsonb().$type<Record<string, unknown>>().notNull(),
    result: jsonb().$type<Record<string, unknown>>().notNull(),
    explanation: jsonb().$type<unknown[]>().notNull(),
    totalCents: bigint({ mode: 'number' }).notNull(),
    createdBy: integer().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    frozenAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    unique('settlements_version_unique').on(t.agreementId, t.period, t.settlementVersion),
    foreignKey({
      name: 'settlements_agreement_version_fk',
      columns: [t.agreementId, t.agreementVersion],
      foreignColumns: [agreementVersions.agreementId, agreementVersions.version],
    }),
    check('settlements_period_valid', isPeriodSql(t.period)),
    check('settlements_fingerprint_format', sql`${t.inputFingerprint} ~ '^[0-9a-f]{64}$'`),
    check('settlements_frozen_at', sql`${t.frozen} = (${t.frozenAt} is not null)`),
  ],
);
