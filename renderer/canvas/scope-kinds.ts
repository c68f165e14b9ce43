// Colours and one-line legend texts of the name anatomy's kinds (DESIGN.md §4, "Name anatomy"),
// shared by "colour by scope kind" on the canvas and the inspector's Name chips. Gradient segments
// of either kind share one colour: on a box, both mean "made by tf.gradients".
import type { SegmentKind } from '../../core/scope/anatomy/segment-kinds';
import type { Rgb } from './palette';

export const KIND_COLOURS: Readonly<Record<SegmentKind, Rgb>> = {
  variables: [46, 158, 88],
  ops: [128, 142, 166],
  outer: [232, 136, 32],
  gradients: [150, 92, 204],
  'gradient-of': [150, 92, 204],
  variable: [214, 176, 30],
};

/** Legend order and text: what a box of each colour is. */
export const KIND_LEGEND: readonly { readonly kind: SegmentKind; readonly label: string }[] = [
  { kind: 'variables', label: 'holds variables (variable_scope, or tf.Variable in a name_scope)' },
  { kind: 'ops', label: 'ops only (name_scope, or a variable_scope with no variable)' },
  { kind: 'outer', label: 'outer name_scope that get_variable ignored' },
  { kind: 'gradients', label: 'gradients (tf.gradients and the forward path it repeats)' },
  { kind: 'variable', label: 'a variable’s own ops (Assign, read, Initializer)' },
];

/** Short names for chips and tooltips. */
export const KIND_NAMES: Readonly<Record<SegmentKind, string>> = {
  variables: 'holds variables',
  ops: 'ops only',
  outer: 'outer name_scope',
  gradients: 'gradients',
  'gradient-of': 'gradient of',
  variable: 'variable’s ops',
};
