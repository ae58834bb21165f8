import type { Localised } from '../model/localised';
import type { KpiKind, Polarity } from '../model/kpi-types';
import type { KpiDefinition, KpiDomain } from './kpi-definition';

const REVIEW = '2027-06-30';

const SOURCES = {
  kis: { nl: 'Ketenzorginformatiesysteem (KIS)', en: 'Chronic-care information system (KIS)' },
  his: { nl: 'Huisartsinformatiesysteem (HIS)', en: 'GP information system (HIS)' },
  claims: { nl: 'Declaratiegegevens zorgverzekeraar (Vektis)', en: "Insurer's claims data (Vektis)" },
  phone: { nl: 'Telefoniecentrale van de praktijk', en: "Practice's telephone system" },
  prem: { nl: 'PREM-vragenlijst', en: 'PREM questionnaire' },
  self: { nl: 'Zelfrapportage organisatie', en: 'Self-report by the organisation' },
} satisfies Record<string, Localised>;

const PERCENT: Localised = { nl: '%', en: '%' };
const PER_1000: Localised = { nl: 'per 1.000 ingeschrevenen per jaar', en: 'per 1,000 enrolled per year' };
const DM2: Localised = {
  nl: 'Patiënten met diabetes type 2 met de huisarts als hoofdbehandelaar',
  en: 'Patients with type 2 diabetes with the GP as main treater',
};
const PATIENT_YEARS: Localised = { nl: 'Ingeschreven patiëntjaren', en: 'Enrolled patient-years' };

interface Spec {
  code: string;
  name: Localised;
  domain: KpiDomain;
  kind: KpiKind;
  polarity: Polarity;
  numerator: Localised;
  denominator: Localised;
  source: Localised;
  target: number | null;
  national?: number;
  minDenominator?: number;
  multiplier?: number;
  unit?: Localised;
}

const DEFAULTS: Record<KpiKind, { multiplier: number; unit: Localised; minDenominator: number }> = {
  proportion: { multiplier: 100, unit: PERCENT, minDenominator: 20 },
  // Rates are per 1,000 person-years; a quarter of a 2,500-patient practice is 625 patient-years.
  rate: { multiplier: 1000, unit: PER_1000, minDenominator: 250 },
  // For standardised ratios the denominator is the expected value E.
  ratio: { multiplier: 1, unit: { nl: 'O/E', en: 'O/E' }, minDenominator: 10 },
  mean: { multiplier: 1, unit: { nl: 'score 1–10', en: 'score 1–10' }, minDenominator: 30 },
};

const kpi = (s: Spec): KpiDefinition => {
  const d = DEFAULTS[s.kind];
  return {
    code: s.code,
    name: s.name,
    domain: s.domain,
    kind: s.kind,
    polarity: s.polarity,
    multiplier: s.multiplier ?? d.multiplier,
    unit: s.unit ?? d.unit,
    numerator: s.numerator,
    denominator: s.denominator,
    minDenominator: s.minDenominator ?? d.minDenominator,
    source: s.source,
    defaultTarget: s.target,
    nationalReference: s.national ?? null,
    reviewDate: REVIEW,
  };
};

const dm = (
  code: string,
  nl: string,
  en: string,
  numNl: string,
  numEn: string,
  target: number,
): KpiDefinition =>
  kpi({
    code,
    name: { nl, en },
    domain: 'kwaliteit',
    kind: 'proportion',
    polarity: 'higher',
    numerator: { nl: numNl, en: numEn },
    denominator: DM2,
    source: SOURCES.kis,
    target,
  });

const quality = (
  code: string,
  name: Localised,
  numerator: Localised,
  denominator: Localised,
  target: number,
  national?: number,
): KpiDefinition =>
  kpi({
    code,
    name,
    domain: 'kwaliteit',
    kind: 'proportion',
    polarity: 'higher',
    numerator,
    denominator,
    source: SOURCES.kis,
    target,
    ...(national === undefined ? {} : { national }),
  });

const perThousand = (
  code: string,
  name: Localised,
  numerator: Localised,
  polarity: Polarity,
  target: number | null,
  national?: number,
): KpiDefinition =>
  kpi({
    code,
    name,
    domain: 'doelmatigheid',
    kind: 'rate',
    polarity,
    numerator,
    denominator: PATIENT_YEARS,
    source: SOURCES.claims,
    target,
    ...(national === undefined ? {} : { national }),
  });

const COPD: Localised = { nl: 'Patiënten met COPD in ketenzorg', en: 'Patients with COPD in chronic care' };
const PRACTICES: Localised = { nl: 'Aangesloten praktijken', en: 'Member practices' };

