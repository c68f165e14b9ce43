// File → Open Location… in the shell: a dialog over whatever is shown, with the location field.
// Main asks the user again before reading (it never trusts the page to choose a URL alone).
import type { OpenedInput } from '../host/host';
import { OpenUrlField, type LocationOpener } from './OpenUrlField';
import { useEscape } from './use-escape';

export function OpenLocationDialog({ open, onOpen, onClose }: { open: LocationOpener; onOpen: (input: OpenedInput) => void; onClose: () => void }) {
  useEscape(onClose);
  return (
    <div className="overlay" role="dialog" aria-label="Open location" onClick={onClose} data-testid="open-location">
      <div className="dialog" onClick={(e) => e.stopPropagation()}>
        <h2>Open Location</h2>
        <p className="muted">An event file or logdir: https://…, s3://bucket/prefix or gs://bucket/prefix.</p>
        <OpenUrlField open={open} placeholder="s3://bucket/logs" autoFocus onOpen={(input) => { onClose(); onOpen(input); }} />
        <button type="button" className="button" onClick={onClose}>Cancel</button>
      </div>
    </div>
  );
}
