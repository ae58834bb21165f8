/**
 * The one error shape of every ingest format: what is wrong, where (file line and column, or a JSON path)
 * and why, with a suggested fix, in Dutch and English. Texts live in one catalogue so that each stable
 * code has one severity and one wording everywhere.
 */
import type { Localised } from '@kwadrant/domain/model';

/** A problem found while reading a file. */
export interface IngestIssue {
  /** 1-based line number in the file (the header is line 1); null for file-level or JSON problems. */
  row: number | null;
  /** The column as named in the file's header, or a JSON path for FHIR; null when not about one column. */
  column: string | null;
  /** The offending value as written in the file, or null. */
  value: string | null;
  /** Stable machine-readable code, e.g. 'not-a-number'. */
  code: IssueCode;
  /** An error rejects the row (or the file); a warning keeps it. */
  severity: 'error' | 'warning';
  /** What is wrong and where, e.g. `Rij 12, kolom teller: "12,5x" is geen getal.` */
  message: Localised;
  /** How to fix it. */
  suggestion: Localised;
}

/** Where an issue applies. */
export interface Where {
  row: number | null;
  column: string | null;
  value: string | null;
}

export const FILE: Where = { row: null, column: null, value: null };

/** A Dutch/English text pair built from both languages' parts. */
const t = (nl: string, en: string): Localised => ({ nl, en });

/** Numbers in Dutch text use a decimal comma. */
const nlNumber = (x: number): string => String(x).replace('.', ',');

/** Quote a value for a message, shortened so that a runaway field cannot flood the message. */
export function quote(value: string): string {
  const short = value.length > 60 ? `${value.slice(0, 57)}…` : value;
  return `"${short}"`;
}

const list = (items: readonly string[]): string => items.join(', ');

/** Dutch and English name of a file format, used in messages. */
export type FormatName = Localised;

export interface IssueParams {
  // Structure of the file
  'empty-file': { format: FormatName };
  'no-data-rows': Record<string, never>;
  'too-many-rows': { limit: number };
  'wrong-delimiter': { found: Localised };
  'missing-column': { missing: readonly string[]; found: readonly string[]; expected: Localised };
  'duplicate-column': { column: string; first: string };
  'unknown-column': { columns: readonly string[] };
  'truncated-file': { fields: number; expected: number } | { quoteFrom: number; quoteTo: number };
  'unclosed-quote': { maxBytes: number };
  'wrong-field-count': { fields: number; expected: number; commaFile: boolean };
  'bad-encoding': Record<string, never>;
  // Values
  'missing-value': Record<string, never>;
  'not-a-number': { value: string; decimalComma: boolean };
  'thousands-separator': { value: string; decimalComma: boolean };
  'not-an-integer': { value: string; what: Localised };
  'negative-number': { value: string };
  'denominator-not-positive': { value: string };
  'numerator-above-denominator': { numerator: string; denominator: string };
  'missing-expected': { kpi: string };
  'expected-not-positive': { value: string };
  'inconsistent-sum-squares': { sumSquares: string; minimum: number };
  'value-ignored': { kinds: Localised };
  'below-min-denominator': { kpi: string; denominator: string; minimum: number };
  'unknown-kpi': { value: string; closest: string | null };
  'unknown-organisation': { value: string; eightDigits: boolean };
  'agb-leading-zero': { value: string; padded: string };
  'duplicate-row': { first: Localised; key: string };
  'bad-period': {
    value: string;
    reason: 'unknown' | 'year' | 'month-or-quarter' | 'range' | 'not-a-quarter';
  };
  'period-normalised': { value: string; canonical: string };
  // Vektis
  'missing-year': { fileName: string | null; years: readonly number[] };
  'year-mismatch': { option: number; fromName: number };
  'unmatched-municipality': {
    value: string;
    reason: 'unknown' | 'ambiguous' | 'split';
    candidates: readonly string[];
  };
  'bad-sex': { value: string };
  'bad-age-class': { value: string };
  'missing-cost': { column: string };
  'negative-cost': { value: string };
  // CBS population
  'bad-postcode': { value: string };
  'bad-age-band': { value: string };
  'sum-mismatch': { men: number; women: number; total: number; tolerance: number };
  'aggregate-rows-skipped': { count: number };
  'suppressed-figures': { count: number; example: string };
  // FHIR
  'invalid-json': { detail: string };
  'invalid-resource': { expected: Localised };
  'unsupported-resource': { resourceType: string };
  'unsupported-bundle-type': { type: string };
  'unsupported-report-type': { type: string };
  'report-in-error': Record<string, never>;
  'report-pending': Record<string, never>;
  'missing-organisation': Record<string, never>;
  'missing-counts': { hasScore: boolean };
  'score-mismatch': { reported: number; computed: number; unit: string };
  'extra-groups-ignored': { count: number };
  'exclusions-applied': Record<string, never>;
}

