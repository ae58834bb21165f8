import { mount, type ComponentMountingOptions } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import PrimeVue from 'primevue/config';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { Component } from 'vue';
import { createKwadrantI18n } from '../i18n/i18n';
import type { Locale } from '../format/format';

/** A router with a catch-all route, so RouterLinks render real hrefs. */
export function testRouter() {
  return createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/:rest(.*)*', name: 'any', component: { render: () => null } }],
  });
}

/** Mounts a component with what every Kwadrant component expects: i18n, PrimeVue, Pinia and a router. */
export function mountUi<C extends Component>(
  component: C,
  options: ComponentMountingOptions<C> & { locale?: Locale } = {},
) {
  const { locale = 'nl', global, ...rest } = options;
  const i18n = createKwadrantI18n({}, locale);
  const pinia = createPinia();
  setActivePinia(pinia);
  return mount(component, {
    ...rest,
    global: {
      ...global,
      plugins: [i18n, [PrimeVue, { theme: 'none' }], pinia, testRouter(), ...(global?.plugins ?? [])],
    },
  });
}

/** Text with no-break spaces made plain and runs of whitespace collapsed, as a user reads it. */
export const visibleText = (text: string): string =>
  text
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
