import { createI18n } from 'vue-i18n';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../format/format';
import { uiMessages } from './messages';

/** A message tree: nested objects of strings. */
export interface MessageTree {
  readonly [key: string]: string | MessageTree;
}

export const LOCALE_STORAGE_KEY = 'kwadrant.locale';

/** Deep merge of message trees (the app's keys win). */
export function mergeMessages(base: MessageTree, extra: MessageTree): MessageTree {
  const out: Record<string, string | MessageTree> = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const current = out[key];
    out[key] =
      typeof value === 'object' && typeof current === 'object' ? mergeMessages(current, value) : value;
  }
  return out;
}

/** Every leaf key of a message tree, dotted ("ui.state.loading"), to check both languages have them all. */
export function messageKeys(tree: MessageTree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : messageKeys(value, `${prefix}${key}.`),
  );
}

const isLocale = (x: unknown): x is Locale => LOCALES.includes(x as Locale);

/** The language to start in: the one chosen before (stored), else Dutch. */
export function initialLocale(
  storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage,
): Locale {
  try {
    const stored = storage?.getItem(LOCALE_STORAGE_KEY);
    return isLocale(stored) ? stored : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

/**
 * The i18n instance of a dashboard: the shared components' messages with the app's merged over them,
 * Dutch by default and as fallback, Composition API only (no legacy mode).
 */
export function createKwadrantI18n(
  appMessages: Partial<Record<Locale, MessageTree>> = {},
  locale = initialLocale(),
) {
  return createI18n({
    legacy: false,
    locale,
    fallbackLocale: DEFAULT_LOCALE,
    messages: {
      nl: mergeMessages(uiMessages.nl, appMessages.nl ?? {}),
      en: mergeMessages(uiMessages.en, appMessages.en ?? {}),
    },
    missingWarn: false,
    fallbackWarn: false,
  });
}

export type KwadrantI18n = ReturnType<typeof createKwadrantI18n>;
