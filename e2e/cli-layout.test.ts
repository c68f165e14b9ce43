// `scopeview layout --json` and `scopeview export --svg` end to end on fixtures and the corpus.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CORPUS_DIR, HAVE_CORPUS } from '../core/test-support/corpus';

const BIN = join(import.meta.dirname, '../bin/scopeview.mjs');
const FIXTURES = join(import.meta.dirname, '../fixtures/generated');
const tmp = mkdtempSync(join(tmpdir(), 'scopeview-layout-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface LNode { name: string; type: string; expanded: boolean; parent: string | null; x: number; y: number; width: number; height: number }
interface LEdge { from: string; to: string; kind: string; count: number; points: [number, number][] }

function run(...args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', maxBuffer: 256 << 20 });
}
function layout(...args: string[]): { ms: number; nodes: LNode[]; edges: LEdge[] } {
  const r = run('layout', ...args, '--json');
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as { ms: number; nodes: LNode[]; edges: LEdge[] };
}

describe('scopeview layout', () => {
  it('prints the documented shape with absolute coordinates; children inside their parents', () => {
    const out = layout(join(FIXTURES, 'scoping-variable-scope.pb'), '--expand', 'all');
    expect(Object.keys(out)).toEqual(['ms', 'nodes', 'edges']);
    expect(out.ms).toBeGreaterThan(0);
    for (const n of out.nodes) expect(Object.keys(n)).toEqual(['name', 'type', 'expanded', 'parent', 'x', 'y', 'width', 'height']);
    for (const e of out.edges) expect(Object.keys(e)).toEqual(['from', 'to', 'kind', 'count', 'points']);
    const byName = new Map(out.nodes.map((n) => [n.name, n]));
    expect(byName.get('scope_vars')).toMatchObject({ type: 'scope', expanded: true, parent: null });
    for (const n of out.nodes) {
      const p = n.parent === null ? null : byName.get(n.parent);
      if (!p) continue;
      expect(n.x).toBeGreaterThanOrEqual(p.x);
      expect(n.y).toBeGreaterThanOrEqual(p.y);
      expect(n.x + n.width).toBeLessThanOrEqual(p.x + p.width);
      expect(n.y + n.height).toBeLessThanOrEqual(p.y + p.height);
    }
    expect(out.edges.every((e) => e.points.length >= 2 && e.count >= 1)).toBe(true);
  });

  it('--expand none shows only the top level; a regex opens matching scopes with their ancestors', () => {
    const none = layout(join(FIXTURES, 'scoping-name-scope.pb'));
    expect(none.nodes.map((n) => n.name).sort()).toEqual(['b', 'scope_name']);
    const some = layout(join(FIXTURES, 'scoping-name-scope.pb'), '--expand', '^scope_name/res$');
    expect(some.nodes.filter((n) => n.expanded).map((n) => n.name).sort()).toEqual(['scope_name', 'scope_name/res']);
  });

  it('--algorithm elk draws the same boxes with ELK (the reference), other geometry, children still inside; an unknown one is refused', () => {
    const file = join(FIXTURES, 'demo.pb');
    const layered = layout(file, '--expand', 'all');
    const elk = layout(file, '--expand', 'all', '--algorithm', 'elk');
    expect(elk.nodes.map((n) => n.name)).toEqual(layered.nodes.map((n) => n.name));
    expect(elk.nodes.map((n) => [n.x, n.y])).not.toEqual(layered.nodes.map((n) => [n.x, n.y]));
    const byName = new Map(elk.nodes.map((n) => [n.name, n]));
    for (const n of elk.nodes) {
      const p = n.parent === null ? null : byName.get(n.parent);
      if (p) expect(n.x >= p.x && n.y >= p.y && n.x + n.width <= p.x + p.width && n.y + n.height <= p.y + p.height).toBe(true);
    }
    const bad = run('layout', file, '--algorithm', 'dagre');
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/Allowed choices are layered, elk/);
  });

  it('rejects a bad regex and a missing graph with a message', () => {
    const bad = run('layout', join(FIXTURES, 'demo.pb'), '--expand', '(', '--json');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/not a valid regular expression/);
    const missing = run('layout', join(FIXTURES, 'demo.pb'), '--graph', '4');
    expect(missing.status).toBe(1);
  });

  it.skipIf(!HAVE_CORPUS)('lays out a corpus graph fully expanded (corpus)', () => {
    const out = layout(join(CORPUS_DIR, 'pix2pix_gan_reuse/1/events.out.tfevents.1573068136.neuromancer-lab'), '--expand', 'all');
    expect(out.nodes.length).toBeGreaterThan(4000);
    expect(out.nodes.every((n) => [n.x, n.y, n.width, n.height].every(Number.isFinite))).toBe(true);
  }, 120_000);
});

describe('scopeview export --svg', () => {
  it('writes a standalone SVG with every visible node and escaped names', () => {
    const out = join(tmp, 'seed.svg');
    const r = run('export', join(FIXTURES, 'scoping-name-scope.pb'), '--svg', out, '--expand', 'all');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^wrote .*seed\.svg: 12 nodes/);
    const svg = readFileSync(out, 'utf8');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/<title>/g)).toHaveLength(12);
    expect(svg).toContain('<title>scope_name/res/mul</title>');
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
  });
});
