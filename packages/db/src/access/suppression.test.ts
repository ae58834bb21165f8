import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { suppressInGroups, suppressSmallNumbers } from './suppression';
import type { AccessScope } from './scope';

const scope = (own: string[]): AccessScope => ({
  caller: { userId: 1, role: 'region', organisationId: 'r1', label: 't' },
  named: 'all',
  own: new Set(own),
  insurerCode: null,
});

const units = [
  { organisationId: 'a', numerator: 4, denominator: 40, value: 0.1 },
  { organisationId: 'b', numerator: 30, denominator: 60, value: 0.5 },
  { organisationId: 'c', numerator: 50, denominator: 200, value: 0.25 },
];

describe('small-number suppression', () => {
  it('hides a count below 10 and, to protect it, the smallest other unit', () => {
    const shown = suppressSmallNumbers(units, scope([]), () => ({ value: Number.NaN }));
    expect(shown.map((u) => [u.organisationId, u.numerator, u.suppressed])).toEqual([
      ['a', null, 'small-number'],
      ['b', null, 'complementary'],
      ['c', 50, null],
    ]);
    expect(Number.isNaN(shown[0]!.value)).toBe(true);
  });

  it('shows the owner their own small numbers', () => {
    const shown = suppressSmallNumbers(units, scope(['a']), () => ({}));
    expect(shown.every((u) => u.suppressed === null)).toBe(true);
  });

  it('never lets the total minus the visible units reveal a hidden count (property)', () => {
    const unit = fc.record({
      organisationId: fc.uuid(),
      numerator: fc.integer({ min: 0, max: 60 }),
      denominator: fc.integer({ min: 1, max: 300 }),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(unit, { minLength: 2, maxLength: 12, selector: (u) => u.organisationId }),
        (raw) => {
          const list = raw.map((u) => ({ ...u, numerator: Math.min(u.numerator, u.denominator) }));
          const shown = suppressSmallNumbers(list, scope([]));
          const hidden = shown.filter((u) => u.suppressed !== null);
          // Either nothing is hidden, or at least two units are: one unknown in a sum cannot be solved for.
          expect(hidden.length === 0 || hidden.length >= 2).toBe(true);
          const small = list.filter((u) => (u.numerator > 0 && u.numerator < 10) || u.denominator < 10);
          for (const s of small)
            expect(shown.find((u) => u.organisationId === s.organisationId)!.numerator).toBeNull();
        },
      ),
    );
  });
});

describe('suppression across overlapping groups (a region and its collaboratives)', () => {
  it('protects a hidden count in every group whose total is visible (property)', () => {
    const arb = fc.array(
      fc.record({
        numerator: fc.integer({ min: 0, max: 40 }),
        denominator: fc.integer({ min: 1, max: 200 }),
        group: fc.integer({ min: 0, max: 3 }),
      }),
      { minLength: 2, maxLength: 20 },
    );
    fc.assert(
      fc.property(arb, (raw) => {
        const units = raw.map((u, i) => ({
          organisationId: `p${i}`,
          numerator: Math.min(u.numerator, u.denominator),
          denominator: u.denominator,
        }));
        const groups = new Map<string, string[]>([['region', units.map((u) => u.organisationId)]]);
        raw.forEach((u, i) => groups.set(`c${u.group}`, [...(groups.get(`c${u.group}`) ?? []), `p${i}`]));
        const { units: hidden, groups: hiddenGroups } = suppressInGroups(units, groups, scope([]));
        for (const [id, members] of groups) {
          if (hiddenGroups.has(id)) continue;
          // A visible total with exactly one hidden member would give that member away.
          expect(members.filter((m) => hidden.has(m)).length).not.toBe(1);
        }
        for (const u of units)
          if ((u.numerator > 0 && u.numerator < 10) || u.denominator < 10)
            expect(hidden.has(u.organisationId)).toBe(true);
      }),
    );
  });
});
