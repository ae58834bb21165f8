import { computed, ref } from 'vue';
import { defineStore } from 'pinia';
import { KPI_DOMAINS, type KpiDomain } from '@kwadrant/domain/catalogue';
import type { Comparison } from '@kwadrant/domain/model';
import { addQuarters } from '@kwadrant/domain/model';
import { unwrap, usePracticeApi } from '../api/client';
import type { BenchmarkChoice, Kpi, Overview, OverviewTile } from '../api/types';
import { useCatalogueStore } from './catalogue';
import type { Confidence } from './selection';

export interface OverviewQuery {
  organisationId: string;
  period: string;
  benchmark: BenchmarkChoice;
  confidence: Confidence;
}

export interface TileWithKpi {
  kpi: Kpi;
  tile: OverviewTile;
}

export type ComparisonCounts = Record<Comparison, number>;

/** How far back to look for the latest quarter with data. */
const PROBE_QUARTERS = 4;

/** The KPI tiles of one organisation and quarter, grouped by domain, with the counts that sum them up. */
export const useOverviewStore = defineStore('overview', () => {
  const { api } = usePracticeApi();
  const catalogue = useCatalogueStore();
  const overview = ref<Overview | null>(null);
  const query = ref<OverviewQuery | null>(null);
  const loading = ref(false);
  const error = ref<unknown>(null);
  let latestRequest = 0;

  const fetchOverview = (q: OverviewQuery) =>
    unwrap(
      api.organisations[':id'].overview.$get({
        param: { id: q.organisationId },
        query: {
          period: q.period,
          benchmark: q.benchmark,
          confidence: String(q.confidence) as '0.95' | '0.998',
        },
      }),
    );

  /** Loads the overview; a slower earlier request never overwrites a newer one. */
  async function load(q: OverviewQuery): Promise<void> {
    const request = ++latestRequest;
    loading.value = true;
    error.value = null;
    query.value = q;
    try {
      const [result] = await Promise.all([fetchOverview(q), catalogue.load()]);
      if (request === latestRequest) overview.value = result;
    } catch (e) {
      if (request === latestRequest) {
        error.value = e;
        overview.value = null;
      }
    } finally {
      if (request === latestRequest) loading.value = false;
    }
  }

  /**
   * The latest quarter with data for the organisation, looking back from `from` (the last complete
   * quarter): the API has no list of periods, so quarters without observations (dataDate null) are skipped.
   */
  async function findLatest(
    organisationId: string,
    from: string,
    benchmark: BenchmarkChoice,
  ): Promise<string> {
    for (let back = 0; back < PROBE_QUARTERS; back++) {
      const period = addQuarters(from, -back);
      const result = await fetchOverview({ organisationId, period, benchmark, confidence: 0.95 });
      if (result.dataDate !== null) return period;
    }
    return from;
  }

  const tiles = computed<TileWithKpi[]>(() =>
    (overview.value?.tiles ?? []).flatMap((tile) => {
      const kpi = catalogue.kpiByCode.get(tile.kpiCode);
      return kpi ? [{ kpi, tile }] : [];
    }),
  );

  const byDomain = computed(() =>
    KPI_DOMAINS.map((domain: KpiDomain) => ({
      domain,
      items: tiles.value.filter((t) => t.kpi.domain === domain),
    })).filter((group) => group.items.length > 0),
  );

  const counts = computed<ComparisonCounts>(() => {
    const out: ComparisonCounts = { better: 0, similar: 0, worse: 0, 'not-compared': 0 };
    for (const { tile } of tiles.value) out[tile.comparison] += 1;
    return out;
  });

  const suppressed = computed(() => tiles.value.filter((t) => t.tile.current.suppressed !== null).length);

  /** The tile of one KPI in the loaded overview. */
  const tileOf = (code: string) => tiles.value.find((t) => t.kpi.code === code) ?? null;

  return { overview, query, loading, error, tiles, byDomain, counts, suppressed, load, findLatest, tileOf };
});
