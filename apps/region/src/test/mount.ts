import { mount, type ComponentMountingOptions } from '@vue/test-utils';
import { createPinia } from 'pinia';
import PrimeVue from 'primevue/config';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { Component } from 'vue';
import { createKwadrantI18n, type Locale } from '@kwadrant/ui';
import { messages } from '../i18n/messages';

/** Mounts a component of this app with its i18n, PrimeVue, Pinia and a router that knows every page name. */
export function mountApp<C extends Component>(
  component: C,
  options: ComponentMountingOptions<C> & { locale?: Locale } = {},
) {
  const { locale = 'nl', global, ...rest } = options;
  const page = { render: () => null };
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/comparison', name: 'comparison', component: page },
      { path: '/kpi/:code', name: 'kpi', component: page },
      { path: '/organisation/:id', name: 'organisation', component: page },
      { path: '/development', name: 'development', component: page },
      { path: '/picture', name: 'picture', component: page },
      { path: '/peer-groups', name: 'peer-groups', component: page },
      { path: '/report', name: 'report', component: page },
      { path: '/:rest(.*)*', name: 'not-found', component: page },
    ],
  });
  return mount(component, {
    ...rest,
    global: {
      ...global,
      plugins: [
        createKwadrantI18n(messages, locale),
        [PrimeVue, { theme: 'none' }],
        createPinia(),
        router,
        ...(global?.plugins ?? []),
      ],
    },
  });
}

export const visibleText = (text: string): string =>
  text
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
