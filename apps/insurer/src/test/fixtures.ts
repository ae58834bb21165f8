import { DEFAULT_KPIS, DEFAULT_PAYMENT_TITLES } from '@kwadrant/domain/catalogue';
import type { Agreement, SettlementInputs } from '@kwadrant/domain/agreements';
import type { AgreementDetail } from '../api/types';

/** A Q1 agreement with two titles, three clauses, a malus and two co-insurers (amounts chosen to need rounding). */
export const AGREEMENT: Agreement = {
  id: 'agr-col-002-001-test',
  version: 3,
  status: 'agreed',
  insurer: '8101',
  organisation: { id: 'col-002-001', quadrant: 'Q1' },
  period: { start: '2026-Q1', end: '2026-Q4' },
  atRiskShare: 0.15,
  lines: [
    { id: 'l1', titleCode: 'OI-1A', basis: 'capitation', tariffCents: 251 },
    { id: 'l2', titleCode: 'OI-1B', basis: 'capitation', tariffCents: 177 },
  ],
  clauses: [
    {
      id: 'c1',
      kpiCode: 'DM-01',
      target: 0.9,
      threshold: 0.7,
      weight: 0.4,
      scoring: { type: 'linear' },
      evidence: 'point',
      confidence: 0.95,
    },
    {
      id: 'c2',
      kpiCode: 'DM-02',
      target: 0.6,
      threshold: 0.45,
      weight: 0.3,
      scoring: { type: 'linear' },
      evidence: 'benefit-of-doubt',
      confidence: 0.95,
    },
    {
      id: 'c3',
      kpiCode: 'CO-01',
      target: 0.8,
      weight: 0.3,
      scoring: { type: 'all-or-nothing' },
      evidence: 'point',
      confidence: 0.95,
    },
  ],
  bonusMalus: [
    {
      id: 'm1',
      kpiCode: 'CO-01',
      kind: 'malus',
      condition: { comparator: 'at-most', value: 0.75 },
      amountCents: 123_457,
    },
  ],
  coInsurers: [
    { insurer: '8103', share: 0.1333 },
    { insurer: '8104', share: 0.0777 },
  ],
};

export const INPUTS: SettlementInputs = {
  period: '2026-Q3',
  volumes: { l1: 16_619, l2: 16_619 },
  observations: {
    'DM-01': { numerator: 617, denominator: 707 },
    'DM-02': { numerator: 301, denominator: 517 },
    'CO-01': { numerator: 133, denominator: 181 },
  },
  kpis: DEFAULT_KPIS,
  titles: DEFAULT_PAYMENT_TITLES,
};

/** An agreement as GET /api/agreements/:id answers (the parts the builder reads). */
export function detailOf(doc: Agreement, overrides: Partial<AgreementDetail> = {}): AgreementDetail {
  return {
    id: doc.id,
    name: 'Testafspraak',
    status: doc.status,
    version: doc.version,
    organisation: {
      id: doc.organisation.id,
      kind: 'collaborative',
      name: 'Huisartsen Groningen I',
      quadrant: 'Q1',
    },
    quadrant: doc.organisation.quadrant,
    insurer: { id: 'ins-8101', code: '8101', name: 'Kustlicht Zorgverzekeraar' },
    coInsurers: [],
    period: doc.period,
    atRiskShare: doc.atRiskShare,
    access: 'lead',
    money: null,
    latestSettlement: null,
    updatedAt: '2026-11-01T10:00:00Z',
    document: doc,
    versions: Array.from({ length: doc.version }, (_, i) => ({
      version: i + 1,
      status: 'draft' as const,
      period: doc.period,
      createdAt: '2026-11-01T10:00:00Z',
    })),
    allowedActions: {
      edit: doc.status === 'draft' || doc.status === 'proposed',
      transitions: ['proposed'],
      settle: false,
    },
    ...overrides,
  };
}
