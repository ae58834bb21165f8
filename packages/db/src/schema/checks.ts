import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { PERIOD_PATTERN_SQL } from '@kwadrant/domain/model';

/** SQL condition: the column holds a period string "YYYY" or "YYYY-Qn" (the domain's PERIOD_PATTERN). */
export const isPeriodSql = (column: AnyPgColumn): SQL =>
  sql`${column} ~ ${sql.raw(`'${PERIOD_PATTERN_SQL}'`)}`;
