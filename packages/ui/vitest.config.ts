import vue from '@vitejs/plugin-vue';
import { vitestConfig } from '@kwadrant/vitest-config';

export default vitestConfig({
  plugins: [vue()],
  test: { environment: 'happy-dom' },
});
