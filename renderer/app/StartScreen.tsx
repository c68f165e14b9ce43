// The start screen: a drop zone, Open File / Open Folder, Open URL (browser host), the bundled demo
// graph, Compare… and recent items.
import type { RefObject } from 'react';
import type { OpenedInput, RecentItem } from '../host/host';
import { OpenButtons, type OpenButtonsHandle } from './OpenButtons';
import { OpenUrlField, type LocationOpener } from './OpenUrlField';

interface Props {
  recent: readonly RecentItem[];
  onOpen: (input: OpenedInput) => void;
  onDemo: () => void;
  onRecent: (key: string) => void;
  onCompare: () => void;
  openRef: RefObject<OpenButtonsHandle | null>;
  /** Opens a typed location: https:// in the browser host, also s3:// and gs:// in the shell. */
  location: LocationOpener;
  locationHint: string;
}

export function StartScreen({ recent, onOpen, onDemo, onRecent, onCompare, openRef, location, locationHint }: Props) {
  return (
    <div className="start" data-testid="start-screen">
      <div className="drop-zone">
        <h1>Scopeview</h1>
        <p>Drop an event log, a logdir, a GraphDef (<code>.pb</code>, <code>.pbtxt</code>), a MetaGraphDef (<code>.meta</code>) or a SavedModel here.</p>
        <div className="row">
          <OpenButtons ref={openRef} onOpen={onOpen} />
          <button type="button" className="button" onClick={onDemo} data-testid="open-demo">Open the demo graph</button>
          <button type="button" className="button" onClick={onCompare} data-testid="open-compare" title="Compare two graphs side by side (Ctrl+D)">Compare…</button>
        </div>
        <OpenUrlField onOpen={onOpen} open={location} placeholder={locationHint} />
        <p className="hint">Files are read in this window only; nothing is uploaded or modified.</p>
      </div>
      {recent.length > 0 && (
        <div className="recent">
          <h2>Recent</h2>
          <ul>
            {recent.map((r) => (
              <li key={r.key}>
                <button type="button" className="link" onClick={() => onRecent(r.key)}>{r.folder ? '📁 ' : ''}{r.name}</button>
                <span className="muted"> {new Date(r.openedAt).toLocaleString()}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
