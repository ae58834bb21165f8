import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';

describe('parseCsv', () => {
  it('reads records keyed by the header, with quoted commas and escaped quotes', () => {
    const text =
      'postcode,gemeente,note\r\n5671,"Nuenen, Gerwen en Nederwetten","say ""hi"""\r\n1011,Amsterdam,\n';
    expect(parseCsv(text)).toEqual([
      { postcode: '5671', gemeente: 'Nuenen, Gerwen en Nederwetten', note: 'say "hi"' },
      { postcode: '1011', gemeente: 'Amsterdam', note: '' },
    ]);
  });

  it('rejects a row with the wrong number of fields', () => {
    expect(() => parseCsv('a,b\n1,2,3\n')).toThrow(/row 2: 3 fields/);
  });
});
