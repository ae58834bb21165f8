import { sql } from 'drizzle-orm';
import {
  char,
  check,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { agreements } from './agreements';
import { users } from './access';
import { areaKind } from './enums';
import { isPeriodSql } from './checks';
import { organisations } from './organisations';
import { importBatches } from './kpis';

/** GGD (public health service) regions. */
export const ggdRegions = pgTable('ggd_regions', {
  name: text().primaryKey(),
});

/** Municipalities with their CBS code (GM0363). */
export const municipalities = pgTable(
  'municipalities',
  {
    code: text().primaryKey(),
    name: text().notNull(),
  },
  (t) => [check('municipalities_code_format', sql`${t.code} ~ '^GM[0-9]{4}$'`)],
);

/** PC4 postcode areas and the municipality and GGD region they lie in. */
export const pc4Areas = pgTable(
  'pc4_areas',
  {
    pc4: char({ length: 4 }).primaryKey(),
    municipalityCode: text()
      .notNull()
      .references(() => municipalities.code),
    ggdRegion: text()
      .notNull()
      .references(() => ggdRegions.name),
    inhabitants: integer().notNull(),
  },
  (t) => [
    check('pc4_areas_format', sql`${t.pc4} ~ '^[1-9][0-9]{3}$'`),
    check('pc4_areas_inhabitants_nonnegative', sql`${t.inhabitants} >= 0`),
    index('pc4_areas_municipality_idx').on(t.municipalityCode),
  ],
);

/** An organisation's service area as a set of PC4 areas. */
export const serviceAreas = pgTable(
  'service_areas',
  {
    organisationId: text()
      .notNull()
      .references(() => organisations.id),
    pc4: char({ length: 4 })
      .notNull()
      .references(() => pc4Areas.pc4),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.pc4] }), index('service_areas_pc4_idx').on(t.pc4)],
);

/**
 * Regional facts: area × indicator × period (× stratum such as "M|45-49"), e.g. costs per care type
 * from Vektis open data or population from CBS. `stratum` is '' for the area as a whole.
 */
export const regionalFacts = pgTable(
  'regional_facts',
  {
    areaKind: areaKind().notNull(),
    areaCode: text().notNull(),
    indicator: text().notNull(),
    period: text().notNull(),
    stratum: text().notNull().default(''),
    value: doublePrecision().notNull(),
    denominator: doublePrecision(),
    source: text().notNull(),
    batchId: integer().references(() => importBatches.id),
  },
  (t) => [
    primaryKey({ columns: [t.areaKind, t.areaCode, t.indicator, t.period, t.stratum] }),
    check('regional_facts_period_valid', isPeriodSql(t.period)),
    check('regional_facts_denominator_positive', sql`${t.denominator} is null or ${t.denominator} > 0`),
    index('regional_facts_indicator_idx').on(t.indicator, t.period),
  ],
);

/**
 * The "basis op orde" checklist of a region: functions every region must have organised (acute care,
 * night availability, peak load, complex cases, coordination with other care types, client support),
 * each with a status, an owner and the agreement that funds it. Edits keep history in the audit log.
 */
export const basicFunctions = pgTable(
  'basic_functions',
  {
    regionId: text()
      .notNull()
      .references(() => organisations.id),
    functionCode: text().notNull(),
    status: text().notNull(),
    owner: text().notNull().default(''),
    agreementId: text().references(() => agreements.id),
    note: text().notNull().default(''),
    version: integer().notNull().default(1),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedBy: integer().references(() => users.id),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.functionCode] }),
    check('basic_functions_status', sql`${t.status} in ('missing', 'in-progress', 'organised')`),
    check(
      'basic_functions_code',
      sql`${t.functionCode} in ('acute', 'night', 'peak-load', 'complex-cases', 'coordination', 'client-support')`,
    ),
  ],
);
