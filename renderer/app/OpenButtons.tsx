// Open File and Open Folder: standard file inputs (so scripts and tests can drive them), styled as
// buttons. The folder input uses `webkitdirectory`, which gives paths relative to the folder.
import { forwardRef, useImperativeHandle, useRef } from 'react';
import { fromFileList } from '../host/drop-files';
import type { OpenedInput } from '../host/host';

export interface OpenButtonsHandle {
  openFile(): void;
  openFolder(): void;
}

export const OpenButtons = forwardRef<OpenButtonsHandle, { onOpen: (input: OpenedInput) => void; compact?: boolean }>(function OpenButtons({ onOpen, compact }, ref) {
  const file = useRef<HTMLInputElement>(null);
  const folder = useRef<HTMLInputElement>(null);
  useImperativeHandle(ref, () => ({ openFile: () => file.current?.click(), openFolder: () => folder.current?.click() }));
  const take = (el: HTMLInputElement, isFolder: boolean): void => {
    const input = fromFileList(el.files, isFolder);
    el.value = '';
    if (input) onOpen(input);
  };
  return (
    <>
      <label className={compact ? 'button' : 'button primary'} title="Open a file (Ctrl+O)">
        Open File
        <input ref={file} className="visually-hidden" type="file" data-testid="open-file" onChange={(e) => take(e.currentTarget, false)} />
      </label>
      <label className="button" title="Open a logdir or SavedModel folder (Ctrl+Shift+O)">
        Open Folder
        <input ref={folder} className="visually-hidden" type="file" data-testid="open-folder" multiple
          {...{ webkitdirectory: '' }} onChange={(e) => take(e.currentTarget, true)} />
      </label>
    </>
  );
});
