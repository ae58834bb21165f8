import { SettlementError } from './errors';
import type { Agreement, Settlement, SettlementInputs } from './model';
import { roundCents, sumCents } from './money';
import { settleAt } from './settle';

/** One organisation's historical inputs for impact analysis. */
export interface SimulationUnit {
  organisationId: string;
  inputs: SettlementInputs;
}

/** One organisation's settlement at one shift; every amount in integer cents. */
export interface UnitOutcome {
  organisationId: string;
  base: number;
  atRisk: number;
  guaranteed: number;
  conditional: number;
  bonus: number;
  malus: number;
  sharedSavings: number;
  total: number;
  attainment: number;
  /** total − the unit's total at shift 0. */
  changeVsBaseline: number;
}

/** Totals across units (type-7 percentiles, domain guide §5), rounded to whole cents. */
export interface Distribution {
  min: number;
  p10: number;
  median: number;
  p90: number;
  max: number;
}

export interface ShiftSummary {
  units: number;
  /** What the insurers pay together: Σ totals. */
  insurerTotal: number;
  /** Null when there are no units. */
  distribution: Distribution | null;
  gainingVsBaseline: number;
  losingVsBaseline: number;
  /** Units paid more than their guaranteed part (they earned something on top). */
  gainingVsGuaranteed: number;
  /** Units paid less than their guaranteed part (malus or shared loss). */
  losingVsGuaranteed: number;
  /** Money at risk: Σ r × base, the part that depends on results. */
  moneyAtRisk: number;
  /** Of the money at risk, what is not earned: Σ (atRisk − conditional). */
  forfeited: number;
}

export interface ShiftResult {
  shift: number;
  units: UnitOutcome[];
  summary: ShiftSummary;
}

export interface SimulationResult {
  shifts: ShiftResult[];
}

/** Type-7 percentile (linear interpolation between order statistics) of sorted values; domain guide §5. */
function percentile(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const low = sorted[lo]!;
  const high = sorted[Math.min(lo + 1, sorted.length - 1)]!;
  return low + (h - lo) * (high - low);
}

function distribution(totals: readonly number[]): Distribution | null {
  if (totals.length === 0) return null;
  const sorted = [...totals].sort((a, b) => a - b);
  const at = (p: number) => roundCents(percentile(sorted, p));
  return { min: sorted[0]!, p10: at(0.1), median: at(0.5), p90: at(0.9), max: sorted[sorted.length - 1]! };
}

function settleUnit(agreement: Agreement, unit: SimulationUnit, shift: number): Settlement {
  try {
    return settleAt(
      { ...agreement, organisation: { ...agreement.organisation, id: unit.organisationId } },
      unit.inputs,
      shift,
      // Only the amounts are summarised: no sentences, no fingerprint.
      { explain: false },
    );
  } catch (error) {
    if (!(error instanceof SettlementError)) throw error;
    throw new SettlementError(
      error.code,
      {
        nl: `Organisatie ${unit.organisationId}: ${error.localised.nl}`,
        en: `Organisation ${unit.organisationId}: ${error.localised.en}`,
      },
      error.issues,
    );
  }
}

function summarise(outcomes: readonly UnitOutcome[]): ShiftSummary {
  const count = (predicate: (o: UnitOutcome) => boolean) => outcomes.filter(predicate).length;
  return {
    units: outcomes.length,
    insurerTotal: sumCents(outcomes.map((o) => o.total)),
    distribution: distribution(outcomes.map((o) => o.total)),
    gainingVsBaseline: count((o) => o.changeVsBaseline > 0),
    losingVsBaseline: count((o) => o.changeVsBaseline < 0),
    gainingVsGuaranteed: count((o) => o.total > o.guaranteed),
    losingVsGuaranteed: count((o) => o.total < o.guaranteed),
    moneyAtRisk: sumCents(outcomes.map((o) => o.atRisk)),
    forfeited: sumCents(outcomes.map((o) => o.atRisk - o.conditional)),
  };
}

/**
 * Impact analysis (domain guide §6, impactanalyse): settles the agreement for every unit at every
 * shift and summarises per shift. A shift is an absolute change of every scored KPI result in its
 * better direction, on the estimate's own scale (0.05 = 5 percentage points on a proportion, 10 =
 * 10 per 1,000 on a rate, 0.05 on an O/E ratio), applied to value and interval alike and kept on
 * the KPI's range; negative shifts are declines. It also lowers the shared-savings cost ratio O/E by
 * the shift. Baselines of improvement clauses stay as they were. Throws on the first unit that
 * cannot be settled, naming it.
 */
export function simulate(
  agreement: Agreement,
  units: readonly SimulationUnit[],
  shifts: readonly number[],
): SimulationResult {
  const totalsAt = (shift: number) => units.map((unit) => settleUnit(agreement, unit, shift));
  const baseline = totalsAt(0);
  return {
    shifts: shifts.map((shift) => {
      const settlements = shift === 0 ? baseline : totalsAt(shift);
      const outcomes = settlements.map((s, i): UnitOutcome => ({
        organisationId: units[i]!.organisationId,
        base: s.base,
        atRisk: s.atRisk,
        guaranteed: s.guaranteed,
        conditional: s.conditional,
        bonus: s.bonus,
        malus: s.malus,
        sharedSavings: s.sharedSavings,
        total: s.total,
        attainment: s.attainment,
        changeVsBaseline: s.total - baseline[i]!.total,
      }));
      return { shift, units: outcomes, summary: summarise(outcomes) };
    }),
  };
}
