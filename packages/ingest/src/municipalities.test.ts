import { describe, expect, it } from 'vitest';
import { fixture, municipalities2025 } from '../test/helpers';
import { createMunicipalityMatcher, MUNICIPALITY_CHANGES, normaliseMunicipalityName } from './municipalities';

const MUNICIPALITIES = municipalities2025();
const match = createMunicipalityMatcher(MUNICIPALITIES);
const codeOf = (name: string) => MUNICIPALITIES.find((m) => m.name === name)!.code;

describe('normaliseMunicipalityName', () => {
  it.each([
    ["'s-Gravenhage", 'S GRAVENHAGE'],
    ['S GRAVENHAGE', 'S GRAVENHAGE'],
    ['’s-Hertogenbosch', 'S HERTOGENBOSCH'],
    ['Súdwest-Fryslân', 'SUDWEST FRYSLAN'],
    ['Nuenen, Gerwen en Nederwetten', 'NUENEN GERWEN EN NEDERWETTEN'],
    ['Bergen (NH.)', 'BERGEN NH'],
    ['  noord  beveland ', 'NOORD BEVELAND'],
  ])('%j → %j', (name, normalised) => {
    expect(normaliseMunicipalityName(name)).toBe(normalised);
  });
});

describe('createMunicipalityMatcher', () => {
  it('uses the 342 municipalities of 2025 as the fixture', () => {
    expect(MUNICIPALITIES).toHaveLength(342);
  });

  it.each([
    ['S GRAVENHAGE', "'s-Gravenhage", 'name'],
    ['S HERTOGENBOSCH', "'s-Hertogenbosch", 'name'],
    ['NUENEN CA', 'Nuenen, Gerwen en Nederwetten', 'spelling'],
    ['SUDWEST-FRYSLAN', 'Súdwest-Fryslân', 'name'],
    ['BERGEN NH', 'Bergen (NH.)', 'name'],
    ['BERGEN LB', 'Bergen (L.)', 'province'],
    ['HENGELO', 'Hengelo (O.)', 'province'],
    ['DEN HAAG', "'s-Gravenhage", 'spelling'],
    ['HAREN', 'Groningen', 'merged'],
    ['WEESP', 'Amsterdam', 'merged'],
    ['LEEUWARDERADEEL', 'Leeuwarden', 'merged'],
    ['GROESBEEK', 'Berg en Dal', 'renamed'],
    ['KOLLUMERLAND CA', 'Noardeast-Fryslân', 'merged'],
    ['Brielle', 'Voorne aan Zee', 'merged'],
  ])('%s → %s (%s)', (name, expected, via) => {
    expect(match(name)).toEqual({ code: codeOf(expected), name: expected, via });
  });

  it('leaves split, ambiguous and unknown names unmatched, with what the message needs', () => {
    expect(match('HAAREN')).toEqual({
      code: null,
      reason: 'split',
      candidates: ['Boxtel', 'Oisterwijk', 'Tilburg', 'Vught'],
    });
    expect(match('BERGEN')).toEqual({
      code: null,
      reason: 'ambiguous',
      candidates: ['Bergen (L.)', 'Bergen (NH.)'],
    });
    expect(match('AMSTERDM')).toEqual({ code: null, reason: 'unknown', candidates: ['Amsterdam'] });
    expect(match('BUITENLAND')).toEqual({ code: null, reason: 'unknown', candidates: [] });
  });

  it('maps every change in the table to a municipality that exists in 2025', () => {
    for (const change of MUNICIPALITY_CHANGES) {
      for (const successor of change.successors) {
        expect(match(successor), `${change.name} → ${successor}`).toMatchObject({
          name: successor,
          via: 'name',
        });
      }
      const result = match(change.name);
      if (change.kind === 'split') expect(result).toMatchObject({ code: null, reason: 'split' });
      else expect(result, change.name).toMatchObject({ code: codeOf(change.successors[0]!) });
    }
  });

  it('matches every municipality of 2021 (CBS) to a 2025 code, following the 2022–2023 mergers', () => {
    const names = new TextDecoder()
      .decode(fixture('gemeenten-2021.csv'))
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.replace(/^"(.*)"$/, '$1'));
    expect(names).toHaveLength(353);
    const unmatched = names.filter((name) => match(name).code === null);
    // Haaren was divided between four municipalities on 1 January 2021.
    expect(unmatched).toEqual(['Haaren']);
    expect(match('Beemster')).toMatchObject({ name: 'Purmerend' });
    expect(match('Heerhugowaard')).toMatchObject({ name: 'Dijk en Waard' });
    expect(match('Uden')).toMatchObject({ name: 'Maashorst' });
    expect(match('Boxmeer')).toMatchObject({ name: 'Land van Cuijk' });
  });

  it('has no name twice in the table', () => {
    const names = MUNICIPALITY_CHANGES.map((c) => normaliseMunicipalityName(c.name));
    expect(new Set(names).size).toBe(names.length);
  });
});
