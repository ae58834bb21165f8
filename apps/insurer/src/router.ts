import { createRouter, createWebHistory, type Router, type RouterHistory } from 'vue-router';
import { useSessionStore } from '@kwadrant/ui';

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without signing in. */
    public?: boolean;
  }
}

/** The routes; every page but sign-in is loaded on first visit. */
export function createAppRouter(history: RouterHistory = createWebHistory(import.meta.env.BASE_URL)): Router {
  const router = createRouter({
    history,
    routes: [
      { path: '/', redirect: { name: 'portfolio' } },
      {
        path: '/sign-in',
        name: 'sign-in',
        component: () => import('./views/sign-in/SignInView.vue'),
        meta: { public: true },
      },
      {
        path: '/portfolio',
        name: 'portfolio',
        component: () => import('./views/portfolio/PortfolioView.vue'),
      },
      {
        path: '/agreements/new',
        name: 'agreement-new',
        component: () => import('./views/agreement/AgreementView.vue'),
      },
      {
        path: '/agreements/:id',
        name: 'agreement',
        component: () => import('./views/agreement/AgreementView.vue'),
        props: true,
      },
      {
        path: '/agreements/:id/settlement',
        name: 'settlement',
        component: () => import('./views/settlement/SettlementView.vue'),
        props: (route) => ({
          id: String(route.params.id),
          settlementId: route.query.s ? Number(route.query.s) : null,
        }),
      },
      { path: '/impact', name: 'impact', component: () => import('./views/impact/ImpactView.vue') },
      { path: '/costs', name: 'costs', component: () => import('./views/costs/CostsView.vue') },
      {
        path: '/:rest(.*)*',
        name: 'not-found',
        component: () => import('./views/not-found/NotFoundView.vue'),
        meta: { public: true },
      },
    ],
    scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
  });

  // Every page but the public ones needs a session; without one, sign in and come back.
  router.beforeEach(async (to) => {
    if (to.meta.public) return true;
    const session = useSessionStore();
    if (await session.restore()) return true;
    return { name: 'sign-in', query: to.fullPath === '/portfolio' ? {} : { redirect: to.fullPath } };
  });

  // Move focus to the page after navigating, so screen-reader and keyboard users start at its content.
  router.afterEach((_to, from) => {
    if (from.matched.length === 0 || typeof document === 'undefined') return;
    requestAnimationFrame(() => document.getElementById('main')?.focus());
  });

  return router;
}
