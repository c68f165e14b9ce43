// Auxiliary extraction, per scope, after TensorBoard's rules (DESIGN.md section 4, rule 7): NoOp
// sinks (e.g. `init`) go to a side area; in scopes with 15 or more remaining children, so do
// children whose in-degree exceeds max(Q3 + (Q3 - Q1), 4) or whose out-degree exceeds
// max(Q3 + 4 (Q3 - Q1), 4). Degrees count neighbour children linked by a metaedge carrying a
// data or reference edge (all neighbours when only control edges link them). Users can force
// nodes out of (`extract`) or into (`keep`) the main area.
import { H_OP, H_SCOPE, type Hierarchy } from './hierarchy';

export interface ExtractionOverrides {
  /** Hierarchy node names the user moved to the side area. */
  readonly extract?: ReadonlySet<string>;
  /** Hierarchy node names the user kept in the main area. */
  readonly keep?: ReadonlySet<string>;
}

export const MIN_NODES_FOR_EXTRACTION = 15;
const MIN_UPPER_BOUND = 4;

/** 1 for every hierarchy node drawn in its scope's auxiliary area. */
export function computeAuxiliary(hier: Hierarchy, overrides: ExtractionOverrides = {}): Uint8Array {
  const aux = new Uint8Array(hier.count);
  const sinks = noOpSinks(hier);
  for (let s = 0; s < hier.count; s++) {
    if (hier.kind[s] === H_SCOPE) extractInScope(hier, s, aux, sinks, overrides);
  }
  return aux;
}

/** Op hierarchy nodes whose op is NoOp and that feed nothing. */
function noOpSinks(hier: Hierarchy): Uint8Array {
  const g = hier.graph;
  const edges = hier.routed;
  const hasOut = new Uint8Array(hier.count);
  for (let e = 0; e < edges.count; e++) {
    if ((hier.metaedges.ofEdge[e] as number) < 0) continue;
    const h = hier.hnodeOf[edges.src[e] as number] as number;
    if (h >= 0) hasOut[h] = 1;
  }
  const sinks = new Uint8Array(hier.count);
  for (let h = 0; h < hier.count; h++) {
    if (hier.kind[h] === H_OP && hasOut[h] === 0 && g.op(hier.opNode[h] as number) === 'NoOp') sinks[h] = 1;
  }
  return sinks;
}

function extractInScope(hier: Hierarchy, scope: number, aux: Uint8Array, sinks: Uint8Array, o: ExtractionOverrides): void {
  const kids = hier.children(scope);
  if (kids.length === 0) return;
  const valid: number[] = [];
  for (const c of kids) {
    const name = hier.name(c);
    if (o.keep?.has(name)) continue;
    if (o.extract?.has(name) || sinks[c]) {
      aux[c] = 1;
      continue;
    }
    valid.push(c);
  }
  if (valid.length < MIN_NODES_FOR_EXTRACTION) return;
  const me = hier.metaedges;
  const inReg = new Map<number, number>();
  const inAll = new Map<number, number>();
  const outReg = new Map<number, number>();
  const outAll = new Map<number, number>();
  const bump = (m: Map<number, number>, k: number): void => {
    m.set(k, (m.get(k) ?? 0) + 1);
  };
  for (const m of hier.metaedgesOf(scope)) {
    const a = me.src[m] as number;
    const b = me.dst[m] as number;
    if (aux[a] || aux[b]) continue;
    const regular = (me.data[m] as number) + (me.ref[m] as number) > 0;
    bump(outAll, a);
    bump(inAll, b);
    if (regular) {
      bump(outReg, a);
      bump(inReg, b);
    }
  }
  const degree = (reg: Map<number, number>, all: Map<number, number>, c: number): number => reg.get(c) || all.get(c) || 0;
  const inDeg = new Map(valid.map((c) => [c, degree(inReg, inAll, c)]));
  const outDeg = new Map(valid.map((c) => [c, degree(outReg, outAll, c)]));
  for (const c of highDegree(valid, inDeg, 1)) aux[c] = 1;
  for (const c of highDegree(valid, outDeg, 4)) aux[c] = 1;
}

/** Children whose degree exceeds max(Q3 + iqrFactor (Q3 - Q1), 4), quartiles by TensorBoard's index rule. */
function highDegree(valid: readonly number[], deg: ReadonlyMap<number, number>, iqrFactor: number): number[] {
  const sorted = [...valid].sort((a, b) => (deg.get(a) as number) - (deg.get(b) as number));
  const q3 = deg.get(sorted[Math.min(sorted.length - 1, Math.round(sorted.length * 0.75))] as number) as number;
  const q1 = deg.get(sorted[Math.round(sorted.length * 0.25)] as number) as number;
  const upper = Math.max(q3 + iqrFactor * (q3 - q1), MIN_UPPER_BOUND);
  const out: number[] = [];
  for (let i = sorted.length - 1; i >= 0 && (deg.get(sorted[i] as number) as number) > upper; i--) out.push(sorted[i] as number);
  return out;
}
