// Test-only access to the shared real-world corpus (../shared/tf-corpus beside the checkout).
// Suites that need it skip with a printed notice when the folder is absent.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const CORPUS_DIR = process.env['SCOPEVIEW_CORPUS'] ?? resolve(here, '../../../shared/tf-corpus');
export const HAVE_CORPUS = existsSync(join(CORPUS_DIR, 'MANIFEST.json'));

if (!HAVE_CORPUS) console.log(`skipped: corpus suite (no tf-corpus at ${CORPUS_DIR})`);

export interface GraphCounts {
  nodes: number;
  functions: number;
  function_nodes: number;
}

export interface ManifestEntry {
  kind: 'events' | 'graphdef' | 'metagraph' | 'savedmodel' | 'pbtxt';
  size: number;
  error?: string;
  problems?: string[];
  records?: number;
  graph_def_nodes?: [number, number, number][];
  meta_graph_nodes?: number[];
  graph?: GraphCounts;
  nodes?: number;
  functions?: number;
  function_nodes?: number;
  meta_graphs?: number | { graph: GraphCounts; tags: string[]; signatures: number }[];
  node_top?: number;
  node_any?: number;
  function_node_defs?: number;
  run_metadata?: Record<string, unknown>[];
  summary_plugins?: Record<string, number>;
}

export function readManifest(): Record<string, ManifestEntry> {
  return JSON.parse(readFileSync(join(CORPUS_DIR, 'MANIFEST.json'), 'utf8')) as Record<string, ManifestEntry>;
}

export function corpusPath(rel: string): string {
  return join(CORPUS_DIR, rel);
}

export function corpusBytes(rel: string): Uint8Array {
  return new Uint8Array(readFileSync(corpusPath(rel)));
}
