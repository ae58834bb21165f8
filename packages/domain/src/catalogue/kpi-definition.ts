import type { Localised } from '../model/localised';
import type { KpiKind, Polarity } from '../model/kpi-types';

export type KpiDomain =
  'kwaliteit' | 'doelmatigheid' | 'toegankelijkheid' | 'patientervaring' | 'organisatie';
export const KPI_DOMAINS: readonly KpiDomain[] = [
  'kwaliteit',
  'doelmatigheid',
  'toegankelijkheid',
  'patientervaring',
  'organisatie',
];

export const KPI_DOMAIN_LABELS: Record<KpiDomain, Localised> = {
  kwaliteit: { nl: 'Kwaliteit', en: 'Quality' },
  doelmatigheid: { nl: 'Doelmatigheid', en: 'Cost containment' },
  toegankelijkheid: { nl: 'Toegankelijkheid', en: 'Access' },
  patientervaring: { nl: 'Patiëntervaring', en: 'Patient experience' },
  organisatie: { nl: 'Organisatie', en: 'O&I maturity' },
};

/** A KPI: a ratio per organisation per period with its metadata (domain guide §4). */
export interface KpiDefinition {
  code: string;
  name: Localised;
  domain: KpiDomain;
  kind: KpiKind;
  polarity: Polarity;
  /** Display multiplier: 100 for percentages, 1000 for rates per 1,000 person-years, 1 otherwise. */
  multiplier: number;
  unit: Localised;
  numerator: Localised;
  denominator: Localised;
  /** Below this denominator the value is not reported or compared. */
  minDenominator: number;
  source: Localised;
  /** Default target on the estimate's own scale (proportion 0–1, rate per multiplier, ratio, mean). */
  defaultTarget: number | null;
  /** Published national reference on the same scale, where one exists. */
  nationalReference: number | null;
  /** ISO date (YYYY-MM-DD) on which the definition is due for review. */
  reviewDate: string;
}
