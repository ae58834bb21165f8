import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
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
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { Localised } from '@kwadrant/domain/model';
import { benchmarkGrouping, importStatus, kpiDomain, kpiKind, polarity } from './enums';
import { isPeriodSql } from './checks';
import { organisations } from './organisations';
import { users } from './access';

/** KPI definitions: the default catalogue plus custom KPIs of an organisation. */
export const kpiDefinitions = pgTable(
  'kpi_definitions',
  {
    code: text().primaryKey(),
    nameNl: text().notNull(),
    nameEn: text().notNull(),
    domain: kpiDomain().notNull(),
    kind: kpiKind().notNull(),
    polarity: polarity().notNull(),
    multiplier: doublePrecision().notNull(),
    unit: jsonb().$type<Localised>().notNull(),
    numerator: jsonb().$type<Localised>().notNull(),
    denominator: jsonb().$type<Localised>().notNull(),
    minDenominator: doublePrecision().notNull(),
    source: jsonb().$type<Localised>().notNull(),
    defaultTarget: doublePrecision(),
    nationalReference: doublePrecision(),
    reviewDate: date().notNull(),
    /** Null for the default catalogue; the owning organisation for a custom KPI. */
    ownerId: text().references(() => organisations.id),
  },
  (t) => [
    // Target of the composite foreign key from observations: it pins an observation's kind to its KPI's.
    unique('kpi_definitions_code_kind_unique').on(t.code, t.kind),
    check('kpi_definitions_code_format', sql`${t.code} ~ '^[A-Z]{2,4}-[0-9A-Z]{2,6}$'`),
    check('kpi_definitions_multiplier_positive', sql`${t.multiplier} > 0`),
    check('kpi_definitions_min_denominator_nonnegative', sql`${t.minDenominator} >= 0`),
  ],
);

/** One uploaded file, its content hash (for idempotent re-imports) and the errors it had. */
export const importBatches = pgTable(
  'import_batches',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    kind: text().notNull(),
    fileName: text().notNull(),
    contentHash: text().notNull(),
    importedBy: integer().references(() => users.id),
    organisationId: text().references(() => organisations.id),
    status: importStatus().notNull(),
    rowCount: integer().notNull().default(0),
    importedCount: integer().notNull().default(0),
    errorCount: integer().notNull().default(0),
    errors: jsonb().$type<unknown[]>().notNull().default([]),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('import_batches_hash_format', sql`${t.contentHash} ~ '^[0-9a-f]{64}$'`),
    check(
      'import_batches_counts_nonnegative',
      sql`${t.rowCount} >= 0 and ${t.importedCount} >= 0 and ${t.errorCount} >= 0`,
    ),
    // The same file committed twice adds nothing: one committed batch per kind and content.
    uniqueIndex('import_batches_committed_hash_unique')
      .on(t.kind, t.contentHash)
      .where(sql`${t.status} = 'committed'`),
    index('import_batches_created_idx').on(t.createdAt),
  ],
);

/**
 * Observations: organisation × KPI × period → numerator, denominator (optional expected, sum of squares).
 * A correction inserts a new version and marks the old one superseded; nothing is ever deleted.
 */
export const observations = pgTable(
  'observations',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    organisationId: text()
      .notNull()
      .references(() => organisations.id),
    kpiCode: text().notNull(),
    /** Copied from the KPI (and held to it by a foreign key) so that checks can depend on the kind. */
    kind: kpiKind().notNull(),
    period: text().notNull(),
    numerator: doublePrecision().notNull(),
    denominator: doublePrecision().notNull(),
    expected: doublePrecision(),
    sumSquares: doublePrecision(),
    source: text().notNull(),
    batchId: integer().references(() => importBatches.id),
    version: integer().notNull().default(1),
    supersededAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      name: 'observations_kpi_fk',
      columns: [t.kpiCode, t.kind],
      foreignColumns: [kpiDefinitions.code, kpiDefinitions.kind],
    }),
    unique('observations_version_unique').on(t.organisationId, t.kpiCode, t.period, t.version),
    // At most one current (not superseded) value per organisation, KPI and period.
    uniqueIndex('observations_current_unique')
      .on(t.organisationId, t.kpiCode, t.period)
      .where(sql`${t.supersededAt} is null`),
    index('observations_kpi_period_current_idx')
      .on(t.kpiCode, t.period)
      .where(sql`${t.supersededAt} is null`),
    index('observations_batch_idx').on(t.batchId),
    check('observations_period_valid', isPeriodSql(t.period)),
    check('observations_version_positive', sql`${t.version} >= 1`),
    check('observations_numerator_nonnegative', sql`${t.numerator} >= 0`),
    check('observations_denominator_positive', sql`${t.denominator} > 0`),
    check(
      'observations_proportion_within_denominator',
      sql`${t.kind} <> 'proportion' or ${t.numerator} <= ${t.denominator}`,
    ),
    check(
      'observations_expected_for_ratio',
      sql`${t.kind} <> 'ratio' or (${t.expected} is not null and ${t.expected} > 0)`,
    ),
    check(
      'observations_finite',
      sql`${t.numerator} <> 'Infinity'::float8 and ${t.denominator} <> 'Infinity'::float8`,
    ),
  ],
);

/** Named peer groups (e.g. practices of similar size or deprivation) usable as a benchmark. */
export const peerGroups = pgTable('peer_groups', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  ownerId: text()
    .notNull()
    .references(() => organisations.id),
  name: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const peerGroupMembers = pgTable(
  'peer_group_members',
  {
    peerGroupId: integer()
      .notNull()
      .references(() => peerGroups.id, { onDelete: 'cascade' }),
    organisationId: text()
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [primaryKey({ columns: [t.peerGroupId, t.organisationId] })],
);

/**
 * Materialised benchmarks per KPI × period × grouping, computed by the domain's statistics and
 * refreshed after each import. `groupId` is '' for the national grouping.
 */
export const benchmarks = pgTable(
  'benchmarks',
  {
    kpiCode: text()
      .notNull()
      .references(() => kpiDefinitions.code),
    period: text().notNull(),
    grouping: benchmarkGrouping().notNull(),
    groupId: text().notNull().default(''),
    unitCount: integer().notNull(),
    numerator: doublePrecision().notNull(),
    denominator: doublePrecision().notNull(),
    expected: doublePrecision(),
    value: doublePrecision().notNull(),
    lower95: doublePrecision(),
    upper95: doublePrecision(),
    lower998: doublePrecision(),
    upper998: doublePrecision(),
    /** Unit-level percentiles p10, p25, p50, p75, p90 of the units' values (R type 7). */
    percentiles: jsonb().$type<Record<'p10' | 'p25' | 'p50' | 'p75' | 'p90', number>>(),
    deciles: jsonb().$type<number[]>(),
    /** Overdispersion of the units around the benchmark (Spiegelhalter 2005); null for means and rates. */
    phi: doublePrecision(),
    tau2: doublePrecision(),
    computedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.kpiCode, t.period, t.grouping, t.groupId] }),
    check('benchmarks_period_valid', isPeriodSql(t.period)),
    check('benchmarks_unit_count_positive', sql`${t.unitCount} > 0`),
    index('benchmarks_group_idx').on(t.grouping, t.groupId, t.period),
  ],
);
