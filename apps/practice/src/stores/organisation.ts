import { computed, ref } from 'vue';
import { defineStore } from 'pinia';
import { unwrap, usePracticeApi } from '../api/client';
import type { BenchmarkChoice, Grouping, OrganisationDetail } from '../api/types';

export interface FunnelGroup {
  grouping: Grouping;
  groupId: string;
  name: string | null;
}

/**
 * The organisation being looked at, with what hangs around it: its collaborative and region (where the
 * caller may see them), its member practices, and so which benchmarks and peer groups exist for it.
 */
export const useOrganisationStore = defineStore('organisation', () => {
  const { api } = usePracticeApi();
  const detail = ref<OrganisationDetail | null>(null);
  /** The parent collaborative's own detail (read to find the region); null when not visible. */
  const parentDetail = ref<OrganisationDetail | null>(null);
  const loading = ref(false);
  const error = ref<unknown>(null);

  const current = (list: OrganisationDetail['parents']) =>
    list.filter((m) => m.validTo === null).map((m) => m.organisation);
  const parents = computed(() => (detail.value ? current(detail.value.parents) : []));
  const collaborative = computed(() => parents.value.find((o) => o.kind === 'collaborative') ?? null);
  const region = computed(
    () =>
      parents.value.find((o) => o.kind === 'region') ??
      (parentDetail.value
        ? (current(parentDetail.value.parents).find((o) => o.kind === 'region') ?? null)
        : null),
  );
  const members = computed(() =>
    detail.value ? current(detail.value.members).filter((o) => o.kind === 'practice') : [],
  );
  const isCollaborative = computed(() => detail.value?.kind === 'collaborative');

  /** Benchmarks the API accepts for this organisation. */
  const benchmarks = computed<BenchmarkChoice[]>(() => {
    const kind = detail.value?.kind;
    const list: BenchmarkChoice[] = [];
    if (kind !== 'region') list.push('region');
    list.push('national');
    if (kind === 'practice' && collaborative.value) list.push('collaborative');
    list.push('target');
    return list;
  });

  /**
   * Peer groups a funnel can show, the default first: the region (when known), the Netherlands, and
   * the collaborative (a handful of practices: too few for a funnel on its own, but worth a look).
   */
  const funnelGroups = computed<FunnelGroup[]>(() => {
    const groups: FunnelGroup[] = [];
    if (region.value) groups.push({ grouping: 'region', groupId: region.value.id, name: region.value.name });
    groups.push({ grouping: 'national', groupId: '', name: null });
    const ownCollaborative = isCollaborative.value ? detail.value : collaborative.value;
    if (ownCollaborative)
      groups.push({ grouping: 'collaborative', groupId: ownCollaborative.id, name: ownCollaborative.name });
    return groups;
  });

  /**
   * Loads the organisation. `canRead` says which other organisations the caller may open (its own):
   * a practice may not read its collaborative, and asking would only earn a 404.
   */
  async function load(id: string, canRead: (id: string) => boolean = () => true): Promise<void> {
    if (detail.value?.id === id) return;
    loading.value = true;
    error.value = null;
    parentDetail.value = null;
    try {
      detail.value = await unwrap(api.organisations[':id'].$get({ param: { id } }));
      const parent = collaborative.value;
      if (parent && !region.value && canRead(parent.id)) {
        try {
          parentDetail.value = await unwrap(api.organisations[':id'].$get({ param: { id: parent.id } }));
        } catch {
          parentDetail.value = null;
        }
      }
    } catch (e) {
      error.value = e;
      detail.value = null;
    } finally {
      loading.value = false;
    }
  }

  return {
    detail,
    loading,
    error,
    parents,
    collaborative,
    region,
    members,
    isCollaborative,
    benchmarks,
    funnelGroups,
    load,
  };
});
