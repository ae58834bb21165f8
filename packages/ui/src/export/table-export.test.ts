import { describe, expect, it } from 'vitest';
import { exportFileName, tableMatrix, toCsv, toXlsx } from './table-export';

const rows = [
  { name: 'Huisartsenpraktijk De Linde', value: 0.881, suppressed: false },
  { name: 'Praktijk 2', value: null, suppressed: true },
];
const columns = [
  { header: 'Praktijk', text: (r: (typeof rows)[number]) => r.name },
  {
    header: 'Waarde',
    text: (r: (typeof rows)[number]) =>
      r.suppressed ? 'niet getoond' : `${(r.value! * 100).toFixed(1).replace('.', ',')} %`,
  },
];

describe('table export', () => {
  it('exports exactly what the table shows, suppression included', () => {
    expect(tableMatrix(columns, rows)).toEqual([
      ['Praktijk', 'Waarde'],
      ['Huisartsenpraktijk De Linde', '88,1 %'],
      ['Praktijk 2', 'niet getoond'],
    ]);
  });

  it('writes CSV for Excel in a Dutch locale: BOM, semicolons, quotes where needed', () => {
    const csv = toCsv([
      ['a;b', 'say "hi"'],
      ['1,5', 'x'],
    ]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1)).toBe('"a;b";"say ""hi"""\r\n1,5;x\r\n');
  });

  it('names files after the caption', () => {
    expect(exportFileName('KPI’s van Huisartsen Utrecht I – 3e kwartaal', 'xlsx')).toBe(
      'kpi-s-van-huisartsen-utrecht-i-3e-kwartaal.xlsx',
    );
  });

  it('writes an .xlsx workbook (a zip archive)', async () => {
    const blob = await toXlsx(tableMatrix(columns, rows), 'KPI');
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect([...bytes.slice(0, 2)]).toEqual([0x50, 0x4b]);
    expect(bytes.length).toBeGreaterThan(1000);
  });
});
