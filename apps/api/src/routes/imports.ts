import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { importBatchById, listImportBatches, type AccessScope } from '@kwadrant/db';
import type { AppEnv } from '../http/types';
import { HttpProblem, forbidden, notFound } from '../http/problem';
import { LocalisedSchema, PageQuery, json, pageOf, problemResponses } from '../http/schemas';
import { audit } from '../http/audit';
import { requireCaller, scopeOf } from '../auth/middleware';
import { IMPORT_KINDS, chunks, hashOf, runImport, type ImportKind } from '../imports/run';

const IssueSchema = z
  .object({
    row: z.number().int().nullable(),
    column: z.string().nullable(),
    value: z.string().nullable(),
    code: z.string(),
    severity: z.enum(['error', 'warning']),
    message: LocalisedSchema,
    suggestion: LocalisedSchema,
  })
  .openapi('ImportIssue');

const ReportSchema = z
  .object({
    batchId: z.number().int().nullable(),
    status: z.enum(['validated', 'committed', 'rejected', 'duplicate']),
    kind: z.enum(IMPORT_KINDS),
    fileName: z.string(),
    rowsRead: z.number().int(),
    valid: z.number().int(),
    rejected: z.number().int(),
    imported: z.number().int(),
    inserted: z.number().int(),
    corrected: z.number().int(),
    unchanged: z.number().int(),
    benchmarksRefreshed: z.number().int(),
    unmatched: z.array(z.string()),
    /** The first 500 issues; the batch keeps up to 10,000 and the error report has them all. */
    issues: z.array(IssueSchema),
    issueCount: z.number().int(),
  })
  .openapi('ImportReport');

const BatchSchema = z
  .object({
    id: z.number().int(),
    kind: z.string(),
    fileName: z.string(),
    status: z.enum(['committed', 'rejected', 'failed']),
    rowCount: z.number().int(),
    importedCount: z.number().int(),
    errorCount: z.number().int(),
    organisationId: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('ImportBatch');

// Observations and FHIR reports come from care providers (for their own organisations) and from insurers
// and regions (claims-based KPIs for those they may name); open data only from administrators.
const OPEN_DATA: readonly ImportKind[] = ['vektis', 'cbs-population'];

/** Organisations whose figures a caller may deliver: their own, or those they may name; admins all. */
const deliverable = (scope: AccessScope): readonly string[] | 'all' =>
  scope.named === 'all'
    ? 'all'
    : scope.caller.role === 'practice' || scope.caller.role === 'collaborative'
      ? [...scope.own]
      : [...scope.named];

const upload = createRoute({
  method: 'post',
  path: '/{kind}',
  tags: ['imports'],
  summary:
    'Upload a file: observations CSV, FHIR MeasureReport (JSON), Vektis open data or CBS population. mode=dry-run validates only; commit is all or nothing; commit-valid imports only the valid rows',
  middleware: [requireCaller()] as const,
  request: {
    params: z.object({ kind: z.enum(IMPORT_KINDS) }),
    query: z.object({
      mode: z.enum(['dry-run', 'commit', 'commit-valid']).default('dry-run'),
      year: z.coerce.number().int().min(2000).max(2100).optional(),
    }),
    body: {
      content: {
        'multipart/form-data': {
          schema: z.object({ file: z.instanceof(File).openapi({ type: 'string', format: 'binary' }) }),
        },
      },
      required: true,
    },
  },
  responses: {
    200: json(ReportSchema, 'What the file held and what was done with it'),
    400: problemResponses[400],
    401: problemResponses[401],
    403: problemResponses[403],
    413: problemResponses[400],
  },
});

const list = createRoute({
  method: 'get',
  path: '/',
  tags: ['imports'],
  summary: 'Import history (your organisation’s batches; administrators see all)',
  middleware: [requireCaller()] as const,
  request: { query: PageQuery },
  responses: { 200: json(pageOf(BatchSchema), 'A page of batches'), 401: problemResponses[401] },
});

const detail = createRoute({
  method: 'get',
  path: '/{id}',
  tags: ['imports'],
  summary: 'One batch with its stored issues',
  middleware: [requireCaller()] as const,
  request: { params: z.object({ id: z.coerce.number().int().positive() }) },
  responses: {
    200: json(BatchSchema.extend({ issues: z.array(IssueSchema) }), 'The batch'),
    401: problemResponses[401],
    404: problemResponses[404],
  },
});

const errors = createRoute({
  method: 'get',
  path: '/{id}/errors.csv',
  tags: ['imports'],
  summary:
    'The error report of a batch as CSV (row, column, value, message and suggestion in Dutch and English)',
  middleware: [requireCaller()] as const,
  request: { params: z.object({ id: z.coerce.number().int().positive() }) },
  responses: {
    200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } },
    401: problemResponses[401],
    404: problemResponses[404],
  },
});

