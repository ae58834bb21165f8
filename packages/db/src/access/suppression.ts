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

const isSmall = (u: CountedUnit) =>
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
    units.filter((u) => !isOwn(scope, u.organisationId) && isSmall(u)).map((u) => u.organisationId),
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
