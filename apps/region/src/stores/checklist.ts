import { ref } from 'vue';
import { defineStore } from 'pinia';
import { ApiProblem } from '@kwadrant/ui';
import { unwrap, useRegionApi } from '../api/client';
import type { BasicFunction, BasicFunctionCode } from '../api/types';

export type ChecklistEdit = Pick<BasicFunction, 'status' | 'owner' | 'agreementId' | 'note'>;

/** The outcome of saving an item: saved, someone else changed it first (reloaded), or refused. */
export type SaveOutcome = 'saved' | 'conflict' | 'failed';

/** The "basis op orde" checklist of the region, editable by its board with optimistic concurrency. */
export const useChecklistStore = defineStore('checklist', () => {
  const { api } = useRegionApi();
  const items = ref<BasicFunction[]>([]);
  const loading = ref(false);
  const error = ref<unknown>(null);
  const saveError = ref<unknown>(null);

  async function load(regionId: string): Promise<void> {
    loading.value = true;
    error.value = null;
    try {
      items.value = await unwrap(api.regions[':id']['basic-functions'].$get({ param: { id: regionId } }));
    } catch (e) {
      error.value = e;
    } finally {
      loading.value = false;
    }
  }

  /** Saves an item against the version last read; on a conflict reloads the list so the board sees the other edit. */
  async function save(regionId: string, code: BasicFunctionCode, edit: ChecklistEdit): Promise<SaveOutcome> {
    saveError.value = null;
    const current = items.value.find((i) => i.functionCode === code);
    try {
      const saved = await unwrap(
        api.regions[':id']['basic-functions'][':code'].$put({
          param: { id: regionId, code },
          json: { ...edit, expectedVersion: current?.version ?? 0 },
        }),
      );
      items.value = items.value.some((i) => i.functionCode === code)
        ? items.value.map((i) => (i.functionCode === code ? saved : i))
        : [...items.value, saved];
      return 'saved';
    } catch (e) {
      saveError.value = e;
      if (e instanceof ApiProblem && e.status === 409) {
        await load(regionId);
        return 'conflict';
      }
      return 'failed';
    }
  }

  return { items, loading, error, saveError, load, save };
});
