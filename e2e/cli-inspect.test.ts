// `scopeview inspect` end to end: the installed bin on real corpus files, logdirs and SavedModel
// folders, checking the exact JSON contract and the exit status.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, HAVE_CORPUS, readManifest } from '../core/test-support/corpus';

const BIN = join(import.meta.dirname, '../bin/scopeview.mjs');

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function json(...args: string[]) {
  const r = run('inspect', ...args, '--json');
  return { status: r.status, out: JSON.parse(r.stdout) as Record<string, unknown> & { graphs: Record<string, unknown>[]; warnings: Record<string, unknown>[]; error: Record<string, unknown> | null } };
}

describe.skipIf(!HAVE_CORPUS)('scopeview inspect (corpus)', () => {
  const manifest = HAVE_CORPUS ? readManifest() : {};

  it('prints exactly the JSON contract for an event file with a graph and a meta graph', () => {
    const { status, out } = json(join(CORPUS_DIR, 'stanford_tf_tutorials/linear_reg/events.out.tfevents.1499786822.MacBook-Pro'));
    expect(status).toBe(0);
    expect(out).toEqual({
      format: 'events',
      graphs: [
        { source: 'graph_def', tag: null, step: 0, nodes: 58, functions: 0, functionNodes: 0 },
        { source: 'meta_graph_def', tag: null, step: 0, nodes: 58, functions: 0, functionNodes: 0 },
      ],
      warnings: [],
      error: null,
    });
  });

  it('lists the Keras model, the graph and the function library of a TF2 log', () => {
    const { out } = json(join(CORPUS_DIR, 'tf2_keras_callback/imdb-model/train/events.out.tfevents.1690485354.e-bnbobg-5l77j-0.80091.0.v2'));
    expect(out.graphs.map((g) => g['source'])).toEqual(['keras_model', 'graph_def']);
    expect(out.graphs[0]).toMatchObject({ tag: 'keras' });
    expect(out.graphs[1]).toMatchObject({ nodes: 216, functions: 6, functionNodes: 102 });
  });

  it('reports the truncated log with its warning and still lists the graph', () => {
    const { status, out } = json(join(CORPUS_DIR, 'corrupt_real_world/morvan_tf20_RNN2.2/events.out.tfevents.1490697588.Morvan'));
    expect(status).toBe(0);
    expect(out.graphs).toEqual([{ source: 'graph_def', tag: null, step: 0, nodes: 575, functions: 0, functionNodes: 0 }]);
    expect(out.warnings).toEqual([{ kind: 'truncated', message: expect.stringContaining('135552'), offset: 135552 }]);
  });

  it('fails on the malformed 3-byte .pb with a typed error and exit status 1', () => {
    const { status, out } = json(join(CORPUS_DIR, 'fazibear_cr/graph2.pb'));
    expect(status).toBe(1);
    expect(out.graphs).toEqual([]);
    expect(out.error).toEqual({ kind: 'malformed-proto', message: expect.any(String), offset: expect.any(Number) });
  });

  it('detects formats from content, not the extension', () => {
    expect(json(join(CORPUS_DIR, 'tf_repo/python/framework/testdata/metrics_export_meta_graph.pb')).out).toMatchObject({ format: 'metagraph-text', graphs: [{ source: 'metagraph', nodes: 35 }] });
    expect(json(join(CORPUS_DIR, 'netron_testlist_github/mnist_model.pbtxt')).out).toMatchObject({ format: 'graphdef' });
  });

  it('opens a SavedModel folder: one graph per meta graph', () => {
    const { out } = json(join(CORPUS_DIR, 'tf_serving/saved_model_half_plus_two_tf2_cpu'));
    const m = manifest['tf_serving/saved_model_half_plus_two_tf2_cpu/saved_model.pb'];
    expect(out.format).toBe('savedmodel');
    expect(out.graphs).toEqual([{ source: 'saved_model', tag: null, step: null, nodes: 29, functions: 14, functionNodes: 122 }]);
    expect(m?.kind).toBe('savedmodel');
  });

  it('opens a logdir: every run, graphs in run order', () => {
    const { status, out } = json(join(CORPUS_DIR, 'cs20_fork_graphs'));
    expect(status).toBe(0);
    expect(out.format).toBe('logdir');
    expect(out.graphs.filter((g) => g['source'] === 'graph_def').map((g) => g['nodes'])).toEqual([19, 139, 10, 3, 3]);
  });

  it('prints a readable summary without --json', () => {
    const r = run('inspect', join(CORPUS_DIR, 'pix2pix_gan_reuse/1/events.out.tfevents.1573068136.neuromancer-lab'));
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('format: events');
    expect(r.stdout).toMatch(/graph_def .*5202 nodes/);
    expect(r.stdout).toMatch(/top ops: \w+ \d+/);
    expect(r.stdout).toMatch(/scope depth \d+/);
  });
});

describe('scopeview inspect (no corpus needed)', () => {
  it('exits non-zero with an io error for a missing path', () => {
    const { status, out } = json('/nonexistent/file.pb');
    expect(status).toBe(1);
    expect(out.error).toMatchObject({ kind: 'io' });
  });
});
