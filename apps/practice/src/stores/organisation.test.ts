import { describe, expect, it } from 'vitest';
import { answers, json, problem, setupStores } from '../test/api-mock';
import { collaborativeDetail, practiceDetail } from '../test/fixtures';
import { useOrganisationStore } from './organisation';

describe('useOrganisationStore', () => {
  it('knows a practice’s collaborative, and finds its region through the collaborative when it may', async () => {
    const get = answers(json(practiceDetail), json(collaborativeDetail));
    setupStores({ api: { organisations: { ':id': { $get: get } } } });
    const store = useOrganisationStore();
    await store.load('pra-00002', () => true);
    expect(get).toHaveBeenNthCalledWith(1, { param: { id: 'pra-00002' } });
    expect(get).toHaveBeenNthCalledWith(2, { param: { id: 'col-001-001' } });
    expect(store.collaborative?.name).toBe('Huisartsen Utrecht I');
    expect(store.region?.id).toBe('reg-001');
    expect(store.benchmarks).toEqual(['region', 'national', 'collaborative', 'target']);
    expect(store.funnelGroups.map((g) => `${g.grouping}:${g.groupId}`)).toEqual([
      'region:reg-001',
      'national:',
      'collaborative:col-001-001',
    ]);
  });

  it('does not ask for a collaborative the caller may not read (a practice), and leaves the region out', async () => {
    const get = answers(json(practiceDetail));
    setupStores({ api: { organisations: { ':id': { $get: get } } } });
    const store = useOrganisationStore();
    await store.load('pra-00002', (id) => id === 'pra-00002');
    expect(get).toHaveBeenCalledTimes(1);
    expect(store.region).toBeNull();
    expect(store.funnelGroups.map((g) => g.grouping)).toEqual(['national', 'collaborative']);
  });

  it('lists a collaborative’s current practices and offers no collaborative benchmark for it', async () => {
    setupStores({ api: { organisations: { ':id': { $get: answers(json(collaborativeDetail)) } } } });
    const store = useOrganisationStore();
    await store.load('col-001-001');
    expect(store.isCollaborative).toBe(true);
    expect(store.members.map((m) => m.id)).toEqual(['pra-00002', 'pra-00003']);
    expect(store.benchmarks).toEqual(['region', 'national', 'target']);
    expect(store.funnelGroups[0]).toEqual({ grouping: 'region', groupId: 'reg-001', name: 'Regio Utrecht' });
    expect(store.funnelGroups.at(-1)).toEqual({
      grouping: 'collaborative',
      groupId: 'col-001-001',
      name: 'Huisartsen Utrecht I',
    });
  });

  it('keeps the problem when the organisation may not be seen', async () => {
    setupStores({
      api: {
        organisations: { ':id': { $get: answers(problem(404, 'No organisation.', 'Geen organisatie.')) } },
      },
    });
    const store = useOrganisationStore();
    await store.load('pra-00099');
    expect(store.detail).toBeNull();
    expect((store.error as { status: number }).status).toBe(404);
  });
});
