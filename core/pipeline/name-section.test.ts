// The inspector's Name section on the GAN fixture: segments with the scope each selects, the leaf,
// and reads carrying their Scopes panel flags; a scope box gets its path's anatomy.
import { describe, expect, it } from 'vitest';
import { tensorflow } from '../proto/generated/proto.js';
import { readGraphDef } from '../io/graph-def-reader';
import { ganDiscriminator } from '../../fixtures/scope-patterns';
import { capturedHandles } from '../../fixtures/anatomy-patterns';
import { NameAnatomy } from '../scope/anatomy/name-anatomy';
import { analyzeVariables } from '../scope/variables/variables';
import { opNameSection, scopeNameSection } from './name-section';

function setup(def: tensorflow.GraphDef.$Properties) {
  const g = readGraphDef(tensorflow.GraphDef.encode(def).finish(), 'gan.pb');
  return { g, anatomy: new NameAnatomy(g), byName: new Map(analyzeVariables(g).variables.map((v) => [v.name, v])) };
}

describe('name section', () => {
  it('an op: segments select their scopes; reads carry the variable’s flags', () => {
    const { g, anatomy, byName } = setup(ganDiscriminator(true));
    const s = opNameSection(anatomy, g.indexOf('fake_discriminator/discriminator/conv/MatMul'), byName);
    expect(s.segments.map((x) => [x.name, x.kind, x.scope])).toEqual([
      ['fake_discriminator', 'outer', 'fake_discriminator'],
      ['discriminator', 'variables', 'fake_discriminator/discriminator'],
      ['conv', 'variables', 'fake_discriminator/discriminator/conv'],
    ]);
    expect(s.leaf).toEqual({ name: 'MatMul', kind: 'op', uniquifiedFrom: null, sentence: '`MatMul`: the op itself' });
    expect(s.reads).toEqual([{ variable: 'discriminator/conv/w', home: 'discriminator/conv', flags: ['outside its readers’ scope', 'shared (reuse)'] }]);
  });

  it('a scope: the anatomy of its path, no leaf', () => {
    const { anatomy } = setup(ganDiscriminator(true));
    const s = scopeNameSection(anatomy, 'real_discriminator/discriminator');
    expect(s.segments.map((x) => x.kind)).toEqual(['outer', 'variables']);
    expect(s.leaf).toBeNull();
    // On its own path `real_discriminator` holds only ops; the scope inside it makes it outer.
    const top = scopeNameSection(anatomy, 'real_discriminator');
    expect(top.segments.map((x) => x.kind)).toEqual(['outer']);
    expect(top.segments[0]?.sentence).toBe('`real_discriminator`: a `name_scope` that `get_variable` ignored for the variable scopes inside it');
  });

  it('a captured handle read by an op is flagged captured', () => {
    const { g, anatomy, byName } = setup(capturedHandles());
    expect(opNameSection(anatomy, g.indexOf('dense/MatMul'), byName).reads[0]?.flags).toEqual(['captured']);
  });
});
