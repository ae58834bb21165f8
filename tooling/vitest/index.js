import { defineConfig, mergeConfig } from 'vitest/config';

/**
 * The shared Vitest preset. Every package writes a JSON report to `.reports/vitest.json`
 * so that `pnpm test` can print one `N passed, N failed` line over all packages.
 * @param {import('vitest/config').UserConfig} [overrides]
 */
export function vitestConfig(overrides = {}) {
  return mergeConfig(
    defineConfig({
      test: {
        include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
        reporters: ['default', ['json', { outputFile: '.reports/vitest.json' }]],
        passWithNoTests: false,
        // Database suites seed and migrate; on a busy 2-core machine that takes a while. These are
        // limits against hangs, not performance assertions.
        testTimeout: 60_000,
        hookTimeout: 300_000,
      },
    }),
    overrides,
  );
}
