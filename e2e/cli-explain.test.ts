// `scopeview explain` end to end: the JSON contract of DESIGN.md §4 on the seed examples, the text
// form, every op of a graph without names, errors, and the corpus.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, HAVE_CORPUS } from '../core/test-support/corpus';
import type { OpAnatomy } from '../core/scope/anatomy/name-anatomy';

const BIN = join(import.meta.dirname, '../bin/scopeview.mjs');
const FIXTURES = join(import.meta.dirname, '../fixtures/generated');

function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, 'explain', ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function nodes(...args: string[]): OpAnatomy[] {
  const r = run(...args, '--json');
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  const doc = JSON.parse(r.stdout) as { nodes: OpAnatomy[] };
  expect(Object.keys(doc)).toEqual(['nodes']);
  return doc.nodes;
}

describe('scopeview explain', () => {
  it('prints the documented record for a named op: outer name scope, variables, reads', () => {
    const [a, ...rest] = nodes(join(FIXTURES, 'gan-discriminator-name-scopes.pb'), 'fake_discriminator/discriminator/conv/MatMul');
    expect(rest).toEqual([]);
    expect(Object.keys(a as object)).toEqual(['name', 'op', 'segments', 'leaf', 'reads', 'sentences']);
    expect(a).toEqual({
      name: 'fake_discriminator/discriminator/conv/MatMul',
      op: 'MatMul',
      segments: [
        { name: 'fake_discriminator', kind: 'outer', reentryOf: null },
        { name: 'discriminator', kind: 'variables', reentryOf: null },
        { name: 'conv', kind: 'variables', reentryOf: null },
      ],
      leaf: { name: 'MatMul', kind: 'op', uniquifiedFrom: null },
      reads: [{ variable: 'discriminator/conv/w', home: 'discriminator/conv' }],
      sentences: [
        '`fake_discriminator`: a `name_scope` that `get_variable` ignored; the variables live under `discriminator/`',
        '`discriminator`: variables live in `discriminator` (a `variable_scope`, or `tf.Variable` inside a `name_scope`)',
        '`conv`: variables live in `discriminator/conv` (a `variable_scope`, or `tf.Variable` inside a `name_scope`)',
        '`MatMul`: the op itself',
      ],
    });
  });

  it('without names explains every op of the graph, in graph order', () => {
    const all = nodes(join(FIXTURES, 'scoping-variable-scope.pb'));
    expect(all.map((n) => n.name)).toContain('scope_vars/res/res');
    expect(all).toHaveLength(11);
    const b = all.find((n) => n.name === 'scope_vars/b');
    expect(b?.leaf).toEqual({ name: 'b', kind: 'variable', uniquifiedFrom: null });
  });

  it('marks re-entries and uniquified leaves', () => {
    const [reentry] = nodes(join(FIXTURES, 'gan-discriminator.pb'), 'discriminator_1/conv/add');
    expect(reentry?.segments[0]).toEqual({ name: 'discriminator_1', kind: 'variables', reentryOf: 'discriminator' });
    const [add] = nodes(join(FIXTURES, 'uniquified-ops.pb'), 'Add_3');
    expect(add?.leaf).toEqual({ name: 'Add_3', kind: 'op', uniquifiedFrom: 'Add' });
  });

  it('prints one line per segment without --json', () => {
    const r = run(join(FIXTURES, 'gradients-example.pb'), 'gradients/a/b/MatMul_grad/MatMul');
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')).toEqual([
      'gradients/a/b/MatMul_grad/MatMul (MatMul)',
      '  gradients   `gradients`: the name scope of `tf.gradients`',
      '  gradient-of `a`: repeats `a`, the path of the forward op',
      '  gradient-of `b`: repeats `a/b`, the path of the forward op',
      '  gradient-of `MatMul_grad`: the gradient of `a/b/MatMul`',
      '  leaf op     `MatMul`: the op itself',
      '',
    ]);
  });

  it('names a missing op and exits with status 1; a file that is not a graph too', () => {
    const missing = run(join(FIXTURES, 'uniquified-ops.pb'), 'Add_3', 'nope', '--json');
    expect(missing.status).toBe(1);
    expect(JSON.parse(missing.stdout)).toMatchObject({ nodes: [{ name: 'Add_3' }] });
    expect(missing.stderr).toMatch(/uniquified-ops\.pb: no op named 'nope'/);
    const bad = run(join(import.meta.dirname, '../package.json'));
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^scopeview: .*package\.json/);
  });

  it.skipIf(!HAVE_CORPUS)('corpus: every op of keras_imagenet_main, not its function library; pix2pix GAN forms', () => {
    const keras = nodes(join(CORPUS_DIR, 'tf_repo/compiler/jit/tests/keras_imagenet_main.pbtxt'));
    expect(keras).toHaveLength(2853);
    const kinds = new Set(keras.flatMap((n) => n.segments.map((s) => s.kind)));
    for (const k of kinds) expect(['outer', 'variables', 'variable', 'ops', 'gradients', 'gradient-of']).toContain(k);
    const [conv] = nodes(join(CORPUS_DIR, 'pix2pix_gan_reuse/1/events.out.tfevents.1573068136.neuromancer-lab'), 'fake_discriminator/discriminator/layer_1/conv2d/Conv2D');
    expect(conv?.segments.map((s) => s.kind)).toEqual(['outer', 'variables', 'variables', 'variables']);
  });
});
