// How the app's page is served, wherever it is served from: the Electron shell's app:// protocol
// (electron/main/app-protocol.ts) and the local web server of `npm run web`, the tests and the
// benchmarks (scripts/static-server.ts). One policy, so the browser runs what the desktop app runs.

/** The page's policy: only its own scripts (no eval, no inline), no plugins, no framing. */
export const PAGE_CSP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data: blob:",
  "worker-src 'self' blob:", "connect-src 'self' data: blob:", "font-src 'self' data:", "object-src 'none'",
  "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'", "frame-src 'none'",
].join('; ');

/** Content types of the files a renderer build holds, by extension. */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.map': 'application/json', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.wasm': 'application/wasm', '.woff2': 'font/woff2', '.txt': 'text/plain; charset=utf-8',
};
