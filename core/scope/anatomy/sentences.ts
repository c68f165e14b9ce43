// The words of the name anatomy: one sentence per segment and one for the leaf, naming the scopes
// TensorFlow's naming rules point at ("`discriminator_1`: `discriminator` entered again; its
// variables are those of `discriminator`").
import type { SegmentKind } from './segment-kinds';

const code = (s: string): string => `\`${s}\``;

/** What a sentence needs to know about one segment. */
export interface SegmentFacts {
  readonly name: string;
  readonly kind: SegmentKind;
  readonly reentryOf: string | null;
  /** Canonical path from the first variable segment through this one (variable part only), else ''. */
  readonly variablePath: string;
  /** Canonical path of the variable part's first segment (`discriminator`), '' without one. */
  readonly variableRoot: string;
  /** The raw path through this segment is itself a home: a re-entry that made variables of its own. */
  readonly ownHome: boolean;
  /** For `gradient-of`: the forward path through this segment, `_grad` dropped. */
  readonly forward: string;
}

const BY_KIND: Record<SegmentKind, (f: SegmentFacts) => string> = {
  outer: (f) => `a \`name_scope\` that \`get_variable\` ignored; the variables live under ${code(`${f.variableRoot}/`)}`,
  variables: (f) =>
    f.reentryOf !== null && !f.ownHome
      ? `its variables are those of ${code(f.variablePath)}`
      : `variables live ${f.reentryOf !== null ? 'here too' : `in ${code(f.variablePath)}`} (a \`variable_scope\`, or \`tf.Variable\` inside a \`name_scope\`)`,
  variable: (f) => `the ops TensorFlow made for the variable ${code(f.variablePath)} (\`Assign\`, \`read\`, \`Initializer\`)`,
  ops: () => 'only ops live here (a `name_scope`, or a `variable_scope` that created no variable)',
  gradients: () => 'the name scope of `tf.gradients`',
  'gradient-of': (f) => (f.name.endsWith('_grad') ? `the gradient of ${code(f.forward)}` : `repeats ${code(f.forward)}, the path of the forward op`),
};

export function segmentSentence(f: SegmentFacts): string {
  const again = f.reentryOf !== null ? `${code(f.reentryOf)} entered again; ` : '';
  return `${code(f.name)}: ${again}${BY_KIND[f.kind](f)}`;
}

export function leafSentence(name: string, isVariable: boolean, uniquifiedFrom: string | null): string {
  const what = isVariable ? 'the variable itself' : 'the op itself';
  if (uniquifiedFrom === null) return `${code(name)}: ${what}`;
  const suffix = name.slice(uniquifiedFrom.length);
  return `${code(name)}: ${isVariable ? 'the variable itself; ' : ''}TensorFlow appended ${code(suffix)} because ${code(uniquifiedFrom)} was taken`;
}

/** A scope box that wraps variable scopes whose variables `get_variable` put elsewhere. */
export function outerScopeSentence(name: string, reentryOf: string | null): string {
  const again = reentryOf !== null ? `${code(reentryOf)} entered again; ` : '';
  return `${code(name)}: ${again}a \`name_scope\` that \`get_variable\` ignored for the variable scopes inside it`;
}
