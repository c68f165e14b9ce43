// Series grouping, as TensorBoard does it: within one scope, op siblings of the same op type whose
// leaf names match ^(\D*)(\d+)$ form a series when at least `minSize` of them carry consecutive
// numbers (`add_1` … `add_5` → `add_[1-5]`; `add` itself stays outside). Scopes are never grouped.
import type { Graph } from '../graph/graph';
import { H_OP, H_SERIES } from './hierarchy';

const NUMBERED = /^(\D*)(\d+)$/;

export interface MutableHierarchy {
  kind: number[];
  parent: number[];
  names: string[];
  opNode: number[];
  seriesOp: Map<number, string>;
}

interface Member {
  readonly id: number;
  readonly h: number;
}

export function groupSeries(t: MutableHierarchy, graph: Graph, minSize: number): void {
  const groups = new Map<string, { scope: number; op: string; prefix: string; members: Member[] }>();
  const count = t.kind.length;
  for (let h = 0; h < count; h++) {
    if (t.kind[h] !== H_OP) continue;
    const name = t.names[h] as string;
    const last = name.charCodeAt(name.length - 1);
    if (last < 48 || last > 57) continue;
    const leaf = name.slice(name.lastIndexOf('/') + 1);
    const m = NUMBERED.exec(leaf);
    if (!m) continue;
    const digits = m[2] as string;
    if (digits.length > 15) continue;
    const scope = t.parent[h] as number;
    const op = graph.op(t.opNode[h] as number);
    const prefix = m[1] as string;
    const key = `${scope}\u0000${op}\u0000${prefix}`;
    let g = groups.get(key);
    if (!g) {
      g = { scope, op, prefix, members: [] };
      groups.set(key, g);
    }
    g.members.push({ id: Number(digits), h });
  }
  for (const g of groups.values()) {
    if (g.members.length < minSize) continue;
    g.members.sort((a, b) => a.id - b.id || a.h - b.h);
    let run: Member[] = [];
    const flush = (): void => {
      if (run.length >= minSize) addSeries(t, g.scope, g.op, g.prefix, run);
      run = [];
    };
    for (const m of g.members) {
      const prev = run[run.length - 1];
      if (prev && m.id === prev.id) continue; // `x_1` and `x_01`: the first one joins
      if (prev && m.id !== prev.id + 1) flush();
      run.push(m);
    }
    flush();
  }
}

function addSeries(t: MutableHierarchy, scope: number, op: string, prefix: string, run: readonly Member[]): void {
  const first = run[0] as Member;
  const last = run[run.length - 1] as Member;
  const scopeName = t.names[scope] as string;
  const id = t.kind.length;
  t.kind.push(H_SERIES);
  t.parent.push(scope);
  t.names.push(`${scopeName ? `${scopeName}/` : ''}${prefix}[${first.id}-${last.id}]`);
  t.opNode.push(-1);
  t.seriesOp.set(id, op);
  for (const m of run) t.parent[m.h] = id;
}
