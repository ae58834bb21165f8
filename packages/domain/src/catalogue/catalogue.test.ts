import { describe, expect, it } from 'vitest';
import {
  DEFAULT_KPIS,
  DEFAULT_PAYMENT_TITLES,
  KPI_DOMAINS,
  QUADRANTS,
  kpiByCode,
  quadrant,
  quadrantFor,
} from './index';
import { KPI_KINDS, POLARITIES } from '../model/kpi-types';

describe('quadrants (domain guide §2)', () => {
  it.each([
    ['wijk', 'mono', 'Q1'],
    ['wijk', 'multi', 'Q2'],
    ['regio', 'mono', 'Q3'],
    ['regio', 'multi', 'Q4'],
  ] as const)('%s × %s is %s', (scale, scope, code) => {
    expect(quadrantFor(scale, scope)).toBe(code);
    expect(quadrant(code)).toMatchObject({ scale, scope });
  });

  it('has neighbourhood and regional population bands', () => {
    expect(QUADRANTS.map((q) => q.populationBand.min)).toEqual([10_000, 10_000, 100_000, 100_000]);
    expect(QUADRANTS.map((q) => q.populationBand.max)).toEqual([20_000, 20_000, 200_000, 200_000]);
  });

  it('rejects an unknown code', () => {
    expect(() => quadrant('Q5' as never)).toThrow(/unknown code "Q5"/);
  });
});

describe('payment-title catalogue (domain guide §3)', () => {
  it('holds the eleven default titles in their quadrants and bases', () => {
    expect(DEFAULT_PAYMENT_TITLES.map((t) => `${t.code}:${t.quadrant}:${t.basis}`)).toEqual([
      'OI-1A:Q1:capitation',
      'OI-1B:Q1:capitation',
      'OI-2A:Q2:capitation',
      'OI-2B:Q2:capitation',
      'OI-3A:Q3:capitation',
      'OI-3B:Q3:capitation',
      'OI-4A:Q4:capitation',
      'OI-4B:Q4:capitation',
      'OI-4C:Q4:capitation',
      'OI-4D:Q4:project',
      'OI-4E:Q4:availability',
    ]);
  });

  it('marks the three titles named in the source documents', () => {
    expect(DEFAULT_PAYMENT_TITLES.filter((t) => t.namedInSource).map((t) => t.code)).toEqual([
      'OI-4B',
      'OI-4C',
      'OI-4D',
    ]);
  });
});

describe('KPI catalogue (domain guide §4)', () => {
  it('holds all 29 KPIs with unique codes', () => {
    expect(DEFAULT_KPIS).toHaveLength(29);
    expect(new Set(DEFAULT_KPIS.map((k) => k.code)).size).toBe(29);
  });

  it.each(DEFAULT_KPIS.map((k) => [k.code, k] as const))(
    '%s has every metadata field filled in',
    (_code, k) => {
      expect(KPI_DOMAINS).toContain(k.domain);
      expect(KPI_KINDS).toContain(k.kind);
      expect(POLARITIES).toContain(k.polarity);
      for (const text of [k.name, k.numerator, k.denominator, k.source, k.unit]) {
        expect(text.nl.length).toBeGreaterThan(0);
        expect(text.en.length).toBeGreaterThan(0);
      }
      expect(k.multiplier).toBeGreaterThan(0);
      expect(k.minDenominator).toBeGreaterThan(0);
      expect(k.reviewDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (k.kind === 'proportion' && k.defaultTarget !== null) {
        expect(k.defaultTarget).toBeGreaterThan(0);
        expect(k.defaultTarget).toBeLessThanOrEqual(1);
      }
    },
  );

  it('carries the kinds, polarities and national references the guide names', () => {
    expect(kpiByCode('KO-01')).toMatchObject({
      kind: 'rate',
      polarity: 'lower',
      nationalReference: 327,
      multiplier: 1000,
    });
    expect(kpiByCode('KO-06')).toMatchObject({ kind: 'ratio', polarity: 'lower', defaultTarget: 1 });
    expect(kpiByCode('KO-08')).toMatchObject({ polarity: 'none', defaultTarget: null });
    expect(kpiByCode('CO-01')).toMatchObject({ nationalReference: 0.8 });
    expect(kpiByCode('KO-04')).toMatchObject({ nationalReference: 0.85 });
    expect(kpiByCode('PE-01')).toMatchObject({ kind: 'mean', polarity: 'higher' });
    expect(kpiByCode('XX-99')).toBeUndefined();
  });

  it('counts KPIs per domain as in the guide', () => {
    const perDomain = Object.fromEntries(
      KPI_DOMAINS.map((d) => [d, DEFAULT_KPIS.filter((k) => k.domain === d).length]),
    );
    expect(perDomain).toEqual({
      kwaliteit: 13,
      doelmatigheid: 8,
      toegankelijkheid: 3,
      patientervaring: 1,
      organisatie: 4,
    });
  });
});
