import { ref, shallowRef } from 'vue';
import { defineStore } from 'pinia';
import { unwrap, useInsurerApi } from '../api/client';
import type { CostContainment } from '../api/types';

/** Cost containment: standardised cost ratios of the contracted organisations and their regions. */
export const useCostsStore = defineStore('costs', () => {
  const { api } = useInsurerApi();
  const data = shallowRef<CostContainment | null>(null);
  const kpi = ref<'KO-06' | 'KO-07'>('KO-06');
  const loading = ref(false);
  const error = ref<unknown>(null);

  async function load(): Promise<void> {
    loading.value = true;
    error.value = null;
    try {
      data.value = await unwrap(api.portfolio['cost-containment'].$get({ query: { kpi: kpi.value } }));
    } catch (e) {
      error.value = e;
      data.value = null;
    } finally {
      loading.value = false;
    }
  }

  return { data, kpi, loading, error, load };
});
