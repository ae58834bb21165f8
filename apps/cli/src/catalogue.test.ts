import { describe, expect, it } from 'vitest';
import { kpiByCode } from '@kwadrant/domain/catalogue';
import { formatTarget, renderCatalogues } from './catalogue';
import { renderTable } from './table';

describe('catalogue printout', () => {
  const text = renderCatalogues();

  it('lists every quadrant, payment title and KPI', () => {
    for (const code of ['Q1', 'Q4', 'OI-1A', 'OI-4E', 'DM-01', 'OR-04', 'KO-08'])
      expect(text).toContain(code);
    expect(text).toContain("KPI's (standaardcatalogus, 29)");
    expect(text).toContain('10.000–20.000');
  });

  it('formats targets on their display scale in Dutch notation', () => {
    expect(formatTarget(kpiByCode('DM-01')!)).toBe('90 %');
    expect(formatTarget(kpiByCode('KO-01')!)).toBe('300 per 1.000 ingeschrevenen per jaar');
    expect(formatTarget(kpiByCode('KO-08')!)).toBe('—');
  });

  it('aligns columns', () => {
    const table = renderTable(
      'T',
      [
        { a: 'x', n: '1' },
        { a: 'ëëë', n: '100' },
      ],
      [
        { heading: 'A', value: (r) => r.a },
        { heading: 'N', value: (r) => r.n, align: 'right' },
      ],
    );
    expect(table.split('\n')).toEqual(['T', 'A      N', '───  ───', 'x      1', 'ëëë  100', '']);
  });
});
