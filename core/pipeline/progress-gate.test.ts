// The progress gate: stage changes and completion pass at once, repeats of a stage at most every gap.
import { describe, expect, it } from 'vitest';
import { gatedProgress } from './progress-gate';

describe('gatedProgress', () => {
  it('passes a new stage and the last step at once, and a stage\u2019s steps at most every gap', () => {
    let t = 0;
    const shown: string[] = [];
    const p = gatedProgress((stage, done, total) => shown.push(`${stage} ${done}/${total}`), () => t, 500);
    p('Reading', 0, 100);
    t = 100;
    p('Reading', 10, 100);
    t = 499;
    p('Reading', 40, 100);
    t = 500;
    p('Reading', 50, 100);
    t = 600;
    p('Decoding', 0, 0);
    t = 650;
    p('Decoding', 0, 0);
    p('Laying out', 3, 3);
    t = 700;
    p('Laying out', 3, 3);
    expect(shown).toEqual(['Reading 0/100', 'Reading 50/100', 'Decoding 0/0', 'Laying out 3/3', 'Laying out 3/3']);
  });
});
