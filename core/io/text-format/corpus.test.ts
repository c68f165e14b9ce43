// Every real-world .pbtxt of the corpus (MANIFEST.json kind "pbtxt") transcodes with the node and
// function counts recorded there, read in place from ../shared/tf-corpus.
import { describe, expect, it } from 'vitest';
import { tensorflow } from '../../proto/generated/proto.js';
import { LoadError } from '../errors';
import { corpusBytes, HAVE_CORPUS, readManifest, type ManifestEntry } from '../../test-support/corpus';
import { sniffTextFormat, textToBinary } from './index';

if (!HAVE_CORPUS) console.log('skipped: text-format corpus suite (no tf-corpus)');

/** The manifest also records, for text files, the producer and TensorFlow version it found. */
type TextEntry = ManifestEntry & { producer?: string | null; tf_version?: string | null };
const entries = HAVE_CORPUS ? (Object.entries(readManifest()) as [string, TextEntry][]).filter(([, m]) => m.kind === 'pbtxt') : [];
const head = (bytes: Uint8Array) => bytes.subarray(0, 64 * 1024);
const isText = ([rel]: [string, TextEntry]) => sniffTextFormat(head(corpusBytes(rel))) !== null;
/** DESIGN.md: the corpus has a binary GraphDef named .pbtxt. */
const BINARY_PBTXT = 'netron_testlist_github/mnist_model.pbtxt';

describe.skipIf(!HAVE_CORPUS)('corpus: text-format files', () => {
  it('holds the pbtxt files this suite expects', () => {
    expect(entries.length).toBeGreaterThanOrEqual(10);
    expect(entries.filter((e) => !isText(e)).map(([rel]) => rel)).toEqual([BINARY_PBTXT]);
  });

  it.each(entries.filter(isText))('%s', (rel, m) => {
    const bytes = corpusBytes(rel);
    const field = sniffTextFormat(head(bytes));
    if (m.meta_graphs === 0) {
      expect(['node', 'library', 'versions']).toContain(field);
      const g = tensorflow.GraphDef.decode(textToBinary(bytes, 'tensorflow.GraphDef', rel));
      expect(g.node).toHaveLength(m.node_top ?? -1);
      expect(g.library?.function?.length ?? 0).toBe(m.functions);
      expect(g.library?.function?.reduce((n, f) => n + (f.nodeDef?.length ?? 0), 0) ?? 0).toBe(m.function_node_defs);
      expect(String(g.versions?.producer ?? null)).toBe(String(m.producer ?? null));
    } else if (field === 'saved_model_schema_version' || field === 'meta_graphs') {
      const s = tensorflow.SavedModel.decode(textToBinary(bytes, 'tensorflow.SavedModel', rel));
      expect(s.metaGraphs).toHaveLength(m.meta_graphs as number);
      expect(s.metaGraphs[0]?.graphDef?.node).toHaveLength(m.node_any ?? -1);
      expect(s.metaGraphs[0]?.metaInfoDef?.tensorflowVersion).toBe(m.tf_version);
    } else {
      expect(m.meta_graphs).toBe(1);
      const mg = tensorflow.MetaGraphDef.decode(textToBinary(bytes, 'tensorflow.MetaGraphDef', rel));
      expect(mg.graphDef?.node).toHaveLength(m.node_any ?? -1);
      expect(mg.metaInfoDef?.tensorflowVersion).toBe(m.tf_version);
    }
  });

  it(`${BINARY_PBTXT} is a binary GraphDef: not sniffed as text, refused cleanly as text`, () => {
    const bytes = corpusBytes(BINARY_PBTXT);
    expect(sniffTextFormat(head(bytes))).toBeNull();
    let err: unknown = null;
    try {
      textToBinary(bytes, 'tensorflow.GraphDef', BINARY_PBTXT);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(LoadError);
    expect((err as LoadError).kind).toBe('malformed-text');
    expect((err as LoadError).message).toMatch(/^line \d+, column \d+: /);
    // The manifest's text parser recorded 0 nodes; as binary it is a full MNIST graph.
    const g = tensorflow.GraphDef.decode(bytes);
    expect(g.node).toHaveLength(113);
    expect(g.versions?.producer).toBe(26);
  });
});
