// How the app's page is served, wherever it is served from: the Electron shell's app:// protocol
// (electron/main/app-protocol.ts) and the local web server of `npm run web`, the tests and the
// benchmarks (scripts/static-server.ts). One policy, so the browser runs what the desktop app runs.

/** The policy with the given connect-src: everything else is the same wherever the page runs. */
function policy(connect: string): string {
  return [
    "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data: blob:",
    "worker-src 'self'", `connect-src ${connect}`, "font-src 'self' data:", "object-src 'none'",
    "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'", "frame-src 'none'",
  ].join('; ');
}

/**
 * The page's policy: only its own scripts (no eval, no inline), workers only from its own files (the
 * session and layout workers are built files, never blob: or data: code), fetches only to its own
 * origin (the app's files and, in the shell, granted files under app://scopeview/@file/), no
 * plugins, no framing. Images may be data: and blob: (the favicon, exports); they cannot run code.
 * The shell sends this one: its page never fetches beyond app://, main reads remote files for it.
 */
export const PAGE_CSP = policy("'self'");

/**
 * The browser host's policy (`npm run web`, the tests): the same, except that the page may fetch
 * https:// and http:// URLs, because Open URL reads the file the user names from its own server (in
 * ranges, from the session worker); what it may read there is the server's CORS decision. Script
 * sources are unchanged, so no fetched byte can run as code. The page's meta tag says this policy;
 * in the shell both are enforced, so the shell's header keeps fetches to app://.
 */
export const WEB_PAGE_CSP = policy("'self' https: http:");

/** Content types of the files a renderer build holds, by extension. */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.map': 'application/json', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.wasm': 'application/wasm', '.woff2': 'font/woff2', '.txt': 'text/plain; charset=utf-8',
};
