/** A column of a TableView: what it shows, how, and whether it sorts. */
export interface TableColumn<Row = Record<string, unknown>> {
  /** Unique key; also the slot name suffix for a custom cell (`#cell-<key>`). */
  key: string;
  header: string;
  /** The row's property the column shows and sorts by (defaults to `key`). */
  field?: keyof Row & string;
  /** Text of a cell; defaults to the field's value as a string ('–' when null). */
  format?(row: Row): string;
  sortable?: boolean;
  /** Numbers align to the end. */
  align?: 'start' | 'end';
  /** A fixed width (CSS), so tables of the same columns line up. */
  width?: string;
  /** A header for screen readers when the visible header is abbreviated. */
  srHeader?: string;
}
