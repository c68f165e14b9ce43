// The whole-graph PNG: the SVG export (scene-svg.ts) rasterised in the page at 2×, or at the
// largest scale a browser canvas can safely hold when the graph is huge, in which case the caller
// tells the user. The view-only PNG stays the canvas's own drawing buffer (GraphCanvas.toPngBlob).
import type { CanvasStyle, Highlight } from '../../canvas/node-style';
import type { DrawScene } from '../../../core/pipeline/draw/draw-scene';
import { sceneSvg, type SvgDocument } from './scene-svg';

export const PNG_SCALE = 2;
/** Chromium refuses canvases past 32767 px a side; memory (4 bytes a pixel) is the tighter bound. */
export const PNG_MAX_SIDE = 16_384;
export const PNG_MAX_PIXELS = 40_000_000;

export interface PngSize {
  readonly width: number;
  readonly height: number;
  readonly scale: number;
  /** True when the scale is below PNG_SCALE because the image would be too large. */
  readonly capped: boolean;
}

/** The pixel size of a `width` × `height` (world units) graph at 2×, or at the cap. */
export function pngSize(width: number, height: number, maxPixels = PNG_MAX_PIXELS): PngSize {
  return sizeAt(width, height, Math.min(PNG_SCALE, PNG_MAX_SIDE / width, PNG_MAX_SIDE / height, Math.sqrt(maxPixels / (width * height))));
}

export function sizeAt(width: number, height: number, scale: number): PngSize {
  return { width: Math.max(1, Math.floor(width * scale)), height: Math.max(1, Math.floor(height * scale)), scale, capped: scale < PNG_SCALE };
}

/** Draws an SVG document on a canvas of `size` and encodes it as PNG. */
export async function svgToPng(doc: SvgDocument, size: PngSize): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([doc.text], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = new OffscreenCanvas(size.width, size.height);
    const g = canvas.getContext('2d');
    if (!g) throw new Error('no 2D canvas to draw the export on');
    g.drawImage(img, 0, 0, size.width, size.height);
    return await canvas.convertToBlob({ type: 'image/png' });
  } finally {
    URL.revokeObjectURL(url);
  }
}

interface PngExport extends PngSize {
  readonly blob: Blob;
}

/** What the canvas shows, whole, as a PNG at 2× (or the cap). */
export async function wholeGraphPng(drawn: { scene: DrawScene; style: CanvasStyle; highlight: Highlight }): Promise<PngExport> {
  const doc = sceneSvg(drawn.scene, drawn.style, drawn.highlight);
  const size = pngSize(doc.width, doc.height);
  return { ...size, blob: await svgToPng(doc, size) };
}

/** The note shown when an export was scaled down. */
export function cappedNote(scale: number): string {
  return `The graph is too large for a 2× PNG: saved at ${scale.toFixed(2)}× instead (the SVG export keeps every detail).`;
}
