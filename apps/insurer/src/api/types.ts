import type { Api, Ok } from './client';

/** Response bodies of the typed client, by route: the API's schemas are the one source of truth. */
type Body<F extends (...args: never[]) => Promise<unknown>> = Ok<Awaited<ReturnType<F>>>;

export type Kpi = Body<Api['kpis']['$get']>[number];
export type PaymentTitle = Body<Api['payment-titles']['$get']>[number];
export type Quadrant = Body<Api['quadrants']['$get']>[number];
export type OrganisationSummary = Body<Api['organisations']['$get']>['items'][number];
export type AgreementSummary = Body<Api['agreements']['$get']>['items'][number];
export type AgreementDetail = Body<Api['agreements'][':id']['$get']>;
export type AgreementSaved = Body<Api['agreements'][':id']['$put']>;
export type AgreementDocument = AgreementDetail['document'];
export type AgreementDiff = Body<Api['agreements'][':id']['diff']['$get']>;
export type AgreementChange = AgreementDiff['changes'][number];
export type PortfolioResults = Body<Api['portfolio']['results']['$get']>;
export type PortfolioItem = PortfolioResults['items'][number];
export type PortfolioClause = PortfolioItem['clauses'][number];
export type CostContainment = Body<Api['portfolio']['cost-containment']['$get']>;
export type CostUnit = CostContainment['organisations'][number];
export type SharedSavingsPosition = CostContainment['sharedSavings'][number];
export type SettlementSummary = Body<Api['settlements']['$get']>['items'][number];
/** `inputs` is arbitrary JSON (too deep for Vue's ref types); the screens do not read it. */
export type SettlementDetail = Omit<Body<Api['settlements'][':id']['$get']>, 'inputs'> & { inputs: unknown };
export type SettlementRecorded = Omit<Body<Api['settlements']['$post']>, 'inputs'> & { inputs: unknown };
export type SettlementResult = SettlementDetail['result'];
export type SettlementDifference = NonNullable<SettlementRecorded['difference']>;
export type ImpactResult = Body<Api['impact']['$post']>;
export type ImpactShift = ImpactResult['shifts'][number];
export type ImpactComparison = Body<Api['impact']['compare']['$post']>;
/** An agreement as a client writes it: the server assigns id, version and status. */
export type AgreementDraft = Omit<AgreementDocument, 'id' | 'version' | 'status'>;
