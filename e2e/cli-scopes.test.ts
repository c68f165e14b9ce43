// `scopeview scopes --json` end to end: the seed examples of DESIGN.md §4 and corpus reuse.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, HAVE_CORPUS } from '../core/test-support/corpus';
import type { ScopesReport } from '../core/scope/variables/variables';

const BIN = join(import.meta.dirname, '../bin/scopeview.mjs');
const FIXTURES = join(import.meta.dirname, '../fixtures/generated');

type Report = ScopesReport;

function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, 'scopes', ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function report(file: string): Report {
  const r = run(file, '--json');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as Report;
}

describe('scopeview scopes', () => {
  it('prints the exact document shape; name_scope puts b at the root, outside its readers', () => {
    const r = report(join(FIXTURES, 'scoping-name-scope.pb'));
    expect(Object.keys(r)).toEqual(['variables', 'reentrySiblings', 'reentryBookkeeping']);
    for (const v of r.variables) expect(Object.keys(v)).toEqual(['name', 'op', 'scope', 'readerScopes', 'outsideReaderScopes', 'shared', 'twins', 'reasons', 'captured', 'bookkeeping', 'slotOf']);
    expect(r.variables).toEqual([
      { name: 'scope_name/a', op: 'VariableV2', scope: 'scope_name', readerScopes: ['scope_name/res'], outsideReaderScopes: false, shared: false, twins: [], reasons: [], captured: false, bookkeeping: null, slotOf: null },
      {
        name: 'b', op: 'VariableV2', scope: '', readerScopes: ['scope_name/res'], outsideReaderScopes: true, shared: false, twins: [],
        reasons: ["`get_variable` ignored `name_scope('scope_name')`: `b` lives at the root, its readers in `scope_name/res`"], captured: false, bookkeeping: null, slotOf: null,
      },
    ]);
  });

  it('variable_scope keeps b inside scope_vars', () => {
    const b = report(join(FIXTURES, 'scoping-variable-scope.pb')).variables.find((v) => v.name.endsWith('b'));
    expect(b).toMatchObject({ name: 'scope_vars/b', scope: 'scope_vars', outsideReaderScopes: false });
  });

  it('gives the reason for reuse through a re-entered variable scope', () => {
    const r = report(join(FIXTURES, 'reuse-in-reentry-only.pb'));
    expect(r.variables).toMatchObject([{ name: 'V1/a1', shared: true, outsideReaderScopes: false, reasons: ["`variable_scope('V1', reuse=True)` re-entered as `V1_1`"] }]);
  });

  it('reports reuse, twins and re-entry siblings', () => {
    const reuse = report(join(FIXTURES, 'reuse-auto.pb'));
    expect(reuse.variables.map((v) => [v.name, v.shared])).toEqual([['layer/w', true], ['layer/b', true]]);
    expect(reuse.reentrySiblings).toEqual([['layer', 'layer_1']]);
    const twins = report(join(FIXTURES, 'uniquified-twins.pb'));
    expect(twins.variables.map((v) => [v.name, v.twins])).toEqual([['a2', ['a2_1']], ['a2_1', ['a2']]]);
  });

  it('prints a readable summary without --json, surprising cases first', () => {
    const r = run(join(FIXTURES, 'scoping-name-scope.pb'));
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^2 variables: 1 outside their readers' scopes, 0 shared/);
    expect(r.stdout).toContain("\n  b  [outside its readers' scopes]\n      `get_variable` ignored `name_scope('scope_name')`: `b` lives at the root, its readers in `scope_name/res`");
  });

  it('lists captured TF2 resource handles as captured, never outside their readers', () => {
    const r = report(join(FIXTURES, 'captured-handles.pb'));
    expect(r.variables.map((v) => [v.name, v.captured, v.outsideReaderScopes])).toEqual([
      ['dense/MatMul/ReadVariableOp/resource', true, false],
      ['dense/BiasAdd/ReadVariableOp/resource', true, false],
    ]);
  });

  it.skipIf(!HAVE_CORPUS)('keras_imagenet_main: none of its captured _Arg handles is flagged (corpus)', () => {
    const r = report(join(CORPUS_DIR, 'tf_repo/compiler/jit/tests/keras_imagenet_main.pbtxt'));
    expect(r.variables.filter((v) => v.captured).length).toBeGreaterThan(150);
    expect(r.variables.filter((v) => v.outsideReaderScopes)).toEqual([]);
  });

  it('fails with exit status 1 and a message on a file that is not a graph', () => {
    const r = run(join(import.meta.dirname, '../package.json'), '--json');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^scopeview: .*package\.json/);
  });

  it.skipIf(!HAVE_CORPUS)('ALBERT and pix2pix: reused variables are shared (corpus)', () => {
    const albert = report(join(CORPUS_DIR, 'albert_cls/albert_model.ckpt.meta'));
    const kernel = albert.variables.find((v) => v.name === 'bert/encoder/layer_shared/attention/self/query/kernel');
    expect(kernel?.shared).toBe(true);
    expect(kernel?.readerScopes).toHaveLength(12);
    const pix = report(join(CORPUS_DIR, 'pix2pix_gan_reuse/1/events.out.tfevents.1573068136.neuromancer-lab'));
    // The discriminator's weights (not its Adam slots) are read by real_ and fake_discriminator.
    const weights = pix.variables.filter((v) => /^discriminator\/layer_\d\/\w+\/\w+$/.test(v.name));
    expect(weights).toHaveLength(22);
    expect(pix.variables.filter((v) => v.shared).map((v) => v.name)).toEqual(weights.map((v) => v.name));
  });

  it.skipIf(!HAVE_CORPUS)('pix2pix: Adam slot pairs and moving averages are bookkeeping, not twins or re-entries (corpus)', () => {
    const file = join(CORPUS_DIR, 'pix2pix_gan_reuse/1/events.out.tfevents.1573068136.neuromancer-lab');
    const pix = report(file);
    expect(pix.variables.find((v) => v.name === 'generator/encoder_1/conv2d/kernel/Adam_1')).toMatchObject({ bookkeeping: 'optimizer-slot', slotOf: 'generator/encoder_1/conv2d/kernel' });
    expect(pix.reentryBookkeeping.filter((k) => k === null)).toHaveLength(2);
    const text = run(file).stdout;
    expect(text).toMatch(/^270 variables: 22 outside their readers' scopes, 22 shared, 0 with uniquified twins; 2 re-entered scopes\nfindings \(22\), reuse first:\n/);
    expect(text).toContain('TensorFlow bookkeeping (160 variables, 98 numbered scope groups; made this way on purpose, not findings):\n  Optimizer slots: 152 variables, 76 scope groups');
    // Each finding is listed once.
    expect(text.split('\n').filter((l) => l.startsWith('  discriminator/layer_1/conv2d/kernel  '))).toHaveLength(1);
  });
});
