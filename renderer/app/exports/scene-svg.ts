// The SVG export, written in the page from the scene the canvas draws (its groups, edge geometry
// and label index as the worker shaped them) with the canvas's own styling code (node-style,
// edge-style, group-colours), so the file shows what the user sees: the colour mode's fills,
// reference and dashed control edges with their widths, ×N counts, compare mode's diff colours and
// badges, and scope titles. Arrowheads are explicit triangles of one size, whatever the edge's
// width. Pure string building (no DOM), so it is unit-tested without a page.
import type { DrawScene } from '../../../core/pipeline/draw/draw-scene';
import { DASH, GAP } from '../../../core/pipeline/draw/edge-geometry';
import { LABEL_BADGE, LABEL_COUNT, LABEL_SUB, LABEL_TITLE } from '../../../core/pipeline/draw/label-index';
import { GROUP_ORDER, GROUP_RADIUS, type Group } from '../../../core/pipeline/draw/scene-groups';
import { EDGE_KIND_CONTROL, type Scene } from '../../../core/pipeline/scene';
import { escapeXml } from '../../../core/layout/svg-export';
import { LABEL_METRICS, textWidth } from '../../../core/layout/text-metrics';
import { computeEdgeColours } from '../../canvas/edge-style';
import { BADGE_BORDER, FONT_FAMILY, FONT_WEIGHT } from '../../canvas/label-font';
import { computeNodeColours, NO_HIGHLIGHT, type CanvasStyle, type Highlight } from '../../canvas/node-style';
import { mix, THEMES, type Rgb } from '../../canvas/palette';
import { gatherColours } from '../../canvas/group-colours';

/** Arrowhead length and half width, world units: one size for every edge. */
export const ARROW_LENGTH = 8;
export const ARROW_HALF_WIDTH = 3.2;
/** Blank border around the graph, world units. */
const MARGIN = 12;

