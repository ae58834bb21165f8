import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { config } from './index.js';

/** Lints one line of source as a file of the given layer and returns the boundary messages. */
async function violations(layer, source) {
  const eslint = new ESLint({
    overrideConfigFile: true,
    overrideConfig: config(layer),
    cwd: import.meta.dirname,
  });
  const [result] = await eslint.lintText(source, { filePath: 'src/probe.js' });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

// The architecture guide's table "Who may import whom", row by row.
describe('import boundaries', () => {
  it.each([
    ['domain', "import 'zod';", 0],
    ['domain', "import 'node:fs';", 1],
    ['domain', "import 'drizzle-orm';", 1],
    ['domain', "import 'vue';", 1],
    ['domain', "import '@kwadrant/db';", 1],
    ['ingest', "import '@kwadrant/domain';", 0],
    ['ingest', "import '@kwadrant/db/schema';", 1],
    ['ingest', "import 'hono';", 1],
    ['db', "import '@kwadrant/domain/model';", 0],
    ['db', "import 'hono';", 1],
    ['db', "import '@kwadrant/api';", 1],
    ['geo', "import '@kwadrant/domain';", 1],
    ['geo', "import 'node:fs';", 0],
    ['api', "import '@kwadrant/db';", 0],
    ['api', "import '@kwadrant/geo';", 0],
    ['api', "import '@kwadrant/practice';", 1],
    ['ui', "import 'echarts/core';", 0],
    ['ui', "import '@kwadrant/db';", 1],
    ['dashboard', "import '@kwadrant/ui';", 0],
    ['dashboard', "import '@kwadrant/api/client';", 0],
    ['dashboard', "import '@kwadrant/api/routes/agreements';", 1],
    ['dashboard', "import 'drizzle-orm';", 1],
    ['dashboard', "import '@kwadrant/region';", 1],
  ])('%s: %s → %i violation(s)', async (layer, source, expected) => {
    const messages = await violations(layer, source);
    expect(messages).toHaveLength(expected);
    if (expected > 0) expect(messages[0]).toMatch(new RegExp(`Import boundary \\(${layer}\\)`));
  });

  it('refuses an unknown layer', () => {
    expect(() => config('nonsense')).toThrow(/unknown layer "nonsense"/);
  });
});
