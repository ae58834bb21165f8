import { ref } from 'vue';
import { defineStore } from 'pinia';
import { unwrap, useRegionApi } from '../api/client';
import type { Funnel } from '../api/types';

export interface FunnelQuery {
  code: string;
  period: string;
  /** The region, or one of its peer groups (its id as text). */
  grouping: 'region' | 'peer-group';
  groupId: string;
}

/** The funnel plot of one KPI among the region's practices (or a peer group's). */
export const useFunnelStore = defineStore('funnel', () => {
  const { api } = useRegionApi();
  const funnel = ref<Funnel | null>(null);
  const loading = ref(false);
  const error = ref<unknown>(null);
  let request = 0;

  async function load(q: FunnelQuery): Promise<void> {
    const mine = ++request;
    loading.value = true;
    error.value = null;
    try {
      const body = await unwrap(
        api.kpis[':code'].funnel.$get({
          param: { code: q.code },
          query: { period: q.period, grouping: q.grouping, groupId: q.groupId },
        }),
      );
      if (mine === request) funnel.value = body;
    } catch (e) {
      if (mine === request) {
        error.value = e;
        funnel.value = null;
      }
    } finally {
      if (mine === request) loading.value = false;
    }
  }

  function clear(): void {
    request++;
    funnel.value = null;
    loading.value = false;
    error.value = null;
  }

  return { funnel, loading, error, load, clear };
});
