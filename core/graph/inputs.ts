// NodeDef input strings: `^x` (control), `x`, `x:N` (output slot N) and `x:out_arg:N` (inside
// FunctionDefs: slot N of output argument `out_arg`).

export interface ParsedInput {
  readonly node: string;
  readonly control: boolean;
  /** Output slot (0 when absent). */
  readonly slot: number;
  /** Output argument name for the `x:out:N` form used inside functions, else null. */
  readonly outputArg: string | null;
}

const ZERO = 48;
const NINE = 57;

function parseDigits(s: string, start: number, end: number): number {
  if (start >= end || end - start > 9) return -1;
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c < ZERO || c > NINE) return -1;
    n = n * 10 + (c - ZERO);
  }
  return n;
}

export function parseInput(input: string): ParsedInput {
  const control = input.charCodeAt(0) === 94; /* ^ */
  const body = control ? input.slice(1) : input;
  const last = body.lastIndexOf(':');
  if (last < 0) return { node: body, control, slot: 0, outputArg: null };
  const slot = parseDigits(body, last + 1, body.length);
  if (slot < 0) return { node: body, control, slot: 0, outputArg: null };
  const head = body.slice(0, last);
  const mid = head.lastIndexOf(':');
  if (mid < 0) return { node: head, control, slot, outputArg: null };
  return { node: head.slice(0, mid), control, slot, outputArg: head.slice(mid + 1) };
}

/** Ops whose input 0 is a reference to a variable (TensorBoard's reference edges). */
export const REF_EDGE_OPS: ReadonlySet<string> = new Set([
  'Assign', 'AssignAdd', 'AssignSub', 'ScatterAdd', 'ScatterSub', 'ScatterUpdate',
]);
