// What a pick or a drop hands on: the files to read, and the Files the user chose (all the shell
// may open by path; a dropped folder is one File of its own).
import { describe, expect, it } from 'vitest';
import { fromDataTransfer, fromFileList } from './drop-files';

const file = (name: string, rel = ''): File => Object.defineProperty(new File([new Uint8Array(2)], name), 'webkitRelativePath', { value: rel });
const list = (files: File[]): FileList => files as unknown as FileList;

describe('picked and dropped files', () => {
  it('keeps the picked Files as the chosen ones', () => {
    const a = file('a.pb');
    const b = file('b.pbtxt');
    expect(fromFileList(list([a, b]), false)).toMatchObject({ name: '2 files', folder: true, chosen: [a, b] });
    const inFolder = [file('e.1', 'logs/run1/e.1'), file('e.2', 'logs/e.2')];
    const picked = fromFileList(list(inFolder), true);
    expect(picked).toMatchObject({ name: 'logs', folder: true, chosen: inFolder });
    expect(picked?.files.map((f) => f.path)).toEqual(['run1/e.1', 'e.2']);
  });

  it('takes a drop\'s Files before the browser empties the DataTransfer', async () => {
    const folder = file('logs');
    const inner = file('events.out.tfevents.1');
    const files = [folder];
    const batches = [[{ isFile: true, isDirectory: false, name: inner.name, file: (ok: (f: File) => void) => ok(inner) }]];
    const dirEntry = { isFile: false, isDirectory: true, name: 'logs', createReader: () => ({ readEntries: (ok: (e: unknown[]) => void) => setTimeout(() => ok(batches.shift() ?? [])) }) };
    const dt = { files: list(files), items: [{ kind: 'file', webkitGetAsEntry: () => dirEntry }] } as unknown as DataTransfer;
    const pending = fromDataTransfer(dt);
    files.length = 0; // what the browser does when the drop event returns
    const input = await pending;
    expect(input).toMatchObject({ name: 'logs', folder: true, chosen: [folder] });
    expect(input?.files).toEqual([{ path: 'events.out.tfevents.1', file: inner }]);
  });
});
