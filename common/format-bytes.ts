// Byte sizes as text, for every layer. Two conventions on purpose: the canvas legend counts in
// binary multiples (1 KB = 1024 B, as memory profiles do), the remote layer's notices in decimal
// ones (1 KB = 1000 bytes, as storage consoles and HTTP Content-Length readers do).

/** Binary multiples, three significant digits: 512 → "512 B", 3 × 1024² → "3.00 MB". */
export function formatBytesBinary(b: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = b;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return u === 0 ? `${Math.round(v)} B` : `${v.toPrecision(3)} ${units[u]}`;
}

/** Decimal multiples: 1536 → "1.5 KB", 2.1e9 → "2.1 GB", 512 → "512 bytes". */
export function formatBytesDecimal(n: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let v = n;
  let u = 0;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return u === 0 ? `${n} bytes` : `${v >= 100 ? v.toFixed(0) : v.toFixed(1)} ${units[u]}`;
}
