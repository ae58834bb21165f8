/**
 * Header names in Dutch or English, matched regardless of case, accents, spaces and punctuation:
 * "AGB-code", "agb_code" and "Agb Code" are the same column.
 */
import type { Localised } from '@kwadrant/domain/model';
import { issue, type IngestIssue } from './issues';

/** Lower case, accents stripped, only letters and digits kept: "Kwadratensom (Σx²)" → "kwadratensomx2". */
export function normaliseHeader(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

export interface ColumnSpec<K extends string> {
  key: K;
  /** Accepted names, compared after `normaliseHeader`. The first is the one shown in messages. */
  names: readonly string[];
  required: boolean;
  label: Localised;
}

export interface ColumnMap<K extends string> {
  /** Column index per key; -1 when the (optional) column is absent. */
  index: Record<K, number>;
  /** The header name as written in the file (for an absent column: its first accepted name). */
  name: Record<K, string>;
  /** Header positions that match no spec. */
  unknown: { index: number; name: string }[];
  /** File-level errors: missing or duplicate columns. Empty when the header is usable. */
  errors: IngestIssue[];
}

/** Describes the expected columns for a missing-column message. */
function describe<K extends string>(specs: readonly ColumnSpec<K>[]): Localised {
  const part = (spec: ColumnSpec<K>, lang: 'nl' | 'en') => `${spec.label[lang]} [${spec.names.join(' | ')}]`;
  const required = specs.filter((s) => s.required);
  const optional = specs.filter((s) => !s.required);
  const text = (lang: 'nl' | 'en') =>
    required.map((s) => part(s, lang)).join(', ') +
    (optional.length > 0
      ? `; ${lang === 'nl' ? 'optioneel' : 'optional'}: ${optional.map((s) => part(s, lang)).join(', ')}`
      : '');
  return { nl: text('nl'), en: text('en') };
}

/** Maps a header to the columns of a format. */
export function mapColumns<K extends string>(
  header: readonly string[],
  specs: readonly ColumnSpec<K>[],
  headerLine: number,
): ColumnMap<K> {
  const byName = new Map<string, ColumnSpec<K>>();
  for (const spec of specs) for (const name of spec.names) byName.set(normaliseHeader(name), spec);
  const index = {} as Record<K, number>;
  const name = {} as Record<K, string>;
  for (const spec of specs) {
    index[spec.key] = -1;
    // Absent optional columns are named by their first name in messages.
    name[spec.key] = spec.names[0]!;
  }
  const unknown: { index: number; name: string }[] = [];
  const errors: IngestIssue[] = [];
  header.forEach((raw, i) => {
    const spec = byName.get(normaliseHeader(raw));
    if (!spec) {
      unknown.push({ index: i, name: raw });
      return;
    }
    if (index[spec.key] >= 0) {
      const where = { row: headerLine, column: raw, value: raw };
      errors.push(issue('duplicate-column', where, { column: raw, first: name[spec.key] }));
      return;
    }
    index[spec.key] = i;
    name[spec.key] = raw;
  });
  const missing = specs.filter((s) => s.required && index[s.key] < 0);
  if (missing.length > 0) {
    const where = { row: headerLine, column: null, value: null };
    errors.unshift(
      issue('missing-column', where, {
        missing: missing.map((s) => s.names[0]!),
        found: header.filter((h) => h !== ''),
        expected: describe(specs),
      }),
    );
  }
  return { index, name, unknown, errors };
}