export type IssueCode = keyof IssueParams;

type Text = (p: never) => { severity: 'error' | 'warning'; what: Localised; fix: Localised };
type Catalogue = {
  [C in IssueCode]: (p: IssueParams[C]) => { severity: 'error' | 'warning'; what: Localised; fix: Localised };
};

const error = (what: Localised, fix: Localised) => ({ severity: 'error' as const, what, fix });
const warning = (what: Localised, fix: Localised) => ({ severity: 'warning' as const, what, fix });

const NUMBER_FIX = (decimalComma: boolean): Localised =>
  decimalComma
    ? t(
        'Gebruik alleen cijfers, met een komma of punt als decimaalteken.',
        'Use digits only, with a comma or a point as the decimal sign.',
      )
    : t(
        'Gebruik alleen cijfers, met een punt als decimaalteken (in een bestand met komma’s als scheidingsteken kan een komma geen decimaalteken zijn).',
        'Use digits only, with a point as the decimal sign (in a comma-separated file a comma cannot be a decimal sign).',
      );

const PERIOD_FIX = t(
  'Schrijf de periode als jaar en kwartaal, bijvoorbeeld 2025-Q3.',
  'Write the period as year and quarter, e.g. 2025-Q3.',
);

const CATALOGUE: Catalogue = {
  'empty-file': ({ format }) =>
    error(
      t('Het bestand is leeg.', 'The file is empty.'),
      t(
        `Kies het juiste bestand: een ${format.nl} met een kopregel en ten minste één gegevensregel.`,
        `Choose the right file: a ${format.en} with a header line and at least one data row.`,
      ),
    ),
  'too-many-rows': (p) =>
    error(
      t(
        `Het bestand heeft meer dan ${p.limit.toLocaleString('nl-NL')} rijen; het inlezen is hier gestopt.`,
        `The file has more than ${p.limit.toLocaleString('en-GB')} rows; reading stopped here.`,
      ),
      t(
        'Splits het bestand, bijvoorbeeld per kwartaal, en lees de delen na elkaar in.',
        'Split the file, for example by quarter, and import the parts one after another.',
      ),
    ),
  'no-data-rows': () =>
    warning(
      t(
        'Het bestand heeft een kopregel maar geen gegevensregels.',
        'The file has a header but no data rows.',
      ),
      t(
        'Controleer of u het volledige bestand hebt geëxporteerd.',
        'Check that you exported the complete file.',
      ),
    ),
  'wrong-delimiter': ({ found }) =>
    error(
      t(
        `De kopregel is gescheiden door ${found.nl}, niet door puntkomma’s (;) of komma’s (,).`,
        `The header is separated by ${found.en}, not by semicolons (;) or commas (,).`,
      ),
      t(
        'Sla het bestand op als CSV met puntkomma’s (;) of komma’s (,) als scheidingsteken, bijvoorbeeld in Excel met “CSV (gescheiden door lijstscheidingstekens)”.',
        'Save the file as CSV separated by semicolons (;) or commas (,), e.g. in Excel with “CSV (Comma delimited)”.',
      ),
    ),
  'missing-column': ({ missing, found, expected }) =>
    error(
      t(
        `De kopregel mist ${missing.length === 1 ? 'de kolom' : 'de kolommen'} ${list(missing)}. Gevonden kolommen: ${found.length > 0 ? list(found) : '(geen)'}.`,
        `The header lacks the ${missing.length === 1 ? 'column' : 'columns'} ${list(missing)}. Columns found: ${found.length > 0 ? list(found) : '(none)'}.`,
      ),
      t(`Verwachte kolommen: ${expected.nl}.`, `Expected columns: ${expected.en}.`),
    ),
  'duplicate-column': ({ column, first }) =>
    error(
      t(
        `De kolom ${quote(column)} betekent hetzelfde als de eerdere kolom ${quote(first)}.`,
        `The column ${quote(column)} means the same as the earlier column ${quote(first)}.`,
      ),
      t('Verwijder een van beide kolommen.', 'Remove one of the two columns.'),
    ),
  'unknown-column': ({ columns }) =>
    warning(
      t(
        `Onbekende ${columns.length === 1 ? 'kolom' : 'kolommen'} ${list(columns.map(quote))} ${columns.length === 1 ? 'wordt' : 'worden'} genegeerd.`,
        `Unknown ${columns.length === 1 ? 'column' : 'columns'} ${list(columns.map(quote))} ${columns.length === 1 ? 'is' : 'are'} ignored.`,
      ),
      t(
        'Geen actie nodig als de kolom niet bedoeld is om in te lezen; controleer anders de kolomnaam.',
        'No action needed if the column is not meant to be read; otherwise check its name.',
      ),
    ),
  'truncated-file': (p) =>
    'quoteFrom' in p
      ? error(
          t(
            `Het bestand eindigt binnen een veld tussen aanhalingstekens dat op regel ${p.quoteFrom} begint${p.quoteTo > p.quoteFrom ? ` (regels ${p.quoteFrom}–${p.quoteTo} zijn niet gelezen)` : ''}; het bestand lijkt afgebroken.`,
            `The file ends inside a quoted field that starts on line ${p.quoteFrom}${p.quoteTo > p.quoteFrom ? ` (lines ${p.quoteFrom}–${p.quoteTo} were not read)` : ''}; the file looks cut off.`,
          ),
          t(
            'Exporteer of upload het bestand opnieuw, of sluit het aanhalingsteken af.',
            'Export or upload the file again, or close the quote.',
          ),
        )
      : error(
          t(
            `De laatste regel heeft ${p.fields} van de ${p.expected} velden; het bestand lijkt afgebroken.`,
            `The last line has ${p.fields} of ${p.expected} fields; the file looks cut off.`,
          ),
          t(
            'Exporteer of upload het bestand opnieuw en controleer of de laatste regel compleet is.',
            'Export or upload the file again and check that the last line is complete.',
          ),
        ),
  'unclosed-quote': ({ maxBytes }) =>
    error(
      t(
        `Een aanhalingsteken op deze regel wordt niet afgesloten (na ${maxBytes} tekens gestopt); de rest van het bestand is niet gelezen.`,
        `A quote on this line is never closed (stopped after ${maxBytes} characters); the rest of the file was not read.`,
      ),
      t(
        'Sluit het aanhalingsteken af of verwijder het, en lees het bestand opnieuw in.',
        'Close or remove the quote and read the file again.',
      ),
    ),
  'wrong-field-count': ({ fields, expected, commaFile }) =>
    error(
      t(
        `Deze regel heeft ${fields} velden, de kopregel ${expected}.`,
        `This line has ${fields} fields, the header ${expected}.`,
      ),
      commaFile && fields > expected
        ? t(
            'In een bestand met komma’s als scheidingsteken splitst een komma in een getal (12,5 of 1,234) het veld: gebruik een punt als decimaalteken en geen scheidingsteken voor duizendtallen.',
            'In a comma-separated file a comma inside a number (12,5 or 1,234) splits the field: use a point as the decimal sign and no thousands separator.',
          )
        : t(
            'Zorg dat elke regel evenveel velden heeft als de kopregel; zet tekst met scheidingstekens tussen aanhalingstekens.',
            'Make every line have as many fields as the header; put text containing separators in quotes.',
          ),
    ),
  'bad-encoding': () =>
    warning(
      t(
        'Het bestand bevat tekens die geen geldige UTF-8 zijn; ze zijn vervangen door �.',
        'The file contains characters that are not valid UTF-8; they were replaced by �.',
      ),
      t(
        'Sla het bestand op als “CSV UTF-8” en lees het opnieuw in.',
        'Save the file as “CSV UTF-8” and read it again.',
      ),
    ),
  'missing-value': () =>
    error(
      t('Dit verplichte veld is leeg.', 'This required field is empty.'),
      t('Vul een waarde in of verwijder de regel.', 'Fill in a value or remove the row.'),
    ),
  'not-a-number': ({ value, decimalComma }) => {
    const percent = /%\s*$/.test(value);
    const euro = /€|eur/i.test(value);
    return error(
      t(`${quote(value)} is geen getal.`, `${quote(value)} is not a number.`),
      percent
        ? t(
            'Geef aantallen in teller en noemer, geen percentages; laat het %-teken weg.',
            'Give counts in numerator and denominator, not percentages; drop the % sign.',
          )
        : euro
          ? t('Laat het valutateken weg: alleen het bedrag.', 'Drop the currency sign: the amount only.')
          : NUMBER_FIX(decimalComma),
    );
  },
  'thousands-separator': ({ value, decimalComma }) =>
    error(
      t(
        `${quote(value)} bevat een scheidingsteken voor duizendtallen.`,
        `${quote(value)} contains a thousands separator.`,
      ),
      decimalComma
        ? t(
            'Laat scheidingstekens voor duizendtallen weg: schrijf 1234,5 of 1234.5, niet 1.234,5.',
            'Drop thousands separators: write 1234.5 or 1234,5, not 1,234.5.',
          )
        : t(
            'Laat scheidingstekens voor duizendtallen weg en gebruik een punt als decimaalteken: schrijf 1234.5.',
            'Drop thousands separators and use a point as the decimal sign: write 1234.5.',
          ),
    ),
  'not-an-integer': ({ value, what }) =>
    error(
      t(
        `${quote(value)} is geen geheel getal, maar ${what.nl} is een aantal.`,
        `${quote(value)} is not a whole number, but ${what.en} is a count.`,
      ),
      t(
        'Geef een geheel aantal. Staat er een punt als scheidingsteken voor duizendtallen (1.234)? Laat die weg: 1234.',
        'Give a whole count. Is a point used as a thousands separator (1.234)? Drop it: 1234.',
      ),
    ),
  'negative-number': ({ value }) =>
    error(
      t(`${quote(value)} is negatief.`, `${quote(value)} is negative.`),
      t('Aantallen en bedragen moeten 0 of meer zijn.', 'Counts and amounts must be 0 or more.'),
    ),
  'denominator-not-positive': ({ value }) =>
    error(
      t(
        `De noemer ${quote(value)} is niet groter dan 0; zonder noemer is er geen waarde.`,
        `The denominator ${quote(value)} is not above 0; without a denominator there is no value.`,
      ),
      t(
        'Geef een noemer groter dan 0, of laat de regel weg als er niets te meten was.',
        'Give a denominator above 0, or leave the row out if there was nothing to measure.',
      ),
    ),
  'numerator-above-denominator': ({ numerator, denominator }) =>
    error(
      t(
        `De teller (${numerator}) is groter dan de noemer (${denominator}); een percentage kan niet boven 100 % uitkomen.`,
        `The numerator (${numerator}) exceeds the denominator (${denominator}); a percentage cannot exceed 100 %.`,
      ),
      t(
        'Controleer of teller en noemer niet verwisseld zijn en of ze over dezelfde patiëntengroep gaan.',
        'Check that numerator and denominator are not swapped and cover the same patient group.',
      ),
    ),
  'missing-expected': ({ kpi }) =>
    error(
      t(
        `${kpi} is een gestandaardiseerde ratio (waargenomen/verwacht), maar de verwachte waarde ontbreekt.`,
        `${kpi} is a standardised ratio (observed/expected), but the expected value is missing.`,
      ),
      t(
        'Vul de kolom verwacht (E) in met een waarde groter dan 0.',
        'Fill in the expected (E) column with a value above 0.',
      ),
    ),
  'expected-not-positive': ({ value }) =>
    error(
      t(
        `De verwachte waarde ${quote(value)} is niet groter dan 0.`,
        `The expected value ${quote(value)} is not above 0.`,
      ),
      t('Geef een verwachte waarde groter dan 0.', 'Give an expected value above 0.'),
    ),
  'inconsistent-sum-squares': ({ sumSquares, minimum }) =>
    error(
      t(
        `De kwadratensom ${quote(sumSquares)} is kleiner dan teller²/noemer (${nlNumber(minimum)}); dat kan niet.`,
        `The sum of squares ${quote(sumSquares)} is below numerator²/denominator (${minimum}); that is impossible.`,
      ),
      t(
        'De kwadratensom is de som van de gekwadrateerde scores (Σx²), niet het kwadraat van de som of de variantie.',
        'The sum of squares is the sum of the squared scores (Σx²), not the square of the sum nor the variance.',
      ),
    ),
  'value-ignored': ({ kinds }) =>
    warning(
      t(
        `Deze kolom geldt alleen voor ${kinds.nl}; waarden bij andere KPI’s worden genegeerd (eerste geval hier).`,
        `This column applies to ${kinds.en} only; values for other KPIs are ignored (first case here).`,
      ),
      t(
        'Geen actie nodig; laat het veld leeg bij andere KPI’s om deze melding te voorkomen.',
        'No action needed; leave the field empty for other KPIs to avoid this message.',
      ),
    ),
  'below-min-denominator': ({ kpi, denominator, minimum }) =>
    warning(
      t(
        `De noemer (${denominator}) is kleiner dan het minimum van ${kpi} (${nlNumber(minimum)}); de waarde wordt bewaard maar niet getoond of vergeleken.`,
        `The denominator (${denominator}) is below the minimum of ${kpi} (${minimum}); the value is kept but not shown or compared.`,
      ),
      t(
        'Geen actie nodig; bij kleine aantallen is een vergelijking niet betrouwbaar.',
        'No action needed; with small numbers a comparison is not reliable.',
      ),
    ),
  'unknown-kpi': ({ value, closest }) =>
    error(
      t(`${quote(value)} is geen bekende KPI.`, `${quote(value)} is not a known KPI.`),
      closest
        ? t(`Bedoelt u ${closest}?`, `Did you mean ${closest}?`)
        : t(
            'Gebruik een KPI-code uit de catalogus, bijvoorbeeld DM-01.',
            'Use a KPI code from the catalogue, e.g. DM-01.',
          ),
    ),
  'unknown-organisation': ({ value, eightDigits }) =>
    error(
      t(`${quote(value)} is geen bekende organisatie.`, `${quote(value)} is not a known organisation.`),
      eightDigits
        ? t(
            'Controleer de AGB-code, of voeg de organisatie eerst toe in Kwadrant.',
            'Check the AGB code, or add the organisation to Kwadrant first.',
          )
        : t(
            'Een AGB-code bestaat uit 8 cijfers, bijvoorbeeld 01012345; zet de kolom in Excel op “Tekst” zodat voorloopnullen blijven staan.',
            'An AGB code has 8 digits, e.g. 01012345; format the column as “Text” in Excel so leading zeros stay.',
          ),
    ),
  'agb-leading-zero': ({ value, padded }) =>
    warning(
      t(
        `AGB-code ${quote(value)} mist voorloopnullen en is gelezen als ${padded} (eerste geval hier; geldt voor alle volgende).`,
        `AGB code ${quote(value)} lacks leading zeros and was read as ${padded} (first case here; applies to all that follow).`,
      ),
      t(
        'Zet de kolom in Excel op “Tekst” voordat u exporteert, zodat voorloopnullen blijven staan.',
        'Format the column as “Text” in Excel before exporting, so leading zeros stay.',
      ),
    ),
  'duplicate-row': ({ first, key }) =>
    error(
      t(
        `${key} staat al op ${first.nl}; dit is een dubbeling.`,
        `${key} already appears at ${first.en}; this is a duplicate.`,
      ),
      t(
        'Houd één regel per combinatie over; corrigeer een eerdere waarde door het hele bestand opnieuw aan te leveren.',
        'Keep one row per combination; to correct an earlier value, deliver the whole file again.',
      ),
    ),
  'bad-period': ({ value, reason }) =>
    error(
      reason === 'year'
        ? t(
            `${quote(value)} is een jaar; waarnemingen gaan per kwartaal.`,
            `${quote(value)} is a year; observations are per quarter.`,
          )
        : reason === 'month-or-quarter'
          ? t(
              `${quote(value)} is niet eenduidig: een maand of een kwartaal?`,
              `${quote(value)} is ambiguous: a month or a quarter?`,
            )
          : reason === 'range'
            ? t(`${quote(value)} ligt buiten 1900–2999.`, `${quote(value)} lies outside 1900–2999.`)
            : reason === 'not-a-quarter'
              ? t(
                  `De periode ${value} beslaat niet precies één kalenderkwartaal.`,
                  `The period ${value} does not cover exactly one calendar quarter.`,
                )
              : t(`${quote(value)} is geen kwartaal.`, `${quote(value)} is not a quarter.`),
      reason === 'not-a-quarter'
        ? t(
            'Laat de periode op de eerste dag van een kwartaal beginnen en op de laatste dag ervan eindigen, bijvoorbeeld 2025-07-01 t/m 2025-09-30.',
            'Start the period on the first day of a quarter and end it on its last day, e.g. 2025-07-01 to 2025-09-30.',
          )
        : PERIOD_FIX,
    ),
  'period-normalised': ({ value, canonical }) =>
    warning(
      t(
        `Periode ${quote(value)} is gelezen als ${canonical} (eerste geval van deze schrijfwijze).`,
        `Period ${quote(value)} was read as ${canonical} (first case of this notation).`,
      ),
      t('Schrijf periodes bij voorkeur als 2025-Q3.', 'Preferably write periods as 2025-Q3.'),
    ),
  'missing-year': ({ fileName, years }) =>
    error(
      years.length > 1
        ? t(
            `De bestandsnaam ${quote(fileName ?? '')} noemt meerdere jaren (${years.join(', ')}); het Vektis-bestand zelf heeft geen jaarkolom.`,
            `The file name ${quote(fileName ?? '')} names several years (${years.join(', ')}); the Vektis file itself has no year column.`,
          )
        : t(
            `Het jaar van de gegevens is onbekend: het Vektis-bestand heeft geen jaarkolom${fileName ? ` en de bestandsnaam ${quote(fileName)} noemt geen jaar` : ' en er is geen bestandsnaam opgegeven'}.`,
            `The year of the data is unknown: the Vektis file has no year column${fileName ? ` and the file name ${quote(fileName)} names no year` : ' and no file name was given'}.`,
          ),
      t(
        'Geef het jaar op bij het inlezen, of gebruik de gepubliceerde bestandsnaam, bijvoorbeeld “Vektis Open Databestand Zorgverzekeringswet 2015 - gemeente.csv”.',
        'Give the year when reading, or keep the published file name, e.g. “Vektis Open Databestand Zorgverzekeringswet 2015 - gemeente.csv”.',
      ),
    ),
  'year-mismatch': ({ option, fromName }) =>
    warning(
      t(
        `Het opgegeven jaar ${option} verschilt van het jaar in de bestandsnaam (${fromName}); ${option} is gebruikt.`,
        `The year given (${option}) differs from the year in the file name (${fromName}); ${option} was used.`,
      ),
      t(
        'Controleer of u het juiste bestand of jaar hebt gekozen.',
        'Check that you chose the right file or year.',
      ),
    ),
  'unmatched-municipality': ({ value, reason, candidates }) =>
    warning(
      reason === 'split'
        ? t(
            `Gemeente ${quote(value)} is opgeheven en verdeeld over ${list(candidates)}; de regels zijn bewaard zonder gemeentecode.`,
            `Municipality ${quote(value)} was dissolved and split between ${list(candidates)}; its rows are kept without a municipality code.`,
          )
        : reason === 'ambiguous'
          ? t(
              `Gemeente ${quote(value)} is niet eenduidig (${list(candidates)}); de regels zijn bewaard zonder gemeentecode.`,
              `Municipality ${quote(value)} is ambiguous (${list(candidates)}); its rows are kept without a municipality code.`,
            )
          : t(
              `Gemeente ${quote(value)} is niet gevonden in de gemeentelijke indeling; de regels zijn bewaard zonder gemeentecode.`,
              `Municipality ${quote(value)} was not found in the municipal division; its rows are kept without a municipality code.`,
            ),
      reason === 'split'
        ? t(
            'Verdeel de cijfers zo nodig zelf over de opvolgers, of laat ze buiten de regionale vergelijking.',
            'Divide the figures over the successors yourself if needed, or leave them out of the regional comparison.',
          )
        : candidates.length > 0
          ? t(`Bedoelt u ${list(candidates)}?`, `Did you mean ${list(candidates)}?`)
          : t(
              'Controleer de schrijfwijze, of voeg de oude naam toe aan de tabel met gemeentelijke herindelingen.',
              'Check the spelling, or add the old name to the table of municipal reorganisations.',
            ),
    ),
  'bad-sex': ({ value }) =>
    error(
      t(
        `${quote(value)} is geen geslacht; verwacht M of V.`,
        `${quote(value)} is not a sex; expected M or V.`,
      ),
      t('Gebruik M (man) of V (vrouw).', 'Use M (male) or V (female, vrouw).'),
    ),
  'bad-age-class': ({ value }) =>
    error(
      t(`${quote(value)} is geen leeftijdsklasse.`, `${quote(value)} is not an age class.`),
      t(
        'Gebruik de klassen van Vektis, zoals “0 t/m 4 jaar” of “90 jaar en ouder”.',
        'Use the Vektis classes, such as “0 t/m 4 jaar” or “90 jaar en ouder”.',
      ),
    ),
  'missing-cost': ({ column }) =>
    warning(
      t(
        `Lege kosten in ${column} (eerste geval hier); lege velden tellen niet mee, ook niet als 0.`,
        `Empty costs in ${column} (first case here); empty fields are left out, not counted as 0.`,
      ),
      t(
        'Geen actie nodig als de zorgsoort dat jaar niet bestond; controleer anders het bestand.',
        'No action needed if the care type did not exist that year; otherwise check the file.',
      ),
    ),
  'negative-cost': ({ value }) =>
    warning(
      t(
        `Negatieve kosten (${value}); bewaard zoals geleverd (eerste geval hier).`,
        `Negative costs (${value}); kept as delivered (first case here).`,
      ),
      t(
        'Negatieve bedragen komen voor bij correcties; standaardisatie slaat een zorgsoort met een negatief totaal over.',
        'Negative amounts occur with corrections; standardisation skips a care type with a negative total.',
      ),
    ),
  'bad-postcode': ({ value }) =>
    error(
      t(`${quote(value)} is geen postcodegebied.`, `${quote(value)} is not a postcode area.`),
      t(
        'Gebruik de vier cijfers van de postcode, 1000 t/m 9999.',
        'Use the four digits of the postcode, 1000 to 9999.',
      ),
    ),
  'bad-age-band': ({ value }) =>
    error(
      t(`${quote(value)} is geen leeftijdsgroep.`, `${quote(value)} is not an age band.`),
      t(
        'Gebruik de vijfjaarsgroepen van CBS: 0-4, 5-9, …, 90-94, 95+.',
        'Use the CBS five-year bands: 0-4, 5-9, …, 90-94, 95+.',
      ),
    ),
  'sum-mismatch': ({ men, women, total, tolerance }) =>
    warning(
      t(
        `Mannen + vrouwen (${men} + ${women} = ${men + women}) wijkt meer dan ${tolerance} af van het totaal (${total}); meer dan de afronding van CBS verklaart.`,
        `Men + women (${men} + ${women} = ${men + women}) differs by more than ${tolerance} from the total (${total}); more than CBS rounding explains.`,
      ),
      t(
        'Controleer of de kolommen inwoners, inwoners_man en inwoners_vrouw op hun plaats staan.',
        'Check that the columns inwoners, inwoners_man and inwoners_vrouw are in place.',
      ),
    ),
  'aggregate-rows-skipped': ({ count }) =>
    warning(
      t(
        `${count} regels met 2- of 3-cijferige postcodes (totalen van grotere gebieden) zijn overgeslagen.`,
        `${count} rows with 2- or 3-digit postcodes (totals of larger areas) were skipped.`,
      ),
      t(
        'Geen actie nodig: alleen 4-cijferige postcodegebieden (PC4) worden ingelezen.',
        'No action needed: only 4-digit postcode areas (PC4) are read.',
      ),
    ),
  'suppressed-figures': ({ count, example }) =>
    warning(
      t(
        `${count} regels zonder cijfers (bijvoorbeeld postcode ${example}) zijn overgeslagen; CBS laat kleine aantallen weg.`,
        `${count} rows without figures (e.g. postcode ${example}) were skipped; CBS suppresses small numbers.`,
      ),
      t(
        'Geen actie nodig: deze gebieden hebben (bijna) geen inwoners.',
        'No action needed: these areas have (almost) no residents.',
      ),
    ),
  'invalid-json': ({ detail }) =>
    error(
      t(`Het bestand is geen geldige JSON (${detail}).`, `The file is not valid JSON (${detail}).`),
      t(
        'Lever een FHIR MeasureReport of Bundle als JSON aan; controleer of het bestand volledig is.',
        'Deliver a FHIR MeasureReport or Bundle as JSON; check that the file is complete.',
      ),
    ),
  'invalid-resource': ({ expected }) =>
    error(
      t(`Ongeldige waarde: verwacht ${expected.nl}.`, `Invalid value: expected ${expected.en}.`),
      t(
        'Maak het bericht conform FHIR R4 MeasureReport (hl7.org/fhir/R4/measurereport.html).',
        'Make the message conform to FHIR R4 MeasureReport (hl7.org/fhir/R4/measurereport.html).',
      ),
    ),
  'unsupported-resource': ({ resourceType }) =>
    error(
      t(
        `Een ${resourceType || 'bericht zonder resourceType'} kan niet worden ingelezen; verwacht een MeasureReport of een Bundle.`,
        `A ${resourceType || 'message without resourceType'} cannot be read; expected a MeasureReport or a Bundle.`,
      ),
      t('Lever MeasureReports aan, los of in een Bundle.', 'Deliver MeasureReports, alone or in a Bundle.'),
    ),
  'unsupported-bundle-type': ({ type }) =>
    error(
      t(
        `Een Bundle van type ${quote(type)} wordt niet ondersteund.`,
        `A Bundle of type ${quote(type)} is not supported.`,
      ),
      t(
        'Gebruik type collection, searchset of transaction.',
        'Use type collection, searchset or transaction.',
      ),
    ),
  'unsupported-report-type': ({ type }) =>
    error(
      t(
        `Een MeasureReport van type ${quote(type)} bevat geen tellingen die Kwadrant kan gebruiken.`,
        `A MeasureReport of type ${quote(type)} holds no counts Kwadrant can use.`,
      ),
      t(
        'Lever rapporten van type summary of individual aan.',
        'Deliver reports of type summary or individual.',
      ),
    ),
  'report-in-error': () =>
    error(
      t(
        'Dit MeasureReport heeft status error: de bron meldt zelf dat de cijfers fout zijn.',
        'This MeasureReport has status error: the source itself reports that the figures are wrong.',
      ),
      t(
        'Lever een gecorrigeerd rapport met status complete aan.',
        'Deliver a corrected report with status complete.',
      ),
    ),
  'report-pending': () =>
    warning(
      t(
        'Dit MeasureReport heeft status pending: de cijfers kunnen nog veranderen.',
        'This MeasureReport has status pending: the figures may still change.',
      ),
      t(
        'Lever het definitieve rapport (status complete) later opnieuw aan.',
        'Deliver the final report (status complete) again later.',
      ),
    ),
  'missing-organisation': () =>
    error(
      t(
        'Het rapport noemt geen organisatie met een AGB-code (subject of reporter).',
        'The report names no organisation with an AGB code (subject or reporter).',
      ),
      t(
        'Geef subject of reporter een identifier met system http://fhir.nl/fhir/NamingSystem/agb-z.',
        'Give subject or reporter an identifier with system http://fhir.nl/fhir/NamingSystem/agb-z.',
      ),
    ),
  'missing-counts': ({ hasScore }) =>
    error(
      hasScore
        ? t(
            'Het rapport geeft alleen een score (measureScore), geen teller en noemer.',
            'The report gives a score (measureScore) only, no numerator and denominator.',
          )
        : t('Het rapport geeft geen teller en noemer.', 'The report gives no numerator and denominator.'),
      t(
        'Kwadrant rekent met aantallen: geef group.population met code numerator en denominator en hun count.',
        'Kwadrant computes from counts: give group.population with code numerator and denominator and their count.',
      ),
    ),
  'score-mismatch': ({ reported, computed, unit }) =>
    warning(
      t(
        `De gerapporteerde score (${nlNumber(reported)}${unit}) past niet bij teller en noemer (${nlNumber(computed)}${unit}); teller en noemer zijn gebruikt.`,
        `The reported score (${reported}${unit}) does not match numerator and denominator (${computed}${unit}); the counts were used.`,
      ),
      t('Controleer de berekening in het bronsysteem.', 'Check the computation in the source system.'),
    ),
  'extra-groups-ignored': ({ count }) =>
    warning(
      t(
        `Het rapport heeft ${count + 1} groepen; alleen de eerste is gelezen.`,
        `The report has ${count + 1} groups; only the first was read.`,
      ),
      t(
        'Lever per KPI een eigen MeasureReport aan met één groep.',
        'Deliver one MeasureReport per KPI with one group.',
      ),
    ),
  'exclusions-applied': () =>
    warning(
      t(
        'Uitsluitingen en uitzonderingen zijn van teller en noemer afgetrokken (eerste geval hier).',
        'Exclusions and exceptions were subtracted from numerator and denominator (first case here).',
      ),
      t('Geen actie nodig.', 'No action needed.'),
    ),
};

/** The location part of a message: `Rij 12, kolom teller: `, or a JSON path. */
function prefix(where: Where): Localised {
  if (where.row !== null && where.column !== null) {
    return t(`Rij ${where.row}, kolom ${where.column}: `, `Row ${where.row}, column ${where.column}: `);
  }
  if (where.row !== null) return t(`Rij ${where.row}: `, `Row ${where.row}: `);
  if (where.column !== null) return t(`Bij ${where.column}: `, `At ${where.column}: `);
  return t('', '');
}

/** Builds an issue from the catalogue: severity, message and suggestion follow from the code. */
export function issue<C extends IssueCode>(code: C, where: Where, params: IssueParams[C]): IngestIssue {
  const entry = (CATALOGUE[code] as Text)(params as never);
  const at = prefix(where);
  return {
    row: where.row,
    column: where.column,
    value: where.value,
    code,
    severity: entry.severity,
    message: { nl: at.nl + entry.what.nl, en: at.en + entry.what.en },
    suggestion: entry.fix,
  };
}

/** Every issue code, for documentation and tests. */
export const ISSUE_CODES = Object.keys(CATALOGUE) as IssueCode[];
