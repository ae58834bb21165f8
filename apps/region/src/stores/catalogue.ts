import { computed, ref } from 'vue';
import { defineStore } from 'pinia';
import { unwrap, useRegionApi } from '../api/client';
import type { Kpi, PaymentTitle } from '../api/types';

/** The KPI catalogue and the payment titles, loaded once per session. */
export const useCatalogueStore = defineStore('catalogue', () => {
  const { api } = useRegionApi();
  const kpis = ref<Kpi[]>([]);
  const titles = ref<PaymentTitle[]>([]);
  const loading = ref(false);
  const error = ref<unknown>(null);
  let pending: Promise<void> | null = null;

  const kpiByCode = computed(() => new Map(kpis.value.map((k) => [k.code, k])));
  const titleByCode = computed(() => new Map(titles.value.map((t) => [t.code, t])));
  const loaded = computed(() => kpis.value.length > 0);

  async function load(force = false): Promise<void> {
    if (loaded.value && !force) return;
    if (pending) return pending;
    loading.value = true;
    error.value = null;
    pending = (async () => {
      try {
        const [k, t] = await Promise.all([
          unwrap(api.kpis.$get({ query: {} })),
          unwrap(api['payment-titles'].$get({ query: {} })),
        ]);
        kpis.value = k;
        titles.value = t;
      } catch (e) {
        error.value = e;
      } finally {
        loading.value = false;
        pending = null;
      }
    })();
    return pending;
  }

  return { kpis, titles, loading, error, loaded, kpiByCode, titleByCode, load };
});
