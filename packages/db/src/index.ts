// The public API of @kwadrant/db: the client, access scoping, queries and the demo seeder.
// The drizzle schema is at '@kwadrant/db/schema', test helpers at '@kwadrant/db/test'.
export { createDb, queryRows, DEFAULT_DATA_DIR, MIGRATIONS_FOLDER } from './client';
export type { Db, DbHandle, Engine, CreateDbOptions } from './client';
export { ConstraintError, explainDbError, explained, isDatabaseUnavailable } from './errors';
export { canName, isOwn, resolveScope, callerForUser } from './access/scope';
export type { AccessScope, Caller, Role } from './access/scope';
export {
  suppressSmallNumbers,
  suppressInGroups,
  isSmallCount,
  SMALL_NUMBER_THRESHOLD,
} from './access/suppression';
export type { Suppressible, CountedUnit } from './access/suppression';
export { hashPassword, verifyPassword } from './auth/password';
export { seedCatalogues, listKpis, kpiFromRow, kpiRow } from './queries/catalogue';
export { insertInBatches } from './queries/batch';
export { refreshBenchmarks, computeBenchmark } from './queries/benchmarks';
export type { BenchmarkKey } from './queries/benchmarks';
export {
  loadOrganisations,
  loadMemberships,
  listNamedOrganisations,
  organisationsByIds,
  serviceAreaOf,
  organisationTree,
  agbCodes,
} from './queries/organisations';
export type { OrganisationListQuery, OrganisationTree } from './queries/organisations';
export { listPaymentTitles, writeAgreementVersion, loadAgreement } from './queries/agreements';
export {
  settlementInputsFor,
  loadSettlementContext,
  organisationFigures,
  databaseFigures,
  preloadFigures,
  simulationUnits,
} from './queries/settlement-inputs';
export type { SettlementContext, FiguresSource } from './queries/settlement-inputs';
export { recordSettlement, fingerprintOf } from './queries/settlements';
export type { SettlementRecord } from './queries/settlements';
export { seedDemo, seedGeography, seededScale } from './demo/seed';
export type { SeedReport, SeedOptions } from './demo/seed';
export { SCALES, buildLandscape } from './demo/landscape';
export type { ScaleName } from './demo/landscape';
export type { DemoGeography, DemoArea } from './demo/geography';
export { DEMO_PASSWORD, demoUsers } from './demo/users';
export type { DemoUser } from './demo/users';
export {
  findUserByEmail,
  createSession,
  findSession,
  deleteSession,
  writeAudit,
  listAudit,
} from './queries/auth';
export type { AuditEntry } from './queries/auth';
export { currentObservations, rollUpFigures, benchmarkRows, agreementTargets } from './queries/analytics';
export type { UnitFigures, BenchmarkRecord } from './queries/analytics';
export { portfolioAgreements, organisationSeries } from './queries/portfolio';
export {
  agreementVisibility,
  canSeeAgreement,
  listAgreements,
  agreementHead,
  agreementVersionList,
  saveAgreementVersion,
  agreementsBetween,
  insurersByCode,
  latestDataQuarter,
  latestEnrolment,
  providerIds,
} from './queries/agreement-list';
export type {
  AgreementVisibility,
  AgreementHead,
  AgreementListQuery,
  SaveOutcome,
} from './queries/agreement-list';
export {
  listSettlements,
  settlementById,
  previousFrozenSettlement,
  freezeSettlement,
  frozenPeriods,
} from './queries/settlement-list';
export type { SettlementSummary } from './queries/settlement-list';
export {
  practiceLocations,
  areasWithMunicipality,
  enrolledTotals,
  listBasicFunctions,
  updateBasicFunction,
  contractedLines,
  regionalFactRows,
  regionalFactPeriods,
} from './queries/regional';
export type { BasicFunctionRow } from './queries/regional';
export {
  listPeerGroups,
  peerGroupById,
  createPeerGroup,
  deletePeerGroup,
  refreshPeerGroupBenchmarks,
} from './queries/peer-groups';
export type { PeerGroup } from './queries/peer-groups';
export { BASIC_FUNCTIONS } from './demo/seed';
export {
  importObservations,
  listImportBatches,
  importBatchById,
  importRegionalFacts,
} from './queries/imports';
export type {
  ImportedObservation,
  ImportItem,
  ImportMode,
  ImportOutcome,
  ImportMeta,
  StoredIssue,
  ImportBatchRow,
} from './queries/imports';
