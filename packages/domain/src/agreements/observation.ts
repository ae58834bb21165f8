import type { KpiDefinition } from '../catalogue/kpi-definition';
import type { Confidence, ObservationFigures } from '../model/kpi-types';
import { estimate } from '../stats/index';
import { SettlementError } from './errors';
import type { Direction } from './scoring';

/** A KPI result ready for scoring, or the reason there is none. */
export type Observed =
  | { status: 'ok'; value: number; lower: number; upper: number; hasInterval: boolean }
  | { status: 'no-data' }
  | { status: 'too-small'; denominator: number; minimum: number };

const FIGURE_FIELDS = ['numerator', 'denominator', 'expected', 'sumSquares'] as const;

function checkFigures(kpiCode: string, figures: ObservationFigures): void {
  for (const field of FIGURE_FIELDS) {
    const x = figures[field];
    if (x === undefined) continue;
    if (!Number.isFinite(x) || (field !== 'sumSquares' && x < 0)) {
      throw new SettlementError('invalid-observation', {
        nl: `De waarneming voor ${kpiCode} is ongeldig: ${field} = ${String(x)} moet een eindig getal ≥ 0 zijn.`,
        en: `The observation for ${kpiCode} is invalid: ${field} = ${String(x)} must be a finite number ≥ 0.`,
      });
    }
  }
}

/** Keeps a shifted value on the KPI's possible range: proportions in [0, 1], rates and ratios ≥ 0. */
function clampToKind(kind: KpiDefinition['kind'], x: number): number {
  if (kind === 'proportion') return Math.min(1, Math.max(0, x));
  if (kind === 'mean') return x;
  return Math.max(0, x);
}

/**
 * Estimates a KPI with its confidence interval via the statistics module, after checking that there
 * are figures and that the denominator reaches the KPI's minimum (below it a value is not reported,
 * domain guide §4). `shift` moves value and bounds by that absolute amount in the better direction
 * (impact analysis). Without an interval (a mean without sum of squares) both bounds equal the value.
 */
export function observeKpi(
  kpi: KpiDefinition,
  figures: ObservationFigures | undefined,
  confidence: Confidence,
  shift: number,
  direction: Direction,
): Observed {
  if (figures === undefined) return { status: 'no-data' };
  checkFigures(kpi.code, figures);
  const minimum = Math.max(kpi.minDenominator, Number.MIN_VALUE);
  if (figures.denominator < minimum)
    return { status: 'too-small', denominator: figures.denominator, minimum: kpi.minDenominator };
  let result: { value: number; lower?: number | undefined; upper?: number | undefined };
  try {
    result = estimate(
      kpi.kind,
      figures,
      kpi.kind === 'rate' ? { confidence, multiplier: kpi.multiplier } : { confidence },
    );
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new SettlementError('invalid-observation', {
      nl: `De waarneming voor ${kpi.code} kan niet worden geschat: ${reason}`,
      en: `The observation for ${kpi.code} cannot be estimated: ${reason}`,
    });
  }
  const hasInterval = result.lower !== undefined && result.upper !== undefined;
  const move = (x: number) => clampToKind(kpi.kind, x + direction * shift);
  return {
    status: 'ok',
    value: move(result.value),
    lower: move(result.lower ?? result.value),
    upper: move(result.upper ?? result.value),
    hasInterval,
  };
}
