export * from './model';
export { validateAgreement } from './validate';
export { settle, SETTLEMENT_RULES_VERSION } from './settle';
export { simulate } from './simulate';
export type {
  SimulationUnit,
  SimulationResult,
  ShiftResult,
  ShiftSummary,
  UnitOutcome,
  Distribution,
} from './simulate';
export { SettlementError } from './errors';
export type { SettlementErrorCode } from './errors';
export { allocateCents, roundCents } from './money';
export { canonicalJson } from './fingerprint';
export {
  evidenceValue,
  improvementTarget,
  scoreAllOrNothing,
  scoreBands,
  scoreImprovement,
  scoreLinear,
} from './scoring';
