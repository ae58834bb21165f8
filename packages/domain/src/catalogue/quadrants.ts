import type { Localised } from '../model/localised';

/** Scale of an organisation: neighbourhood (wijk) or region (regio). */
export type Scale = 'wijk' | 'regio';
/** Scope of an organisation: GPs only (mono) or the whole of primary care (multi). */
export type Scope = 'mono' | 'multi';
export type QuadrantCode = 'Q1' | 'Q2' | 'Q3' | 'Q4';
export const QUADRANT_CODES: readonly QuadrantCode[] = ['Q1', 'Q2', 'Q3', 'Q4'];

export interface Quadrant {
  code: QuadrantCode;
  scale: Scale;
  scope: Scope;
  name: Localised;
  /** Inhabitants the scale is meant for (domain guide §2). */
  populationBand: { min: number; max: number };
  aim: Localised;
}

const WIJK_BAND = { min: 10_000, max: 20_000 };
const REGIO_BAND = { min: 100_000, max: 200_000 };

/** The four quadrants of the O&I development model (domain guide §2). */
export const QUADRANTS: readonly Quadrant[] = [
  {
    code: 'Q1',
    scale: 'wijk',
    scope: 'mono',
    name: { nl: 'Wijk, huisartsen', en: 'Neighbourhood, GPs only' },
    populationBand: WIJK_BAND,
    aim: {
      nl: 'Samenwerkingsverbanden van 5–10 huisartsen',
      en: 'Collaboratives of 5–10 GPs',
    },
  },
  {
    code: 'Q2',
    scale: 'wijk',
    scope: 'multi',
    name: { nl: 'Wijk, multidisciplinair', en: 'Neighbourhood, multidisciplinary' },
    populationBand: WIJK_BAND,
    aim: {
      nl: 'Multidisciplinaire samenwerking in de wijk, met wijkverpleging en sociaal domein',
      en: 'Multidisciplinary neighbourhood collaboratives, including district nursing and the social domain',
    },
  },
  {
    code: 'Q3',
    scale: 'regio',
    scope: 'mono',
    name: { nl: 'Regio, huisartsen', en: 'Region, GPs only' },
    populationBand: REGIO_BAND,
    aim: {
      nl: 'Regionale huisartsenorganisaties met een ondersteunende en kwaliteitsverhogende rol',
      en: 'Regional GP organisations with a supporting and quality-raising role',
    },
  },
  {
    code: 'Q4',
    scale: 'regio',
    scope: 'multi',
    name: { nl: 'Regio, multidisciplinair', en: 'Region, multidisciplinary' },
    populationBand: REGIO_BAND,
    aim: {
      nl: 'Multidisciplinaire regionale organisaties die integraal verantwoordelijkheid nemen voor de zorg in een regio',
      en: 'Multidisciplinary regional organisations taking integral responsibility for care in a region',
    },
  },
];

/** The quadrant with the given code. */
export function quadrant(code: QuadrantCode): Quadrant {
  const found = QUADRANTS.find((q) => q.code === code);
  if (!found) throw new RangeError(`quadrant: unknown code "${String(code)}"`);
  return found;
}

/** The quadrant for a scale and scope (domain guide §2: every organisation sits in one). */
export function quadrantFor(scale: Scale, scope: Scope): QuadrantCode {
  if (scale === 'wijk') return scope === 'mono' ? 'Q1' : 'Q2';
  return scope === 'mono' ? 'Q3' : 'Q4';
}
