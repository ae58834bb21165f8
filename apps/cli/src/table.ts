/** A column of a text table: its heading and how to read a cell from a row. */
export interface Column<T> {
  heading: string;
  value: (row: T) => string;
  align?: 'left' | 'right';
}

// Combining marks take no column; everything else we print (Latin-1, €) takes one.
const width = (text: string) => [...text.normalize('NFC')].length;

const pad = (text: string, size: number, align: 'left' | 'right') => {
  const fill = ' '.repeat(Math.max(0, size - width(text)));
  return align === 'right' ? fill + text : text + fill;
};

/** Renders rows as a plain-text table with a title, aligned columns and a rule under the heading. */
export function renderTable<T>(title: string, rows: readonly T[], columns: readonly Column<T>[]): string {
  const cells = rows.map((row) => columns.map((c) => c.value(row)));
  const sizes = columns.map((c, i) => Math.max(width(c.heading), ...cells.map((r) => width(r[i] ?? ''))));
  const line = (values: readonly string[]) =>
    values
      .map((v, i) => pad(v, sizes[i] ?? 0, columns[i]?.align ?? 'left'))
      .join('  ')
      .trimEnd();
  return [
    title,
    line(columns.map((c) => c.heading)),
    sizes.map((s) => '─'.repeat(s)).join('  '),
    ...cells.map(line),
    '',
  ].join('\n');
}
