import { z } from '@hono/zod-openapi';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ConstraintError, isDatabaseUnavailable } from '@kwadrant/db';

/** One field-level problem: where (a JSON pointer-ish path or a column) and what, in Dutch and English. */
export const FieldErrorSchema = z
  .object({
    path: z.string(),
    message: z.string(),
    messageNl: z.string().optional(),
    code: z.string().optional(),
  })
  .openapi('FieldError');

/** RFC 9457 problem details, the one error shape of the API. */
export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    detailNl: z.string().optional(),
    errors: z.array(FieldErrorSchema).optional(),
  })
  .openapi('Problem');
export type Problem = z.infer<typeof ProblemSchema>;
export type FieldError = z.infer<typeof FieldErrorSchema>;

/** A problem raised anywhere in a handler; the error handler turns it into problem+json. */
export class HttpProblem extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly title: string,
    readonly detail: string,
    readonly options: {
      detailNl?: string;
      errors?: FieldError[];
      type?: string;
      headers?: Record<string, string>;
    } = {},
  ) {
    super(detail);
  }

  toJSON(): Problem {
    return {
      type: this.options.type ?? `https://kwadrant.nl/problems/${slug(this.title)}`,
      title: this.title,
      status: this.status,
      detail: this.detail,
      ...(this.options.detailNl ? { detailNl: this.options.detailNl } : {}),
      ...(this.options.errors ? { errors: this.options.errors } : {}),
    };
  }
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export const notFound = (what: string, id: string) =>
  new HttpProblem(404, 'Not found', `No ${what} "${id}" that you may see.`, {
    detailNl: `Geen ${what} "${id}" die u mag inzien.`,
  });

export const forbidden = (detail: string, detailNl: string) =>
  new HttpProblem(403, 'Forbidden', detail, { detailNl });

export const unauthorised = () =>
  new HttpProblem(401, 'Unauthorised', 'Sign in first.', { detailNl: 'Meld u eerst aan.' });

/** Sends a problem as application/problem+json. */
export function sendProblem(problem: HttpProblem): Response {
  const body = problem.toJSON();
  return new Response(JSON.stringify(body), {
    status: problem.status,
    headers: { 'content-type': 'application/problem+json; charset=utf-8', ...problem.options.headers },
  });
}

/**
 * Maps any thrown error to a problem: ours as they are, database refusals as 409, an unreachable
 * database as 503 (try again shortly: the pool reconnects by itself), the rest as a bare 500.
 */
export function toProblem(error: unknown): HttpProblem {
  if (error instanceof HttpProblem) return error;
  if (isDatabaseUnavailable(error)) {
    return new HttpProblem(503, 'Database unavailable', 'The database does not answer; try again shortly.', {
      detailNl: 'De database antwoordt niet; probeer het zo opnieuw.',
      headers: { 'retry-after': '5' },
    });
  }
  if (error instanceof ConstraintError) {
    return new HttpProblem(409, 'Conflict with the data rules', error.explanation.en, {
      detailNl: error.explanation.nl,
      errors: [
        {
          path: error.constraint,
          message: error.explanation.en,
          messageNl: error.explanation.nl,
          code: error.constraint,
        },
      ],
    });
  }
  if (error instanceof SyntaxError) {
    return new HttpProblem(400, 'Malformed request', 'The request body is not valid JSON.', {
      detailNl: 'De inhoud van het verzoek is geen geldige JSON.',
    });
  }
  return new HttpProblem(500, 'Internal error', 'Something went wrong on our side; it has been logged.', {
    detailNl: 'Er ging iets mis aan onze kant; dit is vastgelegd.',
  });
}

/** Zod issues → field errors with a dotted path. */
export function fieldErrors(
  issues: readonly { path: readonly PropertyKey[]; message: string; code?: string }[],
): FieldError[] {
  return issues.map((i) => ({
    path: i.path.map(String).join('.') || '(body)',
    message: i.message,
    ...(i.code ? { code: i.code } : {}),
  }));
}
