// TensorFlow's bookkeeping in the variable report: optimizer slots, optimizer state, moving
// averages, gradients and save/restore are told apart from the user's own twins and re-entries,
// on small graphs, on the project's moving-average fixture and on the pix2pix GAN of the corpus.
import { describe, expect, it } from 'vitest';
import { tensorflow } from '../../proto/generated/proto.js';
import { memorySource } from '../../io/byte-source';
import { readGraphDef } from '../../io/graph-def-reader';
import { loadSource } from '../../io/load';
import { corpusBytes, HAVE_CORPUS } from '../../test-support/corpus';
import { makeGraph, type NodeSpec } from '../../test-support/graphs';
import { movingAverages } from '../../../fixtures/scope-patterns';
import { variableBookkeeping } from './bookkeeping';
import { bookkeepingGroups, realReentries, variableFindings } from './findings';
import { analyzeVariables, type ScopesReport } from './variables';

const kindOf = (r: ScopesReport, name: string): unknown => r.variables.find((v) => v.name === name)?.bookkeeping;

describe('variableBookkeeping', () => {
  it('names slots after the variable they belong to, TF1 and Keras style', () => {
    const names = ['d/kernel', 'd/kernel/Adam', 'd/kernel/Adam_1', 'd/bias', 'd/bias/Momentum', 'Adam/d/kernel/m', 'training/Adam/d/bias/v', 'opt/beta1_power', 'global_step', 'x/ExponentialMovingAverage', 'd/kernel/ExponentialMovingAverage', 'save/counter', 'gradients_1/acc', 'mine/w', 'mine/w_1'];
    const got = Object.fromEntries(names.map((n, k) => [n, variableBookkeeping(names)[k]]));
    expect(got['d/kernel']).toEqual({ kind: null, slotOf: null });
    expect(got['d/kernel/Adam']).toEqual({ kind: 'optimizer-slot', slotOf: 'd/kernel' });
    expect(got['d/kernel/Adam_1']).toEqual({ kind: 'optimizer-slot', slotOf: 'd/kernel' });
    expect(got['d/bias/Momentum']).toEqual({ kind: 'optimizer-slot', slotOf: 'd/bias' });
    expect(got['Adam/d/kernel/m']).toEqual({ kind: 'optimizer-slot', slotOf: 'd/kernel' });
    expect(got['training/Adam/d/bias/v']).toEqual({ kind: 'optimizer-slot', slotOf: 'd/bias' });
    expect(got['opt/beta1_power']?.kind).toBe('optimizer-state');
    expect(got['global_step']?.kind).toBe('optimizer-state');
    // A moving average of a variable is a moving average, not a slot.
    expect(got['d/kernel/ExponentialMovingAverage']).toEqual({ kind: 'moving-average', slotOf: null });
    expect(got['x/ExponentialMovingAverage']?.kind).toBe('moving-average');
    expect(got['save/counter']?.kind).toBe('save-restore');
    expect(got['gradients_1/acc']?.kind).toBe('gradients');
    expect(got['mine/w']?.kind).toBeNull();
    expect(got['mine/w_1']?.kind).toBeNull();
  });
});

/** Variable `name` as TF1 builds it: the variable, its Assign and its read. */
const variable = (name: string): NodeSpec[] => [[name, 'VariableV2'], [`${name}/Assign`, 'Assign', [name, `${name}/init`]], [`${name}/init`, 'Const'], [`${name}/read`, 'Identity', [name]]];

