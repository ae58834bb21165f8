import { describe, expect, it } from 'vitest';
import { answers, json, problem, setupStores } from '../test/api-mock';
import { useChecklistStore } from './checklist';

const item = (functionCode: string, version: number, owner = '') => ({
  functionCode,
  status: 'missing',
  owner,
  agreementId: null,
  note: '',
  version,
  updatedAt: '2026-11-30T00:00:00.000Z',
});
const edit = { status: 'organised' as const, owner: 'Huisartsenpost', agreementId: null, note: '' };

describe('useChecklistStore', () => {
  it('saves an item against the version it read and shows the new version', async () => {
    const get = answers(json([item('acute', 3), item('night', 1)]));
    const put = answers(json({ ...item('acute', 4, 'Huisartsenpost'), status: 'organised' }));
    setupStores({
      api: { regions: { ':id': { 'basic-functions': { $get: get, ':code': { $put: put } } } } },
    });
    const store = useChecklistStore();
    await store.load('reg-001');
    expect(await store.save('reg-001', 'acute', edit)).toBe('saved');
    expect(put).toHaveBeenCalledWith({
      param: { id: 'reg-001', code: 'acute' },
      json: { ...edit, expectedVersion: 3 },
    });
    expect(store.items.find((i) => i.functionCode === 'acute')).toMatchObject({
      version: 4,
      owner: 'Huisartsenpost',
    });
  });

  it('reports a concurrent edit and reloads instead of overwriting it', async () => {
    const get = answers(json([item('acute', 3)]), json([item('acute', 5, 'Iemand anders')]));
    const put = answers(problem(409, 'Someone changed "acute"', 'Iemand heeft "acute" gewijzigd'));
    setupStores({
      api: { regions: { ':id': { 'basic-functions': { $get: get, ':code': { $put: put } } } } },
    });
    const store = useChecklistStore();
    await store.load('reg-001');
    expect(await store.save('reg-001', 'acute', edit)).toBe('conflict');
    expect(get).toHaveBeenCalledTimes(2);
    expect(store.items[0]).toMatchObject({ version: 5, owner: 'Iemand anders' });
  });

  it('keeps a refusal apart from a conflict', async () => {
    const get = answers(json([item('acute', 3)]));
    const put = answers(problem(403, 'Only the board', 'Alleen het bestuur'));
    setupStores({
      api: { regions: { ':id': { 'basic-functions': { $get: get, ':code': { $put: put } } } } },
    });
    const store = useChecklistStore();
    await store.load('reg-001');
    expect(await store.save('reg-001', 'acute', edit)).toBe('failed');
    expect((store.saveError as { status: number }).status).toBe(403);
    expect(store.items[0]!.version).toBe(3);
  });
});
