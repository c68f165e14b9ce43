// Box sizes of what the canvas draws, from label widths: op nodes, series stacks, collapsed scopes,
// and the title band and padding of expanded scopes. Shared by the layout and the renderer.
import { H_SCOPE, H_SERIES, type HNodeKind, type Hierarchy } from '../scope/hierarchy';
import { textWidth, type TextMetrics } from './text-metrics';

export const OP_HEIGHT = 22;
export const SERIES_HEIGHT = 30;
export const SCOPE_HEIGHT = 38;
/** Title band of an expanded scope, and the padding around its children. */
export const HEADER = 26;
export const PADDING = 12;
/** Gap between the main area and the auxiliary column. */
export const AUX_GAP = 24;
const MAX_WIDTH = 260;

/** The last path component: what a box shows (`a/b/(b)` → `(b)`, series `x/y_[1-8]` → `y_[1-8]`). */
export function leafName(name: string): string {
  const i = name.lastIndexOf('/');
  return i < 0 ? name : name.slice(i + 1);
}

/**
 * The label of box x: its name within its parent (`b` in `a`, `(a)`, `add_[1-5]`). An op placed
 * above its name's own scope (a Const nothing reads: `loss_1/tags` at the top level) shows the rest
 * of its path, so two `tags` stay apart.
 */
export function boxLabel(h: Hierarchy, x: number): string {
  const name = h.name(x);
  const p = h.parent[x] as number;
  const parent = p > 0 ? h.name(p) : '';
  if (parent === '') return name;
  return name.length > parent.length && name.charCodeAt(parent.length) === 47 && name.startsWith(parent) ? name.slice(parent.length + 1) : leafName(name);
}

/** `n ops`: the second line of a collapsed scope or series. */
export function opsLabel(ops: number): string {
  return `${ops} op${ops === 1 ? '' : 's'}`;
}

/** Second line of a collapsed scope or series: how many ops it holds. */
export function countLabel(h: Hierarchy, x: number): string {
  return opsLabel(h.opCount[x] as number);
}

const clampWidth = (w: number, min: number): number => Math.min(MAX_WIDTH, Math.max(min, Math.ceil(w)));

/** Box size of a closed scope (label over its op count), a series stack or an op, from its text. */
export function boxSize(kind: HNodeKind, label: string, opCount: string, m: TextMetrics): { width: number; height: number } {
  switch (kind) {
    case H_SCOPE:
      return { width: clampWidth(Math.max(textWidth(label, m), textWidth(opCount, m)) + 24, 64), height: SCOPE_HEIGHT };
    case H_SERIES:
      return { width: clampWidth(textWidth(label, m) + 28, 56), height: SERIES_HEIGHT };
    default:
      return { width: clampWidth(textWidth(label, m) + 16, 36), height: OP_HEIGHT };
  }
}

/** Size of `x` drawn collapsed (an op, a series stack or a closed scope). */
export function collapsedSize(h: Hierarchy, x: number, m: TextMetrics): { width: number; height: number } {
  return boxSize(h.kind[x] as HNodeKind, boxLabel(h, x), h.kind[x] === H_SCOPE ? countLabel(h, x) : '', m);
}
