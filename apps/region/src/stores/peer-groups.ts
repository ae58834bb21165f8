import { computed, ref } from 'vue';
import { defineStore } from 'pinia';
import { unwrap, useRegionApi } from '../api/client';
import type { PeerGroup } from '../api/types';

/** The region's custom peer groups, usable as benchmark in the grid and the funnel. */
export const usePeerGroupsStore = defineStore('peer-groups', () => {
  const { api } = useRegionApi();
  const groups = ref<PeerGroup[]>([]);
  const loading = ref(false);
  const error = ref<unknown>(null);
  const saveError = ref<unknown>(null);
  const loadedFor = ref<string | null>(null);

  const byId = computed(() => new Map(groups.value.map((g) => [g.id, g])));

  async function load(regionId: string, force = false): Promise<void> {
    if (loadedFor.value === regionId && !force) return;
    loading.value = true;
    error.value = null;
    try {
      groups.value = await unwrap(api.regions[':id']['peer-groups'].$get({ param: { id: regionId } }));
      loadedFor.value = regionId;
    } catch (e) {
      error.value = e;
    } finally {
      loading.value = false;
    }
  }

  async function create(
    regionId: string,
    name: string,
    organisationIds: string[],
  ): Promise<PeerGroup | null> {
    saveError.value = null;
    try {
      const group = await unwrap(
        api.regions[':id']['peer-groups'].$post({ param: { id: regionId }, json: { name, organisationIds } }),
      );
      groups.value = [...groups.value, group];
      return group;
    } catch (e) {
      saveError.value = e;
      return null;
    }
  }

  async function remove(regionId: string, id: number): Promise<boolean> {
    saveError.value = null;
    try {
      await unwrap(
        api.regions[':id']['peer-groups'][':groupId'].$delete({
          param: { id: regionId, groupId: String(id) },
        }),
      );
      groups.value = groups.value.filter((g) => g.id !== id);
      return true;
    } catch (e) {
      saveError.value = e;
      return false;
    }
  }

  return { groups, loading, error, saveError, byId, load, create, remove };
});
