import vue from '@vitejs/plugin-vue';
import { vitestConfig } from '@kwadrant/vitest-config';

export default vitestConfig({
  plugins: [vue()],
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', environment: 'happy-dom', exclude: ['e2e/**', 'node_modules/**'] },
      },
      // End to end: the built product in Debian's Chromium (run after `vite build`; turbo orders it).
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['e2e/**/*.e2e.test.ts'],
          exclude: ['src/**', 'node_modules/**'],
          fileParallelism: false,
        },
      },
    ],
  },
});
