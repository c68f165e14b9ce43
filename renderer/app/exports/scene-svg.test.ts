import { describe, expect, it } from 'vitest';
import { shapeScene, type DrawScene } from '../../../core/pipeline/draw/draw-scene';
import { EDGE_KIND_CONTROL, EDGE_KIND_REF, SHAPE_SCOPE, SHAPE_SCOPE_OPEN, type Scene } from '../../../core/pipeline/scene';
import { tinyScene } from '../../../core/test-support/tiny-scene';
import { computeNodeColours, NO_HIGHLIGHT } from '../../canvas/node-style';
import { DIFF_COLOURS, THEMES, type Rgb } from '../../canvas/palette';
import { ARROW_HALF_WIDTH, ARROW_LENGTH, sceneSvg } from './scene-svg';
import { pngSize, PNG_MAX_SIDE } from './graph-png';

const hex = (c: ArrayLike<number>): string => `#${[c[0], c[1], c[2]].map((v) => (v as number).toString(16).padStart(2, '0')).join('')}`;

/** Two closed scopes on different devices, an op, and data, control and reference edges between them. */
function scene(): DrawScene {
  return shapeScene(tinyScene([
    { box: [0, 0, 120, 40], shape: SHAPE_SCOPE, label: 'dense', sub: '4 ops', cats: { device: '/gpu:0', structure: 'tpl' } },
    { box: [0, 100, 120, 40], shape: SHAPE_SCOPE, label: 'dense_1', sub: '4 ops', cats: { device: '/cpu:0', structure: 'tpl' } },
    { box: [200, 100, 60, 20], label: 'a<b>&"c"' },
  ], [
    { from: 100, to: 101, points: [60, 40, 60, 100], elements: 1 },
    { from: 100, to: 102, points: [120, 20, 230, 20, 230, 100], kind: EDGE_KIND_CONTROL, mult: 3 },
    { from: 101, to: 102, points: [120, 120, 200, 110], kind: EDGE_KIND_REF, elements: 1e6 },
  ]));
}

/** Fill of the rect drawn for scene slot `i` (found by its position and size). */
function fillAt(svg: string, s: Scene, i: number): string | undefined {
  const [x, y, w, h] = [...s.boxes.subarray(4 * i, 4 * i + 4)].map(String);
  const re = new RegExp(`<rect x="${x}" y="${y}" width="${w}" height="${h}"[^>]* fill="(#[0-9a-f]{6})"`);
  return re.exec(svg)?.[1];
}

const edges = (svg: string): { line: string; arrow: number[] }[] =>
  [...svg.matchAll(/<g class="edge"><polyline ([^>]*)\/><polygon class="arrow" points="([^"]*)"/g)].map((m) => ({
    line: m[1] ?? '',
    arrow: (m[2] ?? '').split(/[ ,]/).map(Number),
  }));

