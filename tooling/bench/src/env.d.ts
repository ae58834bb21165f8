// For tools that read .ts files without Vue's language service (ESLint's type-aware rules): a .vue
// import is a component. vue-tsc resolves the real files and ignores this fallback.
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent;
  export default component;
}
