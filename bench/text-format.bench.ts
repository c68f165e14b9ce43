// Benchmark of the text-format transcoder on a ~70 MB GraphDef pbtxt: the corpus's IMPALA graph
// tiled under distinct top-level scopes (or synthetic scoped nodes when the corpus is absent),
// against the budget of 5 s for the 70 MB file (>= 30 MB/s targeted), beside V8's JSON.parse.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tensorflow } from '../core/proto/generated/proto.js';
import { textToBinary } from '../core/io/text-format';
import { walkFields } from '../core/proto/wire';
import type { BenchRow } from './report';

const TARGET_BYTES = 70e6;
const SOURCE = join(import.meta.dirname, '../../shared/tf-corpus/impala_training/graph.pbtxt');

/** The `node { ... }` blocks of a GraphDef pbtxt (everything before its trailing `versions`). */
function nodeBlocks(text: string): string {
  const end = text.lastIndexOf('\nversions {');
  return end < 0 ? text : text.slice(0, end + 1);
}

/** Synthetic but realistic nodes: scoped names, inputs, device, dtype, shapes and a Const tensor. */
function syntheticNodes(count: number): string {
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    const name = `layer_${i % 97}/block_${i % 13}/op_${i}`;
    parts.push(`node {
  name: "${name}"
  op: "${i % 5 === 0 ? 'Const' : 'MatMul'}"
  input: "layer_${(i + 1) % 97}/block_0/op_${Math.max(0, i - 1)}"
  input: "^layer_0/init"
  device: "/job:worker/replica:0/task:0/device:GPU:0"
  attr {
    key: "T"
    value {
      type: DT_FLOAT
    }
  }
  attr {
    key: "_output_shapes"
    value {
      list {
        shape {
          dim {
            size: -1
          }
          dim {
            size: 256
          }
        }
      }
    }
  }
  attr {
    key: "value"
    value {
      tensor {
        dtype: DT_FLOAT
        tensor_shape {
          dim {
            size: 2
          }
        }
        tensor_content: "\\000\\000\\200?\\315\\314L>"
      }
    }
  }
}
`);
  }
  return parts.join('');
}

/** The text to tile: the IMPALA graph's nodes, or synthetic nodes when the corpus is absent. */
function loadTile(): { tile: string; source: string } {
  if (existsSync(SOURCE)) return { tile: nodeBlocks(readFileSync(SOURCE, 'utf8')), source: 'impala_training/graph.pbtxt tiled' };
  console.log('bench: corpus absent, using synthetic nodes instead of impala_training/graph.pbtxt');
  return { tile: syntheticNodes(2000), source: 'synthetic nodes' };
}

/** Repeats `tile` under distinct top-level scopes up to `target` bytes; returns the text and its node count. */
function buildInput(tile: string, target: number): { bytes: Uint8Array; nodes: number } {
  const nodesPerTile = tile.split('\nnode {').length;
  const parts: string[] = [];
  let size = 0;
  let copies = 0;
  for (; size < target; copies++) {
    const copy = tile.replace(/^( {2}(?:name|input): ")(\^?)/gm, `$1$2tile_${copies}/`);
    parts.push(copy);
    size += copy.length;
  }
  parts.push('versions {\n  producer: 27\n}\n');
  return { bytes: new TextEncoder().encode(parts.join('')), nodes: copies * nodesPerTile };
}

/** Baseline: V8's native JSON.parse on the same graph written as JSON (best of 2, in seconds and MB/s). */
function jsonBaseline(binary: Uint8Array): { seconds: number; mbps: number } {
  const json = JSON.stringify(tensorflow.GraphDef.decode(binary));
  let best = Infinity;
  for (let run = 0; run < 2; run++) {
    const t0 = performance.now();
    JSON.parse(json);
    best = Math.min(best, performance.now() - t0);
  }
  return { seconds: best / 1000, mbps: json.length / 1e6 / (best / 1000) };
}

export async function benchTextFormat(): Promise<BenchRow[]> {
  const { tile, source } = loadTile();
  const { bytes, nodes } = buildInput(tile, TARGET_BYTES);
  // Warm the JIT on a small slice of the same text before timing.
  const warm = buildInput(tile, 2e6).bytes;
  for (let i = 0; i < 3; i++) textToBinary(warm, 'tensorflow.GraphDef', 'warm.pbtxt');
  let best = Infinity;
  let out: Uint8Array = new Uint8Array(0);
  for (let run = 0; run < 2; run++) {
    const t0 = performance.now();
    out = textToBinary(bytes, 'tensorflow.GraphDef', 'tiled.pbtxt');
    best = Math.min(best, performance.now() - t0);
  }
  const decoded = walkFields(out).fields.filter((f) => f.field === 1).length;
  if (decoded !== nodes) throw new Error(`bench: transcoded ${decoded} nodes, expected ${nodes}`);
  const json = jsonBaseline(out);
  const mb = bytes.length / 1e6;
  const seconds = best / 1000;
  const note = `${mb.toFixed(1)} MB, ${nodes} nodes, ${source}, best of 2`;
  const label = 'JSON.parse of the same graph as JSON';
  return [
    { name: 'transcode GraphDef pbtxt → binary', value: mb / seconds, unit: 'MB/s', budget: { limit: 30, higherIsBetter: true }, baseline: { value: json.mbps, label }, note },
    { name: 'transcode 70 MB GraphDef pbtxt', value: seconds, unit: 's', budget: { limit: 5, higherIsBetter: false }, baseline: { value: json.seconds, label }, note },
  ];
}
