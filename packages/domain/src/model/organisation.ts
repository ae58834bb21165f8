import type { QuadrantCode, Scale, Scope } from '../catalogue/quadrants';
import { quadrantFor } from '../catalogue/quadrants';

/** Kinds of organisation (domain guide §1). A partner is a non-GP provider (district nursing, physio, social team…). */
export const ORGANISATION_KINDS = ['region', 'collaborative', 'practice', 'insurer', 'partner'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** Disciplines a provider organisation brings; anything beyond GPs makes it multidisciplinary. */
export const DISCIPLINES = [
  'huisarts',
  'wijkverpleging',
  'fysiotherapie',
  'apotheek',
  'sociaal-domein',
  'ggz',
  'diëtetiek',
] as const;
export type Discipline = (typeof DISCIPLINES)[number];

/** National codes: AGB (8 digits) for providers, UZOVI (4 digits) for insurers. */
export type OrganisationCode = { system: 'AGB'; value: string } | { system: 'UZOVI'; value: string };

export interface Organisation {
  id: string;
  kind: OrganisationKind;
  name: string;
  code: OrganisationCode;
  /** Inhabitants or enrolled patients the organisation serves. */
  population?: number | null;
  disciplines?: readonly Discipline[];
}

/** Membership of a practice in a collaborative, or of a collaborative (or partner) in a region. */
export interface Membership {
  memberId: string;
  parentId: string;
  /** ISO date, inclusive. */
  validFrom: string;
  /** ISO date, inclusive; null while it lasts. */
  validTo: string | null;
}

/** Which kinds may be a member of which (a practice joins a collaborative; a collaborative or partner joins a region). */
export const ALLOWED_PARENT: Readonly<Record<OrganisationKind, readonly OrganisationKind[]>> = {
  practice: ['collaborative'],
  collaborative: ['region'],
  partner: ['collaborative', 'region'],
  region: [],
  insurer: [],
};

/** True for a valid AGB code: 8 digits (Vektis AGB register). */
export function isAgbCode(value: string): boolean {
  return /^\d{8}$/.test(value);
}

/** True for a valid UZOVI code: 4 digits (Vektis UZOVI register). */
export function isUzoviCode(value: string): boolean {
  return /^\d{4}$/.test(value);
}

/** Checks that the code system fits the kind: insurers carry UZOVI codes, providers AGB codes. */
export function validateOrganisationCode(kind: OrganisationKind, code: OrganisationCode): string | null {
  if (kind === 'insurer') {
    if (code.system !== 'UZOVI') return `an insurer needs a UZOVI code, not ${code.system}`;
    return isUzoviCode(code.value) ? null : `UZOVI code "${code.value}" must be 4 digits`;
  }
  if (code.system !== 'AGB') return `a ${kind} needs an AGB code, not ${code.system}`;
  return isAgbCode(code.value) ? null : `AGB code "${code.value}" must be 8 digits`;
}

/** True when a membership is in force on an ISO date. ISO dates compare correctly as strings. */
export function isActiveOn(membership: Membership, isoDate: string): boolean {
  return membership.validFrom <= isoDate && (membership.validTo === null || isoDate <= membership.validTo);
}

/** The parent of a member on a date (practices have one collaborative at a time), or null. */
export function parentOn(
  memberships: readonly Membership[],
  memberId: string,
  isoDate: string,
): string | null {
  return memberships.find((m) => m.memberId === memberId && isActiveOn(m, isoDate))?.parentId ?? null;
}

/** The members of a parent on a date. */
export function membersOn(memberships: readonly Membership[], parentId: string, isoDate: string): string[] {
  return memberships.filter((m) => m.parentId === parentId && isActiveOn(m, isoDate)).map((m) => m.memberId);
}

/** Every practice under an organisation on a date, following collaborative → practice links; a practice yields itself. */
export function practicesUnder(
  organisations: ReadonlyMap<string, Organisation>,
  memberships: readonly Membership[],
  orgId: string,
  isoDate: string,
): string[] {
  const org = organisations.get(orgId);
  if (!org) return [];
  if (org.kind === 'practice') return [orgId];
  return membersOn(memberships, orgId, isoDate).flatMap((id) =>
    practicesUnder(organisations, memberships, id, isoDate),
  );
}

/** Problems with a set of memberships: inverted dates, wrong kinds, and a member with two parents at once. */
export function validateMemberships(
  organisations: ReadonlyMap<string, Organisation>,
  memberships: readonly Membership[],
): string[] {
  const problems: string[] = [];
  memberships.forEach((m, i) => {
    const member = organisations.get(m.memberId);
    const parent = organisations.get(m.parentId);
    if (!member || !parent) {
      problems.push(`membership ${i + 1}: unknown organisation ${member ? m.parentId : m.memberId}`);
      return;
    }
    if (!ALLOWED_PARENT[member.kind].includes(parent.kind)) {
      problems.push(`membership ${i + 1}: a ${member.kind} cannot be a member of a ${parent.kind}`);
    }
    if (m.validTo !== null && m.validTo < m.validFrom) {
      problems.push(`membership ${i + 1}: ends (${m.validTo}) before it starts (${m.validFrom})`);
    }
  });
  // A member may belong to one parent of each kind at a time (merges and moves are consecutive).
  for (let i = 0; i < memberships.length; i++) {
    for (let j = i + 1; j < memberships.length; j++) {
      const a = memberships[i]!;
      const b = memberships[j]!;
      if (a.memberId !== b.memberId) continue;
      if (organisations.get(a.parentId)?.kind !== organisations.get(b.parentId)?.kind) continue;
      const overlap =
        a.validFrom <= (b.validTo ?? '9999-12-31') && b.validFrom <= (a.validTo ?? '9999-12-31');
      if (overlap) {
        problems.push(
          `${a.memberId} belongs to ${a.parentId} and ${b.parentId} at the same time (memberships ${i + 1} and ${j + 1})`,
        );
      }
    }
  }
  return problems;
}

/**
 * Population above which an organisation works at regional scale: the geometric mean of the top of the
 * neighbourhood band (20,000) and the bottom of the regional band (100,000), about 44,700 (domain guide §2).
 */
export const REGIONAL_SCALE_THRESHOLD = Math.round(Math.sqrt(20_000 * 100_000));

/** The scale of an organisation from what it is and whom it serves. */
export function scaleOf(org: Pick<Organisation, 'kind' | 'population'>): Scale {
  if (org.kind === 'region') return 'regio';
  if (org.kind === 'practice') return 'wijk';
  return (org.population ?? 0) >= REGIONAL_SCALE_THRESHOLD ? 'regio' : 'wijk';
}

/** The scope of an organisation: multidisciplinary as soon as it brings any discipline beyond GPs. */
export function scopeOf(org: Pick<Organisation, 'disciplines'>): Scope {
  return (org.disciplines ?? ['huisarts']).some((d) => d !== 'huisarts') ? 'multi' : 'mono';
}

/** Places a provider organisation in its quadrant by scale and scope (domain guide §2); insurers have none. */
export function placeInQuadrant(
  org: Pick<Organisation, 'kind' | 'population' | 'disciplines'>,
): QuadrantCode | null {
  if (org.kind === 'insurer') return null;
  return quadrantFor(scaleOf(org), scopeOf(org));
}
