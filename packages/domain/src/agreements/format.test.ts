import { describe, expect, it } from 'vitest';
import { kpi } from './test/fixtures';
import { formatDecimal, formatEuro, formatKpiRange, formatKpiValue, formatPercent } from './format';

describe('formatting for explanation texts', () => {
  it('formats money the Dutch and the English way', () => {
    expect(formatEuro(123_456, 'nl')).toBe('€ 1.234,56');
    expect(formatEuro(123_456, 'en')).toBe('€1,234.56');
    expect(formatEuro(-5, 'nl')).toBe('-€ 0,05');
    expect(formatEuro(100_000_000, 'en')).toBe('€1,000,000.00');
  });

  it('formats percentages and decimals', () => {
    expect(formatPercent(0.123, 'nl')).toBe('12,3 %');
    expect(formatPercent(0.123, 'en')).toBe('12.3%');
    expect(formatDecimal(0.9, 'nl')).toBe('0,9');
    expect(formatDecimal(1, 'en')).toBe('1');
    expect(formatDecimal(4000, 'nl')).toBe('4.000');
  });

  it('shows KPI values on their display scale', () => {
    expect(formatKpiValue(0.8, kpi('DM-01'), 'nl')).toBe('80,0 %');
    expect(formatKpiValue(280, kpi('KO-01'), 'en')).toBe('280.0 per 1,000 enrolled per year');
    expect(formatKpiValue(0.95, kpi('KO-06'), 'en')).toBe('0.950 O/E');
  });

  it('shows an interval with its unit once', () => {
    expect(formatKpiRange(0.629, 0.671, kpi('DM-01'), 'nl')).toBe('62,9–67,1 %');
    expect(formatKpiRange(140.37, 144.65, kpi('KO-01'), 'en')).toBe(
      '140.4–144.7 per 1,000 enrolled per year',
    );
  });
});
