// "Open URL" in the browser host: an https:// (or http://) file read in ranges by the session
// worker (urlSource), as the shell's files are. The first request learns the size; a server that
// ignores Range is said so and the file is downloaded once, into a Blob. The page can read only
// what the server lets other origins read (CORS): Range requests and the Content-Range header.
import type { OpenedInput } from './host';
import type { RemoteFile } from './url-byte-source';

export type ProbeFetch = (url: string, init: { headers: Record<string, string>; signal?: AbortSignal }) => Promise<Response>;

/** The URL without credentials, query or fragment: what is shown and remembered. */
export function displayUrl(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}`;
}

function sizeText(n: number): string {
  return n >= 1e9 ? `${(n / 1e9).toFixed(1)} GB` : n >= 1e6 ? `${(n / 1e6).toFixed(1)} MB` : n >= 1e3 ? `${(n / 1e3).toFixed(1)} KB` : `${n} bytes`;
}

/**
 * Turns a URL the user typed into an input the explorer opens; throws an Error with a sentence
 * for the user. `onNotice` hears that the whole file is being read when the server ignores Range.
 */
export async function openUrlInput(text: string, onNotice: (message: string) => void = () => undefined, fetchFn: ProbeFetch = (u, i) => fetch(u, i)): Promise<OpenedInput> {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new Error('not a URL: give an https:// address of an event file, GraphDef, MetaGraph or SavedModel .pb');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('only https:// and http:// URLs can be opened here (s3:// and gs:// need the desktop app or the scopeview command)');
  if (url.username || url.password) throw new Error('URLs with a user name or password cannot be opened in the browser; use the desktop app or the scopeview command');
  if (url.pathname.endsWith('/')) throw new Error('folder URLs cannot be opened: give the URL of one file (HTTP has no standard folder listing)');
  url.hash = '';
  const name = displayUrl(url);
  let res: Response;
  try {
    res = await fetchFn(url.href, { headers: { Range: 'bytes=0-0' } });
  } catch {
    throw new Error(`cannot read ${name}: the server cannot be reached, or it does not allow pages of other sites to read the file (CORS)`);
  }
  if (res.status === 401 || res.status === 403) throw new Error(`access denied to ${name} (HTTP ${res.status})`);
  if (res.status === 404 || res.status === 410) throw new Error(`not found: ${name} (HTTP ${res.status})`);
  const fileName = decodeURIComponent(url.pathname.split('/').pop() ?? '') || name;
  if (res.status === 200) {
    const length = Number(res.headers.get('content-length') ?? NaN);
    onNotice(`the server ignores Range requests: reading the whole ${Number.isFinite(length) ? sizeText(length) : '(size unknown)'} file`);
    const blob = await res.blob();
    return { name, folder: false, files: [{ path: fileName, file: blob }] };
  }
  if (res.status === 416) throw new Error(`${name} is empty`);
  const total = /\/(\d+)\s*$/.exec(res.headers.get('content-range') ?? '');
  await res.body?.cancel().catch(() => undefined);
  if (res.status !== 206) throw new Error(`cannot read ${name}: the server answered HTTP ${res.status}`);
  if (!total) throw new Error(`cannot read ${name}: the server does not let this page see the file's size (Content-Range must be listed in Access-Control-Expose-Headers)`);
  const file: RemoteFile = { kind: 'remote', url: url.href, size: Number(total[1]), inputKey: `url:${name}` };
  return { name, folder: false, files: [{ path: fileName, file }] };
}
