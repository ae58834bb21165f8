import { computed, ref } from 'vue';
import { defineStore } from 'pinia';
import { addQuarters, lastQuarters, quarterOfDate } from '@kwadrant/domain/model';
import type { KpiDomain } from '../api/types';

/** The last quarter that has ended on the given day: on 1 December 2026 that is 2026-Q3. */
export function lastCompleteQuarter(today: Date): string {
  return addQuarters(quarterOfDate(today.toISOString().slice(0, 10)), -1);
}

export type Confidence = 0.95 | 0.998;

/**
 * What the board looks at: the quarter, an optional baseline quarter to compare with, the confidence
 * level, the benchmark (the region or one of its peer groups) and the KPI domain shown.
 */
export const useSelectionStore = defineStore('selection', () => {
  const period = ref<string | null>(null);
  const latest = ref<string | null>(null);
  const baseline = ref<string | null>(null);
  const confidence = ref<Confidence>(0.95);
  /** The peer group used as benchmark; null for the region as a whole. */
  const peerGroupId = ref<number | null>(null);
  const domain = ref<KpiDomain | null>(null);

  /** The eight quarters up to the latest with data, newest first. */
  const periods = computed(() => (latest.value ? lastQuarters(latest.value, 8).reverse() : []));
  /** Quarters before the chosen one, newest first: the candidates for a baseline. */
  const baselines = computed(() => periods.value.filter((p) => period.value !== null && p < period.value));

  function setLatest(next: string): void {
    latest.value = next;
    if (!period.value || period.value > next) period.value = next;
  }

  return { period, latest, baseline, confidence, peerGroupId, domain, periods, baselines, setLatest };
});
