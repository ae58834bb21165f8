import type { Localised } from '../model/localised';
import type { ValidationIssue } from './model';

export type SettlementErrorCode =
  | 'invalid-agreement'
  | 'invalid-period'
  | 'period-outside-agreement'
  | 'missing-volume'
  | 'invalid-volume'
  | 'invalid-observation'
  | 'invalid-shift';

/**
 * Why a settlement could not be computed. Bad or incomplete *inputs* (an invalid agreement, a
 * missing volume, impossible figures) are errors; a *missing observation* is not: the clause scores 0
 * and the explanation says so (see `settle`).
 */
export class SettlementError extends Error {
  override readonly name = 'SettlementError';

  constructor(
    readonly code: SettlementErrorCode,
    readonly localised: Localised,
    readonly issues: readonly ValidationIssue[] = [],
  ) {
    super(localised.en);
  }
}
