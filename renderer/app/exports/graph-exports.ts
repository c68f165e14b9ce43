// What the export buttons save, from the canvas the user looks at: the SVG and the whole-graph PNG
// drawn from its scene in its colour mode (scene-svg.ts), the current view from its drawing buffer,
// and compare mode's two panes side by side. The controllers call these in one line each.
import type { GraphCanvas } from '../../canvas/graph-canvas';
import { sideBySidePng } from '../side-by-side-png';
import { cappedNote, PNG_MAX_PIXELS, PNG_SCALE, pngSize, sizeAt, svgToPng, wholeGraphPng } from './graph-png';
import { sceneSvg } from './scene-svg';

export interface PngResult {
  readonly blob: Blob;
  /** Said to the user when the image was scaled below 2×. */
  readonly note: string | null;
}

export async function exportPng(canvas: GraphCanvas | null, view: boolean): Promise<PngResult | null> {
  if (!canvas) return null;
  if (view) return { blob: await canvas.toPngBlob(), note: null };
  const drawn = canvas.drawn;
  if (!drawn) return null;
  const png = await wholeGraphPng(drawn);
  return { blob: png.blob, note: png.capped ? cappedNote(png.scale) : null };
}

export function exportSvg(canvas: GraphCanvas | null): Blob | null {
  const drawn = canvas?.drawn;
  return drawn ? new Blob([sceneSvg(drawn.scene, drawn.style, drawn.highlight).text], { type: 'image/svg+xml' }) : null;
}

/** Both panes whole at one scale, A on the left, each under its caption; the pixel budget is shared between them. */
export async function comparePng(canvases: readonly [GraphCanvas, GraphCanvas], captions: readonly [string, string]): Promise<PngResult | null> {
  const [a, b] = canvases.map((c) => c.drawn);
  if (!a || !b) return null;
  const docs = [a, b].map((d) => sceneSvg(d.scene, d.style, d.highlight));
  const scale = Math.min(...docs.map((d) => pngSize(d.width, d.height, PNG_MAX_PIXELS / 2).scale));
  const [pa, pb] = await Promise.all(docs.map((d) => svgToPng(d, sizeAt(d.width, d.height, scale))));
  if (!pa || !pb) return null;
  const blob = await sideBySidePng([pa, pb], captions, a.style.theme === 'dark', Math.max(1, scale));
  return { blob, note: scale < PNG_SCALE ? cappedNote(scale) : null };
}
