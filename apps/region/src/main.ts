import { createApp } from 'vue';
import { createPinia } from 'pinia';
import { SESSION_API, createKwadrantUi, useSessionStore } from '@kwadrant/ui';
import '@kwadrant/ui/styles.css';
import './styles.css';
import App from './App.vue';
import { REGION_API, createRegionApi, sessionApiOf } from './api/client';
import { messages } from './i18n/messages';
import { createAppRouter } from './router';

const app = createApp(App);
const pinia = createPinia();
const router = createAppRouter();

const regionApi = createRegionApi({
  csrfToken: () => useSessionStore(pinia).csrfToken,
  onUnauthorised: (url) => {
    // The session ended (expired, or signed out elsewhere): back to sign-in, then here again.
    if (url.includes('/api/auth/')) return;
    useSessionStore(pinia).expire();
    const current = router.currentRoute.value;
    if (!current.meta.public)
      void router.push({ name: 'sign-in', query: { redirect: current.fullPath, expired: '1' } });
  },
});

app.provide(REGION_API, regionApi);
app.provide(SESSION_API, sessionApiOf(regionApi.api));
app.use(pinia);
app.use(createKwadrantUi({ messages }));
app.use(router);
app.mount('#app');
