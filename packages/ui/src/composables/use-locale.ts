import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import type { Locale } from '../format/format';

/**
 * The current language and a way to change it. The ui plugin keeps <html lang>, the stored choice
 * and PrimeVue's own texts in step with it.
 */
export function useLocale() {
  const { locale } = useI18n({ useScope: 'global' });
  const current = computed<Locale>(() => (locale.value === 'en' ? 'en' : 'nl'));
  const setLocale = (next: Locale) => {
    locale.value = next;
  };
  return { locale: current, setLocale };
}
