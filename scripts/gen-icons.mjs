// Draws the app icon (nested rounded boxes: a scope holding two ops, as the canvas draws them) at
// every size the installers want, into build/icons/NxN.png. Run `node scripts/gen-icons.mjs`;
// the PNGs are committed so packaging needs no drawing step.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pngjs from 'pngjs';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '../build/icons');
export const SIZES = [16, 32, 48, 64, 128, 256, 512, 1024];

// Shapes in a 0..1 square, drawn in order: [x, y, w, h, radius, rgba].
const SHAPES = [
  [0.04, 0.04, 0.92, 0.92, 0.2, [47, 111, 222, 255]],
  [0.18, 0.24, 0.64, 0.56, 0.08, [255, 255, 255, 255]],
  [0.18, 0.24, 0.64, 0.12, 0.08, [214, 228, 250, 255]],
  [0.27, 0.45, 0.2, 0.22, 0.04, [47, 111, 222, 255]],
  [0.53, 0.45, 0.2, 0.22, 0.04, [240, 150, 40, 255]],
];

function inside(px, py, [x, y, w, h, r]) {
  if (px < x || py < y || px > x + w || py > y + h) return false;
  const cx = Math.min(Math.max(px, x + r), x + w - r);
  const cy = Math.min(Math.max(py, y + r), y + h - r);
  return (px - cx) ** 2 + (py - cy) ** 2 <= r * r;
}

export function drawIcon(size) {
  const png = new pngjs.PNG({ width: size, height: size });
  const SS = 4; // 4×4 supersampling for smooth edges
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const u = (x + (sx + 0.5) / SS) / size;
          const v = (y + (sy + 0.5) / SS) / size;
          let c = [0, 0, 0, 0];
          for (const s of SHAPES) if (inside(u, v, s)) c = s[5];
          for (let k = 0; k < 3; k++) acc[k] += c[k] * c[3];
          acc[3] += c[3];
        }
      }
      const i = (y * size + x) * 4;
      const a = acc[3];
      for (let k = 0; k < 3; k++) png.data[i + k] = a > 0 ? Math.round(acc[k] / a) : 0;
      png.data[i + 3] = Math.round(a / (SS * SS));
    }
  }
  return pngjs.PNG.sync.write(png);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  mkdirSync(OUT, { recursive: true });
  for (const s of SIZES) writeFileSync(join(OUT, `${s}x${s}.png`), drawIcon(s));
  console.log(`wrote ${SIZES.length} icons to ${OUT}`);
}
