import { computed } from 'vue';
import { useSessionStore } from '@kwadrant/ui';
import { useCatalogueStore } from '../stores/catalogue';
import { useComparisonStore } from '../stores/comparison';
import { lastCompleteQuarter, useSelectionStore } from '../stores/selection';

/**
 * What every page stands on: the region of the signed-in board, the catalogue, and the quarter (the
 * latest with data, found once per session).
 */
export function useRegionContext(today: () => Date = () => new Date()) {
  const session = useSessionStore();
  const selection = useSelectionStore();
  const catalogue = useCatalogueStore();
  const comparison = useComparisonStore();

  const region = computed(() => (session.organisation?.kind === 'region' ? session.organisation : null));
  const regionId = computed(() => region.value?.id ?? null);

  /** Loads the catalogue and, the first time, finds the latest quarter with data. */
  async function ensure(): Promise<boolean> {
    const id = regionId.value;
    if (!id) return false;
    await catalogue.load();
    if (selection.latest === null)
      selection.setLatest(await comparison.findLatest(id, lastCompleteQuarter(today())));
    return true;
  }

  return { session, selection, catalogue, region, regionId, ensure };
}

/** Loads the comparison grid for the current selection, unless it is already loaded. */
export async function loadGridFor(
  regionId: string,
  selection: ReturnType<typeof useSelectionStore>,
  comparison: ReturnType<typeof useComparisonStore>,
): Promise<void> {
  const q = {
    regionId,
    period: selection.period!,
    baseline: selection.baseline,
    confidence: selection.confidence,
    peerGroupId: selection.peerGroupId,
  };
  const current = comparison.query;
  const same =
    current !== null &&
    comparison.grid !== null &&
    (Object.keys(q) as (keyof typeof q)[]).every((k) => current[k] === q[k]);
  if (!same) await comparison.load(q);
}
