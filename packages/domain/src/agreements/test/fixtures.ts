import type { KpiDefinition } from '../../catalogue/kpi-definition';
import { DEFAULT_KPIS } from '../../catalogue/kpis';
import type { PaymentTitle } from '../../catalogue/payment-titles';
import { DEFAULT_PAYMENT_TITLES } from '../../catalogue/payment-titles';
import type { Agreement, ResultClause, SettlementInputs } from '../model';

/** A title funded per FTE; the default catalogue has none, the model allows it (domain guide §3). */
export const FTE_TITLE: PaymentTitle = {
  code: 'TEST-FTE',
  quadrant: 'Q4',
  basis: 'fte',
  name: { nl: 'Regionale praktijkmanager', en: 'Regional practice manager' },
  description: { nl: '', en: '' },
  resultObligation: { nl: '', en: '' },
  namedInSource: false,
};

export const TITLES: readonly PaymentTitle[] = [...DEFAULT_PAYMENT_TITLES, FTE_TITLE];
export const KPIS: readonly KpiDefinition[] = DEFAULT_KPIS;

export function kpi(code: string): KpiDefinition {
  const found = KPIS.find((k) => k.code === code);
  if (!found) throw new Error(`fixture: no KPI ${code}`);
  return found;
}

/** A linear clause on DM-01 (proportion, higher is better): threshold 70 %, target 90 %. */
export function clause(overrides: Partial<ResultClause> = {}): ResultClause {
  return {
    id: 'C1',
    kpiCode: 'DM-01',
    target: 0.9,
    threshold: 0.7,
    weight: 1,
    scoring: { type: 'linear' },
    evidence: 'point',
    confidence: 0.95,
    ...overrides,
  };
}

/**
 * The first worked example: a Q1 collaborative, two capitation lines on 4,000 patients, r = 0.3,
 * a linear clause on DM-01 (weight 0.6) and an all-or-nothing clause on KO-01 (weight 0.4).
 */
export function agreement(overrides: Partial<Agreement> = {}): Agreement {
  return {
    id: 'AGR-1',
    version: 1,
    status: 'agreed',
    insurer: '3311',
    organisation: { id: 'ORG-1', quadrant: 'Q1' },
    period: { start: '2025-Q1', end: '2026-Q4' },
    atRiskShare: 0.3,
    lines: [
      { id: 'L1', titleCode: 'OI-1A', basis: 'capitation', tariffCents: 250 },
      { id: 'L2', titleCode: 'OI-1B', basis: 'capitation', tariffCents: 125 },
    ],
    clauses: [
      clause({ id: 'C1', weight: 0.6 }),
      {
        id: 'C2',
        kpiCode: 'KO-01',
        target: 300,
        weight: 0.4,
        scoring: { type: 'all-or-nothing' },
        evidence: 'point',
        confidence: 0.95,
      },
    ],
    coInsurers: [],
    ...overrides,
  };
}

/** Inputs for `agreement()`: 4,000 patients; DM-01 160/200 = 80 %; KO-01 140 referrals over 500 patient-years = 280 per 1,000. */
export function inputs(overrides: Partial<SettlementInputs> = {}): SettlementInputs {
  return {
    period: '2025-Q1',
    volumes: { L1: 4000, L2: 4000 },
    observations: {
      'DM-01': { numerator: 160, denominator: 200 },
      'KO-01': { numerator: 140, denominator: 500 },
    },
    kpis: KPIS,
    titles: TITLES,
    ...overrides,
  };
}
