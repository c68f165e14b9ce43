// `scopeview diff` end to end: the JSON document of issue 7 on the seed examples, the readable
// summary, graph picking, exit statuses, and a corpus graph against itself.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, HAVE_CORPUS } from '../core/test-support/corpus';
import type { DiffDocument } from '../core/diff/diff';

const BIN = join(import.meta.dirname, '../bin/scopeview.mjs');
const FIXTURES = join(import.meta.dirname, '../fixtures/generated');
const fixture = (name: string): string => join(FIXTURES, `${name}.pb`);

function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, 'diff', ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function diffJson(...args: string[]): DiffDocument {
  const r = run(...args, '--json');
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as DiffDocument;
}

describe('scopeview diff', () => {
  it('prints the exact document: variable_scope against name_scope is 11 moves, b out of the scope', () => {
    const d = diffJson(fixture('scoping-variable-scope'), fixture('scoping-name-scope'));
    expect(Object.keys(d)).toEqual(['summary', 'changes', 'scopeKindChanges']);
    expect(Object.keys(d.summary)).toEqual(['same', 'attrChanged', 'moved', 'renamed', 'added', 'removed']);
    expect(d.summary).toEqual({ same: 0, attrChanged: 0, moved: 11, renamed: 0, added: 0, removed: 0 });
    for (const c of d.changes) expect(Object.keys(c)).toEqual(['status', 'a', 'b', 'op', 'attrs']);
    expect(d.changes.map((c) => [c.a, c.b])).toEqual([
      ['scope_vars/a/initial_value', 'scope_name/a/initial_value'],
      ['scope_vars/a', 'scope_name/a'],
      ['scope_vars/a/Assign', 'scope_name/a/Assign'],
      ['scope_vars/a/read', 'scope_name/a/read'],
      ['scope_vars/b/initial_value', 'b/initial_value'],
      ['scope_vars/b', 'b'],
      ['scope_vars/b/Assign', 'b/Assign'],
      ['scope_vars/b/read', 'b/read'],
      ['scope_vars/c', 'scope_name/c'],
      ['scope_vars/res/mul', 'scope_name/res/mul'],
      ['scope_vars/res/res', 'scope_name/res/res'],
    ]);
    expect(new Set(d.changes.map((c) => c.status))).toEqual(new Set(['moved']));
    expect(d.changes.find((c) => c.b === 'b')).toEqual({ status: 'moved', a: 'scope_vars/b', b: 'b', op: 'VariableV2', attrs: [] });
  });

  it('reuse against no reuse: the duplicated variables are added, with null on the A side', () => {
    const d = diffJson(fixture('reuse-auto'), fixture('reuse-none'));
    expect(d.summary).toEqual({ same: 19, attrChanged: 2, moved: 0, renamed: 0, added: 14, removed: 0 });
    const added = d.changes.filter((c) => c.status === 'added');
    expect(added.every((c) => c.a === null && c.b?.startsWith('layer_1/') && /^layer_1\/[wb](\/|$)/.test(c.b))).toBe(true);
    expect(added.filter((c) => c.op === 'VariableV2').map((c) => c.b)).toEqual(['layer_1/w', 'layer_1/b']);
    expect(d.changes.filter((c) => c.status === 'attr-changed')).toEqual([
      { status: 'attr-changed', a: 'layer_1/MatMul', b: 'layer_1/MatMul', op: 'MatMul', attrs: ['(input)'] },
      { status: 'attr-changed', a: 'layer_1/add', b: 'layer_1/add', op: 'Add', attrs: ['(input)'] },
    ]);
  });

  it('exits 0 with an empty change list when the graphs are the same, and picks graphs with --graph-a/--graph-b', () => {
    const d = diffJson(fixture('demo'), fixture('demo'), '--graph-a', '0', '--graph-b', '0');
    expect(d.changes).toEqual([]);
    expect(d.summary.same).toBeGreaterThan(100);
    // The event-file version of the same graph, picked by index, is the same graph.
    const events = join(FIXTURES, 'scoping-name-scope');
    expect(diffJson(fixture('scoping-name-scope'), events, '--graph-b', '0').summary).toEqual({ same: 11, attrChanged: 0, moved: 0, renamed: 0, added: 0, removed: 0 });
  });

  it('prints a readable summary without --json', () => {
    const r = run(fixture('reuse-auto'), fixture('reuse-none'));
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('19 same, 2 attr-changed, 14 added\n');
    expect(r.stdout).toMatch(/\nadded \(14\):\n {2}layer_1\/w\/Initializer\/random_uniform\/shape {2}\(Const\)\n/);
    expect(r.stdout).toContain('\n  layer_1/MatMul  (MatMul; (input))\n');
    expect(r.stdout).toContain('changed top-level scopes in B (1):\n  layer_1: 2 attr-changed, 14 added');
    const moved = run(fixture('scoping-variable-scope'), fixture('scoping-name-scope')).stdout;
    expect(moved).toContain('\n  scope_vars/b → b  (VariableV2)\n');
  });

  it('fails with exit status 1 and a message on a bad file or graph index, and prints nothing else', () => {
    const bad = run(fixture('reuse-auto'), join(import.meta.dirname, '../package.json'), '--json');
    expect(bad.status).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/^scopeview: .*package\.json/);
    const index = run(fixture('reuse-auto'), fixture('reuse-none'), '--graph-b', '2');
    expect(index.status).toBe(1);
    expect(index.stderr).toMatch(/there is no graph 2/);
    expect(run(fixture('reuse-auto'), fixture('reuse-none'), '--graph-a', 'x').status).toBe(1);
  });

  it.skipIf(!HAVE_CORPUS)('a corpus graph against itself is all same (pix2pix, 5,202 nodes)', () => {
    const file = join(CORPUS_DIR, 'pix2pix_gan_reuse/1/events.out.tfevents.1573068136.neuromancer-lab');
    const d = diffJson(file, file);
    expect(d.summary).toEqual({ same: 5202, attrChanged: 0, moved: 0, renamed: 0, added: 0, removed: 0 });
    expect(d.changes).toEqual([]);
  });
  it('lists scopes whose kind changed: the seed pair', () => {
    const r = spawnSync(process.execPath, [BIN, 'diff', join(import.meta.dirname, '../fixtures/generated/scoping-variable-scope.pb'), join(import.meta.dirname, '../fixtures/generated/scoping-name-scope.pb'), '--json'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const d = JSON.parse(r.stdout) as { scopeKindChanges: { a: string; b: string; sentence: string }[] };
    expect(d.scopeKindChanges.map((c) => c.sentence)).toEqual(['`scope_vars` holds variables in A; `scope_name` holds only `a` and `c` in B; `b` moved to the root']);
  });
});
