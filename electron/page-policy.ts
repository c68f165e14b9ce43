// How the app's page is served, wherever it is served from: the Electron shell's app:// protocol
// (electron/main/app-protocol.ts) and the local web server of `npm run web`, the tests and the
// benchmarks (scripts/static-server.ts). One policy, so the browser runs what the desktop app runs.

/**
 * The page's policy: only its own scripts (no eval, no inline), workers only from its own files (the
 * session and layout workers are built files, never blob: or data: code), fetches only to its own
 * origin (the app's files and, in the shell, granted files under app://scopeview/@file/), no
 * plugins, no framing. Images may be data: and blob: (the favicon, exports); they cannot run code.
 */
export const PAGE_CSP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data: blob:",
  "worker-src 'self'", "connect-src 'self'", "font-src 'self' data:", "object-src 'none'",
  "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'", "frame-src 'none'",
].join('; ');

/** Content types of the files a renderer build holds, by extension. */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.map': 'application/json', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.wasm': 'application/wasm', '.woff2': 'font/woff2', '.txt': 'text/plain; charset=utf-8',
};
