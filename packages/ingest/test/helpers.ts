/** Test helpers: fixtures, chunked byte sources, a shared context and the issue shape. */
import { readFileSync } from 'node:fs';
import { DEFAULT_KPIS } from '@kwadrant/domain/catalogue';
import { expect } from 'vitest';
import { z } from 'zod';
import { ISSUE_CODES, type IngestIssue } from '../src/issues';
import type { Municipality } from '../src/municipalities';
import type { ObservationContext } from '../src/observations';

export const FIXTURES = new URL('./fixtures/', import.meta.url);

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(name, FIXTURES)));
}

/** Splits bytes into chunks of `size` (a file or upload stream delivers them like this). */
export function* chunks(bytes: Uint8Array, size = 65_536): Generator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

/** The same chunks, delivered asynchronously. */
export async function* asyncChunks(bytes: Uint8Array, size = 65_536): AsyncGenerator<Uint8Array> {
  for (const chunk of chunks(bytes, size)) {
    await Promise.resolve();
    yield chunk;
  }
}

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** windows-1252 bytes of a text (only the characters the tests use beyond latin-1). */
export function cp1252(text: string): Uint8Array {
  const extra: Record<string, number> = { '€': 0x80, '–': 0x96, '“': 0x93, '”': 0x94, '’': 0x92 };
  return Uint8Array.from([...text].map((ch) => extra[ch] ?? ch.charCodeAt(0)));
}

/** Two GP practices (AGB codes of GPs start with 01) and the default KPI catalogue. */
export const CONTEXT: ObservationContext = {
  kpis: DEFAULT_KPIS,
  organisations: new Map([
    ['01012345', 'practice-de-brink'],
    ['01023456', 'practice-het-anker'],
  ]),
};

/** The 342 municipalities of 2025 (CBS, CC BY 4.0). */
export function municipalities2025(): Municipality[] {
  const text = new TextDecoder().decode(fixture('gemeenten-2025.csv'));
  return text
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const comma = line.indexOf(',');
      return { code: line.slice(0, comma), name: line.slice(comma + 1).replace(/^"(.*)"$/, '$1') };
    });
}

const localised = z.object({ nl: z.string().min(1), en: z.string().min(1) });

/** The exported issue shape, checked strictly. */
export const issueSchema = z.strictObject({
  row: z.number().int().positive().nullable(),
  column: z.string().nullable(),
  value: z.string().nullable(),
  code: z.enum(ISSUE_CODES as [string, ...string[]]),
  severity: z.enum(['error', 'warning']),
  message: localised,
  suggestion: localised,
});

export function expectIssueShape(issue: IngestIssue): void {
  const parsed = issueSchema.safeParse(issue);
  expect(parsed.success, JSON.stringify(issue)).toBe(true);
}

/** Issues reduced to what most tests assert on. */
export const brief = (issues: readonly IngestIssue[]) =>
  issues.map(({ row, column, code, severity }) => ({ row, column, code, severity }));
