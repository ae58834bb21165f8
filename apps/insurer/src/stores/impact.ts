import { ref, shallowRef } from 'vue';
import { defineStore } from 'pinia';
import { unwrap, useInsurerApi } from '../api/client';
import type { AgreementDraft, ImpactComparison, ImpactResult } from '../api/types';

/** One scenario: an agreement you may see, or a draft (a set of titles and tariffs with its clauses). */
export interface ImpactScenario {
  agreementId?: string;
  agreement?: AgreementDraft;
  organisationIds?: string[];
  periods: number;
  shifts: number[];
}

/** Result shifts in the KPI's better direction, as the API reads them (0.05 = 5 points on a proportion). */
export const DEFAULT_SHIFTS = [-0.1, -0.05, 0, 0.05, 0.1];

/** Impact analysis (impactanalyse): one scenario, or two compared. */
export const useImpactStore = defineStore('impact', () => {
  const { api } = useInsurerApi();
  const result = shallowRef<ImpactResult | null>(null);
  const comparison = shallowRef<ImpactComparison | null>(null);
  const running = ref(false);
  const error = ref<unknown>(null);

  async function analyse(s: ImpactScenario): Promise<void> {
    running.value = true;
    error.value = null;
    comparison.value = null;
    try {
      result.value = await unwrap(api.impact.$post({ json: s }));
    } catch (e) {
      error.value = e;
      result.value = null;
    } finally {
      running.value = false;
    }
  }

  async function compare(a: ImpactScenario, b: ImpactScenario): Promise<void> {
    running.value = true;
    error.value = null;
    try {
      comparison.value = await unwrap(api.impact.compare.$post({ json: { a, b } }));
      result.value = comparison.value.a;
    } catch (e) {
      error.value = e;
      comparison.value = null;
    } finally {
      running.value = false;
    }
  }

  return { result, comparison, running, error, analyse, compare };
});
