import { describe, expect, it } from 'vitest';
import { rankByCount, tableRanks } from './colour-ranks';

describe('colour ranks', () => {
  it('rank the most common category first, ties by name', () => {
    expect([...rankByCount([['Add', 2], ['MatMul', 5], ['Relu', 2], ['Const', 9]])]).toEqual([['Const', 0], ['MatMul', 1], ['Add', 2], ['Relu', 3]]);
  });

  it('give each table entry its graph-wide rank, -1 when unknown', () => {
    const ranks = { structure: new Map([['block', 0]]), op: new Map([['MatMul', 1], ['Add', 0]]), device: new Map<string, number>(), xla: new Map<string, number>() };
    const t = tableRanks({ structure: ['block'], op: ['MatMul', 'Add', 'Foo'], device: ['/cpu:0'], xla: [] }, ranks);
    expect([...t.structure]).toEqual([0]);
    expect([...t.op]).toEqual([1, 0, -1]);
    expect([...t.device]).toEqual([-1]);
    expect(t.xla).toHaveLength(0);
  });
});
