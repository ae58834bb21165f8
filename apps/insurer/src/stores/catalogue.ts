import { computed, ref } from 'vue';
import { defineStore } from 'pinia';
import { unwrap, useInsurerApi } from '../api/client';
import type { Kpi, OrganisationSummary, PaymentTitle } from '../api/types';

/** The catalogues the builder composes from: payment titles, KPIs and the organisations one may contract. */
export const useCatalogueStore = defineStore('catalogue', () => {
  const { api } = useInsurerApi();
  const titles = ref<PaymentTitle[]>([]);
  const kpis = ref<Kpi[]>([]);
  const organisations = ref<OrganisationSummary[]>([]);
  const loaded = ref(false);
  const loading = ref(false);
  const error = ref<unknown>(null);

  async function load(force = false): Promise<void> {
    if ((loaded.value && !force) || loading.value) return;
    loading.value = true;
    error.value = null;
    try {
      const [t, k, o] = await Promise.all([
        unwrap(api['payment-titles'].$get({ query: {} })),
        unwrap(api.kpis.$get({ query: {} })),
        unwrap(api.organisations.$get({ query: { limit: '500' } })),
      ]);
      titles.value = t;
      kpis.value = k;
      organisations.value = o.items.filter((x) => x.kind !== 'insurer');
      loaded.value = true;
    } catch (e) {
      error.value = e;
    } finally {
      loading.value = false;
    }
  }

  const kpi = (code: string) => kpis.value.find((k) => k.code === code);
  const title = (code: string) => titles.value.find((t) => t.code === code);
  /** The catalogues as the domain's validation reads them (the API serves the domain's shapes). */
  const validationContext = computed(() => ({
    titles: titles.value,
    kpis: kpis.value,
  }));

  return { titles, kpis, organisations, loaded, loading, error, load, kpi, title, validationContext };
});
