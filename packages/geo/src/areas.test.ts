import { describe, expect, it } from 'vitest';
import {
  adjacentPc4,
  ggdRegions,
  loadPc4Areas,
  municipalities,
  municipalityOf,
  neighbours,
  pc4sOfMunicipality,
} from './index';

const PROVINCES = [
  'Drenthe',
  'Flevoland',
  'Friesland',
  'Gelderland',
  'Groningen',
  'Limburg',
  'Noord-Brabant',
  'Noord-Holland',
  'Overijssel',
  'Utrecht',
  'Zeeland',
  'Zuid-Holland',
];

describe('PC4 areas', () => {
  const areas = loadPc4Areas();

  it('covers the 4,068 CBS PC4 areas except 5028, which CBS generalisation erased', () => {
    expect(areas.size).toBe(4067);
    expect(areas.has('5028')).toBe(false);
    for (const [postcode, area] of areas) {
      expect(postcode).toMatch(/^[1-9]\d{3}$/);
      expect(area.postcode).toBe(postcode);
    }
  });

  it('holds about 17.47 million residents (CBS 83503NED, 1 January 2021)', () => {
    const residents = [...areas.values()].reduce((n, a) => n + (a.inhabitants ?? 0), 0);
    expect(residents).toBeGreaterThan(17_400_000);
    expect(residents).toBeLessThan(17_500_000);
    // Only postcodes new in the 2022 boundaries lack 2021 figures.
    expect([...areas.values()].filter((a) => a.inhabitants === null).map((a) => a.postcode)).toEqual([
      '3165',
      '3895',
    ]);
  });

  it('gives every area a known 2025 municipality, GGD region and province', () => {
    const codes = new Set(municipalities().map((m) => m.code));
    const ggds = new Set(ggdRegions().map((g) => g.name));
    for (const area of areas.values()) {
      expect(codes.has(area.municipalityCode), area.postcode).toBe(true);
      expect(ggds.has(area.ggdRegion), area.postcode).toBe(true);
      expect(PROVINCES, area.postcode).toContain(area.province);
    }
  });

  it('puts every centroid inside the Netherlands', () => {
    for (const { centroid, postcode } of areas.values()) {
      const [lon, lat] = centroid;
      expect(lon, postcode).toBeGreaterThan(3.3);
      expect(lon, postcode).toBeLessThan(7.3);
      expect(lat, postcode).toBeGreaterThan(50.7);
      expect(lat, postcode).toBeLessThan(53.6);
    }
  });

  // Spot checks against postcode_population_gemeente_ggd_2021.csv (CBS 83503NED), read by hand.
  it('places 1011 in Amsterdam (GM0363), GGD Amsterdam, with 9,630 residents', () => {
    // 1011,9630.0,5000.0,4625.0,Amsterdam,Amsterdam,Noord-Holland,Groot-Amsterdam,GGD Amsterdam
    expect(areas.get('1011')).toMatchObject({
      municipalityCode: 'GM0363',
      municipalityName: 'Amsterdam',
      ggdRegion: 'GGD Amsterdam',
      province: 'Noord-Holland',
      place: 'Amsterdam',
      inhabitants: 9630,
    });
  });

  it('maps Weesp (1381–1384) to Amsterdam, which absorbed it on 24 March 2022', () => {
    // 1381,4985.0,2375.0,2610.0,Weesp,Weesp,Noord-Holland,Het Gooi en Vechtstreek,GGD Gooi en Vechtstreek
    for (const pc4 of ['1381', '1382', '1383', '1384']) {
      expect(municipalityOf(pc4)).toEqual({ code: 'GM0363', name: 'Amsterdam' });
      // The GGD region is the 2021 one CBS gives; it does not follow the merger.
      expect(areas.get(pc4)?.ggdRegion).toBe('GGD Gooi en Vechtstreek');
    }
  });

  it('maps Heerhugowaard and Langedijk to Dijk en Waard (GM1980), formed 1 January 2022', () => {
    // 1703,12595.0,…,Heerhugowaard,Heerhugowaard,…  and  1723,5770.0,…,Noord-Scharwoude,Langedijk,…
    expect(municipalityOf('1703')).toEqual({ code: 'GM1980', name: 'Dijk en Waard' });
    expect(municipalityOf('1723')).toEqual({ code: 'GM1980', name: 'Dijk en Waard' });
  });

  it("matches 2021 names to CBS's suffixed 2025 names", () => {
    // 7551,…,Hengelo,Hengelo,Overijssel,…  and  6171,…,Stein,Stein,Limburg,…
    expect(municipalityOf('7551')).toEqual({ code: 'GM0164', name: 'Hengelo (O.)' });
    expect(municipalityOf('6171')).toEqual({ code: 'GM0971', name: 'Stein (L.)' });
  });

  it('keeps an area that straddles a border in the municipality where CBS counts its residents', () => {
    // 2807,10890.0,…,Gouda,Gouda,Zuid-Holland,…: its polder part puts the centroid in Krimpenerwaard.
    expect(municipalityOf('2807')).toEqual({ code: 'GM0513', name: 'Gouda' });
  });

  it('answers undefined for an unknown postcode', () => {
    expect(municipalityOf('0000')).toBeUndefined();
    expect(municipalityOf('5028')).toBeUndefined();
  });
});

