// Box labels: a name within its parent, and the rest of the path for an op placed above its name's
// own scope (an embedding op nothing hosts).
import { describe, expect, it } from 'vitest';
import { buildHierarchy } from '../scope/build-hierarchy';
import { makeGraph } from '../test-support/graphs';
import { boxLabel } from './node-sizes';

describe('boxLabel', () => {
  const nodes: [string, string, string[]?][] = [
    ['a', 'Add'], ['a/b', 'Mul', ['a']], ['a/c/d', 'Neg'],
    ['loss_1/tags', 'Const'], ['a/Mul_3/y', 'Const'],
  ];
  for (let i = 1; i <= 5; i++) nodes.push([`a/add_${i}`, 'Add']);
  const h = buildHierarchy(makeGraph(nodes));
  const label = (name: string): string => boxLabel(h, h.find(name));

  it('is the name within the parent for scopes, ops, strict names and series', () => {
    expect(['a', 'a/(a)', 'a/b', 'a/c', 'a/c/d', 'a/add_[1-5]', 'a/add_3'].map(label)).toEqual(['a', '(a)', 'b', 'c', 'd', 'add_[1-5]', 'add_3']);
  });

  it('keeps the path below the scope an unread Const was placed in', () => {
    expect(label('loss_1/tags')).toBe('loss_1/tags');
    expect(label('a/Mul_3/y')).toBe('Mul_3/y');
  });
});
