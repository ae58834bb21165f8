/**
 * Municipality names from other sources (Vektis, older years) matched to the CBS codes of 2025.
 * Names are compared after normalisation ("'s-Gravenhage" = "S GRAVENHAGE", "Súdwest-Fryslân" =
 * "SUDWEST-FRYSLAN"); a province suffix is compared by meaning ("Bergen (L.)" = "BERGEN LB"); and a
 * table maps renamed and merged municipalities to their 2025 successor.
 */
import { nearest } from './text';

/** A municipality as the caller knows it: CBS code and (2025) name. */
export interface Municipality {
  /** CBS code, e.g. "GM0363". */
  code: string;
  /** CBS name, e.g. "Amsterdam", "'s-Gravenhage", "Bergen (NH.)". */
  name: string;
}

/** How an old or variant name relates to the municipalities of 2025. */
export interface MunicipalityChange {
  /** The name as it appears in older files. */
  name: string;
  /** The 2025 municipalities (CBS spelling) it now belongs to; several when it was split. */
  successors: readonly string[];
  /** Year the change took effect (1 January, Weesp 24 March 2022); null for a spelling variant. */
  year: number | null;
  kind: 'spelling' | 'renamed' | 'merged' | 'split';
}

const spelling = (successor: string, ...names: string[]): MunicipalityChange[] =>
  names.map((name) => ({ name, successors: [successor], year: null, kind: 'spelling' }));
const renamed = (year: number, successor: string, name: string): MunicipalityChange[] => [
  { name, successors: [successor], year, kind: 'renamed' },
];
const merged = (year: number, successor: string, ...names: string[]): MunicipalityChange[] =>
  names.map((name) => ({ name, successors: [successor], year, kind: 'merged' }));
const split = (year: number, successors: string[], ...names: string[]): MunicipalityChange[] =>
  names.map((name) => ({ name, successors, year, kind: 'split' }));

/**
 * Renamed, merged and split municipalities 2011–2025, mapped to their 2025 successor, plus the
 * spellings Vektis and others use. The changes follow CBS "Gemeentelijke indelingen per jaar" and its
 * overview of municipal reorganisations (gemeentelijke herindelingen); the Vektis spellings follow the
 * published Open Databestand files. Where a municipality went to one successor with a few hamlets going
 * elsewhere (Winsum 2019, Vlist 2015), the main successor is given; municipalities divided between several
 * successors (Boarnsterhim, Maasdonk, Littenseradiel, Haaren) are marked split and left unmatched.
 * No municipalities changed in 2020, 2024 or 2025.
 */
