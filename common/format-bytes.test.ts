// Both size conventions, with the texts the canvas legend and the remote layer's notices show.
import { describe, expect, it } from 'vitest';
import { formatBytesBinary, formatBytesDecimal } from './format-bytes';

describe('byte sizes', () => {
  it('counts the canvas legend in binary multiples', () => {
    expect(formatBytesBinary(512)).toBe('512 B');
    expect(formatBytesBinary(3 * 1024 * 1024)).toBe('3.00 MB');
  });

  it('counts remote sizes in decimal multiples, as storage consoles do', () => {
    expect([formatBytesDecimal(512), formatBytesDecimal(300_000), formatBytesDecimal(2.1e9)]).toEqual(['512 bytes', '300 KB', '2.1 GB']);
  });
});
