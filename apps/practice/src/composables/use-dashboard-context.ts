import { computed } from 'vue';
import { useSessionStore } from '@kwadrant/ui';
import { useOrganisationStore } from '../stores/organisation';
import { useOverviewStore } from '../stores/overview';
import { lastCompleteQuarter, useSelectionStore } from '../stores/selection';

/**
 * What every page stands on: the organisation being looked at (from the session's switcher), its
 * surroundings, and the quarter: the latest with data, found once per organisation.
 */
export function useDashboardContext(today: () => Date = () => new Date()) {
  const session = useSessionStore();
  const selection = useSelectionStore();
  const organisation = useOrganisationStore();
  const overview = useOverviewStore();

  const organisationId = computed(() => session.organisation?.id ?? null);
  /** Loads the organisation and, the first time, finds the latest quarter with data. */
  async function ensure(): Promise<boolean> {
    const id = organisationId.value;
    if (!id) return false;
    await organisation.load(id, (other) => session.organisations.some((o) => o.id === other));
    if (!organisation.benchmarks.includes(selection.benchmark))
      selection.benchmark = organisation.benchmarks[0] ?? 'national';
    if (selection.latest === null) {
      const latest = await overview.findLatest(id, lastCompleteQuarter(today()), 'national');
      selection.setLatest(latest);
    }
    return true;
  }

  return { session, selection, organisation, organisationId, ensure };
}
