import { DEFAULT_KPIS } from '@kwadrant/domain/catalogue';
import type { SessionInfo } from '@kwadrant/ui';

/** The catalogue as GET /api/kpis sends it. */
export const KPIS = DEFAULT_KPIS.map((k) => ({ ...k }));

export const TITLES = [
  {
    code: 'OI-1A',
    quadrant: 'Q1',
    name: { nl: 'Praktijkmanagement', en: 'Practice management' },
    description: { nl: '', en: '' },
    basis: 'capitation',
    resultObligation: { nl: '', en: '' },
    namedInSource: false,
  },
];

const org = (id: string, kind: 'practice' | 'collaborative' | 'region', name: string) => ({
  id,
  kind,
  name,
  codeSystem: 'AGB' as const,
  code: '01000002',
  quadrant: 'Q1' as const,
});
export const PRACTICE = org('pra-00002', 'practice', 'Huisartsenpraktijk Rozenhof Utrecht');
export const COLLABORATIVE = org('col-001-001', 'collaborative', 'Huisartsen Utrecht I');
export const REGION = org('reg-001', 'region', 'Regio Utrecht');
export const SISTER = org('pra-00003', 'practice', 'Huisartsenpraktijk Kerkplein Utrecht');

export const COORDINATOR: SessionInfo = {
  user: { id: 2, label: 'samenwerking@kwadrant.demo' },
  role: 'collaborative',
  organisation: COLLABORATIVE,
  ownOrganisations: [COLLABORATIVE, PRACTICE, SISTER],
  csrfToken: 'csrf',
};

const membership = (o: typeof PRACTICE, validTo: string | null = null) => ({
  organisation: o,
  validFrom: '2020-01-01',
  validTo,
});

export const practiceDetail = {
  ...PRACTICE,
  population: 3981,
  disciplines: ['huisarts'],
  pc4: '3511',
  parents: [membership(COLLABORATIVE)],
  members: [],
  serviceArea: ['3511'],
};

export const collaborativeDetail = {
  ...COLLABORATIVE,
  population: 17965,
  disciplines: ['huisarts'],
  pc4: '3511',
  parents: [membership(REGION)],
  members: [
    membership(PRACTICE),
    membership(SISTER),
    membership({ ...SISTER, id: 'pra-old', name: 'Gestopt' }, '2023-12-31'),
  ],
  serviceArea: ['3511'],
};

const value = (v: number | null, suppressed: 'small-number' | null = null) => ({
  value: v,
  lower: v === null ? null : v - 0.05,
  upper: v === null ? null : v + 0.05,
  numerator: v === null ? null : Math.round(v * 100),
  denominator: v === null ? null : 100,
  suppressed,
});

export const tile = (
  kpiCode: string,
  comparison: 'better' | 'similar' | 'worse' | 'not-compared',
  v: number | null = 0.7,
  suppressed: 'small-number' | null = null,
) => ({
  kpiCode,
  current: value(v, suppressed),
  benchmark: { kind: 'region' as const, value: 0.72, label: 'Regio Utrecht' },
  comparison,
  trend: 'no-change' as const,
  target: 0.8,
  targetSource: 'catalogue' as const,
  belowMinimum: false,
});

export const overview = (period = '2026-Q3', dataDate: string | null = '2026-09-30') => ({
  organisationId: PRACTICE.id,
  period,
  confidence: 0.95,
  dataDate,
  tiles: [
    tile('DM-01', 'better', 0.9),
    tile('DM-02', 'similar', 0.7),
    tile('CO-01', 'worse', 0.6),
    tile('KO-01', 'better', 140),
    tile('PE-01', 'not-compared', 7.6),
    tile('TO-01', 'not-compared', null, 'small-number'),
    tile('XX-99', 'worse', 0.1),
  ],
});

export const agreementSummary = (
  id: string,
  organisation: typeof PRACTICE,
  status = 'agreed',
  period = { start: '2025-Q1', end: '2026-Q4' },
) => ({
  id,
  name: `Afspraak ${id}`,
  status,
  version: 1,
  organisation: {
    id: organisation.id,
    kind: organisation.kind,
    name: organisation.name,
    quadrant: organisation.quadrant,
  },
  quadrant: 'Q1',
  insurer: { id: 'ins-8101', code: '8101', name: 'Kustlicht Zorgverzekeraar' },
  coInsurers: [],
  period,
  atRiskShare: 0.25,
  access: 'party',
  money: null,
  latestSettlement: null,
  updatedAt: '2026-11-30T00:00:00.000Z',
});

export const settlementResult = (total: number, attainment: number) => ({
  agreementId: 'agr-1',
  agreementVersion: 1,
  period: '2026-Q3',
  quarters: 1,
  base: 5_166_350,
  atRisk: 1_291_588,
  guaranteed: 3_874_762,
  conditional: total - 3_874_762,
  bonus: 0,
  malus: 0,
  sharedSavings: 0,
  total,
  attainment,
  lines: [],
  clauses: [
    {
      clauseId: 'c1',
      kpiCode: 'DM-02',
      value: 0.715,
      lower: 0.678,
      upper: 0.75,
      baseline: null,
      score: 1,
      weight: 1,
      contributionCents: 516_635,
      evidence: {
        rule: 'point',
        scoredOn: 'value',
        scoredValue: 0.715,
        effectiveTarget: 0.65,
        verdict: 'met',
      },
    },
  ],
  bonusMalus: [],
  sharedSavingsDetail: null,
  coInsurers: [],
});

export const agreementDetail = (id: string) => ({
  ...agreementSummary(id, COLLABORATIVE),
  document: {
    id,
    version: 1,
    status: 'agreed',
    insurer: '8101',
    organisation: { id: COLLABORATIVE.id, quadrant: 'Q1' },
    period: { start: '2025-Q1', end: '2026-Q4' },
    atRiskShare: 0.25,
    lines: [{ id: 'l1', titleCode: 'OI-1A', basis: 'capitation', tariffCents: 210 }],
    clauses: [
      {
        id: 'c1',
        kpiCode: 'DM-02',
        target: 0.65,
        threshold: 0.5,
        weight: 1,
        scoring: { type: 'linear' },
        evidence: 'point',
        confidence: 0.95,
      },
    ],
    coInsurers: [],
  },
  versions: [],
  allowedActions: { edit: false, transitions: [], settle: false },
});
