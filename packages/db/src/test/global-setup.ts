import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildPgliteTemplate, TEMPLATE_KINDS } from './test-db';

/**
 * Builds the PGlite templates (migrated; migrated and seeded) once per test run, in the main process,
 * so test workers clone them instead of each migrating and seeding its own.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), 'kwadrant-templates-'));
  for (const kind of TEMPLATE_KINDS) {
    const dump = await buildPgliteTemplate(kind);
    writeFileSync(join(dir, `${kind}.tar`), new Uint8Array(await dump.arrayBuffer()));
  }
  project.provide('kwadrantTemplates', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