export const MUNICIPALITY_CHANGES: readonly MunicipalityChange[] = [
  // Spellings in Vektis files and common usage
  ...spelling("'s-Gravenhage", 'Den Haag', 'S GRAVENHAGE'),
  ...spelling("'s-Hertogenbosch", 'Den Bosch', 'S HERTOGENBOSCH'),
  ...spelling('Nuenen, Gerwen en Nederwetten', 'NUENEN CA', 'Nuenen c.a.'),
  ...spelling('Bergen (L.)', 'BERGEN LB'),
  ...spelling('Bergen (NH.)', 'BERGEN NH'),
  ...spelling('Súdwest-Fryslân', 'SUDWEST-FRYSLAN', 'Sudwest Friesland'),
  ...spelling('Noord-Beveland', 'NOORD BEVELAND'),
  ...spelling('Dantumadiel', 'Dantumadeel'),
  ...spelling('Tytsjerksteradiel', 'Tietjerksteradeel'),
  // 2011
  ...merged(2011, 'De Ronde Venen', 'Abcoude'),
  ...merged(2011, 'Stichtse Vecht', 'Breukelen', 'Loenen', 'Maarssen'),
  ...merged(2011, 'Bodegraven-Reeuwijk', 'Bodegraven', 'Reeuwijk'),
  ...merged(2011, 'Eijsden-Margraten', 'Eijsden', 'Margraten'),
  ...merged(
    2011,
    'Súdwest-Fryslân',
    'Bolsward',
    'Nijefurd',
    'Sneek',
    'Wûnseradiel',
    'Wonseradeel',
    'Wymbritseradiel',
    'Wymbritseradeel',
  ),
  // 2012
  ...merged(2012, 'Hollands Kroon', 'Anna Paulowna', 'Niedorp', 'Wieringen', 'Wieringermeer'),
  // 2013
  ...merged(2013, 'Goeree-Overflakkee', 'Dirksland', 'Goedereede', 'Middelharnis', 'Oostflakkee'),
  ...merged(2013, 'Schagen', 'Harenkarspel', 'Zijpe'),
  // 2014
  ...merged(2014, 'Alphen aan den Rijn', 'Boskoop', 'Rijnwoude'),
  ...merged(2014, 'De Fryske Marren', 'Gaasterlân-Sleat', 'Lemsterland', 'Skarsterlân'),
  ...split(2014, ['Heerenveen', 'Leeuwarden', 'Súdwest-Fryslân', 'De Fryske Marren'], 'Boarnsterhim'),
  // 2015
  ...merged(2015, 'Nissewaard', 'Bernisse', 'Spijkenisse'),
  ...merged(2015, 'Krimpenerwaard', 'Bergambacht', 'Nederlek', 'Ouderkerk', 'Schoonhoven', 'Vlist'),
  ...merged(2015, 'Berg en Dal', 'Millingen aan de Rijn', 'Ubbergen'),
  ...split(2015, ["'s-Hertogenbosch", 'Oss'], 'Maasdonk'),
  // 2016
  ...merged(2016, 'Gooise Meren', 'Bussum', 'Muiden', 'Naarden'),
  ...merged(2016, 'Edam-Volendam', 'Zeevang'),
  ...renamed(2016, 'Berg en Dal', 'Groesbeek'),
  // 2017
  ...merged(2017, 'Meierijstad', 'Schijndel', 'Sint-Oedenrode', 'Veghel'),
  // 2018
  ...merged(2018, 'Leeuwarden', 'Leeuwarderadeel'),
  ...merged(2018, 'Waadhoeke', 'Franekeradeel', 'het Bildt', 'Menameradiel', 'Menaldumadeel'),
  ...split(2018, ['Leeuwarden', 'Súdwest-Fryslân', 'Waadhoeke'], 'Littenseradiel', 'Littenseradeel'),
  ...merged(2018, 'Zevenaar', 'Rijnwaarden'),
  ...merged(2018, 'Midden-Groningen', 'Hoogezand-Sappemeer', 'Menterwolde', 'Slochteren'),
  ...merged(2018, 'Westerwolde', 'Bellingwedde', 'Vlagtwedde'),
  // 2019
  ...merged(2019, 'Groningen', 'Haren', 'Ten Boer'),
  ...merged(2019, 'Het Hogeland', 'Bedum', 'De Marne', 'Eemsmond', 'Winsum'),
  ...merged(2019, 'Westerkwartier', 'Grootegast', 'Leek', 'Marum', 'Zuidhorn'),
  ...merged(
    2019,
    'Noardeast-Fryslân',
    'Dongeradeel',
    'Ferwerderadiel',
    'Ferwerderadeel',
    'Kollumerland en Nieuwkruisland',
    'KOLLUMERLAND CA',
  ),
  ...merged(2019, 'Altena', 'Aalburg', 'Werkendam', 'Woudrichem'),
  ...merged(2019, 'West Betuwe', 'Geldermalsen', 'Lingewaal', 'Neerijnen'),
  ...merged(2019, 'Vijfheerenlanden', 'Leerdam', 'Vianen', 'Zederik'),
  ...merged(2019, 'Hoeksche Waard', 'Binnenmaas', 'Cromstrijen', 'Korendijk', 'Oud-Beijerland', 'Strijen'),
  ...merged(2019, 'Molenlanden', 'Giessenlanden', 'Molenwaard'),
  ...merged(2019, 'Beekdaelen', 'Nuth', 'Onderbanken', 'Schinnen'),
  ...merged(2019, 'Haarlemmermeer', 'Haarlemmerliede en Spaarnwoude', 'HAARLEMMERLIEDE CA'),
  ...merged(2019, 'Noordwijk', 'Noordwijkerhout'),
  // 2021
  ...merged(2021, 'Eemsdelta', 'Appingedam', 'Delfzijl', 'Loppersum'),
  ...split(2021, ['Boxtel', 'Oisterwijk', 'Tilburg', 'Vught'], 'Haaren'),
  // 2022 (Weesp on 24 March)
  ...merged(2022, 'Amsterdam', 'Weesp'),
  ...merged(2022, 'Land van Cuijk', 'Boxmeer', 'Cuijk', 'Grave', 'Mill en Sint Hubert', 'Sint Anthonis'),
  ...merged(2022, 'Dijk en Waard', 'Heerhugowaard', 'Langedijk'),
  ...merged(2022, 'Maashorst', 'Landerd', 'Uden'),
  ...merged(2022, 'Purmerend', 'Beemster'),
  // 2023
  ...merged(2023, 'Voorne aan Zee', 'Brielle', 'Hellevoetsluis', 'Westvoorne'),
];

