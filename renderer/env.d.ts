// Module declarations for what Vite resolves at build time.
declare module '*?url' {
  const url: string;
  export default url;
}
declare module '*.css';
/** True only in the end-to-end tests' build (vite.config.ts): it carries the test switches. */
declare const __SCOPEVIEW_TEST_BUILD__: boolean;
