import { watch, type App } from 'vue';
import PrimeVue from 'primevue/config';
import Aura from '@primeuix/themes/aura';
import { definePreset } from '@primeuix/themes';
import { intlLocale, type Locale } from './format/format';
import { createKwadrantI18n, LOCALE_STORAGE_KEY, type MessageTree } from './i18n/i18n';
import { primeVueLocale } from './i18n/primevue-locale';

/** Aura with Kwadrant's blue, dark enough for white text at AA contrast. */
export const KwadrantPreset = definePreset(Aura, {
  semantic: {
    primary: {
      50: '{blue.50}',
      100: '{blue.100}',
      200: '{blue.200}',
      300: '{blue.300}',
      400: '{blue.400}',
      500: '{blue.500}',
      600: '{blue.600}',
      700: '{blue.700}',
      800: '{blue.800}',
      900: '{blue.900}',
      950: '{blue.950}',
    },
    colorScheme: {
      light: {
        primary: {
          color: '{blue.700}',
          contrastColor: '#ffffff',
          hoverColor: '{blue.800}',
          activeColor: '{blue.900}',
        },
        highlight: {
          background: '{blue.50}',
          focusBackground: '{blue.100}',
          color: '{blue.800}',
          focusColor: '{blue.900}',
        },
      },
    },
  },
});

export interface KwadrantUiOptions {
  /** The app's own messages, merged over the shared components' ones. */
  messages?: Partial<Record<Locale, MessageTree>>;
}

/**
 * Installs the shared Vue layer on a dashboard: vue-i18n (Dutch by default), PrimeVue with the
 * Kwadrant preset, and keeps <html lang>, the stored language and PrimeVue's texts in step.
 */
export function createKwadrantUi(options: KwadrantUiOptions = {}) {
  const i18n = createKwadrantI18n(options.messages);
  return {
    i18n,
    install(app: App) {
      app.use(i18n);
      const locale = i18n.global.locale;
      app.use(PrimeVue, {
        theme: { preset: KwadrantPreset, options: { darkModeSelector: false } },
        locale: primeVueLocale(locale.value),
      });
      const apply = (next: Locale) => {
        if (typeof document !== 'undefined') document.documentElement.lang = next;
        try {
          globalThis.localStorage?.setItem(LOCALE_STORAGE_KEY, next);
        } catch {
          // Private mode: the choice lasts for this page only.
        }
        const primevue = app.config.globalProperties.$primevue as { config: { locale: unknown } } | undefined;
        if (primevue) primevue.config.locale = primeVueLocale(next);
      };
      apply(locale.value);
      watch(locale, (next) => apply(next));
    },
  };
}

export { intlLocale };
