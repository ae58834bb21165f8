import { describe, expect, it } from 'vitest';
import { DEFAULT_KPIS } from '@kwadrant/domain/catalogue';
import {
  formatConfidence,
  formatCount,
  formatDate,
  formatKpiCompact,
  formatKpiInterval,
  formatKpiIntervalCompact,
  formatKpiNumber,
  formatKpiValue,
  formatMoney,
  formatNumber,
  formatPercent,
  formatPeriod,
  kpiDisplayValue,
  kpiUnit,
  plainSpaces,
} from './format';

const kpi = (code: string) => DEFAULT_KPIS.find((k) => k.code === code)!;

describe('numbers, money and dates in nl-NL by default', () => {
  it('groups thousands with a dot and uses a decimal comma in Dutch', () => {
    expect(formatNumber(1234567.891, 'nl', 2)).toBe('1.234.567,89');
    expect(formatNumber(1234567.891, 'en', 2)).toBe('1,234,567.89');
    expect(formatCount(4074.4, 'nl')).toBe('4.074');
  });

  it('writes money as € 1.234,56 (nl) and €1,234.56 (en) from integer cents', () => {
    expect(plainSpaces(formatMoney(123456, 'nl'))).toBe('€ 1.234,56');
    expect(formatMoney(123456, 'en')).toBe('€1,234.56');
    expect(plainSpaces(formatMoney(100000000, 'nl', { whole: true }))).toBe('€ 1.000.000');
    expect(plainSpaces(formatMoney(-5050, 'nl'))).toMatch(/^€ -50,50$|^-€ 50,50$/);
  });

  it('writes percentages as 12,3 % in Dutch and 12.3% in English, on one line', () => {
    expect(formatPercent(0.123, 'nl')).toBe('12,3\u00a0%');
    expect(formatPercent(0.123, 'en')).toBe('12.3%');
    expect(formatPercent(0.5, 'nl', 0)).toBe('50\u00a0%');
  });

  it('writes dates in the language of the user', () => {
    expect(formatDate('2026-09-30', 'nl')).toBe('30 september 2026');
    expect(formatDate('2026-09-30', 'en')).toBe('30 September 2026');
    expect(formatDate('2026-09-30', 'nl', 'short')).toBe('30-09-2026');
    expect(formatDate('not a date', 'nl')).toBe('not a date');
  });

  it('writes confidence levels as percentages', () => {
    expect(formatConfidence(0.95, 'nl')).toBe('95\u00a0%');
    expect(formatConfidence(0.998, 'nl')).toBe('99,8\u00a0%');
    expect(formatConfidence(0.998, 'en')).toBe('99.8%');
  });

  it('names quarters in words', () => {
    expect(formatPeriod('2026-Q3', 'nl')).toBe('3e kwartaal 2026');
    expect(formatPeriod('2026-Q3', 'nl', 'short')).toBe('K3 2026');
    expect(formatPeriod('2026-Q3', 'en')).toBe('Q3 2026');
    expect(formatPeriod('2026', 'en')).toBe('2026');
  });
});

describe('KPI values by kind, from the catalogue metadata', () => {
  it('shows a proportion times its multiplier as a percentage with one decimal', () => {
    expect(kpiDisplayValue(0.642, kpi('DM-02'))).toBeCloseTo(64.2, 10);
    expect(formatKpiNumber(0.64219, kpi('DM-02'), 'nl')).toBe('64,2');
    expect(formatKpiValue(0.64219, kpi('DM-02'), 'nl')).toBe('64,2\u00a0%');
    expect(formatKpiValue(0.64219, kpi('DM-02'), 'en')).toBe('64.2%');
  });

  it('shows a rate as estimated (already per 1.000) with its unit', () => {
    expect(kpiDisplayValue(327.44, kpi('KO-01'))).toBe(327.44);
    expect(formatKpiValue(1327.44, kpi('KO-01'), 'nl')).toBe('1.327,4 per 1.000 ingeschrevenen per jaar');
    expect(formatKpiValue(327.44, kpi('KO-01'), 'en')).toBe('327.4 per 1,000 enrolled per year');
  });

  it('shows a standardised ratio with two decimals and a mean with one', () => {
    expect(formatKpiValue(0.9732, kpi('KO-06'), 'nl')).toBe('0,97 O/E');
    expect(formatKpiValue(7.624, kpi('PE-01'), 'nl')).toBe('7,6 score 1–10');
    expect(kpiUnit(kpi('PE-01'), 'en')).toBe('score 1–10');
  });

  it('writes an interval with the unit once', () => {
    expect(formatKpiInterval(0.6353, 0.7684, kpi('DM-02'), 'nl')).toBe('63,5–76,8\u00a0%');
    expect(formatKpiInterval(117.41, 164.91, kpi('KO-01'), 'en')).toBe(
      '117.4–164.9 per 1,000 enrolled per year',
    );
  });

  it('writes compact values for tables that name the unit once', () => {
    expect(formatKpiCompact(0.642, kpi('DM-02'), 'nl')).toBe('64,2\u00a0%');
    expect(formatKpiCompact(139.66, kpi('KO-01'), 'nl')).toBe('139,7');
    expect(formatKpiIntervalCompact(117.41, 164.91, kpi('KO-01'), 'nl')).toBe('117,4–164,9');
    expect(formatKpiIntervalCompact(0.6353, 0.7684, kpi('DM-02'), 'en')).toBe('63.5–76.8%');
  });
});
