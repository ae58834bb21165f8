import type { Agreement, ResultClause, SharedSavings } from '@kwadrant/domain/agreements';
import type { QuadrantCode } from '@kwadrant/domain/catalogue';
import { addQuarters, quartersBetween } from '@kwadrant/domain/model';
import type { DemoOrganisation, Landscape } from './landscape';
import type { ImprovementPlan } from './kpi-model';

/** An agreement the demo writes, with the quarters it settles (and freezes) at seed time. */
export interface DemoAgreement {
  agreement: Agreement;
  name: string;
  settledQuarters: string[];
}

// Tariffs in cents per enrolled patient per quarter (capitation) or per year (availability):
// within the €0.50–€6 per patient per quarter of the domain guide.
const TITLES_BY_QUADRANT: Record<
  QuadrantCode,
  { titleCode: string; tariffCents: number; basis: 'capitation' | 'availability'; volume?: number }[]
> = {
  Q1: [
    { titleCode: 'OI-1A', tariffCents: 210, basis: 'capitation' },
    { titleCode: 'OI-1B', tariffCents: 140, basis: 'capitation' },
  ],
  Q2: [
    { titleCode: 'OI-2A', tariffCents: 180, basis: 'capitation' },
    { titleCode: 'OI-2B', tariffCents: 120, basis: 'capitation' },
  ],
  Q3: [
    { titleCode: 'OI-3A', tariffCents: 110, basis: 'capitation' },
    { titleCode: 'OI-3B', tariffCents: 90, basis: 'capitation' },
  ],
  Q4: [
    { titleCode: 'OI-4A', tariffCents: 100, basis: 'capitation' },
    { titleCode: 'OI-4C', tariffCents: 80, basis: 'capitation' },
    { titleCode: 'OI-4E', tariffCents: 25_000_000, basis: 'availability', volume: 1 },
  ],
};

const clause = (
  id: string,
  kpiCode: string,
  threshold: number,
  target: number,
  weight: number,
  evidence: ResultClause['evidence'] = 'point',
): ResultClause => ({
  id,
  kpiCode,
  threshold,
  target,
  weight,
  scoring: { type: 'linear' },
  evidence,
  confidence: 0.95,
});

// Neighbourhood collaboratives: chronic-care quality and referrals.
const COLLABORATIVE_CLAUSES: ResultClause[] = [
  clause('c1', 'DM-02', 0.5, 0.65, 0.4, 'benefit-of-doubt'),
  clause('c2', 'CO-01', 0.7, 0.85, 0.3),
  clause('c3', 'KO-01', 340, 300, 0.3),
];

// Regions: emergency visits and frail elderly, with shared savings on standardised hospital costs.
const REGION_CLAUSES: ResultClause[] = [
  clause('r1', 'KO-02', 115, 95, 0.5),
  clause('r2', 'OU-01', 0.35, 0.6, 0.5, 'benefit-of-doubt'),
];
const REGION_SHARED_SAVINGS: SharedSavings = {
  costKpiCode: 'KO-06',
  minimumSavingsRate: 0.02,
  sharingRate: 0.5,
  gateByAttainment: 'scale',
  capRateOfExpected: 0.05,
  twoSided: false,
};

const quartersOf = (start: string, count: number): string[] =>
  quartersBetween(start, addQuarters(start, count - 1));

/**
 * The demo's agreements, in every state: per collaborative a 2025–2026 agreement (mostly agreed and
 * settled quarter by quarter, some proposed or draft) and for some a settled pilot quarter; per region
 * an agreed 2025–2026 agreement with shared savings and a draft for 2027–2028. The dominant insurer of
 * the region leads; the others co-finance by market share (congruent purchasing).
 * Also returns which practices improve faster once their agreement takes effect.
 */
export function planAgreements(landscape: Landscape): {
  agreements: DemoAgreement[];
  improvement: ImprovementPlan;
} {
  const out: DemoAgreement[] = [];
  const improvement = new Map<string, { from: string; kpis: ReadonlySet<string> }>();
  const collabsOf = (region: DemoOrganisation) =>
    landscape.collaboratives.filter((c) =>
      landscape.memberships.some((m) => m.memberId === c.id && m.parentId === region.id),
    );

  landscape.regions.forEach((region) => {
    const shares = landscape.marketShares.get(region.id)!;
    const ranked = [...shares].sort((a, b) => b[1] - a[1]);
    const leadId = ranked[0]![0];
    const codeOf = (id: string) => landscape.insurers.find((i) => i.id === id)!.code;
    const coInsurers = ranked
      .slice(1)
      .map(([id, share]) => ({ insurer: codeOf(id), share: Math.round(share * 10_000) / 10_000 }));
    const make = (
      org: DemoOrganisation,
      suffix: string,
      status: Agreement['status'],
      start: string,
      end: string,
      clauses: ResultClause[],
      atRiskShare: number,
      sharedSavings?: SharedSavings,
    ): Agreement => ({
      id: `agr-${org.id}-${suffix}`,
      version: 1,
      status,
      insurer: codeOf(leadId),
      organisation: { id: org.id, quadrant: org.quadrant! },
      period: { start, end },
      atRiskShare,
      lines: TITLES_BY_QUADRANT[org.quadrant!].map((t, i) => ({ id: `l${i + 1}`, ...t })),
      clauses,
      ...(sharedSavings ? { sharedSavings } : {}),
      coInsurers,
      coInsuranceBasis: 'market-share',
    });

    collabsOf(region).forEach((collab, c) => {
      const status: Agreement['status'] = c % 6 === 5 ? 'proposed' : c % 6 === 4 ? 'draft' : 'agreed';
      const settled = status === 'agreed' ? quartersOf('2025-Q1', 6) : [];
      out.push({
        agreement: make(collab, '2025', status, '2025-Q1', '2026-Q4', COLLABORATIVE_CLAUSES, 0.25),
        name: `Resultaatafspraak O&I ${collab.name} 2025–2026`,
        settledQuarters: settled,
      });
      if (status === 'agreed') {
        for (const p of landscape.practices.filter((pr) => pr.collaborativeId === collab.id)) {
          improvement.set(p.id, {
            from: '2025-Q1',
            kpis: new Set(COLLABORATIVE_CLAUSES.map((k) => k.kpiCode)),
          });
        }
      }
      if (c % 5 === 0) {
        out.push({
          agreement: make(collab, 'pilot', 'settled', '2024-Q4', '2024-Q4', COLLABORATIVE_CLAUSES, 0.1),
          name: `Pilot ${collab.name} 2024-Q4`,
          settledQuarters: ['2024-Q4'],
        });
      }
    });

    out.push({
      agreement: make(
        region,
        '2025',
        'agreed',
        '2025-Q1',
        '2026-Q4',
        REGION_CLAUSES,
        0.2,
        REGION_SHARED_SAVINGS,
      ),
      name: `Regionale afspraak ${region.name} 2025–2026`,
      settledQuarters: quartersOf('2025-Q1', 6),
    });
    out.push({
      agreement: make(
        region,
        '2027',
        'draft',
        '2027-Q1',
        '2028-Q4',
        REGION_CLAUSES,
        0.3,
        REGION_SHARED_SAVINGS,
      ),
      name: `Concept regionale afspraak ${region.name} 2027–2028`,
      settledQuarters: [],
    });
  });
  return { agreements: out, improvement };
}
