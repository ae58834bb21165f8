import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { Db } from '@kwadrant/db';
import { authenticate } from './auth/middleware';
import { HttpProblem, fieldErrors, sendProblem, toProblem } from './http/problem';
import { DEFAULT_CONFIG, type AppConfig, type AppDeps, type AppEnv } from './http/types';
import { docsRoutes } from './routes/docs';
import { healthRoutes } from './routes/health';
import { authRoutes } from './routes/auth';
import { organisationRoutes } from './routes/organisations';
import { catalogueRoutes } from './routes/catalogue';
import { agreementRoutes } from './routes/agreements';
import { settlementRoutes } from './routes/settlements';
import { impactRoutes } from './routes/impact';
import { portfolioRoutes } from './routes/portfolio';
import { resultRoutes } from './routes/results';
import { regionalRoutes } from './routes/regional';
import { peerGroupRoutes } from './routes/peer-groups';
import { importRoutes } from './routes/imports';
import { auditRoutes } from './routes/audit';

export interface CreateAppOptions {
  db: Db;
  clock?: () => Date;
  config?: Partial<AppConfig>;
  /** Whether the database answers (for /ready); defaults to a trivial query. */
  ping?: () => Promise<boolean>;
}

/** The validation hook of every route: a zod failure becomes a 400 problem with field-level errors. */
const validationHook = (result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string; code?: string }[] };
}) => {
  if (!result.success) {
    const errors = fieldErrors(result.error?.issues ?? []);
    throw new HttpProblem(
      400,
      'Invalid request',
      `${errors.length} field(s) are invalid: ${errors.map((e) => e.path).join(', ')}.`,
      {
        detailNl: `${errors.length} veld(en) ongeldig: ${errors.map((e) => e.path).join(', ')}.`,
        errors,
      },
    );
  }
};

/** The API routes under /api, one router per feature, chained so their types reach the typed client. */
function apiRoutes() {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .route('/auth', authRoutes())
    .route('/organisations', organisationRoutes())
    .route('/agreements', agreementRoutes())
    .route('/settlements', settlementRoutes())
    .route('/impact', impactRoutes())
    .route('/portfolio', portfolioRoutes())
    .route('/', catalogueRoutes())
    .route('/', resultRoutes())
    .route('/', regionalRoutes())
    .route('/', peerGroupRoutes())
    .route('/imports', importRoutes())
    .route('/audit', auditRoutes());
}

/**
 * The Kwadrant application: security headers, CORS, body limits, authentication, the API under /api,
 * the probes, the OpenAPI document and its reference page. Dependencies come in; nothing is global.
 */
export function createApp(options: CreateAppOptions) {
  const deps: AppDeps = {
    db: options.db,
    clock: options.clock ?? (() => new Date()),
    config: { ...DEFAULT_CONFIG, ...options.config },
  };
  const ping =
    options.ping ??
    (async () => {
      try {
        await options.db.execute('select 1');
        return true;
      } catch {
        return false;
      }
    });

  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
      },
      referrerPolicy: 'same-origin',
    }),
  );
  app.use(requestId());
  app.use(
    '/api/*',
    cors({
      origin: (origin) => (deps.config.corsOrigins.includes(origin) ? origin : null),
      credentials: true,
    }),
  );
  const tooLarge = (limit: number) => () => {
    throw new HttpProblem(413, 'Request too large', `The request body exceeds ${limit} bytes.`, {
      detailNl: `De inhoud van het verzoek is groter dan ${limit} bytes.`,
    });
  };
  // Uploads get their own, larger limit; every other body the small one.
  app.use(
    '/api/imports/*',
    bodyLimit({ maxSize: deps.config.uploadLimit, onError: tooLarge(deps.config.uploadLimit) }),
  );
  app.use('/api/*', async (c, next) => {
    if (c.req.path.startsWith('/api/imports')) return next();
    return bodyLimit({ maxSize: deps.config.bodyLimit, onError: tooLarge(deps.config.bodyLimit) })(
      c as never,
      next,
    );
  });
  app.use(async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.use('/api/*', authenticate);

  app.onError((error, c) => {
    const problem = toProblem(error);
    if (problem.status === 500) {
      // The operator's log gets the details; the client only the problem.
      // eslint-disable-next-line no-console
      console.error(`[${c.get('requestId')}] ${c.req.method} ${c.req.path}`, error);
    }
    return sendProblem(problem);
  });
  app.notFound((c) =>
    sendProblem(
      new HttpProblem(404, 'Not found', `Nothing at ${c.req.path}.`, { detailNl: `Niets op ${c.req.path}.` }),
    ),
  );

  const routed = app.route('/', healthRoutes(ping)).route('/api', apiRoutes());
  routed.route('/api', docsRoutes(routed));
  return routed;
}

export type App = ReturnType<typeof createApp>;