type Batch = NonNullable<Awaited<ReturnType<typeof importBatchById>>>;
const batchOut = (b: Batch) => ({
  id: b.id,
  kind: b.kind,
  fileName: b.fileName,
  status: b.status,
  rowCount: b.rowCount,
  importedCount: b.importedCount,
  errorCount: b.errorCount,
  organisationId: b.organisationId,
  createdAt: b.createdAt.toISOString(),
});

/** Batches a caller may see: those delivered for their own organisation; administrators all. */
const mayRead = (scope: AccessScope, batch: Batch) =>
  scope.named === 'all' ||
  (batch.organisationId !== null && batch.organisationId === scope.caller.organisationId);

const csvCell = (v: string | number | null | undefined) => {
  const text = v === null || v === undefined ? '' : String(v);
  return /[";\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** Uploads with validation, import history and error reports. */
export function importRoutes() {
  return new OpenAPIHono<AppEnv>()
    .openapi(upload, async (c) => {
      const { kind } = c.req.valid('param');
      const { mode, year } = c.req.valid('query');
      const { file } = c.req.valid('form');
      const scope = await scopeOf(c);
      const caller = c.var.caller!;
      if (OPEN_DATA.includes(kind) && caller.role !== 'admin') {
        throw forbidden(
          'Open data (Vektis, CBS) is imported by administrators.',
          'Open data (Vektis, CBS) wordt door beheerders ingelezen.',
        );
      }
      if (file.size === 0) {
        throw new HttpProblem(400, 'Empty file', 'The uploaded file is empty.', {
          detailNl: 'Het geüploade bestand is leeg.',
        });
      }
      const report = await runImport(c.var.deps.db, {
        kind,
        fileName: file.name,
        ...((bytes) => ({ open: () => chunks(bytes), contentHash: hashOf(bytes) }))(
          new Uint8Array(await file.arrayBuffer()),
        ),
        mode,
        year,
        organisations: deliverable(scope),
        importedBy: caller.userId,
        organisationId: caller.organisationId,
        now: c.var.deps.clock(),
      });
      if (mode !== 'dry-run') {
        await audit(
          c,
          'import',
          'import-batch',
          report.batchId === null ? null : String(report.batchId),
          caller.organisationId,
          {
            kind,
            fileName: file.name,
            status: report.status,
            imported: report.imported,
          },
        );
      }
      return c.json(
        { ...report, issues: report.issues.slice(0, 500), issueCount: report.issues.length },
        200,
      );
    })
    .openapi(list, async (c) => {
      const scope = await scopeOf(c);
      const page = c.req.valid('query');
      const own = scope.caller.organisationId ? [scope.caller.organisationId] : [];
      const result = await listImportBatches(
        c.var.deps.db,
        { organisationIds: scope.named === 'all' ? 'all' : own },
        page,
      );
      return c.json({ items: result.items.map(batchOut), total: result.total, ...page }, 200);
    })
    .openapi(detail, async (c) => {
      const { id } = c.req.valid('param');
      const batch = await importBatchById(c.var.deps.db, id);
      if (!batch || !mayRead(await scopeOf(c), batch)) throw notFound('import batch', String(id));
      return c.json({ ...batchOut(batch), issues: batch.errors as z.infer<typeof IssueSchema>[] }, 200);
    })
    .openapi(errors, async (c) => {
      const { id } = c.req.valid('param');
      const batch = await importBatchById(c.var.deps.db, id);
      if (!batch || !mayRead(await scopeOf(c), batch)) throw notFound('import batch', String(id));
      const header = [
        'rij/row',
        'kolom/column',
        'waarde/value',
        'code',
        'ernst/severity',
        'melding',
        'message',
        'oplossing',
        'suggestion',
      ];
      const lines = (batch.errors as z.infer<typeof IssueSchema>[]).map((i) =>
        [
          i.row,
          i.column,
          i.value,
          i.code,
          i.severity,
          i.message.nl,
          i.message.en,
          i.suggestion.nl,
          i.suggestion.en,
        ]
          .map(csvCell)
          .join(';'),
      );
      // A byte-order mark and ';' so Excel in a Dutch locale opens it as columns.
      return c.body(`\uFEFF${[header.join(';'), ...lines].join('\r\n')}\r\n`, 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="import-${id}-fouten.csv"`,
      });
    });
}
