// `scopeview hierarchy --json` end to end on a generated fixture and a corpus file.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, HAVE_CORPUS } from '../core/test-support/corpus';

const BIN = join(import.meta.dirname, '../bin/scopeview.mjs');
const FIXTURES = join(import.meta.dirname, '../fixtures/generated');

interface Node {
  name: string;
  parent: string | null;
  type: string;
  op: string | null;
  embeddedIn: string[];
  auxiliary: boolean;
  template: string | null;
}

function hierarchy(...args: string[]): { status: number | null; nodes: Node[]; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, 'hierarchy', ...args, '--json'], { encoding: 'utf8', maxBuffer: 256 << 20 });
  return { status: r.status, nodes: r.status === 0 ? (JSON.parse(r.stdout) as { nodes: Node[] }).nodes : [], stderr: r.stderr };
}

describe('scopeview hierarchy', () => {
  it('prints every hierarchy node with the exact keys, for the name_scope seed example', () => {
    const { status, nodes } = hierarchy(join(FIXTURES, 'scoping-name-scope.pb'));
    expect(status).toBe(0);
    for (const n of nodes) expect(Object.keys(n)).toEqual(['name', 'parent', 'type', 'op', 'embeddedIn', 'auxiliary', 'template']);
    const byName = new Map(nodes.map((n) => [n.name, n]));
    // get_variable ignored the name scope: `b` lives at the root, a scope because of b/Assign, b/read.
    expect(byName.get('b')).toMatchObject({ parent: null, type: 'scope' });
    expect(byName.get('b/(b)')).toMatchObject({ parent: 'b', type: 'op', op: 'VariableV2' });
    expect(byName.get('scope_name')).toMatchObject({ parent: null, type: 'scope' });
    expect(byName.get('scope_name/res')).toMatchObject({ parent: 'scope_name', type: 'scope' });
  });

  it('reports a missing graph index as an error with exit status 1', () => {
    const { status, stderr } = hierarchy(join(FIXTURES, 'scoping-name-scope.pb'), '--graph', '3');
    expect(status).toBe(1);
    expect(stderr).toMatch(/no graph 3/);
  });

  it.skipIf(!HAVE_CORPUS)('names series, embedded and auxiliary nodes as TensorBoard does (corpus)', () => {
    const { nodes } = hierarchy(join(CORPUS_DIR, 'pix2pix_gan_reuse/1/events.out.tfevents.1573068136.neuromancer-lab'));
    const byName = new Map(nodes.map((n) => [n.name, n]));
    expect(byName.get('save/Assign_[1-269]')).toMatchObject({ type: 'series', op: 'Assign', parent: 'save' });
    expect(byName.get('save/Assign_7')).toMatchObject({ parent: 'save/Assign_[1-269]' });
    expect(byName.get('init')).toMatchObject({ auxiliary: true, type: 'op', op: 'NoOp' });
    const embedded = nodes.filter((n) => n.embeddedIn.length > 0);
    expect(embedded.length).toBeGreaterThan(100);
    for (const n of embedded) for (const host of n.embeddedIn) expect(byName.get(host)?.type).toBe('op');
    // Ops with boxes of their own list no hosts.
    expect(nodes.filter((n) => n.type !== 'op').every((n) => n.embeddedIn.length === 0)).toBe(true);
    // A Const several ops read is drawn inside each of them, in graph order.
    expect(embedded.some((n) => n.embeddedIn.length > 1)).toBe(true);
  });

  it.skipIf(!HAVE_CORPUS)('lists library functions under __function_library__ (corpus)', () => {
    const { nodes } = hierarchy(join(CORPUS_DIR, 'styx_tf2/graph2.pbtxt'));
    const lib = nodes.filter((n) => n.name.startsWith('__function_library__'));
    expect(lib.filter((n) => n.parent === '__function_library__')).toHaveLength(2);
    expect(lib.filter((n) => n.type === 'op').length).toBe(47);
  });
});
