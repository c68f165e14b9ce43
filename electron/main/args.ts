// The command line: `scopeview PATH` opens a file or folder (or a https://, s3://, gs:// URL),
// `scopeview A B` compares two, `--demo` opens the bundled demo graph. The same parser reads the argv a second instance hands over.
import { resolve } from 'node:path';
import { isRemoteLocation } from '../../remote/remote-location';

export type LaunchRequest =
  | { readonly kind: 'none' }
  | { readonly kind: 'demo' }
  | { readonly kind: 'open'; readonly path: string }
  | { readonly kind: 'compare'; readonly a: string; readonly b: string }
  | { readonly kind: 'error'; readonly message: string };

/**
 * `argv` as Electron gives it: `[electron, ...switches, main.cjs, ...args]` when run unpackaged
 * (`defaultApp`), `[scopeview, ...args]` when packaged. Switches (`--…`, also the ones Chromium
 * adds to a second instance's argv) are not paths; relative paths resolve against `cwd`; URLs stay as given.
 */
export function parseCommandLine(argv: readonly string[], defaultApp: boolean, cwd: string): LaunchRequest {
  let args = argv.slice(1);
  if (defaultApp) {
    // Switches may come before the app's script (`electron --no-sandbox main.cjs PATH`, and
    // Playwright adds its own): the user's arguments are those after the first non-switch.
    const script = args.findIndex((a) => !a.startsWith('-'));
    args = script < 0 ? [] : args.slice(script + 1);
  }
  const demo = args.includes('--demo');
  const paths = args.filter((a) => a.length > 0 && !a.startsWith('-')).map((p) => (isRemoteLocation(p) ? p : resolve(cwd, p)));
  if (paths.length === 0) return demo ? { kind: 'demo' } : { kind: 'none' };
  if (paths.length === 1) return { kind: 'open', path: paths[0] as string };
  if (paths.length === 2) return { kind: 'compare', a: paths[0] as string, b: paths[1] as string };
  return { kind: 'error', message: `scopeview opens one path, or two to compare; it was given ${paths.length}.` };
}
