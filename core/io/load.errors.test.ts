// Load errors in a user's terms: a file that is not a TensorFlow graph file says so and keeps the
// decoder's account and offset as detail; a damaged graph file keeps the decoder's message; a
// folder of graph files without event logs opens them.
import { describe, expect, it } from 'vitest';
import { memorySource } from './byte-source';
import { tensorflow } from '../proto/generated/proto.js';
import { GRAPH_FILE_KINDS, loadLogdir, loadSource } from './load';

const text = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('files that are not graphs', () => {
  it('a README is named as not a TensorFlow graph file, with the decoder detail and offset', async () => {
    const r = await loadSource(memorySource('docs/README.md', text('# Notes\n\nThis folder holds the exported model.\n')));
    expect(r.graphs).toEqual([]);
    expect(r.error?.kind).toBe('unknown-format');
    expect(r.error?.message).toBe(`README.md is not a TensorFlow graph file (${GRAPH_FILE_KINDS})`);
    expect(r.error?.detail).toMatch(/wire type/);
    expect(r.error?.offset).toBe(0);
    expect(r.error?.file).toBe('docs/README.md');
  });

  it('plain text whose first bytes happen to parse as fields is still not a graph', async () => {
    // 'a' is field 12 with a fixed64 value: the wire walk gets past it before failing.
    const r = await loadSource(memorySource('notes.txt', text('alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu\n'.repeat(4))));
    expect(r.error?.kind).toBe('unknown-format');
    expect(r.error?.message).toContain('notes.txt is not a TensorFlow graph file');
  });

  it('a damaged GraphDef keeps the decoder message (it is a graph file, cut short)', async () => {
    const whole = tensorflow.GraphDef.encode({ node: [{ name: 'a', op: 'Const' }, { name: 'b', op: 'Identity', input: ['a'] }] }).finish();
    const r = await loadSource(memorySource('model.pb', whole.subarray(0, whole.length - 3)));
    expect(r.error?.kind).toBe('malformed-proto');
    expect(r.error?.message).not.toContain('is not a TensorFlow graph file');
    expect(r.error?.detail).toBeUndefined();
  });
});

describe('folders', () => {
  it('say which files they looked for when they hold none', async () => {
    const r = await loadLogdir([], 'empty-folder');
    expect(r.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/no TensorFlow graph files.*\.meta/)]);
  });

  it('a run of MetaGraphDef files loads as graphs', async () => {
    const meta = tensorflow.MetaGraphDef.encode({ graphDef: { node: [{ name: 'x', op: 'Placeholder' }] } }).finish();
    const r = await loadLogdir([{ run: '.', sources: [memorySource('export.meta', meta)] }], 'exported');
    expect(r.error).toBeNull();
    expect(r.graphs.map((g) => [g.source, g.graph.nodeCount])).toEqual([['metagraph', 1]]);
  });
});
