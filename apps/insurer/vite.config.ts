import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

// This dashboard is served by the API under /insurer/; in development Vite proxies /api to it.
export default defineConfig({
  base: '/insurer/',
  plugins: [vue()],
  // PrimeVue's components use the Options API, so __VUE_OPTIONS_API__ stays on (the default).
  define: {
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    __VUE_I18N_FULL_INSTALL__: 'true',
    __VUE_I18N_LEGACY_API__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
  },
  server: {
    port: 5175,
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
  },
});
