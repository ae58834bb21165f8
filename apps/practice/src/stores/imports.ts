import { ref } from 'vue';
import { defineStore } from 'pinia';
import { problemFrom } from '@kwadrant/ui';
import { usePracticeApi } from '../api/client';
import type { ImportMode, ImportPage, ImportResult } from '../api/types';

const HISTORY_PAGE = 20;

/**
 * Uploading one's own observations: check the file (dry run) and show every issue before anything is
 * stored, then commit all rows or only the valid ones; and the history of earlier imports. The typed
 * client cannot send multipart and the import routes are not in it yet, so this store uses the app's
 * wrapped fetch (cookie and CSRF header included).
 */
export const useImportsStore = defineStore('imports', () => {
  const { fetch } = usePracticeApi();
  const file = ref<File | null>(null);
  const result = ref<ImportResult | null>(null);
  const uploading = ref(false);
  const error = ref<unknown>(null);
  const history = ref<ImportPage | null>(null);
  const historyLoading = ref(false);
  const historyError = ref<unknown>(null);

  async function send(mode: ImportMode): Promise<ImportResult | null> {
    if (!file.value) return null;
    uploading.value = true;
    error.value = null;
    try {
      const body = new FormData();
      body.append('file', file.value, file.value.name);
      const response = await fetch(`/api/imports/observations?mode=${mode}`, { method: 'POST', body });
      if (!response.ok) throw await problemFrom(response);
      result.value = (await response.json()) as ImportResult;
      return result.value;
    } catch (e) {
      error.value = e;
      return null;
    } finally {
      uploading.value = false;
    }
  }

  /** Chooses a file; forgets the result of the previous one. */
  function choose(next: File | null): void {
    file.value = next;
    result.value = null;
    error.value = null;
  }

  /** Validates the chosen file without storing anything. */
  const check = () => send('dry-run');

  /** Stores the checked file: every row (only when none is rejected), or only the valid rows. */
  async function commit(mode: 'commit' | 'commit-valid'): Promise<ImportResult | null> {
    const committed = await send(mode);
    if (committed && committed.status === 'committed') await loadHistory();
    return committed;
  }

  async function loadHistory(offset = 0): Promise<void> {
    historyLoading.value = true;
    historyError.value = null;
    try {
      const response = await fetch(`/api/imports?limit=${HISTORY_PAGE}&offset=${offset}`);
      if (!response.ok) throw await problemFrom(response);
      history.value = (await response.json()) as ImportPage;
    } catch (e) {
      historyError.value = e;
      history.value = null;
    } finally {
      historyLoading.value = false;
    }
  }

  /** Where the rejected rows of a batch can be downloaded as CSV. */
  const errorsUrl = (batchId: number) => `/api/imports/${batchId}/errors.csv`;

  return {
    file,
    result,
    uploading,
    error,
    history,
    historyLoading,
    historyError,
    choose,
    check,
    commit,
    loadHistory,
    errorsUrl,
  };
});
