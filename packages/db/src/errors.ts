import type { Localised } from '@kwadrant/domain/model';

/** A database rule that refused a write, explained for people (Dutch and English) and for code. */
export class ConstraintError extends Error {
  constructor(
    readonly constraint: string,
    readonly table: string | undefined,
    readonly explanation: Localised,
    readonly detail: string | undefined,
    options?: { cause?: unknown },
  ) {
    super(`${explanation.en} (constraint ${constraint}${detail ? `: ${detail}` : ''})`, options);
    this.name = 'ConstraintError';
  }
}

// Why each named rule exists, in words a data manager understands.
const EXPLANATIONS: Record<string, Localised> = {
  observations_numerator_nonnegative: {
    nl: 'De teller mag niet negatief zijn.',
    en: 'The numerator must not be negative.',
  },
  observations_denominator_positive: {
    nl: 'De noemer moet groter dan 0 zijn.',
    en: 'The denominator must be greater than 0.',
  },
  observations_proportion_within_denominator: {
    nl: 'Bij een percentage mag de teller niet groter zijn dan de noemer.',
    en: 'For a proportion the numerator must not exceed the denominator.',
  },
  observations_expected_for_ratio: {
    nl: 'Een gestandaardiseerde ratio heeft een verwachte waarde (E) groter dan 0 nodig.',
    en: 'A standardised ratio needs an expected value (E) greater than 0.',
  },
  observations_period_valid: {
    nl: 'De periode moet een jaar (2025) of kwartaal (2025-Q3) zijn.',
    en: 'The period must be a year (2025) or a quarter (2025-Q3).',
  },
  observations_current_unique: {
    nl: 'Er is al een actuele waarde voor deze organisatie, KPI en periode; een correctie maakt een nieuwe versie.',
    en: 'There is already a current value for this organisation, KPI and period; a correction makes a new version.',
  },
  observations_kpi_fk: {
    nl: 'Onbekende KPI, of de soort past niet bij de KPI.',
    en: 'Unknown KPI, or the kind does not match the KPI.',
  },
  observations_organisation_id_organisations_id_fk: {
    nl: 'Onbekende organisatie.',
    en: 'Unknown organisation.',
  },
  organisations_code_unique: {
    nl: 'Er bestaat al een organisatie met deze AGB- of UZOVI-code.',
    en: 'An organisation with this AGB or UZOVI code already exists.',
  },
  organisations_code_valid: {
    nl: 'Een zorgaanbieder heeft een AGB-code van 8 cijfers, een verzekeraar een UZOVI-code van 4 cijfers.',
    en: 'A provider needs an 8-digit AGB code, an insurer a 4-digit UZOVI code.',
  },
  memberships_dates_ordered: {
    nl: 'Een lidmaatschap kan niet eindigen voordat het begint.',
    en: 'A membership cannot end before it starts.',
  },
  users_email_unique: {
    nl: 'Dit e-mailadres is al in gebruik.',
    en: 'This email address is already in use.',
  },
  agreement_versions_period_ordered: {
    nl: 'De looptijd van een afspraak kan niet eindigen voordat hij begint.',
    en: 'An agreement period cannot end before it starts.',
  },
  agreement_clauses_threshold_differs: {
    nl: 'Drempel en norm van een resultaatafspraak moeten verschillen.',
    en: 'The threshold and target of a result clause must differ.',
  },
  import_batches_committed_hash_unique: {
    nl: 'Dit bestand is al eerder ingelezen.',
    en: 'This file has already been imported.',
  },
  settlements_version_unique: {
    nl: 'Deze afrekeningversie bestaat al.',
    en: 'This settlement version already exists.',
  },
};

interface PgErrorLike {
  code?: string;
  constraint?: string;
  table?: string;
  detail?: string;
  cause?: unknown;
}

/** The PostgreSQL error behind a driver or drizzle error, if any. */
function pgError(error: unknown): PgErrorLike | undefined {
  for (
    let e = error as PgErrorLike | undefined, depth = 0;
    e && depth < 5;
    e = e.cause as PgErrorLike, depth++
  ) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e;
  }
  return undefined;
}

/**
 * Turns a database error into a ConstraintError when a constraint refused the write (check, unique,
 * foreign key, not null); returns the error unchanged otherwise.
 */
export function explainDbError(error: unknown): unknown {
  const e = pgError(error);
  // 23xxx: integrity constraint violations (SQLSTATE class 23).
  if (!e?.code?.startsWith('23')) return error;
  const constraint = e.constraint ?? e.code;
  const explanation = EXPLANATIONS[constraint] ?? {
    nl: `De gegevens voldoen niet aan regel "${constraint}".`,
    en: `The data breaks rule "${constraint}".`,
  };
  return new ConstraintError(constraint, e.table, explanation, e.detail, { cause: error });
}

/** Runs a database write and rethrows refusals as ConstraintError. */
export async function explained<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw explainDbError(error);
  }
}

// Network errors and PostgreSQL's connection failures and shutdowns (not protocol or query errors).
const UNAVAILABLE_CODES = new Set([
  ...['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND'],
  // connection_exception, connection_does_not_exist, connection_failure, cannot_connect, rejected
  ...['08000', '08003', '08006', '08001', '08004'],
  // admin_shutdown, crash_shutdown, cannot_connect_now
  ...['57P01', '57P02', '57P03'],
]);
const UNAVAILABLE_MESSAGES = /Connection terminated|connection timeout|Client has encountered a connection error|server closed the connection/i;

/** True when an error (or one of its causes) says the database cannot be reached, not that a query was wrong. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const { code, message, cause } = e as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)) return true;
    e = cause;
  }
  return false;
}
