/** A text in Dutch (the default) and English. */
export interface Localised {
  nl: string;
  en: string;
}