const f = (v: number): string => (Math.round(v * 100) / 100).toString();
const hex = (r: number, g: number, b: number): string => `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
const rgb = (c: Rgb): string => hex(c[0], c[1], c[2]);

/** `fill="#…"` (and an opacity below 1) from an RGBA table row. */
function paint(attr: 'fill' | 'stroke', rgba: Uint8Array, k: number): string {
  const a = rgba[4 * k + 3] as number;
  const colour = hex(rgba[4 * k] as number, rgba[4 * k + 1] as number, rgba[4 * k + 2] as number);
  return a >= 255 ? `${attr}="${colour}"` : `${attr}="${colour}" ${attr}-opacity="${f(a / 255)}"`;
}

/** The title band of an open scope: only its top corners are rounded, inset 1 unit to keep the outline. */
function bandPath(x: number, y: number, w: number, h: number, r0: number): string {
  const x0 = x + 1;
  const y0 = y + 1;
  const ww = Math.max(0, w - 2);
  const hh = Math.max(0, h - 1);
  const r = Math.min(r0, ww / 2, hh);
  return `M${f(x0)},${f(y0 + hh)}V${f(y0 + r)}Q${f(x0)},${f(y0)} ${f(x0 + r)},${f(y0)}H${f(x0 + ww - r)}Q${f(x0 + ww)},${f(y0)} ${f(x0 + ww)},${f(y0 + r)}V${f(y0 + hh)}Z`;
}

/** A group's boxes; each node's front box carries its full name as a tooltip (<title>). */
function groupSvg(g: Group, fill: Uint8Array, line: Uint8Array, lineWidth: Float32Array, names: readonly string[]): string[] {
  const out: string[] = [];
  for (let k = 0; k < g.count; k++) {
    const x = g.positions[2 * k] as number;
    const y = g.positions[2 * k + 1] as number;
    const w = g.rects[4 * k + 2] as number;
    const h = g.rects[4 * k + 3] as number;
    if (g.name === 'band') {
      out.push(`<path d="${bandPath(x, y, w, h, GROUP_RADIUS.band)}" ${paint('fill', fill, k)}/>`);
      continue;
    }
    const r = Math.min(GROUP_RADIUS[g.name], w / 2, h / 2);
    const lw = lineWidth[k] as number;
    const stroke = lw > 0 ? ` ${paint('stroke', line, k)} stroke-width="${f(lw)}"` : '';
    const rect = `<rect x="${f(x)}" y="${f(y)}" width="${f(w)}" height="${f(h)}" rx="${f(r)}" ${paint('fill', fill, k)}${stroke}`;
    const front = g.perNode === 1 || k % g.perNode === g.perNode - 1;
    out.push(front ? `${rect}><title>${escapeXml(names[g.slots[k] as number] ?? '')}</title></rect>` : `${rect}/>`);
  }
  return out;
}

/** One edge: its polyline stopped at the arrowhead's base, then the arrowhead (both in its colour). */
function edgeSvg(scene: Scene, e: number, colour: string, width: number): string {
  const from = scene.pointStart[e] as number;
  const to = scene.pointStart[e + 1] as number;
  if (to - from < 2) return '';
  const p = scene.points;
  const tx = p[2 * to - 2] as number;
  const ty = p[2 * to - 1] as number;
  // The direction of the last non-empty leg.
  let q = to - 2;
  while (q > from && p[2 * q] === tx && p[2 * q + 1] === ty) q--;
  const len = Math.hypot(tx - (p[2 * q] as number), ty - (p[2 * q + 1] as number));
  const dx = len > 0 ? (tx - (p[2 * q] as number)) / len : 1;
  const dy = len > 0 ? (ty - (p[2 * q + 1] as number)) / len : 0;
  const arrow = Math.min(ARROW_LENGTH, len);
  const bx = tx - dx * arrow;
  const by = ty - dy * arrow;
  const pts: string[] = [];
  for (let k = from; k <= q; k++) pts.push(`${f(p[2 * k] as number)},${f(p[2 * k + 1] as number)}`);
  pts.push(`${f(bx)},${f(by)}`);
  const dash = scene.edgeKind[e] === EDGE_KIND_CONTROL ? ` stroke-dasharray="${DASH} ${GAP}"` : '';
  const hw = ARROW_HALF_WIDTH;
  const head = `${f(tx)},${f(ty)} ${f(bx - dy * hw)},${f(by + dx * hw)} ${f(bx + dy * hw)},${f(by - dx * hw)}`;
  return `<g class="edge"><polyline points="${pts.join(' ')}" fill="none" stroke="${colour}" stroke-width="${f(width)}"${dash}/>` +
    `<polygon class="arrow" points="${head}" fill="${colour}"/></g>`;
}

export interface SvgDocument {
  readonly text: string;
  /** Its size in world units (1 unit = 1 px at zoom 1). */
  readonly width: number;
  readonly height: number;
}

/**
 * The scene as a standalone SVG in `style` (theme and colour mode). `highlight` keeps a selection,
 * trace or search outline in the picture; hovering never belongs in a file.
 */
export function sceneSvg(scene: DrawScene, style: CanvasStyle, highlight: Highlight = NO_HIGHLIGHT): SvgDocument {
  const t = THEMES[style.theme];
  const h = { ...highlight, hovered: -1 };
  const { groups, edges: geometry, labels, bounds: b } = scene.shape;
  const nodes = computeNodeColours(scene, style, h);
  const edges = computeEdgeColours(scene, style, h);
  const x0 = b.x - MARGIN;
  const y0 = b.y - MARGIN;
  const w = Math.ceil(b.width + 2 * MARGIN);
  const hh = Math.ceil(b.height + 2 * MARGIN);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${hh}" viewBox="${f(x0)} ${f(y0)} ${w} ${hh}" font-family="${escapeXml(FONT_FAMILY)}" font-weight="${FONT_WEIGHT}" font-size="${LABEL_METRICS.fontSize}">`,
    `<rect class="background" x="${f(x0)}" y="${f(y0)}" width="${w}" height="${hh}" fill="${rgb(t.background)}"/>`,
  ];
  const drawGroup = (g: Group): void => {
    if (g.count === 0) return;
    const c = gatherColours(g, nodes);
    out.push(`<g class="nodes-${g.name}">`, ...groupSvg(g, c.fill, c.line, c.lineWidth, scene.names), '</g>');
  };
  // The canvas's order: open scopes and their bands, then edges, then closed nodes, then labels.
  const byName = new Map(groups.map((g) => [g.name, g]));
  for (const name of GROUP_ORDER.slice(0, 2)) {
    const g = byName.get(name);
    if (g) drawGroup(g);
  }
  out.push('<g class="edges">');
  for (let e = 0; e < scene.edgeCount; e++) {
    const s = geometry.segStart[e] as number;
    if (s >= (geometry.segStart[e + 1] as number)) continue;
    const colour = hex(edges.segColour[4 * s] as number, edges.segColour[4 * s + 1] as number, edges.segColour[4 * s + 2] as number);
    out.push(edgeSvg(scene, e, colour, edges.segWidth[s] as number));
  }
  out.push('</g>');
  for (const name of GROUP_ORDER.slice(2)) {
    const g = byName.get(name);
    if (g) drawGroup(g);
  }
  out.push('<g class="labels" dominant-baseline="central">');
  for (let k = 0; k < labels.count; k++) {
    const kind = labels.kind[k] as number;
    const owner = labels.owner[k] as number;
    const faded = kind === LABEL_COUNT ? edges.state[owner] === 2 : kind !== LABEL_BADGE && nodes.dim[owner] === 1;
    const base = kind === LABEL_SUB || kind === LABEL_COUNT ? t.mutedText : t.text;
    const colour = rgb(faded ? mix(base, t.background, 0.7) : base);
    const x = labels.x[k] as number;
    const y = labels.y[k] as number;
    const size = labels.size[k] as number;
    const text = labels.text[k] ?? '';
    const anchor = kind === LABEL_TITLE ? 'start' : kind === LABEL_BADGE ? 'end' : 'middle';
    if (kind === LABEL_COUNT || kind === LABEL_BADGE) {
      // Counts and badges sit in small pills, as on the canvas.
      const tw = textWidth(text, LABEL_METRICS) * (size / LABEL_METRICS.fontSize);
      const px = kind === LABEL_BADGE ? x - tw - 3 : x - tw / 2 - 3;
      const border = kind === LABEL_BADGE ? BADGE_BORDER : t.edgeControl;
      out.push(`<rect class="${kind === LABEL_BADGE ? 'badge' : 'count'}" x="${f(px)}" y="${f(y - size / 2 - 1)}" width="${f(tw + 6)}" height="${f(size + 2)}" rx="4" fill="${rgb(t.background)}" stroke="${rgb(border)}"/>`);
    }
    const sizeAttr = size === LABEL_METRICS.fontSize ? '' : ` font-size="${f(size)}"`;
    out.push(`<text x="${f(x)}" y="${f(y)}" text-anchor="${anchor}" fill="${colour}"${sizeAttr}>${escapeXml(text)}</text>`);
  }
  out.push('</g>', '</svg>');
  return { text: out.join('\n'), width: w, height: hh };
}