/**
 * Upper case, accents and apostrophes stripped, every other run of non-letters one space:
 * "'s-Gravenhage" → "S GRAVENHAGE", "Súdwest-Fryslân" → "SUDWEST FRYSLAN", "Bergen (NH.)" → "BERGEN NH".
 */
export function normaliseMunicipalityName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toUpperCase()
    .replace(/['’‘`´]/g, '')
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();
}

/** Province suffixes as CBS and others write them, to one form: "(L.)", "LB", "LI" → "L". */
const PROVINCES: Readonly<Record<string, string>> = {
  L: 'L',
  LB: 'L',
  LI: 'L',
  LIMB: 'L',
  NH: 'NH',
  ZH: 'ZH',
  O: 'O',
  OV: 'O',
  Z: 'Z',
  ZL: 'Z',
  G: 'G',
  GLD: 'G',
  GE: 'G',
  U: 'U',
  UT: 'U',
  NB: 'NB',
  FR: 'FR',
  GR: 'GR',
  DR: 'DR',
  FL: 'FL',
};

function splitProvince(normalised: string): { base: string; province: string } {
  const at = normalised.lastIndexOf(' ');
  if (at > 0) {
    const province = PROVINCES[normalised.slice(at + 1)];
    if (province !== undefined) return { base: normalised.slice(0, at), province };
  }
  return { base: normalised, province: '' };
}

export type MunicipalityMatch =
  | {
      code: string;
      /** The 2025 name matched. */
      name: string;
      via: 'name' | 'province' | 'spelling' | 'renamed' | 'merged';
    }
  | {
      code: null;
      /** unknown: no match; ambiguous: several (e.g. "BERGEN"); split: divided between successors. */
      reason: 'unknown' | 'ambiguous' | 'split';
      /** Successors, the ambiguous options, or the nearest names, for the message. */
      candidates: string[];
    };

/** A matcher from any name to a 2025 municipality, built once per set of municipalities. */
export type MunicipalityMatcher = (name: string) => MunicipalityMatch;

/**
 * Builds a matcher for the given (2025) municipalities, using `MUNICIPALITY_CHANGES` for old names.
 * Results are memoised per name.
 */
export function createMunicipalityMatcher(
  municipalities: readonly Municipality[],
  changes: readonly MunicipalityChange[] = MUNICIPALITY_CHANGES,
): MunicipalityMatcher {
  const byKey = new Map<string, Municipality>();
  const byBase = new Map<string, Municipality[]>();
  for (const municipality of municipalities) {
    const { base, province } = splitProvince(normaliseMunicipalityName(municipality.name));
    byKey.set(`${base}|${province}`, municipality);
    byBase.set(base, [...(byBase.get(base) ?? []), municipality]);
  }
  const changeByName = new Map<string, MunicipalityChange>();
  for (const change of changes) changeByName.set(normaliseMunicipalityName(change.name), change);
  const memo = new Map<string, MunicipalityMatch>();

  const direct = (normalised: string): MunicipalityMatch | null => {
    const { base, province } = splitProvince(normalised);
    const exact = byKey.get(`${base}|${province}`);
    if (exact) {
      const same = normaliseMunicipalityName(exact.name) === normalised;
      return { code: exact.code, name: exact.name, via: same ? 'name' : 'province' };
    }
    if (province !== '') return null;
    const options = byBase.get(base) ?? [];
    if (options.length === 1) return { code: options[0]!.code, name: options[0]!.name, via: 'province' };
    if (options.length > 1) {
      return { code: null, reason: 'ambiguous', candidates: options.map((m) => m.name).sort() };
    }
    return null;
  };

  const names = new Map(municipalities.map((m) => [normaliseMunicipalityName(m.name), m.name]));

  const match = (name: string): MunicipalityMatch => {
    const normalised = normaliseMunicipalityName(name);
    const found = direct(normalised);
    if (found && found.code !== null) return found;
    const change = changeByName.get(normalised);
    if (change) {
      if (change.kind === 'split') return { code: null, reason: 'split', candidates: [...change.successors] };
      const successor = direct(normaliseMunicipalityName(change.successors[0]!));
      if (successor && successor.code !== null) return { ...successor, via: change.kind };
      return { code: null, reason: 'unknown', candidates: [...change.successors] };
    }
    if (found) return found;
    const limit = Math.max(1, Math.min(3, Math.floor(normalised.length / 5)));
    const candidates = nearest(normalised, names.keys(), limit).map((key) => names.get(key)!);
    return { code: null, reason: 'unknown', candidates };
  };

  return (name: string): MunicipalityMatch => {
    let result = memo.get(name);
    if (result === undefined) {
      result = match(name);
      memo.set(name, result);
    }
    return result;
  };
}
