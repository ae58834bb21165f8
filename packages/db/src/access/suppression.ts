import { isOwn, type AccessScope } from './scope';

/** Counts below this are suppressed outside the owner's own view (domain guide §8). */
export const SMALL_NUMBER_THRESHOLD = 10;

export interface CountedUnit {
  organisationId: string;
  numerator: number;
  denominator: number;
}

export type Suppressible<T extends CountedUnit> = Omit<T, 'numerator' | 'denominator'> & {
  numerator: number | null;
  denominator: number | null;
  /** Why the figures are hidden: a small count (primary) or to protect another unit (secondary). */
  suppressed: 'small-number' | 'complementary' | null;
};

/** The small-number rule: a non-zero numerator or a denominator below 10 (domain guide §8). */
export const isSmallCount = (u: { numerator: number; denominator: number }): boolean =>
  (u.numerator > 0 && u.numerator < SMALL_NUMBER_THRESHOLD) || u.denominator < SMALL_NUMBER_THRESHOLD;

/**
 * Applies small-number suppression to a list of units that belong together (one KPI, one period,
 * one group), as seen by `scope`. Primary: a numerator or denominator below 10 is hidden unless the
 * unit is the caller's own. Secondary: when exactly one unit in the list is hidden, the smallest other
 * unit that is not the caller's own is hidden too, so that the group total minus the visible units can
 * never reveal it. `hide` removes whatever else would give the counts away (value, interval).
 */
export function suppressSmallNumbers<T extends CountedUnit>(
  units: readonly T[],
  scope: AccessScope,
  hide: (unit: T) => Partial<T> = () => ({}),
): Suppressible<T>[] {
  const primary = new Set(
    units.filter((u) => !isOwn(scope, u.organisationId) && isSmallCount(u)).map((u) => u.organisationId),
  );
  if (primary.size === 1) {
    const partner = units
      .filter((u) => !primary.has(u.organisationId) && !isOwn(scope, u.organisationId))
      .sort((a, b) => a.denominator - b.denominator || a.organisationId.localeCompare(b.organisationId))[0];
    if (partner) primary.add(`~${partner.organisationId}`);
  }
  return units.map((u) => {
    const reason = primary.has(u.organisationId)
      ? 'small-number'
      : primary.has(`~${u.organisationId}`)
        ? 'complementary'
        : null;
    if (!reason) return { ...u, suppressed: null };
    return { ...u, ...hide(u), numerator: null, denominator: null, suppressed: reason };
  });
}

/**
 * Small-number suppression across overlapping groups whose totals the caller can see (a region and
 * each of its collaboratives, say). Primary: counts below 10 outside the caller's own units. Then,
 * until nothing changes: a group with exactly one hidden unit hides its smallest other unit that is
 * not the caller's own; a group where that is impossible has its total hidden instead. So no visible
 * total minus visible units ever equals a hidden count. Returns hidden units and hidden group totals.
 */
export function suppressInGroups(
  units: readonly CountedUnit[],
  groups: ReadonlyMap<string, readonly string[]>,
  scope: AccessScope,
): { units: Map<string, 'small-number' | 'complementary'>; groups: Set<string> } {
  const byId = new Map(units.map((u) => [u.organisationId, u]));
  const hidden = new Map<string, 'small-number' | 'complementary'>();
  for (const u of units)
    if (!isOwn(scope, u.organisationId) && isSmallCount(u)) hidden.set(u.organisationId, 'small-number');
  const hiddenGroups = new Set<string>();
  for (let changed = true; changed;) {
    changed = false;
    for (const [groupId, members] of groups) {
      if (hiddenGroups.has(groupId)) continue;
      const present = members.filter((m) => byId.has(m));
      const hiddenHere = present.filter((m) => hidden.has(m));
      if (hiddenHere.length !== 1) continue;
      const partner = present
        .filter((m) => !hidden.has(m) && !isOwn(scope, m))
        .sort((a, b) => byId.get(a)!.denominator - byId.get(b)!.denominator || a.localeCompare(b))[0];
      if (partner) hidden.set(partner, 'complementary');
      else hiddenGroups.add(groupId);
      changed = true;
    }
  }
  return { units: hidden, groups: hiddenGroups };
}
