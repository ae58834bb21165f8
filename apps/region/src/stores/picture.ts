import { ref } from 'vue';
import { defineStore } from 'pinia';
import { problemFrom } from '@kwadrant/ui';
import type { TopologyLike } from '@kwadrant/ui/charts';
import { unwrap, useRegionApi } from '../api/client';
import type { Picture, Projection } from '../api/types';

export type Level = 'pc4' | 'municipality';

/** The shipped boundaries behind each level: the API's /api/geo/{name} and the object inside. */
export const GEO_OF: Record<Level, { file: 'pc4' | 'gemeente'; object: string; nameProperty: string }> = {
  pc4: { file: 'pc4', object: 'pc4', nameProperty: 'postcode' },
  municipality: { file: 'gemeente', object: 'gemeente', nameProperty: 'name' },
};

/** The regional picture: the areas with their indicators, the boundaries to draw them, and the projection. */
export const usePictureStore = defineStore('picture', () => {
  const { api, fetch } = useRegionApi();
  const picture = ref<Picture | null>(null);
  const projection = ref<Projection | null>(null);
  const loading = ref(false);
  const error = ref<unknown>(null);
  const projectionError = ref<unknown>(null);
  const topologies = new Map<string, Promise<TopologyLike>>();
  let request = 0;

  /** The boundaries of a level, fetched once per session (the server lets the browser cache them a day). */
  function topology(level: Level): Promise<TopologyLike> {
    const file = GEO_OF[level].file;
    let pending = topologies.get(file);
    if (!pending) {
      pending = (async () => {
        const response = await fetch(`/api/geo/${file}`);
        if (!response.ok) throw await problemFrom(response);
        return (await response.json()) as TopologyLike;
      })();
      pending.catch(() => topologies.delete(file));
      topologies.set(file, pending);
    }
    return pending;
  }

  async function load(q: {
    regionId: string;
    period: string;
    level: Level;
    kpi: string | null;
  }): Promise<void> {
    const mine = ++request;
    loading.value = true;
    error.value = null;
    try {
      const body = await unwrap(
        api.regions[':id'].picture.$get({
          param: { id: q.regionId },
          query: { period: q.period, level: q.level, ...(q.kpi ? { kpi: q.kpi } : {}) },
        }),
      );
      if (mine === request) picture.value = body;
    } catch (e) {
      if (mine === request) {
        error.value = e;
        picture.value = null;
      }
    } finally {
      if (mine === request) loading.value = false;
    }
  }

  async function loadProjection(regionId: string, period: string): Promise<void> {
    projectionError.value = null;
    try {
      projection.value = await unwrap(
        api.regions[':id'].projection.$get({ param: { id: regionId }, query: { period } }),
      );
    } catch (e) {
      projectionError.value = e;
      projection.value = null;
    }
  }

  return { picture, projection, loading, error, projectionError, topology, load, loadProjection };
});
