import { defaultOptions, type PrimeVueLocaleOptions } from 'primevue/config';
import type { Locale } from '../format/format';

/** PrimeVue's own texts (table paging, upload, select, dialogs) in Dutch, over its English defaults. */
const NL: Partial<PrimeVueLocaleOptions> = {
  accept: 'Ja',
  reject: 'Nee',
  choose: 'Kiezen',
  upload: 'Uploaden',
  cancel: 'Annuleren',
  completed: 'Voltooid',
  pending: 'In afwachting',
  clear: 'Wissen',
  apply: 'Toepassen',
  dayNames: ['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag'],
  dayNamesShort: ['zo', 'ma', 'di', 'wo', 'do', 'vr', 'za'],
  dayNamesMin: ['zo', 'ma', 'di', 'wo', 'do', 'vr', 'za'],
  monthNames: [
    'januari',
    'februari',
    'maart',
    'april',
    'mei',
    'juni',
    'juli',
    'augustus',
    'september',
    'oktober',
    'november',
    'december',
  ],
  monthNamesShort: ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
  today: 'Vandaag',
  weekHeader: 'Wk',
  firstDayOfWeek: 1,
  dateFormat: 'dd-mm-yy',
  emptyFilterMessage: 'Geen resultaten gevonden',
  searchMessage: '{0} resultaten beschikbaar',
  selectionMessage: '{0} items geselecteerd',
  emptySelectionMessage: 'Niets geselecteerd',
  emptySearchMessage: 'Geen resultaten gevonden',
  fileChosenMessage: '{0} bestanden',
  noFileChosenMessage: 'Geen bestand gekozen',
  emptyMessage: 'Geen opties beschikbaar',
};

const NL_ARIA: Partial<NonNullable<PrimeVueLocaleOptions['aria']>> = {
  close: 'Sluiten',
  previous: 'Vorige',
  next: 'Volgende',
  navigation: 'Navigatie',
  pageLabel: 'Pagina {page}',
  firstPageLabel: 'Eerste pagina',
  lastPageLabel: 'Laatste pagina',
  nextPageLabel: 'Volgende pagina',
  prevPageLabel: 'Vorige pagina',
  rowsPerPageLabel: 'Rijen per pagina',
  selectRow: 'Rij geselecteerd',
  unselectRow: 'Rij niet geselecteerd',
  expandRow: 'Rij uitgeklapt',
  collapseRow: 'Rij ingeklapt',
  listLabel: 'Keuzelijst',
};

/** The full PrimeVue locale object for a language. */
export function primeVueLocale(locale: Locale): PrimeVueLocaleOptions {
  const en = defaultOptions.locale!;
  if (locale === 'en') return { ...en, aria: { ...en.aria } };
  return { ...en, ...NL, aria: { ...en.aria, ...NL_ARIA } };
}