/** The default KPI catalogue (domain guide §4): 29 KPIs with their metadata. Targets are defaults per agreement. */
export const DEFAULT_KPIS: readonly KpiDefinition[] = [
  dm(
    'DM-01',
    'Diabetes type 2: HbA1c gemeten in de afgelopen 12 maanden',
    'Diabetes type 2: HbA1c measured in the last 12 months',
    'Met HbA1c-meting in de afgelopen 12 maanden',
    'With an HbA1c measurement in the last 12 months',
    0.9,
  ),
  dm(
    'DM-02',
    'DM2: HbA1c < 53 mmol/mol (patiënten < 70 jaar)',
    'DM2: HbA1c < 53 mmol/mol (patients < 70)',
    'Patiënten < 70 jaar met laatste HbA1c < 53 mmol/mol',
    'Patients < 70 with last HbA1c < 53 mmol/mol',
    0.6,
  ),
  dm(
    'DM-03',
    'DM2: systolische bloeddruk < 140 mmHg',
    'DM2: systolic blood pressure < 140 mmHg',
    'Met laatste systolische bloeddruk < 140 mmHg',
    'With last systolic blood pressure < 140 mmHg',
    0.6,
  ),
  dm(
    'DM-04',
    'DM2: voetonderzoek in de afgelopen 12 maanden',
    'DM2: foot examination in the last 12 months',
    'Met voetonderzoek in de afgelopen 12 maanden',
    'With a foot examination in the last 12 months',
    0.85,
  ),
  dm(
    'DM-05',
    'DM2: nierfunctie (eGFR) gemeten',
    'DM2: kidney function (eGFR) measured',
    'Met eGFR-meting in de afgelopen 12 maanden',
    'With an eGFR measurement in the last 12 months',
    0.9,
  ),
  dm(
    'DM-06',
    'DM2: rookstatus geregistreerd',
    'DM2: smoking status recorded',
    'Met geregistreerde rookstatus',
    'With recorded smoking status',
    0.9,
  ),
  quality(
    'CV-01',
    {
      nl: 'CVRM: LDL < 2,6 mmol/l bij patiënten met hart- en vaatziekte',
      en: 'CVRM: LDL < 2.6 mmol/l in patients with cardiovascular disease',
    },
    { nl: 'Met laatste LDL < 2,6 mmol/l', en: 'With last LDL < 2.6 mmol/l' },
    {
      nl: 'Patiënten met hart- en vaatziekte in CVRM-ketenzorg',
      en: 'Patients with cardiovascular disease in CVRM chronic care',
    },
    0.5,
  ),
  quality(
    'CV-02',
    {
      nl: 'CVRM: bloeddruk gemeten in de afgelopen 12 maanden',
      en: 'CVRM: blood pressure measured in the last 12 months',
    },
    {
      nl: 'Met bloeddrukmeting in de afgelopen 12 maanden',
      en: 'With a blood pressure measurement in the last 12 months',
    },
    { nl: 'Patiënten in CVRM-ketenzorg', en: 'Patients in CVRM chronic care' },
    0.85,
  ),
  quality(
    'CO-01',
    { nl: 'COPD: spirometrie in de afgelopen 3 jaar', en: 'COPD: spirometry in the last 3 years' },
    { nl: 'Met spirometrie in de afgelopen 3 jaar', en: 'With spirometry in the last 3 years' },
    COPD,
    0.8,
    0.8,
  ),
  quality(
    'CO-02',
    { nl: 'COPD: inhalatietechniek gecontroleerd', en: 'COPD: inhaler technique checked' },
    {
      nl: 'Met gecontroleerde inhalatietechniek in de afgelopen 12 maanden',
      en: 'With inhaler technique checked in the last 12 months',
    },
    COPD,
    0.7,
  ),
  quality(
    'CO-03',
    { nl: 'COPD: griepvaccinatie', en: 'COPD: influenza vaccination' },
    { nl: 'Gevaccineerd tegen griep dit seizoen', en: 'Vaccinated against influenza this season' },
    COPD,
    0.7,
  ),
  quality(
    'AS-01',
    { nl: 'Astma: ziektelast gemeten (ACQ)', en: 'Asthma: control measured (ACQ)' },
    { nl: 'Met ACQ-meting in de afgelopen 12 maanden', en: 'With an ACQ measurement in the last 12 months' },
    { nl: 'Patiënten met astma in ketenzorg', en: 'Patients with asthma in chronic care' },
    0.6,
  ),
  quality(
    'OU-01',
    {
      nl: 'Kwetsbare ouderen met een individueel zorgplan',
      en: 'Frail elderly with an individual care plan',
    },
    { nl: 'Met een actueel individueel zorgplan', en: 'With a current individual care plan' },
    { nl: 'Als kwetsbaar geïdentificeerde ouderen (75+)', en: 'Older people (75+) identified as frail' },
    0.5,
  ),
  perThousand(
    'KO-01',
    {
      nl: 'Verwijscijfer medisch-specialistische zorg per 1.000 ingeschrevenen',
      en: 'Referral rate to medical specialists per 1,000 enrolled',
    },
    { nl: 'Verwijzingen naar medisch-specialistische zorg', en: 'Referrals to medical specialists' },
    'lower',
    300,
    327,
  ),
  perThousand(
    'KO-02',
    {
      nl: 'SEH-bezoeken per 1.000 ingeschrevenen',
      en: 'Emergency department (SEH) visits per 1,000 enrolled',
    },
    { nl: 'Bezoeken aan de spoedeisende hulp', en: 'Emergency department visits' },
    'lower',
    100,
  ),
  perThousand(
    'KO-03',
    {
      nl: 'Opnames voor ambulant behandelbare aandoeningen per 1.000',
      en: 'Admissions for ambulatory-care-sensitive conditions per 1,000',
    },
    {
      nl: 'Ziekenhuisopnames voor ambulant behandelbare aandoeningen',
      en: 'Admissions for ambulatory-care-sensitive conditions',
    },
    'lower',
    10,
  ),
  kpi({
    code: 'KO-04',
    name: { nl: 'Formulariumconforme eerste voorschriften', en: 'Formulary-compliant first prescriptions' },
    domain: 'doelmatigheid',
    kind: 'proportion',
    polarity: 'higher',
    numerator: {
      nl: 'Eerste voorschriften volgens het formularium',
      en: 'First prescriptions following the formulary',
    },
    denominator: { nl: 'Eerste voorschriften', en: 'First prescriptions' },
    source: SOURCES.claims,
    target: 0.85,
    national: 0.85,
  }),
  kpi({
    code: 'KO-05',
    name: { nl: 'Generiek voorschrijven', en: 'Generic prescribing' },
    domain: 'doelmatigheid',
    kind: 'proportion',
    polarity: 'higher',
    numerator: { nl: 'Voorschriften op stofnaam (generiek)', en: 'Prescriptions by generic name' },
    denominator: { nl: 'Alle voorschriften', en: 'All prescriptions' },
    source: SOURCES.claims,
    target: 0.75,
  }),
  kpi({
    code: 'KO-06',
    name: {
      nl: 'Gestandaardiseerde kosten tweedelijnszorg',
      en: 'Standardised hospital (second-line) costs',
    },
    domain: 'doelmatigheid',
    kind: 'ratio',
    polarity: 'lower',
    numerator: {
      nl: 'Werkelijke kosten medisch-specialistische zorg (O)',
      en: 'Observed specialist-care costs (O)',
    },
    denominator: {
      nl: 'Verwachte kosten naar leeftijd, geslacht en SES (E)',
      en: 'Expected costs by age, sex and SES (E)',
    },
    source: SOURCES.claims,
    target: 1,
  }),
  kpi({
    code: 'KO-07',
    name: { nl: 'Gestandaardiseerde farmaciekosten', en: 'Standardised pharmacy costs' },
    domain: 'doelmatigheid',
    kind: 'ratio',
    polarity: 'lower',
    numerator: { nl: 'Werkelijke farmaciekosten (O)', en: 'Observed pharmacy costs (O)' },
    denominator: {
      nl: 'Verwachte farmaciekosten naar leeftijd, geslacht en SES (E)',
      en: 'Expected pharmacy costs by age, sex and SES (E)',
    },
    source: SOURCES.claims,
    target: 1,
  }),
  perThousand(
    'KO-08',
    {
      nl: 'Consulten anderhalvelijnszorg per 1.000',
      en: 'Intermediate-care (anderhalvelijn) consultations per 1,000',
    },
    { nl: 'Consulten anderhalvelijnszorg', en: 'Intermediate-care consultations' },
    'none',
    null,
  ),
  kpi({
    code: 'TO-01',
    name: { nl: 'Spoedlijn binnen 30 seconden opgenomen', en: 'Urgent line answered within 30 seconds' },
    domain: 'toegankelijkheid',
    kind: 'proportion',
    polarity: 'higher',
    numerator: {
      nl: 'Spoedoproepen opgenomen binnen 30 seconden',
      en: 'Urgent calls answered within 30 seconds',
    },
    denominator: { nl: 'Spoedoproepen', en: 'Urgent calls' },
    source: SOURCES.phone,
    target: 0.9,
  }),
  kpi({
    code: 'TO-02',
    name: { nl: 'Reguliere afspraak binnen 2 werkdagen', en: 'Routine appointment within 2 working days' },
    domain: 'toegankelijkheid',
    kind: 'proportion',
    polarity: 'higher',
    numerator: {
      nl: 'Afspraken binnen 2 werkdagen na aanvraag',
      en: 'Appointments within 2 working days of the request',
    },
    denominator: { nl: 'Aangevraagde reguliere afspraken', en: 'Routine appointments requested' },
    source: SOURCES.his,
    target: 0.8,
  }),
  kpi({
    code: 'TO-03',
    name: { nl: 'Patiënten met online inzage in hun dossier', en: 'Patients with online record access' },
    domain: 'toegankelijkheid',
    kind: 'proportion',
    polarity: 'higher',
    numerator: {
      nl: 'Patiënten met een actief account voor online inzage',
      en: 'Patients with an active online access account',
    },
    denominator: { nl: 'Ingeschreven patiënten (16+)', en: 'Enrolled patients (16+)' },
    source: SOURCES.his,
    target: 0.5,
  }),
  kpi({
    code: 'PE-01',
    name: {
      nl: 'Patiëntervaring (PREM), totaalscore 1–10',
      en: 'Patient experience (PREM) overall score, 1–10',
    },
    domain: 'patientervaring',
    kind: 'mean',
    polarity: 'higher',
    numerator: { nl: 'Som van de totaalscores', en: 'Sum of overall scores' },
    denominator: { nl: 'Ingevulde vragenlijsten', en: 'Completed questionnaires' },
    source: SOURCES.prem,
    target: 8,
  }),
  kpi({
    code: 'OR-01',
    name: { nl: 'Praktijken met NHG-accreditatie', en: 'Practices with NHG accreditation' },
    domain: 'organisatie',
    kind: 'proportion',
    polarity: 'higher',
    numerator: {
      nl: 'Praktijken met geldige NHG-accreditatie',
      en: 'Practices with valid NHG accreditation',
    },
    denominator: PRACTICES,
    source: SOURCES.self,
    target: 0.75,
    minDenominator: 1,
  }),
  kpi({
    code: 'OR-02',
    name: {
      nl: 'Fte praktijkmanagement per 10.000 ingeschrevenen',
      en: 'Practice-manager FTE per 10,000 enrolled',
    },
    domain: 'organisatie',
    kind: 'rate',
    polarity: 'higher',
    numerator: { nl: 'Fte praktijkmanagement', en: 'Practice-manager FTE' },
    denominator: { nl: 'Ingeschreven patiëntjaren', en: 'Enrolled patient-years' },
    source: SOURCES.self,
    target: 1,
    multiplier: 10_000,
    unit: { nl: 'fte per 10.000 ingeschrevenen', en: 'FTE per 10,000 enrolled' },
    minDenominator: 250,
  }),
  kpi({
    code: 'OR-03',
    name: {
      nl: 'Praktijken in een multidisciplinair wijkoverleg',
      en: 'Practices in a multidisciplinary neighbourhood meeting',
    },
    domain: 'organisatie',
    kind: 'proportion',
    polarity: 'higher',
    numerator: {
      nl: 'Praktijken die structureel deelnemen aan wijkoverleg',
      en: 'Practices taking part in neighbourhood meetings',
    },
    denominator: PRACTICES,
    source: SOURCES.self,
    target: 0.75,
    minDenominator: 1,
  }),
  kpi({
    code: 'OR-04',
    name: {
      nl: 'Praktijken met geïntegreerde ICT (gedeeld dossier / koppeling KIS)',
      en: 'Practices with integrated ICT (shared record / chronic-care system link)',
    },
    domain: 'organisatie',
    kind: 'proportion',
    polarity: 'higher',
    numerator: {
      nl: 'Praktijken met gedeeld dossier of KIS-koppeling',
      en: 'Practices with a shared record or KIS link',
    },
    denominator: PRACTICES,
    source: SOURCES.self,
    target: 0.75,
    minDenominator: 1,
  }),
];

/** The KPI with the given code from a catalogue (the default one unless given). */
export function kpiByCode(
  code: string,
  catalogue: readonly KpiDefinition[] = DEFAULT_KPIS,
): KpiDefinition | undefined {
  return catalogue.find((k) => k.code === code);
}
