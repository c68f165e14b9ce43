import { describe, expect, it } from 'vitest';
import { expandToCorners, quadIndices } from './quad-geometry';

describe('expandToCorners', () => {
  it('repeats each row for the four corners of its quad', () => {
    const out = expandToCorners(Float32Array.of(1, 2, 3, 4), 2, 2);
    expect(Array.from(out)).toEqual([1, 2, 1, 2, 1, 2, 1, 2, 3, 4, 3, 4, 3, 4, 3, 4]);
  });

  it('keeps the array type (colours stay bytes) and reads only `count` rows', () => {
    const out = expandToCorners(Uint8Array.of(9, 8, 7, 6, 5, 4, 3, 2), 4, 1);
    expect(out).toBeInstanceOf(Uint8Array);
    expect(Array.from(out)).toEqual([9, 8, 7, 6, 9, 8, 7, 6, 9, 8, 7, 6, 9, 8, 7, 6]);
  });
});

describe('quadIndices', () => {
  it('draws each quad as two triangles over its own four corners', () => {
    expect(Array.from(quadIndices(2))).toEqual([0, 1, 2, 2, 1, 3, 4, 5, 6, 6, 5, 7]);
  });

  it('covers every corner of every quad once or more, and nothing else', () => {
    const idx = quadIndices(100);
    expect(new Set(idx).size).toBe(400);
    expect(Math.max(...idx)).toBe(399);
  });
});