describe('municipalities and GGD regions', () => {
  it('lists the 342 municipalities of 2025, each with at least one PC4 area', () => {
    const list = municipalities();
    expect(list).toHaveLength(342);
    expect(list.map((m) => m.code)).toEqual([...list.map((m) => m.code)].sort());
    for (const m of list) {
      expect(m.code).toMatch(/^GM\d{4}$/);
      expect(m.pc4s.length, m.code).toBeGreaterThan(0);
    }
    expect(list.reduce((n, m) => n + m.pc4s.length, 0)).toBe(loadPc4Areas().size);
  });

  it('lists the 25 GGD regions, each with PC4 areas, together covering every area once', () => {
    const list = ggdRegions();
    expect(list).toHaveLength(25);
    expect(list.map((g) => g.name)).toContain('GGD Amsterdam');
    for (const g of list) expect(g.pc4s.length, g.name).toBeGreaterThan(0);
    expect(list.reduce((n, g) => n + g.pc4s.length, 0)).toBe(loadPc4Areas().size);
  });

  it('finds the PC4 areas of a municipality', () => {
    const amsterdam = pc4sOfMunicipality('GM0363');
    expect(amsterdam).toContain('1011');
    expect(amsterdam).toContain('1381');
    expect(amsterdam?.every((pc4) => municipalityOf(pc4)?.code === 'GM0363')).toBe(true);
    expect(pc4sOfMunicipality('GM0088')).toEqual(['9166']); // Schiermonnikoog
    expect(pc4sOfMunicipality('GM9999')).toBeUndefined();
  });
});

describe('neighbours', () => {
  const areas = loadPc4Areas();

  it('are symmetric, never the area itself, and always known areas', () => {
    const wrong = [...areas.values()].flatMap((area) =>
      area.neighbours
        .filter((other) => other === area.postcode || !adjacentPc4(other).includes(area.postcode))
        .map((other) => `${area.postcode} → ${other}`),
    );
    expect(wrong).toEqual([]);
  });

  it('give a mainland area its bordering areas and an island none', () => {
    expect(adjacentPc4('1011')).toContain('1012');
    expect(adjacentPc4('1012')).toContain('1011');
    expect(adjacentPc4('8899')).toEqual([]); // Vlieland
    expect(adjacentPc4('9166')).toEqual([]); // Schiermonnikoog
    // Most PC4 areas border 3 to 8 others.
    const counts = [...areas.values()].map((a) => a.neighbours.length).sort((a, b) => a - b);
    expect(counts[Math.floor(counts.length / 2)]).toBeGreaterThanOrEqual(4);
    expect(counts[Math.floor(counts.length / 2)]).toBeLessThanOrEqual(6);
  });

  it('of a set are the areas around it, outside it', () => {
    const ring = neighbours(['1011', '1012']);
    expect(ring).not.toContain('1011');
    expect(ring).not.toContain('1012');
    const around = new Set([...adjacentPc4('1011'), ...adjacentPc4('1012')]);
    expect(ring).toEqual([...around].filter((p) => p !== '1011' && p !== '1012').sort());
    expect(neighbours([])).toEqual([]);
  });
});
