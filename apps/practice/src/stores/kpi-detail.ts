import { ref } from 'vue';
import { defineStore } from 'pinia';
import { unwrap, usePracticeApi } from '../api/client';
import type { BenchmarkChoice, Funnel, Grouping, KpiTrend } from '../api/types';
import type { Confidence } from './selection';

export interface MemberValue {
  organisationId: string;
  name: string;
  value: number | null;
  lower: number | null;
  upper: number | null;
  numerator: number | null;
  denominator: number | null;
  suppressed: 'small-number' | 'complementary' | null;
}

/** One part of the page with its own loading state, so a slow funnel never blanks the trend. */
function part<T>() {
  return { data: ref<T | null>(null), loading: ref(false), error: ref<unknown>(null), request: 0 };
}

/** The KPI detail page: the trend with its peer band, the funnel, and (for a collaborative) its practices. */
export const useKpiDetailStore = defineStore('kpi-detail', () => {
  const { api } = usePracticeApi();
  const trendPart = part<KpiTrend>();
  const funnelPart = part<Funnel>();
  const membersPart = part<MemberValue[]>();

  async function run<T>(p: ReturnType<typeof part<T>>, load: () => Promise<T>): Promise<void> {
    const request = ++p.request;
    p.loading.value = true;
    p.error.value = null;
    try {
      const data = await load();
      if (request === p.request) p.data.value = data;
    } catch (e) {
      if (request === p.request) {
        p.error.value = e;
        p.data.value = null;
      }
    } finally {
      if (request === p.request) p.loading.value = false;
    }
  }

  const trendOf = (
    id: string,
    code: string,
    period: string,
    quarters: number,
    benchmark: BenchmarkChoice,
    confidence: Confidence,
  ) =>
    unwrap(
      api.organisations[':id'].kpis[':code'].trend.$get({
        param: { id, code },
        query: {
          period,
          quarters: String(quarters),
          benchmark,
          confidence: String(confidence) as '0.95' | '0.998',
        },
      }),
    );

  function loadTrend(q: {
    organisationId: string;
    code: string;
    period: string;
    benchmark: BenchmarkChoice;
    confidence: Confidence;
  }) {
    return run(trendPart, () => trendOf(q.organisationId, q.code, q.period, 8, q.benchmark, q.confidence));
  }

  function loadFunnel(q: { code: string; period: string; grouping: Grouping; groupId: string }) {
    return run(funnelPart, () =>
      unwrap(
        api.kpis[':code'].funnel.$get({
          param: { code: q.code },
          query: { period: q.period, grouping: q.grouping, groupId: q.groupId },
        }),
      ),
    );
  }

  /**
   * The value of each organisation in the quarter, with its interval as the API computes it (the last
   * point of a two-quarter trend), for the side-by-side view of a collaborative and its practices.
   */
  function loadMembers(q: {
    organisations: readonly { id: string; name: string }[];
    code: string;
    period: string;
    confidence: Confidence;
  }) {
    return run(membersPart, async () => {
      const trends = await Promise.all(
        q.organisations.map((o) => trendOf(o.id, q.code, q.period, 2, 'national', q.confidence)),
      );
      return trends.map((t, i): MemberValue => {
        const own = t.points.at(-1)?.own;
        return {
          organisationId: q.organisations[i]!.id,
          name: q.organisations[i]!.name,
          value: own?.value ?? null,
          lower: own?.lower ?? null,
          upper: own?.upper ?? null,
          numerator: own?.numerator ?? null,
          denominator: own?.denominator ?? null,
          suppressed: own?.suppressed ?? null,
        };
      });
    });
  }

  function clearMembers(): void {
    membersPart.request++;
    membersPart.data.value = null;
    membersPart.loading.value = false;
    membersPart.error.value = null;
  }

  return {
    trend: trendPart.data,
    trendLoading: trendPart.loading,
    trendError: trendPart.error,
    funnel: funnelPart.data,
    funnelLoading: funnelPart.loading,
    funnelError: funnelPart.error,
    members: membersPart.data,
    membersLoading: membersPart.loading,
    membersError: membersPart.error,
    loadTrend,
    loadFunnel,
    loadMembers,
    clearMembers,
  };
});
