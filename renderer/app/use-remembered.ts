// A boolean UI choice kept in the host's small state store (legend and minimap shown or hidden),
// so that it outlives the page.
import { useCallback, useState } from 'react';
import type { Host } from '../host/host';

export function useRemembered(host: Host, key: string, initial: boolean): [boolean, (value: boolean) => void] {
  const [value, setValue] = useState(() => {
    const stored = host.loadState(key);
    return typeof stored === 'boolean' ? stored : initial;
  });
  const set = useCallback((v: boolean) => {
    setValue(v);
    host.saveState(key, v);
  }, [host, key]);
  return [value, set];
}
