import { computed, ref } from 'vue';
import { defineStore } from 'pinia';
import { addQuarters, lastQuarters, quarterOfDate } from '@kwadrant/domain/model';
import type { BenchmarkChoice } from '../api/types';

/** The last quarter that has ended on the given day: on 30 November 2026 that is 2026-Q3. */
export function lastCompleteQuarter(today: Date): string {
  return addQuarters(quarterOfDate(today.toISOString().slice(0, 10)), -1);
}

export type Confidence = 0.95 | 0.998;

/**
 * What the user looks at: the quarter, the benchmark to compare with and the confidence level. The
 * latest quarter with data is found by the overview (see useOverviewStore.findLatest).
 */
export const useSelectionStore = defineStore('selection', () => {
  const period = ref<string | null>(null);
  const latest = ref<string | null>(null);
  const benchmark = ref<BenchmarkChoice>('region');
  const confidence = ref<Confidence>(0.95);

  /** The eight quarters up to the latest with data, newest first. */
  const periods = computed(() => (latest.value ? lastQuarters(latest.value, 8).reverse() : []));

  function setLatest(next: string): void {
    latest.value = next;
    if (!period.value || period.value > next) period.value = next;
  }

  return { period, latest, benchmark, confidence, periods, setLatest };
});
