// Module declarations for what Vite resolves at build time.
declare module '*?url' {
  const url: string;
  export default url;
}
declare module '*.css';
