/*
 * The shared components' texts. Apps merge their own messages over these. vue-i18n message syntax:
 * braces are placeholders, and a literal @ | { } must be written as {'@'} etc.
 */
export const uiMessages = {
  nl: {
    ui: {
      comparison: {
        better: 'Beter dan {benchmark}',
        similar: 'Vergelijkbaar met {benchmark}',
        worse: 'Slechter dan {benchmark}',
        'not-compared': 'Niet vergeleken',
      },
      trend: {
        increasing: 'Stijgend',
        decreasing: 'Dalend',
        'no-change': 'Geen significante verandering',
        'insufficient-data': 'Te weinig kwartalen voor een trend',
      },
      polarity: {
        higher: 'Hoger is beter',
        lower: 'Lager is beter',
        none: 'Geen oordeel (geen goed of fout)',
      },
      suppressed: {
        'small-number': 'Niet getoond: kleine aantallen (< 10)',
        complementary: 'Niet getoond: zou kleine aantallen verraden',
      },
      settlement: { formula: 'Berekening' },
      kpi: {
        interval: '{level} BI: {range}',
        intervalLevel: '{level}-betrouwbaarheidsinterval',
        target: 'Doel: {value}',
        targetAgreement: 'uit afspraak',
        targetCatalogue: 'standaarddoel',
        benchmark: '{label}: {value}',
        belowMinimum: 'Te kleine noemer om te vergelijken',
        noValue: 'Geen gegevens',
        trendLabel: 'Trend: {trend}',
        fraction: '{numerator} van {denominator}',
      },
      state: {
        loading: 'Laden…',
        empty: 'Geen gegevens om te tonen.',
        error: 'Er ging iets mis.',
        retry: 'Opnieuw proberen',
      },
      shell: {
        skip: 'Direct naar de inhoud',
        navigation: 'Hoofdmenu',
        language: 'Taal',
        signOut: 'Afmelden',
        signedInAs: 'Aangemeld als {name}',
        organisation: 'Organisatie',
      },
      table: {
        empty: 'Geen rijen om te tonen.',
        rows: '{count} rijen',
        export: 'Download {caption}',
      },
      chart: {
        showTable: 'Toon gegevens als tabel',
        hideTable: 'Verberg tabel',
        tableOf: 'Gegevens bij: {title}',
      },
      language: { nl: 'Nederlands', en: 'English' },
      benchmark: {
        national: 'landelijk',
        target: 'het doel',
        nationalLabel: 'Landelijk',
        targetLabel: 'Doel',
      },
      kind: {
        practice: 'Praktijk',
        collaborative: 'Samenwerkingsverband',
        region: 'Regio',
        insurer: 'Zorgverzekeraar',
        partner: 'Partner',
      },
    },
  },
  en: {
    ui: {
      comparison: {
        better: 'Better than {benchmark}',
        similar: 'Similar to {benchmark}',
        worse: 'Worse than {benchmark}',
        'not-compared': 'Not compared',
      },
      trend: {
        increasing: 'Increasing',
        decreasing: 'Decreasing',
        'no-change': 'No significant change',
        'insufficient-data': 'Too few quarters for a trend',
      },
      polarity: {
        higher: 'Higher is better',
        lower: 'Lower is better',
        none: 'No judgement (neither good nor bad)',
      },
      suppressed: {
        'small-number': 'Not shown: small numbers (< 10)',
        complementary: 'Not shown: would reveal small numbers',
      },
      settlement: { formula: 'Calculation' },
      kpi: {
        interval: '{level} CI: {range}',
        intervalLevel: '{level} confidence interval',
        target: 'Target: {value}',
        targetAgreement: 'from agreement',
        targetCatalogue: 'default target',
        benchmark: '{label}: {value}',
        belowMinimum: 'Denominator too small to compare',
        noValue: 'No data',
        trendLabel: 'Trend: {trend}',
        fraction: '{numerator} of {denominator}',
      },
      state: {
        loading: 'Loading…',
        empty: 'No data to show.',
        error: 'Something went wrong.',
        retry: 'Try again',
      },
      shell: {
        skip: 'Skip to content',
        navigation: 'Main menu',
        language: 'Language',
        signOut: 'Sign out',
        signedInAs: 'Signed in as {name}',
        organisation: 'Organisation',
      },
      table: {
        empty: 'No rows to show.',
        rows: '{count} rows',
        export: 'Download {caption}',
      },
      chart: {
        showTable: 'Show data as a table',
        hideTable: 'Hide table',
        tableOf: 'Data for: {title}',
      },
      language: { nl: 'Nederlands', en: 'English' },
      benchmark: {
        national: 'national',
        target: 'the target',
        nationalLabel: 'National',
        targetLabel: 'Target',
      },
      kind: {
        practice: 'Practice',
        collaborative: 'Collaborative',
        region: 'Region',
        insurer: 'Insurer',
        partner: 'Partner',
      },
    },
  },
} as const;

export type UiMessages = (typeof uiMessages)['nl'];
