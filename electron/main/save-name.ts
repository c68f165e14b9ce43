// Names for exports the page asks main to save. The page proposes a name (made from graph file
// names, which are untrusted); main keeps the export's fixed extension and makes the rest a plain
// file name on every platform: no path parts, no hidden or `..` names, no control or bidi
// characters (`report\u202Egvs.exe` would show as `report…exe.svg`), no Windows device names.
import { extname } from 'node:path';
import { exportExtension, type ExportExtension } from '../../common/ipc-contract';

/** What the save dialog offers for each kind of export. */
export const EXPORT_FILTERS: Readonly<Record<ExportExtension, { name: string; extensions: string[] }>> = {
  '.png': { name: 'PNG image', extensions: ['png'] },
  '.svg': { name: 'SVG image', extensions: ['svg'] },
  '.json': { name: 'JSON document', extensions: ['json'] },
};

// C0 and C1 controls, DEL; bidi embeddings, overrides, isolates and marks; zero-width characters
// and the BOM; characters Windows forbids in names.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff<>:"/\\|?*]/g;
// Windows device names, with or without an extension (`nul.svg` is the device too).
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;
const MAX_STEM = 120;

/** The default name offered for an export and its kind, or null when `proposed` names no export kind. */
export function safeSaveName(proposed: string): { readonly name: string; readonly ext: ExportExtension } | null {
  const ext = exportExtension(proposed);
  if (ext === null) return null;
  let stem = proposed.slice(0, proposed.length - ext.length).normalize('NFC').replace(UNSAFE, '_');
  // No leading dots (hidden files, `..`), no trailing dots or spaces (Windows drops them).
  stem = stem.replace(/^[.\s]+/, '').replace(/[.\s]+$/, '').slice(0, MAX_STEM);
  if (RESERVED.test(stem.split('.')[0] ?? '')) stem = `_${stem}`;
  return { name: `${stem || 'scopeview'}${ext}`, ext };
}

/**
 * Where to write the export the user saved at `picked`: with the kind's extension when the dialog
 * did not add it. A path changed that way was not the one the dialog asked about replacing, so it
 * is written only if no file has that name (`exclusive`).
 */
export function exportTarget(picked: string, ext: ExportExtension): { readonly path: string; readonly exclusive: boolean } {
  return extname(picked).toLowerCase() === ext ? { path: picked, exclusive: false } : { path: `${picked}${ext}`, exclusive: true };
}