describe('the SVG export', () => {
  it('fills boxes with the colour mode’s colours, the ones the canvas computes', () => {
    const s = scene();
    for (const colourMode of ['device', 'structure', 'op'] as const) {
      for (const theme of ['light', 'dark'] as const) {
        const svg = sceneSvg(s, { theme, colourMode }).text;
        const c = computeNodeColours(s, { theme, colourMode }, NO_HIGHLIGHT);
        for (let i = 0; i < s.nodeCount; i++) expect(fillAt(svg, s, i), `${colourMode} ${theme} slot ${i}`).toBe(hex(c.fill.subarray(4 * i, 4 * i + 3)));
      }
    }
    const device = sceneSvg(s, { theme: 'light', colourMode: 'device' }).text;
    const structure = sceneSvg(s, { theme: 'light', colourMode: 'structure' }).text;
    // Two devices: two fills; one shared template: one fill.
    expect(fillAt(device, s, 0)).not.toBe(fillAt(device, s, 1));
    expect(fillAt(structure, s, 0)).toBe(fillAt(structure, s, 1));
    expect(fillAt(device, s, 0)).not.toBe(hex(THEMES.light.scope));
  });

  it('is deterministic', () => {
    expect(sceneSvg(scene(), { theme: 'light', colourMode: 'device' }).text).toBe(sceneSvg(scene(), { theme: 'light', colourMode: 'device' }).text);
  });

  it('dashes control edges only, and draws reference edges in their colour', () => {
    const [data, control, ref] = edges(sceneSvg(scene(), { theme: 'light', colourMode: 'structure' }).text);
    expect(data?.line).not.toContain('stroke-dasharray');
    expect(control?.line).toContain('stroke-dasharray="4 3"');
    expect(ref?.line).not.toContain('stroke-dasharray');
    expect(ref?.line).toContain(`stroke="${hex(THEMES.light.edgeRef)}"`);
    expect(data?.line).toContain(`stroke="${hex(THEMES.light.edgeData)}"`);
  });

  it('keeps arrowheads one size whatever the edge’s width', () => {
    const all = edges(sceneSvg(scene(), { theme: 'light', colourMode: 'structure' }).text);
    const widths = all.map((e) => Number(/stroke-width="([\d.]+)"/.exec(e.line)?.[1]));
    expect(new Set(widths).size).toBe(3);
    for (const { arrow } of all) {
      const [tx, ty, ax, ay, bx, by] = arrow as [number, number, number, number, number, number];
      expect(Math.hypot(ax - bx, ay - by)).toBeCloseTo(2 * ARROW_HALF_WIDTH, 1);
      expect(Math.hypot(tx - (ax + bx) / 2, ty - (ay + by) / 2)).toBeCloseTo(ARROW_LENGTH, 1);
    }
  });

  it('ends each line at its arrowhead’s base, not under the tip', () => {
    const [data] = edges(sceneSvg(scene(), { theme: 'light', colourMode: 'structure' }).text);
    expect(data?.line).toContain(`points="60,40 60,${100 - ARROW_LENGTH}"`);
  });

  it('shows labels, ×N counts and escapes names', () => {
    const svg = sceneSvg(scene(), { theme: 'light', colourMode: 'structure' }).text;
    expect(svg).toContain('>dense<');
    expect(svg).toContain('>4 ops<');
    expect(svg).toContain('>×3<');
    expect(svg).toContain('>a&#60;b&#62;&#38;&#34;c&#34;</text>');
    expect(svg).toContain('<title>a&#60;b&#62;&#38;&#34;c&#34;</title>');
    expect(svg).not.toContain('<b>');
  });

  it('draws compare mode’s diff colours and badges', () => {
    const s = shapeScene({ ...scene(), diff: Uint8Array.from([4, 5, 0]), badges: ['+2', '−1', ''] });
    const svg = sceneSvg(s, { theme: 'light', colourMode: 'diff' }).text;
    const c = computeNodeColours(s, { theme: 'light', colourMode: 'diff' }, NO_HIGHLIGHT);
    expect(fillAt(svg, s, 0)).toBe(hex(c.fill.subarray(0, 3)));
    expect(svg).toContain(`stroke="${hex(DIFF_COLOURS[4] as Rgb)}"`);
    expect(svg).toContain('>+2<');
    expect(svg).toContain('class="badge"');
  });

  it('gives open scopes a title band and the title', () => {
    const s = shapeScene(tinyScene([{ box: [0, 0, 300, 200], shape: SHAPE_SCOPE_OPEN, label: 'outer' }, { box: [20, 40, 60, 20], label: 'op' }]));
    const svg = sceneSvg(s, { theme: 'light', colourMode: 'structure' }).text;
    expect(svg).toMatch(/<g class="nodes-band">\s*<path/);
    expect(svg).toMatch(/text-anchor="start"[^>]*>outer</);
  });

  it('sizes the document to the graph with a margin', () => {
    const doc = sceneSvg(scene(), { theme: 'light', colourMode: 'structure' });
    expect(doc.width).toBe(260 + 24);
    expect(doc.height).toBe(140 + 24);
    expect(doc.text).toContain(`width="${doc.width}" height="${doc.height}"`);
  });
});

describe('the whole-graph PNG size', () => {
  it('is twice the graph, or capped for huge graphs', () => {
    expect(pngSize(400, 300)).toEqual({ width: 800, height: 600, scale: 2, capped: false });
    const wide = pngSize(20_000, 500);
    expect(wide.width).toBeLessThanOrEqual(PNG_MAX_SIDE);
    expect(wide.capped).toBe(true);
    const big = pngSize(10_000, 10_000, 25_000_000);
    expect(big.width * big.height).toBeLessThanOrEqual(25_000_000);
    expect(big.scale).toBeCloseTo(0.5, 5);
  });
});
