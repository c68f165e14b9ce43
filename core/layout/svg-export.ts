// A standalone SVG of a placed graph, drawn like the canvas: scope boxes with titles, op and
// series boxes, edges with arrowheads (dashed when control-only, wider for bigger tensors). Names
// are escaped as XML text; nothing from the graph becomes markup.
import { H_SCOPE, type Hierarchy } from '../scope/hierarchy';
import type { PlacedEdge, PlacedGraph, PlacedNode } from './assemble';
import { boxLabel, countLabel } from './node-sizes';
import { fitText, LABEL_METRICS } from './text-metrics';

const COLORS = { scope: '#e8eef9', scopeStroke: '#7b93c7', open: '#fbfcfe', op: '#ffffff', opStroke: '#9aa3ad', series: '#f1ecfa', seriesStroke: '#9b87c9', aux: '#f6f6f6', edge: '#5f6b7a', text: '#1f2933' };

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`).replace(/[^\t\n\r\u0020-\uFFFF]/gu, (c) => (c.length > 1 ? c : '\uFFFD'));
}

const f = (v: number): string => (Math.round(v * 10) / 10).toString();

function nodeSvg(h: Hierarchy, n: PlacedNode): string {
  const name = h.name(n.id);
  const title = `<title>${escapeXml(name)}</title>`;
  const fs = LABEL_METRICS.fontSize;
  if (n.expanded) {
    return `<g>${title}<rect x="${f(n.x)}" y="${f(n.y)}" width="${f(n.width)}" height="${f(n.height)}" rx="6" fill="${COLORS.open}" stroke="${COLORS.scopeStroke}"/>` +
      `<text x="${f(n.x + 8)}" y="${f(n.y + 17)}" font-weight="600">${escapeXml(fitText(boxLabel(h, n.id), n.width - 16))}</text></g>`;
  }
  const isScope = h.kind[n.id] === H_SCOPE;
  const fill = n.type === 'aux' ? COLORS.aux : isScope ? COLORS.scope : n.type === 'series' ? COLORS.series : COLORS.op;
  const stroke = isScope ? COLORS.scopeStroke : n.type === 'series' ? COLORS.seriesStroke : COLORS.opStroke;
  const rx = isScope ? 6 : n.height / 2;
  const label = escapeXml(fitText(boxLabel(h, n.id), n.width - 10));
  const lines = isScope
    ? `<text x="${f(n.x + n.width / 2)}" y="${f(n.y + 15)}" text-anchor="middle">${label}</text><text x="${f(n.x + n.width / 2)}" y="${f(n.y + 29)}" text-anchor="middle" fill="#66707c">${escapeXml(countLabel(h, n.id))}</text>`
    : `<text x="${f(n.x + n.width / 2)}" y="${f(n.y + n.height / 2 + fs * 0.35)}" text-anchor="middle">${label}</text>`;
  return `<g>${title}<rect x="${f(n.x)}" y="${f(n.y)}" width="${f(n.width)}" height="${f(n.height)}" rx="${f(rx)}" fill="${fill}" stroke="${stroke}"/>${lines}</g>`;
}

function edgeSvg(e: PlacedEdge): string {
  if (e.points.length < 4) return '';
  const pts: string[] = [];
  for (let k = 0; k < e.points.length; k += 2) pts.push(`${f(e.points[k] as number)},${f(e.points[k + 1] as number)}`);
  const width = e.data + e.ref === 0 ? 1 : Math.min(5, 1 + Math.log10(1 + e.elements) / 2);
  const dash = e.data + e.ref === 0 ? ' stroke-dasharray="4 3"' : '';
  return `<polyline points="${pts.join(' ')}" fill="none" stroke="${COLORS.edge}" stroke-width="${f(width)}"${dash} marker-end="url(#arrow)"/>`;
}

export function placedGraphSvg(h: Hierarchy, g: PlacedGraph): string {
  const w = Math.max(1, Math.ceil(g.width));
  const hh = Math.max(1, Math.ceil(g.height));
  // Open scopes first, so their contents and edges draw on top of them.
  const nodes = [...g.nodes].sort((a, b) => Number(b.expanded) - Number(a.expanded));
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${hh}" viewBox="0 0 ${w} ${hh}" font-family="JetBrains Mono, Menlo, Consolas, monospace" font-size="${LABEL_METRICS.fontSize}" fill="${COLORS.text}">`,
    '<defs><marker id="arrow" viewBox="0 0 8 8" refX="7" refY="4" markerUnits="userSpaceOnUse" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L8,4 L0,8 z" fill="#5f6b7a"/></marker></defs>',
    `<rect width="${w}" height="${hh}" fill="#ffffff"/>`,
    ...nodes.filter((n) => n.expanded).map((n) => nodeSvg(h, n)),
    ...g.edges.map(edgeSvg),
    ...nodes.filter((n) => !n.expanded).map((n) => nodeSvg(h, n)),
    '</svg>',
  ].join('\n');
}
