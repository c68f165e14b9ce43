// The column reader must agree with protobufjs' generated decoder on every well-formed GraphDef,
// and fail only with a LoadError naming an offset inside the buffer on malformed ones.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scopeview, tensorflow } from '../proto/generated/proto.js';
import { LoadError } from './errors';
import { readGraphDef } from './graph-def-reader';

const name = fc.stringMatching(/^[A-Za-z0-9._][A-Za-z0-9_.\-/]{0,20}$/);
const unicodeName = fc.string({ maxLength: 12 });
const attr = fc.oneof(
  fc.record({ i: fc.integer() }),
  fc.record({ s: fc.uint8Array({ maxLength: 8 }) }),
  fc.record({ f: fc.float({ noNaN: true }) }),
  fc.record({ shape: fc.record({ dim: fc.array(fc.record({ size: fc.integer({ min: -1, max: 1000 }) }), { maxLength: 4 }) }) }),
);
const nodeDef = fc.record({
  name: fc.oneof(name, unicodeName),
  op: fc.constantFrom('Const', 'Add', 'MatMul', 'Assign', 'NoOp', 'VariableV2', ''),
  input: fc.array(fc.oneof(name, name.map((n) => `^${n}`), name.map((n) => `${n}:1`)), { maxLength: 4 }),
  device: fc.constantFrom('', '/device:CPU:0', '/job:worker/replica:0/task:0/device:GPU:1'),
  attr: fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), attr, { maxKeys: 3 }),
});
const graphDef = fc.record({
  node: fc.array(nodeDef, { maxLength: 12 }),
  library: fc.record({
    function: fc.array(fc.record({ signature: fc.record({ name }), nodeDef: fc.array(nodeDef, { maxLength: 3 }), ret: fc.dictionary(name, name, { maxKeys: 2 }) }), { maxLength: 2 }),
  }),
});

describe('readGraphDef', () => {
  it('agrees with the generated decoder on random GraphDefs', () => {
    fc.assert(
      fc.property(graphDef, (def) => {
        const bytes = tensorflow.GraphDef.encode(def).finish();
        const g = readGraphDef(bytes, 'random.pb');
        const ref = scopeview.lazy.LazyGraphDef.decode(bytes);
        expect(g.nodeCount).toBe(ref.node.length);
        ref.node.forEach((n, i) => {
          expect([g.name(i), g.op(i), g.device(i), g.inputs(i)]).toEqual([n.name, n.op, n.device, n.input]);
          expect(g.attrEntries(i)).toEqual(n.attr);
        });
        const fns = ref.library?.function ?? [];
        expect(g.functions.map((f) => [f.name, f.graph.nodeCount, f.ret])).toEqual(fns.map((f) => [f.signature?.name ?? '', (f.nodeDef ?? []).length, f.ret]));
      }),
      { numRuns: 300 },
    );
  });

  it('throws only LoadErrors with in-range offsets on corrupted bytes', () => {
    fc.assert(
      fc.property(graphDef, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }), fc.nat(), (def, flips, cut) => {
        const bytes = tensorflow.GraphDef.encode(def).finish().slice();
        if (bytes.length === 0) return;
        for (const [at, v] of flips) bytes[at % bytes.length] = v;
        const data = bytes.subarray(0, cut % (bytes.length + 1));
        try {
          const g = readGraphDef(data, 'bad.pb', 100);
          void g.edges;
        } catch (err) {
          expect(err).toBeInstanceOf(LoadError);
          const e = err as LoadError;
          expect(e.kind).toBe('malformed-proto');
          expect(e.offset).toBeGreaterThanOrEqual(100);
          expect(e.offset).toBeLessThanOrEqual(100 + data.length);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('names the offset of a truncated varint', () => {
    expect(() => readGraphDef(Uint8Array.of(0x0a, 0x00, 0x0a), 'graph2.pb')).toThrow(expect.objectContaining({ kind: 'malformed-proto', offset: 2 }));
  });

  it('resolves slots and the function-output form on the bytes', () => {
    const g = readGraphDef(tensorflow.GraphDef.encode({ node: [{ name: 'a', op: 'Split' }, { name: 'b', op: 'Add', input: ['a:12', 'a:out:3', '^a', 'zz:1'] }] }).finish(), 'x');
    const e = g.edges;
    expect(Array.from(e.srcSlot)).toEqual([12, 3, 0]);
    expect(Array.from(e.kind)).toEqual([0, 0, 1]);
    expect(g.danglingInputs).toEqual([{ node: 1, input: 'zz:1' }]);
  });
});
