/**
 * Exports of what a table shows, as CSV or Excel. The cells are the table's own display texts, so
 * whatever the screen hides (small numbers, suppressed values) is hidden in the file too.
 */
export interface ExportColumn<Row> {
  header: string;
  text: (row: Row) => string;
}

/** Headers and display texts of every row, as a matrix of strings. */
export function tableMatrix<Row>(columns: readonly ExportColumn<Row>[], rows: readonly Row[]): string[][] {
  return [columns.map((c) => c.header), ...rows.map((row) => columns.map((c) => c.text(row)))];
}

const csvCell = (text: string) => (/[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** CSV as Excel in a Dutch locale opens it: UTF-8 with a byte-order mark, ';' between cells, CRLF lines. */
export function toCsv(matrix: readonly (readonly string[])[]): string {
  return `\uFEFF${matrix.map((row) => row.map(csvCell).join(';')).join('\r\n')}\r\n`;
}

/** A file name from a caption: lower case, safe characters, with the extension. */
export function exportFileName(caption: string, extension: 'csv' | 'xlsx'): string {
  const base = caption
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${base || 'kwadrant'}.${extension}`;
}

/** An .xlsx workbook of the matrix (header row in bold); the writer loads only when someone exports. */
export async function toXlsx(matrix: readonly (readonly string[])[], sheet: string): Promise<Blob> {
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  const data = matrix.map((row, r) =>
    row.map((value) => ({ value, ...(r === 0 ? { fontWeight: 'bold' as const } : {}) })),
  );
  return writeXlsxFile(data, { sheet: sheet.slice(0, 31) }).toBlob();
}

/** Offers a blob to the user as a download. */
export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
