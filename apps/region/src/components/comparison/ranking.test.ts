import { describe, expect, it } from 'vitest';
import { ROWS } from '../../test/fixtures';
import { rankingOf } from './ranking';

describe('rankingOf', () => {
  it('ranks practices best first by polarity, hidden values last and unranked', () => {
    const higher = rankingOf(ROWS, { code: 'DM-01', polarity: 'higher' }, 'pra-2');
    expect(higher.map((i) => [i.label, i.rank])).toEqual([
      ['Rozenhof', 1],
      ['Akker', 2],
      ['Kerkplein', null],
    ]);
    expect(higher.find((i) => i.label === 'Akker')?.highlight).toBe(true);
    expect(higher.find((i) => i.label === 'Kerkplein')?.suppressed).toBe(true);
    // Collaboratives are not ranked among practices.
    expect(higher.some((i) => i.label.startsWith('Huisartsen'))).toBe(false);
    const lower = rankingOf(ROWS, { code: 'KO-01', polarity: 'lower' }, null);
    expect(lower.map((i) => i.label)).toEqual(['Akker', 'Kerkplein', 'Rozenhof']);
  });
});
