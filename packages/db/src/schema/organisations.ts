import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  char,
} from 'drizzle-orm/pg-core';
import { organisationKind, quadrantCode, sex } from './enums';
import { isPeriodSql } from './checks';

/** Regions, collaboratives, practices, insurers and partners, with their national code (AGB or UZOVI). */
export const organisations = pgTable(
  'organisations',
  {
    id: text().primaryKey(),
    kind: organisationKind().notNull(),
    name: text().notNull(),
    codeSystem: text().notNull(),
    code: text().notNull(),
    /** Placed by the domain's placeInQuadrant when written; null for insurers. */
    quadrant: quadrantCode(),
    population: integer(),
    disciplines: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** The PC4 area a practice is located in. */
    pc4: char({ length: 4 }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('organisations_code_unique').on(t.codeSystem, t.code),
    check(
      'organisations_code_valid',
      sql`(${t.codeSystem} = 'AGB' and ${t.code} ~ '^[0-9]{8}$' and ${t.kind} <> 'insurer')
       or (${t.codeSystem} = 'UZOVI' and ${t.code} ~ '^[0-9]{4}$' and ${t.kind} = 'insurer')`,
    ),
    check('organisations_quadrant_for_providers', sql`(${t.kind} = 'insurer') = (${t.quadrant} is null)`),
    check('organisations_population_nonnegative', sql`${t.population} is null or ${t.population} >= 0`),
    index('organisations_kind_idx').on(t.kind),
  ],
);

/** Dated membership of a practice in a collaborative, or of a collaborative or partner in a region. */
export const memberships = pgTable(
  'memberships',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    memberId: text()
      .notNull()
      .references(() => organisations.id),
    parentId: text()
      .notNull()
      .references(() => organisations.id),
    validFrom: date().notNull(),
    validTo: date(),
  },
  (t) => [
    check('memberships_dates_ordered', sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
    check('memberships_not_self', sql`${t.memberId} <> ${t.parentId}`),
    unique('memberships_member_parent_from_unique').on(t.memberId, t.parentId, t.validFrom),
    index('memberships_parent_idx').on(t.parentId),
    index('memberships_member_idx').on(t.memberId),
  ],
);

/** Enrolled patients of a practice per quarter by CBS 5-year age band and sex: the case-mix denominator. */
export const enrolledPopulation = pgTable(
  'enrolled_population',
  {
    practiceId: text()
      .notNull()
      .references(() => organisations.id),
    period: text().notNull(),
    ageBand: text().notNull(),
    sex: sex().notNull(),
    count: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.period, t.ageBand, t.sex] }),
    check('enrolled_population_period_valid', isPeriodSql(t.period)),
    check('enrolled_population_count_nonnegative', sql`${t.count} >= 0`),
    index('enrolled_population_period_idx').on(t.period),
  ],
);
