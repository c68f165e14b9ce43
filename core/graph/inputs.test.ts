import { describe, expect, it } from 'vitest';
import { parseInput } from './inputs';

describe('parseInput', () => {
  it('parses plain, slot, control and function-output forms', () => {
    expect(parseInput('a/b')).toEqual({ node: 'a/b', control: false, slot: 0, outputArg: null });
    expect(parseInput('a/b:2')).toEqual({ node: 'a/b', control: false, slot: 2, outputArg: null });
    expect(parseInput('^init')).toEqual({ node: 'init', control: true, slot: 0, outputArg: null });
    expect(parseInput('mul:z:0')).toEqual({ node: 'mul', control: false, slot: 0, outputArg: 'z' });
    expect(parseInput('^while/x:1')).toEqual({ node: 'while/x', control: true, slot: 1, outputArg: null });
  });
  it('keeps a non-numeric suffix as part of the name', () => {
    expect(parseInput('weird:name')).toEqual({ node: 'weird:name', control: false, slot: 0, outputArg: null });
  });
});
