import type { Locale } from '../format/format';

/** One field-level error of a problem, in English and (usually) Dutch. */
export interface ProblemFieldError {
  path: string;
  message: string;
  messageNl?: string;
  code?: string;
}

/** RFC 9457 problem details as the API sends them (application/problem+json). */
export interface ProblemBody {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  detailNl?: string;
  errors?: ProblemFieldError[];
}

/** An API call that failed with a problem; carries both languages so the UI can pick one. */
export class ApiProblem extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly detailNl: string | undefined;
  readonly errors: readonly ProblemFieldError[];

  constructor(status: number, body: ProblemBody = {}) {
    super(body.detail ?? body.title ?? `HTTP ${status}`);
    this.name = 'ApiProblem';
    this.status = status;
    this.title = body.title ?? `HTTP ${status}`;
    this.detail = body.detail ?? this.title;
    this.detailNl = body.detailNl;
    this.errors = body.errors ?? [];
  }

  /** The detail in the given language (Dutch falls back to English when the API gave none). */
  inLanguage(locale: Locale): string {
    return locale === 'nl' ? (this.detailNl ?? this.detail) : this.detail;
  }
}

/** Reads a failed response as a problem (problem+json, plain JSON or nothing at all). */
export async function problemFrom(response: Response): Promise<ApiProblem> {
  let body: ProblemBody = {};
  try {
    const type = response.headers.get('content-type') ?? '';
    if (type.includes('json')) body = (await response.json()) as ProblemBody;
  } catch {
    // An unreadable body still becomes a problem with the status.
  }
  return new ApiProblem(response.status, body);
}

/** A field error's message in the given language. */
export const fieldErrorMessage = (error: ProblemFieldError, locale: Locale): string =>
  locale === 'nl' ? (error.messageNl ?? error.message) : error.message;

const OFFLINE = {
  nl: 'Geen verbinding met de server. Controleer uw netwerk en probeer het opnieuw.',
  en: 'No connection to the server. Check your network and try again.',
} as const;

/**
 * What to tell the user about an error, in their language: the API's own words for a problem, a
 * network message for a failed fetch, and null for anything else (the caller shows a generic text).
 */
export function errorMessage(error: unknown, locale: Locale): string | null {
  if (error instanceof ApiProblem) return error.inLanguage(locale);
  if (error instanceof TypeError && /fetch|network/i.test(error.message)) return OFFLINE[locale];
  return null;
}
