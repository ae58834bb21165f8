import { ref, shallowRef } from 'vue';
import { defineStore } from 'pinia';
import { unwrap, usePracticeApi } from '../api/client';
import type { SettlementDetail, SettlementSummary } from '../api/types';

/** The settlements of an agreement and the step-by-step explanation of one. */
export const useSettlementsStore = defineStore('settlements', () => {
  const { api } = usePracticeApi();
  const items = ref<SettlementSummary[]>([]);
  const loading = ref(false);
  const error = ref<unknown>(null);
  const detail = shallowRef<SettlementDetail | null>(null);
  const detailLoading = ref(false);
  const detailError = ref<unknown>(null);

  async function load(agreementId: string): Promise<void> {
    loading.value = true;
    error.value = null;
    try {
      const page = await unwrap(api.settlements.$get({ query: { agreementId, limit: '200' } }));
      // Newest period first; within a period the API puts the newest version first.
      items.value = [...page.items].sort((a, b) =>
        a.period === b.period ? b.version - a.version : a.period < b.period ? 1 : -1,
      );
    } catch (e) {
      error.value = e;
      items.value = [];
    } finally {
      loading.value = false;
    }
  }

  async function loadDetail(id: number): Promise<void> {
    detailLoading.value = true;
    detailError.value = null;
    try {
      detail.value = await unwrap(api.settlements[':id'].$get({ param: { id: String(id) } }));
    } catch (e) {
      detailError.value = e;
      detail.value = null;
    } finally {
      detailLoading.value = false;
    }
  }

  return { items, loading, error, detail, detailLoading, detailError, load, loadDetail };
});
