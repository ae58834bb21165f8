import { describe, expect, it } from 'vitest';
import { AGE_BANDS, CBS_ATTRIBUTION, loadPc4Areas, loadPc4Population, populationOf } from './index';

const sum = (xs: readonly number[]) => xs.reduce((n, x) => n + x, 0);

describe('PC4 population by age and sex', () => {
  const file = loadPc4Population();
  const records = Object.entries(file.areas);

  it('describes its source and uses the 20 CBS age bands', () => {
    expect(file.attribution).toBe(CBS_ATTRIBUTION);
    expect(file.source).toContain('83502NED');
    expect(file.year).toBe(2021);
    expect(file.ageBands).toEqual(AGE_BANDS);
    for (const [pc4, r] of records) {
      expect(r.men, pc4).toHaveLength(20);
      expect(r.women, pc4).toHaveLength(20);
    }
  });

  it('totals about 17.47 million residents over the PC4 areas of the boundaries', () => {
    expect(records).toHaveLength(4065);
    const total = sum(records.map(([, r]) => r.total));
    expect(total).toBeGreaterThan(17_400_000);
    expect(total).toBeLessThan(17_500_000);
    const areas = loadPc4Areas();
    expect(records.every(([pc4]) => areas.has(pc4))).toBe(true);
  });

  it('keeps the published counts: whole multiples of 5', () => {
    const odd = records.filter(([, r]) =>
      [...r.men, ...r.women, r.total].some((n) => !Number.isInteger(n) || n < 0 || n % 5 !== 0),
    );
    expect(odd.map(([pc4]) => pc4)).toEqual([]);
  });

  it('has men + women equal to the total within CBS rounding', () => {
    // CBS rounds men, women and the total of each band to 5 separately (each within 5 of
    // the true count), so the published figures may disagree by 10. Over an area's 20
    // bands the differences cancel: in this file no area is off by more than 10 either.
    const off = records.filter(([, r]) => Math.abs(sum(r.men) + sum(r.women) - r.total) > 10);
    expect(off.map(([pc4]) => pc4)).toEqual([]);
    // …and the check has something to catch: many areas do differ by 5 or 10.
    expect(records.filter(([, r]) => sum(r.men) + sum(r.women) !== r.total).length).toBeGreaterThan(100);
  });

  it('agrees with the separately rounded area totals of 83503NED', () => {
    for (const area of loadPc4Areas().values()) {
      const population = populationOf(area.postcode);
      if (area.inhabitants === null) expect(population).toBeUndefined();
      else
        expect(Math.abs((population?.total ?? -1) - area.inhabitants), area.postcode).toBeLessThanOrEqual(5);
    }
  });

  it('matches pc4_population_age5_sex_2021.csv for PC4 1011, read by hand', () => {
    // 1011,0-4,275.0,135.0,140.0 · 1011,75-79,300.0,155.0,145.0 · 1011,95+,10.0,5.0,5.0
    const p = populationOf('1011');
    expect(p?.ageBands).toEqual(AGE_BANDS);
    expect([p?.men[0], p?.women[0]]).toEqual([135, 140]);
    expect([p?.men[15], p?.women[15]]).toEqual([155, 145]);
    expect([p?.men[19], p?.women[19]]).toEqual([5, 5]);
    expect(p?.total).toBe(9630);
  });

  it('gives zeros for an area without residents and undefined where CBS has no figures', () => {
    // 1044 (Amsterdam port area): every band is blank in the CSV.
    expect(populationOf('1044')?.total).toBe(0);
    expect(sum(populationOf('1044')?.men ?? [1])).toBe(0);
    expect(populationOf('3165')).toBeUndefined(); // new postcode in the 2022 boundaries
    expect(populationOf('0000')).toBeUndefined();
    expect(populationOf('constructor')).toBeUndefined();
  });
});
