import { indirectlyStandardise } from '@kwadrant/domain/stats';
import { describe, expect, it } from 'vitest';
import { chunks, fixture, municipalities2025 } from '../test/helpers';
import { regionalCostPicture, stratumOf, TOTAL_CARE_TYPE } from './vektis-costs';
import { validateVektis, type VektisRecord } from './vektis';

const record = (
  municipalityCode: string | null,
  municipalityName: string,
  sex: 'M' | 'F',
  ageFrom: number,
  ageTo: number | null,
  insuredYears: number,
  costs: Record<string, number>,
): VektisRecord => ({
  row: 0,
  year: 2019,
  municipalityCode,
  municipalityName,
  sex,
  ageFrom,
  ageTo,
  ageClass: ageTo === null ? `${ageFrom} jaar en ouder` : `${ageFrom} t/m ${ageTo} jaar`,
  insured: Math.round(insuredYears),
  insuredYears,
  costs,
});

// Two municipalities, two strata. Reference rates (the whole file):
//   M 0–4:  (10,000 + 60,000) / (100 + 300) = 175 €/insured-year
//   F 90+:  (25,000 + 30,000) / (10 + 30)   = 1,375 €/insured-year
// A: O = 35,000, E = 100 × 175 + 10 × 1,375 = 31,250 → O/E = 1.12
// B: O = 90,000, E = 300 × 175 + 30 × 1,375 = 93,750 → O/E = 0.96
// Crude costs per insured-year (318 vs 273) overstate A's excess: A has relatively more 90+ women.
const RECORDS = [
  record('GM0001', 'A', 'M', 0, 4, 100, { farmacie: 10_000, mondzorg: 4_000 }),
  record('GM0001', 'A', 'F', 90, null, 10, { farmacie: 25_000, mondzorg: 50 }),
  record('GM0002', 'B', 'M', 0, 4, 300, { farmacie: 60_000, mondzorg: 11_000 }),
  record('GM0002', 'B', 'F', 90, null, 30, { farmacie: 30_000, mondzorg: 150 }),
];

describe('regionalCostPicture', () => {
  it('computes costs per insured-year and the age/sex-standardised ratio against the whole file', () => {
    const picture = regionalCostPicture(RECORDS);
    const farmacie = picture.filter((p) => p.careType === 'farmacie');
    expect(farmacie).toHaveLength(2);
    const [a, b] = farmacie;
    expect(a).toMatchObject({
      municipalityCode: 'GM0001',
      municipalityNames: ['A'],
      insuredYears: 110,
      costs: 35_000,
    });
    expect(a!.costsPerInsuredYear).toBeCloseTo(318.1818, 4);
    expect(a!.expected).toBeCloseTo(31_250, 6);
    expect(a!.ratio).toBeCloseTo(1.12, 12);
    expect(b).toMatchObject({ municipalityCode: 'GM0002', insuredYears: 330, costs: 90_000 });
    expect(b!.expected).toBeCloseTo(93_750, 6);
    expect(b!.ratio).toBeCloseTo(0.96, 12);
  });

  it('gives no confidence interval for costs, as the domain gives none for outcome "cost"', () => {
    const domain = indirectlyStandardise(
      {
        observed: 35_000,
        strata: [{ key: 'x', population: 10 }],
        referenceRates: { x: 3_000 },
        outcome: 'cost',
      },
      0.95,
    );
    expect(domain.lower).toBeUndefined();
    for (const row of regionalCostPicture(RECORDS)) {
      expect(row).not.toHaveProperty('lower');
      expect(row).not.toHaveProperty('upper');
    }
  });

  it('adds a total over all care types, and can leave it out', () => {
    const total = regionalCostPicture(RECORDS).find(
      (p) => p.careType === TOTAL_CARE_TYPE && p.municipalityCode === 'GM0001',
    );
    expect(total).toMatchObject({ costs: 35_000 + 4_050, insuredYears: 110 });
    expect(regionalCostPicture(RECORDS, { includeTotal: false }).map((p) => p.careType)).not.toContain(
      TOTAL_CARE_TYPE,
    );
  });

  it('leaves the ratio out for a care type whose reference has negative costs in a stratum', () => {
    const records = [
      record('GM0001', 'A', 'M', 0, 4, 100, { grensoverschrijdende_zorg: -500 }),
      record('GM0002', 'B', 'M', 0, 4, 100, { grensoverschrijdende_zorg: 200 }),
    ];
    const picture = regionalCostPicture(records, { includeTotal: false });
    expect(picture.map((p) => [p.municipalityCode, p.costs, p.expected, p.ratio])).toEqual([
      ['GM0001', -500, null, null],
      ['GM0002', 200, null, null],
    ]);
  });

  it('keys strata by sex and age class', () => {
    expect(stratumOf({ sex: 'F', ageFrom: 90, ageTo: null })).toBe('F|90-');
    expect(stratumOf({ sex: 'M', ageFrom: 0, ageTo: 4 })).toBe('M|0-4');
  });

  it('on a Vektis file: aggregates merged municipalities, keeps unmatched ones, and E sums to O', async () => {
    const name = 'Vektis Open Databestand Zorgverzekeringswet 2015 - gemeente.csv';
    const { records } = await validateVektis(
      chunks(fixture(name)),
      { municipalities: municipalities2025() },
      { fileName: name },
    );
    const picture = regionalCostPicture(records);
    const groningen = picture.find((p) => p.municipalityCode === 'GM0014' && p.careType === 'farmacie')!;
    expect(groningen.municipalityNames).toEqual(['GRONINGEN', 'HAREN']);
    const groningenRows = records.filter((r) => r.municipalityCode === 'GM0014');
    expect(groningen.insuredYears).toBeCloseTo(
      groningenRows.reduce((sum, r) => sum + r.insuredYears, 0),
      6,
    );
    expect(groningen.costs).toBeCloseTo(
      groningenRows.reduce((sum, r) => sum + r.costs.farmacie!, 0),
      4,
    );
    const haaren = picture.filter((p) => p.municipalityCode === null);
    expect(new Set(haaren.map((p) => p.municipalityNames.join()))).toEqual(new Set(['HAAREN']));

    // With the whole file as reference, expected costs add up to observed costs per care type.
    for (const careType of new Set(picture.map((p) => p.careType))) {
      const rows = picture.filter((p) => p.careType === careType && p.expected !== null);
      const observed = rows.reduce((sum, p) => sum + p.costs, 0);
      const expected = rows.reduce((sum, p) => sum + p.expected!, 0);
      if (observed > 0) expect(expected / observed).toBeCloseTo(1, 9);
    }
    // Six municipalities of 2025 (Haren counted in Groningen) plus the dissolved Haaren; nine care
    // types including the total.
    expect(picture).toHaveLength(7 * 9);
  });
});
