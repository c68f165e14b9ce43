// The field for a remote location: on the browser host's start screen an https:// (or http://)
// file read in ranges by the session worker; in the shell (start screen and File → Open
// Location…) also s3:// and gs://, which main opens. Problems (CORS, 404, ignored Range) are said here.
import { useState, type FormEvent } from 'react';
import type { OpenedInput } from '../host/host';

/** Opens what the user typed; null when there is nothing to open (the shell has said why). */
export type LocationOpener = (location: string, onNotice: (message: string) => void) => Promise<OpenedInput | null>;

export function OpenUrlField({ onOpen, open, placeholder, autoFocus }: { onOpen: (input: OpenedInput) => void; open: LocationOpener; placeholder: string; autoFocus?: boolean }) {
  const [url, setUrl] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const submit = async (ev: FormEvent): Promise<void> => {
    ev.preventDefault();
    if (busy || url.trim() === '') return;
    setBusy(true);
    setMessage(null);
    try {
      const input = await open(url.trim(), (text) => setMessage({ text, error: false }));
      if (input) onOpen(input);
    } catch (err) {
      setMessage({ text: err instanceof Error ? err.message : String(err), error: true });
    } finally {
      setBusy(false);
    }
  };
  return (
    // Laid out inline: the shared stylesheet is another module's, and this is the only form of its kind.
    <form className="open-url row" style={{ justifyContent: 'center', flexWrap: 'wrap', gap: 6 }} onSubmit={(e) => void submit(e)} data-testid="open-url-form">
      <input type="text" style={{ flex: '1 1 320px', padding: '4px 8px' }} value={url} onChange={(e) => setUrl(e.currentTarget.value)} placeholder={placeholder}
        aria-label="Location of a file or logdir to open" data-testid="open-url-input" spellCheck={false} autoFocus={autoFocus} />
      <button type="submit" className="button" disabled={busy} data-testid="open-url">{busy ? 'Opening…' : 'Open URL'}</button>
      {message && <p className="open-url-message" style={{ flexBasis: '100%', margin: '4px 0 0', color: message.error ? 'var(--danger, #c62828)' : undefined }} role={message.error ? 'alert' : 'status'} data-testid="open-url-message">{message.text}</p>}
    </form>
  );
}
