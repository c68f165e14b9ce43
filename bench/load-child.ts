// Runs one load in a fresh process so that its peak memory (maxRSS) is the load's own: reads the
// file through the Node ByteSource, builds the graph model and its edges, and with `--scope` the
// scope engine's model too; prints one JSON line.
import { performance } from 'node:perf_hooks';
import { openFileSource } from '../cli/node-byte-source';
import { loadSource } from '../core/io/load';
import { analyzeGraph } from '../core/scope/scope-engine';
import { readFile } from 'node:fs/promises';
import { tensorflow } from '../core/proto/generated/proto.js';

/**
 * The baseline: what a loader written the obvious way does (read the whole file, decode every
 * message with the protobufjs static decoders, as Netron-style loaders do; framing without CRCs).
 */
async function baselineLoad(file: string): Promise<{ ms: number; scopeMs: number; nodes: number; edges: number; bytes: number; maxRssMB: number; error: null }> {
  const t0 = performance.now();
  const bytes = new Uint8Array(await readFile(file));
  let nodes = 0;
  if (file.endsWith('.pb')) nodes = tensorflow.GraphDef.decode(bytes).node.length;
  else {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = 0; i + 16 <= bytes.length; ) {
      const len = view.getUint32(i, true) + view.getUint32(i + 4, true) * 2 ** 32;
      const event = tensorflow.Event.decode(bytes.subarray(i + 12, i + 12 + len));
      if (event.graphDef) nodes += tensorflow.GraphDef.decode(event.graphDef).node.length;
      i += 16 + len;
    }
  }
  return { ms: performance.now() - t0, scopeMs: 0, nodes, edges: 0, bytes: bytes.length, maxRssMB: process.resourceUsage().maxRSS / 1024, error: null };
}

const path = process.argv[2];
if (!path) throw new Error('usage: load-child FILE [--scope | --baseline]');
/** Our loader on `file`, with the scope engine too when asked. */
async function ourLoad(file: string, withScope: boolean): Promise<Record<string, unknown>> {
  const source = await openFileSource(file);
  const t0 = performance.now();
  const result = await loadSource(source);
  let nodes = 0;
  let edges = 0;
  for (const g of result.graphs) {
    nodes += g.graph.nodeCount;
    edges += g.graph.edges.count;
  }
  const ms = performance.now() - t0;
  let scopeMs = 0;
  if (withScope) {
    const t1 = performance.now();
    for (const g of result.graphs) analyzeGraph(g.graph);
    scopeMs = performance.now() - t1;
  }
  await source.close();
  const maxRssMB = process.resourceUsage().maxRSS / 1024;
  return { ms, scopeMs, nodes, edges, bytes: source.size, maxRssMB, error: result.error, warnings: result.warnings.length };
}

const report = process.argv.includes('--baseline') ? await baselineLoad(path) : await ourLoad(path, process.argv.includes('--scope'));
process.stdout.write(`${JSON.stringify(report)}\n`);
