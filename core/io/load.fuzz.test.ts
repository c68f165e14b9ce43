// Property and fuzz tests of the whole loader: random bytes and mutated real files never throw,
// never hang, and always give a well-formed result (typed error or graphs plus warnings).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memorySource } from './byte-source';
import { loadSource } from './load';
import type { LoadResult } from './load-result';
import { corpusBytes, HAVE_CORPUS } from '../test-support/corpus';

const ERROR_KINDS = ['io', 'unknown-format', 'truncated', 'corrupt-length', 'crc-mismatch', 'malformed-proto', 'malformed-text', 'malformed-json', 'too-large', 'cancelled'];

function wellFormed(r: LoadResult, size: number): void {
  expect(Array.isArray(r.graphs)).toBe(true);
  for (const w of r.warnings) {
    expect(typeof w.message).toBe('string');
    if (w.offset !== null) expect(w.offset).toBeGreaterThanOrEqual(0);
  }
  if (r.error) {
    expect(ERROR_KINDS).toContain(r.error.kind);
    expect(r.error.message.length).toBeGreaterThan(0);
    if (r.error.offset !== null) {
      expect(r.error.offset).toBeGreaterThanOrEqual(0);
      expect(r.error.offset).toBeLessThanOrEqual(size);
    }
  }
  for (const g of r.graphs) void g.graph.edges.count;
}

// No wall-clock budget here (a test passes on any machine): a hang fails at the test timeout, and
// load times are measured by `npm run bench`.
async function load(name: string, bytes: Uint8Array): Promise<LoadResult> {
  return loadSource(memorySource(name, bytes));
}

/** Byte flips, truncation, insertion and duplicated ranges of a real file. */
const mutation = (size: number) =>
  fc.oneof(
    fc.record({ op: fc.constant('flip' as const), at: fc.nat(size - 1), value: fc.integer({ min: 0, max: 255 }) }),
    fc.record({ op: fc.constant('cut' as const), at: fc.nat(size - 1), value: fc.constant(0) }),
    fc.record({ op: fc.constant('insert' as const), at: fc.nat(size - 1), value: fc.integer({ min: 0, max: 255 }) }),
  );

function mutate(bytes: Uint8Array, muts: { op: 'flip' | 'cut' | 'insert'; at: number; value: number }[]): Uint8Array {
  let out = bytes.slice();
  for (const m of muts) {
    const at = Math.min(m.at, Math.max(0, out.length - 1));
    if (m.op === 'flip') out[at] = m.value;
    else if (m.op === 'cut') out = out.slice(0, at);
    else {
      const next = new Uint8Array(out.length + 1);
      next.set(out.subarray(0, at));
      next[at] = m.value;
      next.set(out.subarray(at), at + 1);
      out = next;
    }
  }
  return out;
}

describe('loader fuzz: random bytes', () => {
  it('never throws on arbitrary bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), async (bytes) => {
        wellFormed(await load('random.bin', bytes), bytes.length);
      }),
      { numRuns: 300 },
    );
  });
});

const SAMPLES = [
  'cs20_fork_graphs/logreg_placeholder/events.out.tfevents.1528196603.SX003572',
  'styx_tf2/log/events.out.tfevents.1602787491.DESKTOP-GEJ0BFS',
  'fazibear_cr/graph.pb',
  'tf_serving/saved_model_counter/saved_model.pb',
  'shorit_weights/model_gs-7140.meta',
  'tensorboard/demo_app_graph.pbtxt',
  'tf_repo/core/grappler/costs/graph_properties_testdata/large_function_graph.pbtxt',
];

describe.skipIf(!HAVE_CORPUS)('loader fuzz: mutated corpus files', () => {
  it.each(SAMPLES)('%s: mutations never throw and stay bounded', async (rel) => {
    const original = corpusBytes(rel);
    await fc.assert(
      fc.asyncProperty(fc.array(mutation(original.length), { minLength: 1, maxLength: 4 }), async (muts) => {
        const bytes = mutate(original, muts);
        wellFormed(await load(rel, bytes), bytes.length);
      }),
      { numRuns: 60 },
    );
  });

  it('memory stays bounded over many mutated loads', async () => {
    const original = corpusBytes(SAMPLES[0] as string);
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 300; i++) {
      const bytes = mutate(original, [{ op: 'flip', at: (i * 7919) % original.length, value: i & 255 }]);
      await loadSource(memorySource('m', bytes));
    }
    globalThis.gc?.();
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(200 * 1024 * 1024);
  });
});
