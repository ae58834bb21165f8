/**
 * The regional cost picture (domain guide §7) from Vektis records: per municipality × care type the
 * costs per insured-year and the age/sex-standardised cost ratio O/E, by the domain's indirect
 * standardisation with the whole file (all municipalities of the year) as reference and strata
 * sex × age class.
 *
 * No confidence interval: the domain's `indirectlyStandardise(…, { outcome: 'cost' })` returns none,
 * because a cost total is not a Poisson count and a valid interval needs per-person variance that the
 * open data does not carry. Compare cost ratios with the overdispersion-adjusted funnel instead.
 */
import {
  expectedFromReference,
  indirectlyStandardise,
  referenceRates,
  type ReferenceStratum,
  type Stratum,
} from '@kwadrant/domain/stats';
import type { VektisRecord } from './vektis';

/** The care type that sums every KOSTEN_ column of a row. */
export const TOTAL_CARE_TYPE = 'totaal';

/** One municipality × care type of one year. */
export interface RegionalCost {
  year: number;
  /** CBS code of the 2025 municipality; null for names that could not be matched. */
  municipalityCode: string | null;
  /** The names in the file that make up this municipality (several after a merger, e.g. GRONINGEN and HAREN). */
  municipalityNames: string[];
  careType: string;
  /** Insured-years of the rows with a value for this care type. */
  insuredYears: number;
  /** Observed costs O in euros. */
  costs: number;
  /** Euros per insured-year; null without insured-years. */
  costsPerInsuredYear: number | null;
  /** Expected costs E in euros at the reference rates; null when the care type cannot be standardised. */
  expected: number | null;
  /** Standardised cost ratio O/E (1 = as expected for its age and sex mix); null with `expected`. */
  ratio: number | null;
  /** Never set for costs (see the module note); present for the shape shared with counts. */
  lower?: number;
  upper?: number;
}

export interface CostPictureOptions {
  /** Add the care type `totaal`, the sum of every KOSTEN_ column (default true). */
  includeTotal?: boolean | undefined;
}

/** Strata of indirect standardisation: sex × age class. */
export function stratumOf(record: Pick<VektisRecord, 'sex' | 'ageFrom' | 'ageTo'>): string {
  return `${record.sex}|${record.ageFrom}-${record.ageTo ?? ''}`;
}

interface Unit {
  year: number;
  code: string | null;
  names: Set<string>;
  /** Per care type: costs and insured-years per stratum. */
  byCare: Map<string, { costs: number; strata: Map<string, number> }>;
}

/**
 * Costs per insured-year and standardised cost ratios per municipality × care type, per year.
 * Rows of unmatched municipalities take part in the reference (they are part of the country) and form
 * their own units, by name. Output is sorted by year, municipality code (unmatched last) and care type.
 */
export function regionalCostPicture(
  records: Iterable<VektisRecord>,
  options: CostPictureOptions = {},
): RegionalCost[] {
  const includeTotal = options.includeTotal ?? true;
  const units = new Map<string, Unit>();
  // Reference per year × care type: rows as strata for the domain's referenceRates.
  const reference = new Map<string, Map<string, ReferenceStratum[]>>();

  for (const record of records) {
    const unitKey = `${record.year}|${record.municipalityCode ?? `?${record.municipalityName}`}`;
    let unit = units.get(unitKey);
    if (!unit) {
      unit = { year: record.year, code: record.municipalityCode, names: new Set(), byCare: new Map() };
      units.set(unitKey, unit);
    }
    unit.names.add(record.municipalityName);
    const stratum = stratumOf(record);
    let perYear = reference.get(String(record.year));
    if (!perYear) {
      perYear = new Map();
      reference.set(String(record.year), perYear);
    }

    const entries = Object.entries(record.costs);
    if (includeTotal && entries.length > 0) {
      const total = entries.reduce((sum, [careType, euros]) => (isTotal(careType) ? sum : sum + euros), 0);
      entries.push([TOTAL_CARE_TYPE, total]);
    }
    for (const [careType, euros] of entries) {
      let care = unit.byCare.get(careType);
      if (!care) {
        care = { costs: 0, strata: new Map() };
        unit.byCare.set(careType, care);
      }
      care.costs += euros;
      care.strata.set(stratum, (care.strata.get(stratum) ?? 0) + record.insuredYears);
      let rows = perYear.get(careType);
      if (!rows) {
        rows = [];
        perYear.set(careType, rows);
      }
      rows.push({ key: stratum, events: euros, population: record.insuredYears });
    }
  }

  const rates = new Map<string, ReturnType<typeof referenceRates> | null>();
  const ratesFor = (year: number, careType: string) => {
    const key = `${year}|${careType}`;
    if (!rates.has(key)) rates.set(key, standardisable(reference.get(String(year))?.get(careType) ?? []));
    return rates.get(key)!;
  };

  const out: RegionalCost[] = [];
  for (const unit of units.values()) {
    for (const [careType, care] of unit.byCare) {
      const strata: Stratum[] = [...care.strata].map(([key, population]) => ({ key, population }));
      const insuredYears = strata.reduce((sum, s) => sum + s.population, 0);
      const result: RegionalCost = {
        year: unit.year,
        municipalityCode: unit.code,
        municipalityNames: [...unit.names].sort(),
        careType,
        insuredYears,
        costs: care.costs,
        costsPerInsuredYear: insuredYears > 0 ? care.costs / insuredYears : null,
        expected: null,
        ratio: null,
      };
      const referenceRates = ratesFor(unit.year, careType);
      if (referenceRates !== null && care.costs >= 0 && insuredYears > 0) {
        const standardised = indirectlyStandardiseOrNull(care.costs, strata, referenceRates);
        if (standardised) {
          result.expected = standardised.expected;
          result.ratio = standardised.ratio;
          if (standardised.lower !== undefined) {
            result.lower = standardised.lower;
            result.upper = standardised.upper;
          }
        }
      }
      out.push(result);
    }
  }
  return out.sort(
    (a, b) =>
      a.year - b.year ||
      compareCodes(a.municipalityCode, b.municipalityCode) ||
      (a.municipalityNames[0] ?? '').localeCompare(b.municipalityNames[0] ?? '') ||
      a.careType.localeCompare(b.careType),
  );
}

const isTotal = (careType: string): boolean => careType === TOTAL_CARE_TYPE || careType === 'total';

function compareCodes(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a.localeCompare(b);
}

/**
 * Reference rates, or null when the care type cannot be standardised: a stratum with negative costs
 * in total (corrections), or costs without insured-years.
 */
function standardisable(rows: readonly ReferenceStratum[]): Map<string, number> | null {
  const totals = new Map<string, { events: number; population: number }>();
  for (const row of rows) {
    const total = totals.get(row.key) ?? { events: 0, population: 0 };
    total.events += row.events;
    total.population += row.population;
    totals.set(row.key, total);
  }
  for (const { events, population } of totals.values()) {
    if (events < 0 || population < 0 || (population === 0 && events > 0)) return null;
  }
  // Individual negative cells are summed into their stratum first, as the domain requires events ≥ 0.
  return referenceRates([...totals].map(([key, t]) => ({ key, events: t.events, population: t.population })));
}

function indirectlyStandardiseOrNull(
  observed: number,
  strata: readonly Stratum[],
  rates: ReadonlyMap<string, number>,
): ReturnType<typeof indirectlyStandardise> | null {
  // E = 0 (a care type without costs in any of the unit's strata) has no ratio.
  if (!(expectedFromReference(strata, rates) > 0)) return null;
  return indirectlyStandardise({ observed, strata, referenceRates: rates, outcome: 'cost' }, 0.95);
}
