// The folders of core form layers: no two import each other, directly or round a longer loop, and
// core/proto (wire reader, generated protobuf code) imports none of them. Read from the sources,
// so a new import that closes a loop fails here, naming the folders round it.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const CORE = import.meta.dirname;

/** Shipped core sources: no tests, no test support, no generated code (which imports only protobufjs). */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'test-support' || e.name === 'generated' ? [] : sources(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

const folderOf = (file: string): string => relative(CORE, file).split('/')[0] ?? '';

/** Folder → folders it imports, with one importing file per edge for the failure message. */
function folderImports(): Map<string, Map<string, string>> {
  const edges = new Map<string, Map<string, string>>();
  for (const file of sources(CORE)) {
    const from = folderOf(file);
    for (const m of readFileSync(file, 'utf8').matchAll(/(?:^|\s)(?:import|export)\b[^;]*?from\s*'(\.{1,2}\/[^']+)'|import\(\s*'(\.{1,2}\/[^']+)'\s*\)/g)) {
      const target = resolve(dirname(file), m[1] ?? m[2] ?? '');
      if (!target.startsWith(CORE + '/')) continue;
      const to = folderOf(target);
      if (to === from || !to.length) continue;
      const out = edges.get(from) ?? new Map<string, string>();
      if (!out.has(to)) out.set(to, relative(CORE, file));
      edges.set(from, out);
    }
  }
  return edges;
}

/** A loop of folders, as "a -> b -> a", or null. */
function findLoop(edges: Map<string, Map<string, string>>): string | null {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (n: string): string | null => {
    if (state.get(n) === 'open') return [...path.slice(path.indexOf(n)), n].join(' -> ');
    if (state.get(n) === 'done') return null;
    state.set(n, 'open');
    path.push(n);
    for (const next of edges.get(n)?.keys() ?? []) {
      const loop = visit(next);
      if (loop) return loop;
    }
    path.pop();
    state.set(n, 'done');
    return null;
  };
  for (const n of edges.keys()) {
    const loop = visit(n);
    if (loop) return loop;
  }
  return null;
}

describe('core folder layers', () => {
  const edges = folderImports();

  it('sees the imports it checks', () => {
    expect(edges.get('graph')?.has('proto')).toBe(true);
    expect(edges.get('io')?.has('graph')).toBe(true);
  });

  it('has no import loop between folders', () => {
    expect(findLoop(edges)).toBeNull();
  });

  it('keeps core/proto at the bottom', () => {
    expect([...(edges.get('proto') ?? new Map<string, string>()).entries()]).toEqual([]);
  });

  it('finds a loop when there is one', () => {
    const loop = new Map([['a', new Map([['b', 'a/x.ts']])], ['b', new Map([['c', 'b/y.ts']])], ['c', new Map([['a', 'c/z.ts']])]]);
    expect(findLoop(loop)).toBe('a -> b -> c -> a');
  });
});
