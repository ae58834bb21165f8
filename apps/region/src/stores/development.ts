import { ref } from 'vue';
import { defineStore } from 'pinia';
import { unwrap, useRegionApi } from '../api/client';
import type { Development } from '../api/types';

/** The development model of the region: quadrants, contracted titles, multidisciplinary coverage. */
export const useDevelopmentStore = defineStore('development', () => {
  const { api } = useRegionApi();
  const development = ref<Development | null>(null);
  const loading = ref(false);
  const error = ref<unknown>(null);

  async function load(regionId: string, period: string): Promise<void> {
    loading.value = true;
    error.value = null;
    try {
      development.value = await unwrap(
        api.regions[':id'].development.$get({ param: { id: regionId }, query: { period } }),
      );
    } catch (e) {
      error.value = e;
      development.value = null;
    } finally {
      loading.value = false;
    }
  }

  return { development, loading, error, load };
});