describe('analyzeVariables: bookkeeping against findings', () => {
  const g = makeGraph([
    ...variable('dense/kernel'),
    ...variable('dense/kernel/Adam'),
    ...variable('dense/kernel/Adam_1'),
    ['dense_1/MatMul', 'MatMul', ['x', 'dense/kernel/read']],
    ['x', 'Placeholder'],
    ...variable('bn/moving_mean'),
    ['bn/AssignMovingAvg/sub', 'Sub', ['bn/moving_mean/read', 'x']],
    ['bn/AssignMovingAvg', 'AssignSub', ['bn/moving_mean', 'bn/AssignMovingAvg/sub']],
    ['bn/AssignMovingAvg_1/sub', 'Sub', ['bn/moving_mean/read', 'x']],
    ['bn/AssignMovingAvg_1', 'AssignSub', ['bn/moving_mean', 'bn/AssignMovingAvg_1/sub']],
    ...variable('a2'),
    ...variable('a2_1'),
    ['pre/Neg', 'Neg', ['x']],
    ['pre_1/Neg', 'Neg', ['x']],
    ['gradients/Fill', 'Fill', ['x']],
    ['gradients_1/Fill', 'Fill', ['x']],
    ['save/SaveV2', 'SaveV2', ['x']],
    ['save_1/SaveV2', 'SaveV2', ['x']],
  ]);
  const r = analyzeVariables(g);

  it('classifies each variable and each numbered scope group', () => {
    expect(kindOf(r, 'dense/kernel')).toBeNull();
    expect(r.variables.find((v) => v.name === 'dense/kernel/Adam_1')).toMatchObject({ bookkeeping: 'optimizer-slot', slotOf: 'dense/kernel', twins: ['dense/kernel/Adam'] });
    const byGroup = Object.fromEntries(r.reentrySiblings.map((grp, k) => [grp.join(','), r.reentryBookkeeping[k]]));
    expect(byGroup).toEqual({
      'a2,a2_1': null,
      'bn/AssignMovingAvg,bn/AssignMovingAvg_1': 'moving-average',
      'dense,dense_1': null,
      'dense/kernel/Adam,dense/kernel/Adam_1': 'optimizer-slot',
      'gradients,gradients_1': 'gradients',
      'pre,pre_1': null,
      'save,save_1': 'save-restore',
    });
  });

  it('puts the genuine twins and reuse first, and never calls slot pairs twins', () => {
    const findings = variableFindings(r).map((f) => [f.variable.name, f.flags]);
    expect(findings).toEqual([['dense/kernel', ['shared']], ['a2', ['twin']], ['a2_1', ['twin']]]);
    expect(realReentries(r)).toEqual([['a2', 'a2_1'], ['dense', 'dense_1'], ['pre', 'pre_1']]);
    expect(bookkeepingGroups(r).map((b) => [b.kind, b.variables.length, b.reentries.length])).toEqual([
      ['optimizer-slot', 2, 1],
      ['moving-average', 0, 1],
      ['gradients', 0, 1],
      ['save-restore', 0, 1],
    ]);
  });

  it('scopes made only by moving averages are bookkeeping; one real op inside makes them a finding', () => {
    const ema: NodeSpec[] = [['g/Mean', 'Mean', ['x']], ['g/Mean_1', 'Mean', ['x']], ['x', 'Placeholder'], ...variable('g/Mean/ExponentialMovingAverage'), ...variable('g/Mean_1/ExponentialMovingAverage')];
    const only = analyzeVariables(makeGraph(ema));
    expect(only.reentrySiblings).toEqual([['g/Mean', 'g/Mean_1']]);
    expect(only.reentryBookkeeping).toEqual(['moving-average']);
    const mixed = analyzeVariables(makeGraph([...ema, ['g/Mean_1/mine', 'Neg', ['x']]]));
    expect(mixed.reentryBookkeeping).toEqual([null]);
  });
});

describe('fixtures', () => {
  it('tf.train.ExponentialMovingAverage: shadows and their updates are moving averages', () => {
    const r = analyzeVariables(readGraphDef(tensorflow.GraphDef.encode(movingAverages()).finish(), 'ema.pb'));
    expect(r.variables.filter((v) => v.bookkeeping === 'moving-average').map((v) => v.name)).toEqual(['layer1/w/ExponentialMovingAverage', 'layer1/b/ExponentialMovingAverage', 'layer2/w/ExponentialMovingAverage', 'layer2/b/ExponentialMovingAverage']);
    expect(variableFindings(r)).toEqual([]);
    expect(realReentries(r)).toEqual([]);
  });
});

describe.skipIf(!HAVE_CORPUS)('corpus', () => {
  it('pix2pix GAN: 152 Adam slots and 97 numbered scope groups are bookkeeping; the 22 shared discriminator variables are the findings, once each', async () => {
    const rel = 'pix2pix_gan_reuse/1/events.out.tfevents.1573068136.neuromancer-lab';
    const g = (await loadSource(memorySource(rel, corpusBytes(rel)))).graphs[0]?.graph;
    if (!g) throw new Error('no graph');
    const r = analyzeVariables(g);
    const groups = Object.fromEntries(bookkeepingGroups(r).map((b) => [b.kind, [b.variables.length, b.reentries.length]]));
    expect(groups).toEqual({ 'optimizer-slot': [152, 76], 'optimizer-state': [5, 0], 'moving-average': [3, 22] });
    const findings = variableFindings(r);
    expect(findings).toHaveLength(22);
    expect(new Set(findings.map((f) => f.variable.name)).size).toBe(22);
    for (const f of findings) expect(f.flags).toEqual(['shared', 'outside']);
    expect(realReentries(r)).toEqual([['deprocess', 'deprocess_1', 'deprocess_2'], ['load_images/preprocess', 'load_images/preprocess_1']]);
    expect(r.variables.filter((v) => v.twins.length > 0).every((v) => v.bookkeeping === 'optimizer-slot')).toBe(true);
  });
});
