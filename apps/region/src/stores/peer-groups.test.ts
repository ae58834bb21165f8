import { describe, expect, it } from 'vitest';
import { answers, json, problem, setupStores } from '../test/api-mock';
import { usePeerGroupsStore } from './peer-groups';

const group = (id: number, name: string) => ({
  id,
  regionId: 'reg-001',
  name,
  createdAt: '2026-11-30T00:00:00.000Z',
  members: [
    { id: 'pra-1', name: 'Rozenhof' },
    { id: 'pra-2', name: 'Akker' },
  ],
});

describe('usePeerGroupsStore', () => {
  it('lists the region’s groups once, creates and deletes', async () => {
    const get = answers(json([group(1, 'Klein')]));
    const post = answers(json(group(2, 'Groot'), 201));
    const del = answers(json({ deleted: true }));
    setupStores({
      api: {
        regions: { ':id': { 'peer-groups': { $get: get, $post: post, ':groupId': { $delete: del } } } },
      },
    });
    const store = usePeerGroupsStore();
    await store.load('reg-001');
    await store.load('reg-001');
    expect(get).toHaveBeenCalledTimes(1);
    const created = await store.create('reg-001', 'Groot', ['pra-1', 'pra-2']);
    expect(post).toHaveBeenCalledWith({
      param: { id: 'reg-001' },
      json: { name: 'Groot', organisationIds: ['pra-1', 'pra-2'] },
    });
    expect(created?.id).toBe(2);
    expect(store.groups.map((g) => g.name)).toEqual(['Klein', 'Groot']);
    expect(store.byId.get(2)?.name).toBe('Groot');
    expect(await store.remove('reg-001', 1)).toBe(true);
    expect(del).toHaveBeenCalledWith({ param: { id: 'reg-001', groupId: '1' } });
    expect(store.groups.map((g) => g.id)).toEqual([2]);
  });

  it('keeps the list when the API refuses a group', async () => {
    const post = answers(
      problem(400, 'A peer group holds practices of this region only.', 'Alleen praktijken van deze regio.'),
    );
    setupStores({ api: { regions: { ':id': { 'peer-groups': { $post: post } } } } });
    const store = usePeerGroupsStore();
    expect(await store.create('reg-001', 'X', ['a', 'b'])).toBeNull();
    expect((store.saveError as { status: number }).status).toBe(400);
    expect(store.groups).toEqual([]);
  });
});
