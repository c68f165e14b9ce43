// The Scopes panel's flags and reasons on the naming patterns of DESIGN.md §4, each graph built by
// the project's TF1 naming model (fixtures/seed-examples.ts, fixtures/scope-patterns.ts).
import { describe, expect, it } from 'vitest';
import { tensorflow } from '../../proto/generated/proto.js';
import { readGraphDef } from '../../io/graph-def-reader';
import { nestedScopes, scopingExample } from '../../../fixtures/seed-examples';
import { ganDiscriminator, movingAverages, reentryWithoutReuse, reuseInReentryOnly, weightDecay } from '../../../fixtures/scope-patterns';
import { analyzeVariables, type VariableReport } from './variables';

function report(def: tensorflow.GraphDef.$Properties): Map<string, VariableReport> {
  const g = readGraphDef(tensorflow.GraphDef.encode(def).finish(), 'pattern.pb');
  return new Map(analyzeVariables(g).variables.map((v) => [v.name, v]));
}

/** name → [outsideReaderScopes, shared, reasons] */
function flags(def: tensorflow.GraphDef.$Properties): Record<string, [boolean, boolean, string[]]> {
  return Object.fromEntries([...report(def).values()].map((v) => [v.name, [v.outsideReaderScopes, v.shared, v.reasons]]));
}

describe('get_variable under name_scope', () => {
  it('top level: `b` stays at the root while its reader is in scope_name/res', () => {
    expect(flags(scopingExample('name_scope'))).toEqual({
      'scope_name/a': [false, false, []],
      b: [true, false, ["`get_variable` ignored `name_scope('scope_name')`: `b` lives at the root, its readers in `scope_name/res`"]],
    });
  });

  it('nested: `vs/v1` is read from ns/vs, the variable scope entered under name_scope ns', () => {
    expect(flags(nestedScopes())).toEqual({
      'vs/v1': [true, false, ["`get_variable` ignored `name_scope('ns')`: `vs/v1` lives in `vs`, its readers in `ns/vs`"]],
      'ns/vs/v2': [false, false, []],
    });
  });
});

describe('variable_scope re-entry', () => {
  it('with reuse=True and ops only in V1_1: shared, and not outside its readers', () => {
    expect(flags(reuseInReentryOnly())).toEqual({
      'V1/a1': [false, true, ["`variable_scope('V1', reuse=True)` re-entered as `V1_1`"]],
    });
  });

  it('without reuse (V1_1/a1 exists): nothing shared', () => {
    const r = report(reentryWithoutReuse());
    expect(r.get('V1/a1')?.readerScopes).toEqual(['V1_1']);
    expect(flags(reentryWithoutReuse())).toEqual({ 'V1/a1': [false, false, []], 'V1_1/a1': [false, false, []] });
  });
});

describe('a GAN discriminator applied twice', () => {
  it('discriminator / discriminator_1: shared through the re-entered variable scope', () => {
    const reason = "`variable_scope('discriminator', reuse=True)` re-entered as `discriminator_1`";
    expect(flags(ganDiscriminator(false))).toEqual({
      'discriminator/conv/w': [false, true, [reason]],
      'discriminator/conv/b': [false, true, [reason]],
    });
  });

  it('real_discriminator/discriminator / fake_discriminator/discriminator: shared, and outside its readers', () => {
    const r = report(ganDiscriminator(true));
    expect(r.get('discriminator/conv/w')?.readerScopes).toEqual(['fake_discriminator/discriminator/conv', 'real_discriminator/discriminator/conv']);
    expect(r.get('discriminator/conv/w')).toMatchObject({
      outsideReaderScopes: true,
      shared: true,
      reasons: [
        "`get_variable` ignored `name_scope('fake_discriminator')` and `name_scope('real_discriminator')`: `discriminator/conv/w` lives in `discriminator/conv`, its readers in `fake_discriminator/discriminator/conv` and `real_discriminator/discriminator/conv`",
        "`variable_scope('discriminator', reuse=True)` entered under `name_scope('fake_discriminator')` and `name_scope('real_discriminator')`",
      ],
    });
  });
});

describe('bookkeeping readers', () => {
  it('weight decay and a penalty at the root read every variable without sharing it', () => {
    const r = report(weightDecay());
    expect(r.get('layer1/w')?.readerScopes).toEqual(['', 'layer1', 'weight_decay']);
    for (const v of r.values()) {
      expect(v.readerScopes).toContain('weight_decay');
      expect([v.name, v.shared, v.outsideReaderScopes]).toEqual([v.name, false, false]);
    }
  });

  it('moving averages: neither the averaged variables nor their shadows are shared', () => {
    const r = report(movingAverages());
    expect([...r.keys()]).toEqual([
      'layer1/w', 'layer1/b', 'layer2/w', 'layer2/b',
      'layer1/w/ExponentialMovingAverage', 'layer1/b/ExponentialMovingAverage', 'layer2/w/ExponentialMovingAverage', 'layer2/b/ExponentialMovingAverage',
    ]);
    expect(r.get('layer1/w')?.readerScopes).toEqual(['ExponentialMovingAverage/AssignMovingAvg', 'layer1', 'layer1/w/ExponentialMovingAverage']);
    for (const v of r.values()) expect([v.name, v.shared]).toEqual([v.name, false]);
    for (const name of ['layer1/w', 'layer2/b']) expect(r.get(name)?.outsideReaderScopes).toBe(false);
    // A shadow is read only by its update, under name_scope('ExponentialMovingAverage'): outside, by the rule.
    expect(r.get('layer2/b/ExponentialMovingAverage')).toMatchObject({
      outsideReaderScopes: true,
      reasons: ['`layer2/b/ExponentialMovingAverage` lives in `layer2/b`, but no reader is in it or in a re-entry of it (readers in `ExponentialMovingAverage/AssignMovingAvg_3`)'],
    });
  });
});
