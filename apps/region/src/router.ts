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
      { path: '/', redirect: { name: 'comparison' } },
      {
        path: '/sign-in',
        name: 'sign-in',
        component: () => import('./views/sign-in/SignInView.vue'),
        meta: { public: true },
      },
      {
        path: '/comparison',
        name: 'comparison',
        component: () => import('./views/comparison/ComparisonView.vue'),
      },
      {
        path: '/kpi/:code',
        name: 'kpi',
        component: () => import('./views/kpi/KpiView.vue'),
        props: (route) => ({
          code: route.params.code,
          highlight: typeof route.query.highlight === 'string' ? route.query.highlight : null,
        }),
      },
      {
        path: '/organisation/:id',
        name: 'organisation',
        component: () => import('./views/practice/OrganisationView.vue'),
        props: true,
      },
      {
        path: '/development',
        name: 'development',
        component: () => import('./views/development/DevelopmentView.vue'),
      },
      { path: '/picture', name: 'picture', component: () => import('./views/picture/PictureView.vue') },
      {
        path: '/peer-groups',
        name: 'peer-groups',
        component: () => import('./views/peer-groups/PeerGroupsView.vue'),
      },
      { path: '/report', name: 'report', component: () => import('./views/report/ReportView.vue') },
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
    return { name: 'sign-in', query: to.fullPath === '/comparison' ? {} : { redirect: to.fullPath } };
  });

  // Move focus to the page after navigating, so screen-reader and keyboard users start at its content.
  router.afterEach((_to, from) => {
    if (from.matched.length === 0 || typeof document === 'undefined') return;
    requestAnimationFrame(() => document.getElementById('main')?.focus());
  });

  return router;
}
