import { describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { mountUi, visibleText } from '../../test/mount';
import TableViewSfc from './TableView.vue';
import type { TableColumn } from './types';

interface Row {
  code: string;
  name: string;
  value: number | null;
}

const rows: Row[] = [
  { code: 'DM-02', name: 'HbA1c', value: 0.71 },
  { code: 'CO-01', name: 'Spirometrie', value: 0.75 },
  { code: 'AS-01', name: 'Astma', value: null },
];

const columns: TableColumn<Row>[] = [
  { key: 'code', header: 'Code', sortable: true },
  { key: 'name', header: 'KPI' },
  {
    key: 'value',
    header: 'Waarde',
    sortable: true,
    align: 'end',
    format: (r) => (r.value === null ? 'geen' : `${Math.round(r.value * 100)} %`),
  },
];

// The generic component, instantiated for the rows of these tests.
const TableView = TableViewSfc<Row>;

const bodyRows = (w: ReturnType<typeof mountUi>) =>
  w.findAll('tbody tr').map((tr) => tr.findAll('td').map((td) => visibleText(td.text())));

describe('TableView', () => {
  it('renders a row per item with formatted cells, labelled by its caption', () => {
    const w = mountUi(TableView, { props: { rows, columns, caption: 'KPI-waarden' } });
    expect(w.get('table').attributes('aria-label')).toBe('KPI-waarden');
    expect(w.findAll('th').map((th) => visibleText(th.text()))).toEqual(['Code', 'KPI', 'Waarde']);
    expect(bodyRows(w)).toEqual([
      ['DM-02', 'HbA1c', '71 %'],
      ['CO-01', 'Spirometrie', '75 %'],
      ['AS-01', 'Astma', 'geen'],
    ]);
    expect(w.text()).toContain('KPI-waarden');
  });

  it('sorts by a sortable column when its header is clicked, and reverses on a second click', async () => {
    const w = mountUi(TableView, { props: { rows, columns, caption: 'KPI-waarden', hideCaption: true } });
    const header = w.findAll('th')[0]!;
    expect(header.attributes('aria-sort')).toBe('none');
    await header.trigger('click');
    expect(bodyRows(w).map((r) => r[0])).toEqual(['AS-01', 'CO-01', 'DM-02']);
    expect(header.attributes('aria-sort')).toBe('ascending');
    await header.trigger('click');
    expect(bodyRows(w).map((r) => r[0])).toEqual(['DM-02', 'CO-01', 'AS-01']);
    expect(header.attributes('aria-sort')).toBe('descending');
  });

  it('sorts on the raw value, not on the formatted text', () => {
    const w = mountUi(TableView, {
      props: { rows, columns, caption: 'KPI-waarden', sortField: 'value', sortOrder: -1 },
    });
    expect(
      bodyRows(w)
        .map((r) => r[0])
        .slice(0, 2),
    ).toEqual(['CO-01', 'DM-02']);
  });

  it('says so when there are no rows', () => {
    const w = mountUi(TableView, { props: { rows: [], columns, caption: 'Leeg' } });
    expect(visibleText(w.get('tbody').text())).toBe('Geen rijen om te tonen.');
    const custom = mountUi(TableView, {
      props: { rows: [], columns, caption: 'Leeg', emptyMessage: 'Nog geen imports.' },
    });
    expect(visibleText(custom.get('tbody').text())).toBe('Nog geen imports.');
  });

  it('lets a slot render a custom cell', () => {
    const Wrapper = defineComponent(
      () => () =>
        h(
          TableView,
          { rows, columns, caption: 'Met slot' },
          { 'cell-code': ({ row }: { row: Row }) => h('strong', `#${row.code}`) },
        ),
    );
    const w = mountUi(Wrapper);
    expect(w.findAll('tbody strong').map((s) => s.text())).toEqual(['#DM-02', '#CO-01', '#AS-01']);
  });

  it('pages long tables', () => {
    const many = Array.from({ length: 25 }, (_, i) => ({
      code: `K-${String(i).padStart(2, '0')}`,
      name: 'x',
      value: i,
    }));
    const w = mountUi(TableView, { props: { rows: many, columns, caption: 'Veel', pageSize: 10 } });
    expect(w.findAll('tbody tr')).toHaveLength(10);
    expect(w.find('.p-paginator').exists()).toBe(true);
  });
});

describe('TableView exports', () => {
  it('downloads exactly the cells it shows as CSV', async () => {
    const blobs: Blob[] = [];
    const names: string[] = [];
    const createUrl = vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:test';
    });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    try {
      const w = mountUi(TableView, { props: { rows, columns, caption: 'KPI-waarden' } });
      await w.get('button:nth-of-type(1)').trigger('click');
      expect(names).toEqual(['kpi-waarden.csv']);
      const text = new TextDecoder().decode(await blobs[0]!.arrayBuffer());
      expect(text.split('\r\n').slice(0, 4)).toEqual([
        'Code;KPI;Waarde',
        'DM-02;HbA1c;71 %',
        'CO-01;Spirometrie;75 %',
        'AS-01;Astma;geen',
      ]);
    } finally {
      createUrl.mockRestore();
      click.mockRestore();
    }
  });

  it('offers no download for an empty table or when switched off', () => {
    expect(
      mountUi(TableView, { props: { rows: [], columns, caption: 'Leeg' } }).findAll('button'),
    ).toHaveLength(0);
    expect(
      mountUi(TableView, { props: { rows, columns, caption: 'Uit', exportable: false } })
        .find('.k-table__export')
        .exists(),
    ).toBe(false);
  });
});
