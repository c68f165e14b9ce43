// The benchmark's baseline: the same scene as an SVG DOM (what TensorBoard's graph view and
// Netron draw), one element per box, edge and label, panned by rewriting one group transform per
// frame. Labels are numbers and generated names only, but are still escaped as XML text.
import { EDGE_KIND_CONTROL, EDGE_KIND_REF, SHAPE_OP, SHAPE_SCOPE_OPEN, type Scene } from '../../core/pipeline/scene';
import type { Camera } from '../canvas/camera';

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const f = (v: number): string => (Math.round(v * 10) / 10).toString();

export class SvgBaseline {
  private readonly group: SVGGElement;
  private readonly svg: SVGSVGElement;

  constructor(container: HTMLElement, scene: Scene) {
    const parts: string[] = [];
    const b = scene.boxes;
    for (let i = 0; i < scene.nodeCount; i++) {
      const open = scene.shapes[i] === SHAPE_SCOPE_OPEN;
      const rx = scene.shapes[i] === SHAPE_OP ? (b[4 * i + 3] as number) / 2 : 6;
      parts.push(`<rect x="${f(b[4 * i] as number)}" y="${f(b[4 * i + 1] as number)}" width="${f(b[4 * i + 2] as number)}" height="${f(b[4 * i + 3] as number)}" rx="${f(rx)}" fill="${open ? '#f3f6fa' : '#fff'}" stroke="#96a0ae"/>`);
      const label = scene.labels[i] ?? '';
      if (label) {
        const x = open ? (b[4 * i] as number) + 8 : (b[4 * i] as number) + (b[4 * i + 2] as number) / 2;
        const y = open ? (b[4 * i + 1] as number) + 17 : (b[4 * i + 1] as number) + (b[4 * i + 3] as number) / 2 + 4;
        parts.push(`<text x="${f(x)}" y="${f(y)}"${open ? '' : ' text-anchor="middle"'}>${esc(label)}</text>`);
      }
    }
    for (let e = 0; e < scene.edgeCount; e++) {
      const from = scene.pointStart[e] as number;
      const to = scene.pointStart[e + 1] as number;
      if (to - from < 2) continue;
      const pts: string[] = [];
      for (let p = from; p < to; p++) pts.push(`${f(scene.points[2 * p] as number)},${f(scene.points[2 * p + 1] as number)}`);
      const kind = scene.edgeKind[e];
      const dash = kind === EDGE_KIND_CONTROL ? ' stroke-dasharray="4 3"' : '';
      const colour = kind === EDGE_KIND_REF ? '#e07b24' : '#78849a';
      parts.push(`<polyline points="${pts.join(' ')}" fill="none" stroke="${colour}"${dash} marker-end="url(#arrow)"/>`);
    }
    container.innerHTML = [
      '<svg xmlns="http://www.w3.org/2000/svg" width="100%" height="100%" style="position:absolute;inset:0;background:#fafbfc" font-family="monospace" font-size="11" fill="#1f2933">',
      '<defs><marker id="arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0 L8,4 L0,8 z" fill="#78849a"/></marker></defs>',
      `<g id="world">${parts.join('')}</g></svg>`,
    ].join('');
    this.svg = container.querySelector('svg') as SVGSVGElement;
    this.group = container.querySelector('#world') as SVGGElement;
  }

  setCamera(c: Camera): void {
    const s = 2 ** c.zoom;
    const w = this.svg.clientWidth;
    const h = this.svg.clientHeight;
    this.group.setAttribute('transform', `translate(${w / 2 - c.x * s} ${h / 2 - c.y * s}) scale(${s})`);
  }
}
