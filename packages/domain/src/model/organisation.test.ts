import { describe, expect, it } from 'vitest';
import {
  REGIONAL_SCALE_THRESHOLD,
  isActiveOn,
  membersOn,
  parentOn,
  placeInQuadrant,
  practicesUnder,
  validateMemberships,
  validateOrganisationCode,
  type Membership,
  type Organisation,
} from './organisation';

const org = (id: string, kind: Organisation['kind']): Organisation => ({
  id,
  kind,
  name: id,
  code: kind === 'insurer' ? { system: 'UZOVI', value: '3311' } : { system: 'AGB', value: '01012345' },
});

const orgs = new Map(
  [
    org('p1', 'practice'),
    org('p2', 'practice'),
    org('c1', 'collaborative'),
    org('c2', 'collaborative'),
    org('r1', 'region'),
  ].map((o) => [o.id, o]),
);

// p1 moves from c1 to c2 on 1 July 2025 (a merger); p2 stays in c1; both collaboratives are in r1.
const memberships: Membership[] = [
  { memberId: 'p1', parentId: 'c1', validFrom: '2020-01-01', validTo: '2025-06-30' },
  { memberId: 'p1', parentId: 'c2', validFrom: '2025-07-01', validTo: null },
  { memberId: 'p2', parentId: 'c1', validFrom: '2020-01-01', validTo: null },
  { memberId: 'c1', parentId: 'r1', validFrom: '2020-01-01', validTo: null },
  { memberId: 'c2', parentId: 'r1', validFrom: '2020-01-01', validTo: null },
];

describe('organisations and memberships', () => {
  it('follows a move between collaboratives by date', () => {
    expect(parentOn(memberships, 'p1', '2025-06-30')).toBe('c1');
    expect(parentOn(memberships, 'p1', '2025-07-01')).toBe('c2');
    expect(membersOn(memberships, 'c1', '2025-03-01').sort()).toEqual(['p1', 'p2']);
    expect(membersOn(memberships, 'c1', '2025-09-01')).toEqual(['p2']);
    expect(practicesUnder(orgs, memberships, 'r1', '2025-09-01').sort()).toEqual(['p1', 'p2']);
    expect(practicesUnder(orgs, memberships, 'p2', '2025-09-01')).toEqual(['p2']);
    expect(isActiveOn(memberships[0]!, '2019-12-31')).toBe(false);
  });

  it('accepts consecutive memberships and reports overlaps, wrong kinds and inverted dates', () => {
    expect(validateMemberships(orgs, memberships)).toEqual([]);
    const bad: Membership[] = [
      ...memberships,
      { memberId: 'p2', parentId: 'c2', validFrom: '2024-01-01', validTo: null },
      { memberId: 'r1', parentId: 'c1', validFrom: '2024-01-01', validTo: null },
      { memberId: 'c1', parentId: 'r1', validFrom: '2024-01-01', validTo: '2023-01-01' },
    ];
    const problems = validateMemberships(orgs, bad);
    expect(problems).toContain('p2 belongs to c1 and c2 at the same time (memberships 3 and 6)');
    expect(problems).toContain('membership 7: a region cannot be a member of a collaborative');
    expect(problems).toContain('membership 8: ends (2023-01-01) before it starts (2024-01-01)');
  });

  it('checks AGB and UZOVI codes by kind', () => {
    expect(validateOrganisationCode('practice', { system: 'AGB', value: '01012345' })).toBeNull();
    expect(validateOrganisationCode('practice', { system: 'AGB', value: '1012345' })).toMatch(/8 digits/);
    expect(validateOrganisationCode('insurer', { system: 'UZOVI', value: '3311' })).toBeNull();
    expect(validateOrganisationCode('insurer', { system: 'AGB', value: '01012345' })).toMatch(/UZOVI/);
  });

  it('places organisations in their quadrant by scale and scope', () => {
    expect(placeInQuadrant({ kind: 'practice' })).toBe('Q1');
    expect(placeInQuadrant({ kind: 'collaborative', population: 15_000, disciplines: ['huisarts'] })).toBe(
      'Q1',
    );
    expect(
      placeInQuadrant({
        kind: 'collaborative',
        population: 15_000,
        disciplines: ['huisarts', 'wijkverpleging'],
      }),
    ).toBe('Q2');
    expect(placeInQuadrant({ kind: 'region', population: 150_000, disciplines: ['huisarts'] })).toBe('Q3');
    expect(placeInQuadrant({ kind: 'region', disciplines: ['huisarts', 'sociaal-domein'] })).toBe('Q4');
    expect(placeInQuadrant({ kind: 'collaborative', population: REGIONAL_SCALE_THRESHOLD })).toBe('Q3');
    expect(placeInQuadrant({ kind: 'insurer' })).toBeNull();
  });
});
