import { describe, expect, it, vi } from 'vitest';
import { json, problem, setupStores } from '../test/api-mock';
import type { ImportResult } from '../api/types';
import { useImportsStore } from './imports';

const result = (overrides: Partial<ImportResult> = {}): ImportResult => ({
  batchId: 12,
  status: 'validated',
  fileName: 'waarnemingen.csv',
  rowsRead: 3,
  valid: 2,
  rejected: 1,
  imported: 0,
  issues: [
    {
      row: 3,
      column: 'noemer',
      value: '-4',
      code: 'negative',
      severity: 'error',
      message: { nl: 'De noemer is negatief.', en: 'The denominator is negative.' },
      suggestion: { nl: 'Vul een aantal van 0 of meer in.', en: 'Enter a count of 0 or more.' },
    },
  ],
  ...overrides,
});

const file = () => new File(['agb;kpi;periode;teller;noemer\n'], 'waarnemingen.csv', { type: 'text/csv' });

describe('useImportsStore', () => {
  it('checks the chosen file as a multipart dry run and keeps every issue', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(() => Promise.resolve(json(result())));
    setupStores({ fetch });
    const store = useImportsStore();
    store.choose(file());
    await store.check();
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('/api/imports/observations?mode=dry-run');
    expect(init?.method).toBe('POST');
    const body = init?.body as FormData;
    expect((body.get('file') as File).name).toBe('waarnemingen.csv');
    expect(store.result?.issues[0]?.suggestion.nl).toBe('Vul een aantal van 0 of meer in.');
    expect(store.uploading).toBe(false);
  });

  it('commits only the valid rows when asked, then reloads the history', async () => {
    const fetch = vi
      .fn<typeof globalThis.fetch>()
      .mockResolvedValueOnce(json(result({ status: 'committed', imported: 2 })))
      .mockResolvedValueOnce(
        json({
          items: [
            {
              id: 12,
              kind: 'observations',
              fileName: 'waarnemingen.csv',
              status: 'committed',
              rowCount: 3,
              importedCount: 2,
              errorCount: 1,
              createdAt: '2026-11-30T10:00:00Z',
            },
          ],
          total: 1,
          limit: 20,
          offset: 0,
        }),
      );
    setupStores({ fetch });
    const store = useImportsStore();
    store.choose(file());
    await store.commit('commit-valid');
    expect(fetch.mock.calls[0]![0]).toBe('/api/imports/observations?mode=commit-valid');
    expect(fetch.mock.calls[1]![0]).toBe('/api/imports?limit=20&offset=0');
    expect(store.result?.imported).toBe(2);
    expect(store.history?.items[0]?.errorCount).toBe(1);
  });

  it('does nothing without a file, and forgets the last result when another file is chosen', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(() => Promise.resolve(json(result())));
    setupStores({ fetch });
    const store = useImportsStore();
    expect(await store.check()).toBeNull();
    expect(fetch).not.toHaveBeenCalled();
    store.choose(file());
    await store.check();
    store.choose(file());
    expect(store.result).toBeNull();
  });

  it('keeps the problem of a refused upload or history', async () => {
    const fetch = vi
      .fn<typeof globalThis.fetch>()
      .mockResolvedValueOnce(problem(413, 'Too large.', 'Te groot.'))
      .mockResolvedValueOnce(problem(404, 'Nothing at /api/imports.', 'Niets op /api/imports.'));
    setupStores({ fetch });
    const store = useImportsStore();
    store.choose(file());
    await store.check();
    expect((store.error as { detailNl: string }).detailNl).toBe('Te groot.');
    await store.loadHistory();
    expect((store.historyError as { status: number }).status).toBe(404);
    expect(store.errorsUrl(12)).toBe('/api/imports/12/errors.csv');
  });
});
