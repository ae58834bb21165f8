import { computed, ref } from 'vue';
import { defineStore } from 'pinia';
import { comparePeriods } from '@kwadrant/domain/model';
import { unwrap, usePracticeApi } from '../api/client';
import type { AgreementDetail, AgreementSummary, SettlementResult, WhatIfResult } from '../api/types';

/** Whether an agreement runs in the quarter and settles on results (so a projection means something). */
export const projectable = (a: Pick<AgreementSummary, 'status' | 'period'>, period: string): boolean =>
  (a.status === 'agreed' || a.status === 'settled') &&
  comparePeriods(a.period.start, period) <= 0 &&
  comparePeriods(period, a.period.end) <= 0;

/**
 * The agreements that cover the organisation: its own, its collaborative's and its region's, with the
 * projected payment for the current quarter (the domain's settlement on the figures so far) and what-if.
 */
export const useAgreementsStore = defineStore('agreements', () => {
  const { api } = usePracticeApi();
  const items = ref<AgreementSummary[]>([]);
  const loading = ref(false);
  const error = ref<unknown>(null);
  const detail = ref<AgreementDetail | null>(null);
  const detailLoading = ref(false);
  const detailError = ref<unknown>(null);
  /** Projected settlement of the current quarter per agreement id (null: cannot be projected). */
  const projections = ref<Record<string, SettlementResult | null>>({});
  const projectionErrors = ref<Record<string, unknown>>({});
  const whatIfResult = ref<WhatIfResult | null>(null);
  const whatIfLoading = ref(false);
  const whatIfError = ref<unknown>(null);

  async function load(): Promise<void> {
    loading.value = true;
    error.value = null;
    try {
      const page = await unwrap(api.agreements.$get({ query: { limit: '200', sort: 'period' } }));
      items.value = page.items;
    } catch (e) {
      error.value = e;
      items.value = [];
    } finally {
      loading.value = false;
    }
  }

  /**
   * The agreements that cover an organisation: all the caller sees, except those of its other own
   * organisations (a coordinator looking at one practice does not see a sister practice's agreement).
   */
  function covering(organisationId: string, ancestors: readonly string[], ownIds: readonly string[]) {
    const related = new Set([organisationId, ...ancestors]);
    return items.value.filter((a) => related.has(a.organisation.id) || !ownIds.includes(a.organisation.id));
  }

  async function loadDetail(id: string): Promise<void> {
    detailLoading.value = true;
    detailError.value = null;
    whatIfResult.value = null;
    whatIfError.value = null;
    try {
      detail.value = await unwrap(api.agreements[':id'].$get({ param: { id } }));
    } catch (e) {
      detailError.value = e;
      detail.value = null;
    } finally {
      detailLoading.value = false;
    }
  }

  const whatIfCall = (id: string, period: string, values: Record<string, number>) =>
    unwrap(api.agreements[':id']['what-if'].$post({ param: { id }, json: { period, values } }));

  /**
   * The settlement of the quarter on the figures so far. The API has no plain projection, so this asks
   * what-if with one clause at its own target and reads `actual`, which what-if computes untouched.
   */
  async function project(
    agreement: { id: string; clauseKpi: string | null; clauseTarget: number | null },
    period: string,
  ) {
    if (!agreement.clauseKpi || agreement.clauseTarget === null) {
      projections.value = { ...projections.value, [agreement.id]: null };
      return;
    }
    try {
      const result = await whatIfCall(agreement.id, period, {
        [agreement.clauseKpi]: agreement.clauseTarget,
      });
      projections.value = { ...projections.value, [agreement.id]: result.actual };
    } catch (e) {
      projections.value = { ...projections.value, [agreement.id]: null };
      projectionErrors.value = { ...projectionErrors.value, [agreement.id]: e };
    }
  }

  /** Projects every agreement in the list that runs in the quarter (their clauses need the detail). */
  async function projectAll(list: readonly AgreementSummary[], period: string): Promise<void> {
    await Promise.all(
      list
        .filter((a) => projectable(a, period))
        .map(async (a) => {
          const full =
            detail.value?.id === a.id
              ? detail.value
              : await unwrap(api.agreements[':id'].$get({ param: { id: a.id } }));
          const clause = full.document.clauses[0];
          await project(
            { id: a.id, clauseKpi: clause?.kpiCode ?? null, clauseTarget: clause?.target ?? null },
            period,
          );
        }),
    );
  }

  /** What the agreement would pay in the quarter if the KPIs had these values (estimate scale). */
  async function whatIf(id: string, period: string, values: Record<string, number>): Promise<void> {
    whatIfLoading.value = true;
    whatIfError.value = null;
    try {
      whatIfResult.value = await whatIfCall(id, period, values);
    } catch (e) {
      whatIfError.value = e;
      whatIfResult.value = null;
    } finally {
      whatIfLoading.value = false;
    }
  }

  const projectedTotal = computed(() =>
    Object.values(projections.value).reduce((sum, p) => sum + (p?.total ?? 0), 0),
  );

  return {
    items,
    loading,
    error,
    detail,
    detailLoading,
    detailError,
    projections,
    projectionErrors,
    projectedTotal,
    whatIfResult,
    whatIfLoading,
    whatIfError,
    load,
    covering,
    loadDetail,
    project,
    projectAll,
    whatIf,
  };
});
