import type { Api, Ok } from './client';

/** Response bodies of the typed client, by route: the API's schemas are the one source of truth. */
type Body<F extends (...args: never[]) => Promise<unknown>> = Ok<Awaited<ReturnType<F>>>;

export type Kpi = Body<Api['kpis']['$get']>[number];
export type PaymentTitle = Body<Api['payment-titles']['$get']>[number];
export type OrganisationDetail = Body<Api['organisations'][':id']['$get']>;
export type Overview = Body<Api['organisations'][':id']['overview']['$get']>;
export type OverviewTile = Overview['tiles'][number];
export type KpiTrend = Body<Api['organisations'][':id']['kpis'][':code']['trend']['$get']>;
export type Funnel = Body<Api['kpis'][':code']['funnel']['$get']>;
export type AgreementSummary = Body<Api['agreements']['$get']>['items'][number];
export type AgreementDetail = Body<Api['agreements'][':id']['$get']>;
export type WhatIfResult = Body<Api['agreements'][':id']['what-if']['$post']>;
export type SettlementResult = WhatIfResult['actual'];
export type SettlementSummary = Body<Api['settlements']['$get']>['items'][number];
/** `inputs` is arbitrary JSON (too deep for Vue's ref types); the page does not read it. */
export type SettlementDetail = Omit<Body<Api['settlements'][':id']['$get']>, 'inputs'> & { inputs: unknown };

export type BenchmarkChoice = Overview['tiles'][number]['benchmark']['kind'];
export type Grouping = Funnel['grouping'];

/*
 * The import routes are specified but not in the API yet, so their shapes are written out here, exactly
 * as agreed: POST /api/imports/observations?mode=…, GET /api/imports, GET /api/imports/{id}/errors.csv.
 */
export type ImportMode = 'dry-run' | 'commit' | 'commit-valid';

export interface ImportIssue {
  row: number | null;
  column: string | null;
  value: string | null;
  code: string;
  severity: 'error' | 'warning';
  message: { nl: string; en: string };
  suggestion: { nl: string; en: string };
}

export interface ImportResult {
  batchId: number | null;
  status: 'validated' | 'committed' | 'rejected' | 'duplicate';
  fileName: string;
  rowsRead: number;
  valid: number;
  rejected: number;
  imported: number;
  issues: ImportIssue[];
}

export interface ImportBatch {
  id: number;
  kind: string;
  fileName: string;
  status: string;
  rowCount: number;
  importedCount: number;
  errorCount: number;
  createdAt: string;
}

export interface ImportPage {
  items: ImportBatch[];
  total: number;
  limit: number;
  offset: number;
}
