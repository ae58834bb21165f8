/**
 * Parses comma-separated text with a header row into records keyed by column name.
 * Handles RFC 4180 quoting ("a, b" and "" escapes), which CBS uses for names such as
 * "Nuenen, Gerwen en Nederwetten"; fields are returned as the raw strings.
 */
export function parseCsv(text: string): Record<string, string>[] {
  const rows = splitRows(text);
  const header = rows.shift();
  if (!header) return [];
  return rows.map((fields, i) => {
    if (fields.length !== header.length) {
      throw new Error(`CSV row ${i + 2}: ${fields.length} fields, header has ${header.length}`);
    }
    return Object.fromEntries(header.map((name, j) => [name, fields[j] ?? '']));
  });
}

function splitRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
