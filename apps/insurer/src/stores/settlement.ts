import { ref, shallowRef } from 'vue';
import { defineStore } from 'pinia';
import { unwrap, useInsurerApi } from '../api/client';
import type { SettlementDetail, SettlementRecorded, SettlementSummary } from '../api/types';

/** The settlements of an agreement: run a period, freeze it, open one with its explanation, export. */
export const useSettlementStore = defineStore('settlement', () => {
  const { api, fetch } = useInsurerApi();
  const items = ref<SettlementSummary[]>([]);
  const loading = ref(false);
  const error = ref<unknown>(null);
  const detail = shallowRef<SettlementDetail | null>(null);
  const detailLoading = ref(false);
  const detailError = ref<unknown>(null);
  /** The outcome of the last run: a new version with its difference, or the unchanged one. */
  const recorded = shallowRef<SettlementRecorded | null>(null);
  const running = ref(false);
  const runError = ref<unknown>(null);

  async function load(agreementId: string): Promise<void> {
    loading.value = true;
    error.value = null;
    try {
      const page = await unwrap(api.settlements.$get({ query: { agreementId, limit: '200' } }));
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

  /** Settles a period from the database; `freeze` makes it final (a later change is a new version). */
  async function run(
    agreementId: string,
    period: string,
    freeze: boolean,
  ): Promise<SettlementRecorded | null> {
    running.value = true;
    runError.value = null;
    try {
      const result = (await unwrap(
        api.settlements.$post({ json: { agreementId, period, freeze } }),
      )) as SettlementRecorded;
      recorded.value = result;
      detail.value = result;
      await load(agreementId);
      return result;
    } catch (e) {
      runError.value = e;
      return null;
    } finally {
      running.value = false;
    }
  }

  /** The finance CSV of a settlement exactly as the API writes it (';', decimal comma, UTF-8 BOM). */
  async function exportCsv(id: number): Promise<Blob> {
    const response = await fetch(`/api/settlements/${id}/export?format=csv`);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.blob();
  }

  return {
    items,
    loading,
    error,
    detail,
    detailLoading,
    detailError,
    recorded,
    running,
    runError,
    load,
    loadDetail,
    run,
    exportCsv,
  };
});
