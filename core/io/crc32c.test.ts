// Tests for CRC-32C and TFRecord's mask: published vectors and agreement with a bitwise reference.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { crc32c, maskCrc, maskedCrc32c } from './crc32c';

const ascii = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));

/** Bit-at-a-time CRC-32C: slow but obviously right, the reference for the slicing-by-8 tables. */
function bitwiseCrc32c(bytes: Uint8Array, start: number, end: number): number {
  let crc = 0xffffffff;
  for (let i = start; i < end; i++) {
    crc ^= bytes[i]!;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0x82f63b78 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

describe('crc32c', () => {
  it('gives the standard check value for "123456789" (0xe3069283)', () => {
    expect(crc32c(ascii('123456789'))).toBe(0xe3069283);
  });

  it('DESIGN vector: 0x5794d08a is the MASKED CRC of "\\x1a\\x11CRC test, one two" (unmasked 0xf2d95a88)', () => {
    const bytes = ascii('\x1a\x11CRC test, one two');
    expect(bytes.length).toBe(19);
    expect(crc32c(bytes)).toBe(0xf2d95a88);
    expect(maskedCrc32c(bytes)).toBe(0x5794d08a);
    expect(maskCrc(0xf2d95a88)).toBe(0x5794d08a);
  });

  it('is 0 for an empty range', () => {
    expect(crc32c(new Uint8Array(0))).toBe(0);
    expect(crc32c(ascii('abc'), 2, 2)).toBe(0);
  });

  it('slicing-by-8 agrees with the bitwise reference on random data and random ranges', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 0, maxLength: 300 }),
        fc.nat(),
        fc.nat(),
        (bytes, a, b) => {
          const start = bytes.length === 0 ? 0 : a % (bytes.length + 1);
          const end = start + (b % (bytes.length - start + 1));
          expect(crc32c(bytes, start, end)).toBe(bitwiseCrc32c(bytes, start, end));
          expect(crc32c(bytes.subarray(start, end))).toBe(bitwiseCrc32c(bytes, start, end));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('mask rotates right by 15 and adds 0xa282ead8 mod 2^32', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (c) => {
        const rotated = Number((BigInt(c) >> 15n) | ((BigInt(c) << 17n) & 0xffffffffn));
        expect(maskCrc(c)).toBe((rotated + 0xa282ead8) % 2 ** 32);
      }),
    );
  });
});
