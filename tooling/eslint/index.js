import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import pluginVue from 'eslint-plugin-vue';
import { BOUNDARIES, NODE_MODULES } from './boundaries.js';

/**
 * The shared flat config. `layer` selects the import-boundary rules of the architecture guide;
 * the Vue layers (ui, dashboard) also lint single-file components.
 * @param {keyof typeof BOUNDARIES} layer
 */
export function config(layer) {
  const boundary = BOUNDARIES[layer];
  if (!boundary) throw new Error(`@kwadrant/eslint-config: unknown layer "${layer}"`);
  const message = `Import boundary (${layer}): ${boundary.why}.`;
  const restricted = [
    ...boundary.packages.map((name) => ({ group: [name, `${name}/*`], message })),
    ...boundary.modules.map((name) => ({ group: [name], message })),
  ];
  // The typed client is the one part of the api a dashboard may use.
  if (layer === 'dashboard') {
    // (A regex: gitignore-style negation cannot re-include a path below an excluded '@kwadrant/api'.)
    restricted.push({ regex: '^@kwadrant/api(?!/client$)(/.*)?$', message });
  }

  const vue = layer === 'dashboard' || layer === 'ui';
  return tseslint.config(
    { ignores: ['**/dist/**', '**/node_modules/**', '**/.reports/**', '**/*.d.ts'] },
    js.configs.recommended,
    ...tseslint.configs.recommendedTypeChecked,
    ...(vue ? pluginVue.configs['flat/recommended'] : []),
    {
      languageOptions: {
        globals: vue ? globals.browser : globals.node,
        parserOptions: {
          projectService: true,
          ...(vue ? { parser: tseslint.parser, extraFileExtensions: ['.vue'] } : {}),
        },
      },
      rules: {
        '@typescript-eslint/consistent-type-imports': 'error',
        '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
        eqeqeq: ['error', 'always'],
        'no-console': layer === 'cli' || layer === 'tooling' ? 'off' : 'warn',
        'no-restricted-imports': restricted.length > 0 ? ['error', { patterns: restricted }] : 'off',
      },
    },
    {
      files: ['**/*.js', '**/*.mjs'],
      ...tseslint.configs.disableTypeChecked,
    },
    {
      // Tests may use node:* for fixtures, but never cross a package boundary.
      files: ['**/*.test.ts', '**/test/**'],
      rules: {
        'no-restricted-imports': [
          'error',
          { patterns: restricted.filter((r) => !NODE_MODULES.includes(r.group?.[0] ?? '')) },
        ],
        // Tests read JSON bodies whose shape the assertions check.
        '@typescript-eslint/no-explicit-any': 'off',
        '@typescript-eslint/no-unsafe-assignment': 'off',
        '@typescript-eslint/no-unsafe-member-access': 'off',
        '@typescript-eslint/no-unsafe-call': 'off',
        '@typescript-eslint/no-unsafe-argument': 'off',
        '@typescript-eslint/no-unsafe-return': 'off',
      },
    },
    ...(vue
      ? [
          {
            files: ['**/*.vue'],
            languageOptions: { parserOptions: { parser: tseslint.parser, projectService: true, extraFileExtensions: ['.vue'] } },
            rules: { 'vue/multi-word-component-names': 'off' },
          },
        ]
      : []),
    prettier,
  );
}
