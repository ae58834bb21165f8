import type { Localised } from '../model/localised';
import type { QuadrantCode } from './quadrants';

/**
 * How a title is funded (domain guide §3):
 * capitation: cents per enrolled patient per quarter; availability: cents per year;
 * project: cents per milestone; fte: cents per funded FTE per year.
 */
export type FundingBasis = 'capitation' | 'availability' | 'project' | 'fte';
export const FUNDING_BASES: readonly FundingBasis[] = ['capitation', 'availability', 'project', 'fte'];

export const FUNDING_BASIS_LABELS: Record<FundingBasis, Localised> = {
  capitation: { nl: 'per ingeschreven patiënt per kwartaal', en: 'per enrolled patient per quarter' },
  availability: { nl: 'beschikbaarheid, per jaar', en: 'availability, per year' },
  project: { nl: 'project, per mijlpaal', en: 'project, per milestone' },
  fte: { nl: 'per gefinancierde fte per jaar', en: 'per funded FTE per year' },
};

export interface PaymentTitle {
  code: string;
  quadrant: QuadrantCode;
  name: Localised;
  description: Localised;
  basis: FundingBasis;
  /** What the receiving organisation commits to in return (the result obligation). */
  resultObligation: Localised;
  /** Named in the source documents (domain guide marks these "(s)"). */
  namedInSource: boolean;
}

const t = (
  code: string,
  quadrant: QuadrantCode,
  basis: FundingBasis,
  nl: string,
  en: string,
  description: Localised,
  resultObligation: Localised,
  namedInSource = false,
): PaymentTitle => ({
  code,
  quadrant,
  basis,
  name: { nl, en },
  description,
  resultObligation,
  namedInSource,
});

/** The default payment-title catalogue (domain guide §3). An administrator may rename or remove titles. */
export const DEFAULT_PAYMENT_TITLES: readonly PaymentTitle[] = [
  t(
    'OI-1A',
    'Q1',
    'capitation',
    'Praktijkmanagement',
    'Practice management',
    {
      nl: 'Inzet van praktijkmanagement in de huisartsenpraktijk.',
      en: 'Practice management capacity in the GP practice.',
    },
    {
      nl: 'Aantoonbaar praktijkbeleid en kwaliteitscyclus.',
      en: 'Demonstrable practice policy and quality cycle.',
    },
  ),
  t(
    'OI-1B',
    'Q1',
    'capitation',
    'Samenwerking huisartsen in de wijk',
    'GP collaborative in the neighbourhood',
    {
      nl: 'Gedeelde waarneming en gezamenlijk kwaliteitsbeleid van huisartsen in de wijk.',
      en: 'Shared cover and a shared quality policy of the GPs in a neighbourhood.',
    },
    {
      nl: 'Resultaten op afgesproken kwaliteitsindicatoren van het samenwerkingsverband.',
      en: 'Results on the agreed quality indicators of the collaborative.',
    },
  ),
  t(
    'OI-2A',
    'Q2',
    'capitation',
    'Wijkmanagement',
    'Neighbourhood management',
    {
      nl: 'Multidisciplinaire samenwerking in de wijk, met wijkverpleging en sociaal domein.',
      en: 'Multidisciplinary neighbourhood collaboration, including district nursing and the social domain.',
    },
    {
      nl: 'Structureel multidisciplinair overleg en gezamenlijke wijkanalyse.',
      en: 'Structural multidisciplinary meetings and a joint neighbourhood analysis.',
    },
  ),
  t(
    'OI-2B',
    'Q2',
    'capitation',
    'Spil in de wijk',
    'Neighbourhood coordinator',
    {
      nl: 'Een vast aanspreekpunt voor kwetsbare bewoners.',
      en: 'A named coordinator for vulnerable residents.',
    },
    {
      nl: 'Kwetsbare ouderen met een individueel zorgplan.',
      en: 'Frail elderly with an individual care plan.',
    },
  ),
  t(
    'OI-3A',
    'Q3',
    'capitation',
    'Regiomanagement huisartsen',
    'Regional GP management',
    {
      nl: 'Regionale huisartsenorganisatie met ondersteunende en kwaliteitsverhogende rol.',
      en: 'Regional GP organisation with a supporting and quality-raising role.',
    },
    {
      nl: 'Regionaal kwaliteitsbeleid en spiegelinformatie voor alle praktijken.',
      en: 'Regional quality policy and benchmark feedback for all practices.',
    },
  ),
  t(
    'OI-3B',
    'Q3',
    'capitation',
    'Ondersteuning ketenzorg',
    'Chronic-care programme support',
    {
      nl: 'Ondersteuning van ketenzorgprogramma’s (diabetes, CVRM, COPD, astma).',
      en: 'Support for chronic-care programmes (diabetes, CVRM, COPD, asthma).',
    },
    {
      nl: 'Procesindicatoren ketenzorg op of boven de afgesproken norm.',
      en: 'Chronic-care process indicators at or above the agreed norm.',
    },
  ),
  t(
    'OI-4A',
    'Q4',
    'capitation',
    'Regiomanagement multidisciplinair',
    'Multidisciplinary regional management',
    {
      nl: 'Integrale regionale verantwoordelijkheid voor de eerste lijn.',
      en: 'Integral regional responsibility for primary care.',
    },
    {
      nl: 'Regiobeeld, regioplan en aantoonbare bijdrage aan kostenbeheersing.',
      en: 'Regional picture, regional plan and a demonstrable contribution to cost containment.',
    },
  ),
  t(
    'OI-4B',
    'Q4',
    'capitation',
    'Geïntegreerd ICT-beheer',
    'Integrated ICT management',
    {
      nl: 'Gedeeld dossier en koppeling met ketenzorgsystemen.',
      en: 'Shared record and link with chronic-care systems.',
    },
    { nl: 'Praktijken met geïntegreerde ICT.', en: 'Practices with integrated ICT.' },
    true,
  ),
  t(
    'OI-4C',
    'Q4',
    'capitation',
    'Deelpopulatiemanagement',
    'Sub-population management',
    {
      nl: 'Proactieve zorg voor deelpopulaties, zoals kwetsbare ouderen.',
      en: 'Proactive care for sub-populations such as frail elderly.',
    },
    {
      nl: 'Minder vermijdbare ziekenhuisopnames en SEH-bezoeken in de deelpopulatie.',
      en: 'Fewer avoidable admissions and emergency visits in the sub-population.',
    },
    true,
  ),
  t(
    'OI-4D',
    'Q4',
    'project',
    'Innovatieprojecten',
    'Innovation projects',
    {
      nl: 'Regionale innovatieprojecten, betaald per mijlpaal.',
      en: 'Regional innovation projects, paid by milestone.',
    },
    { nl: 'Behaalde en geëvalueerde projectmijlpalen.', en: 'Milestones reached and evaluated.' },
    true,
  ),
  t(
    'OI-4E',
    'Q4',
    'availability',
    'Systeemfuncties',
    'System functions',
    {
      nl: 'Beschikbaarheid van piekopvang, complexe casuïstiek, nachtzorg en afstemming met andere zorgsoorten.',
      en: 'Availability of peak load, complex cases, night availability and coordination with other care types.',
    },
    {
      nl: 'Alle basisfuncties aantoonbaar georganiseerd.',
      en: 'All basic functions demonstrably organised.',
    },
  ),
];
