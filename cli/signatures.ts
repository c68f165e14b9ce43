// `scopeview signatures`: the signatures of every meta graph a SavedModel or MetaGraphDef holds,
// each input and output with its tensor, declared dtype and shape, and the op producing it.
import type { LoadResult } from '../core/io/load-result';
import { describeTensor } from '../core/graph/tensor-types';
import { signatureViews, type SignatureTensorView, type SignatureView } from '../core/pipeline/signatures';

export interface SignaturesJson {
  graphs: { index: number; source: string; tags: string[]; signatures: SignatureView[] }[];
}

/** The graphs that carry meta graph information (a plain GraphDef has no signatures to list). */
export function signaturesJson(r: LoadResult): SignaturesJson {
  const graphs: SignaturesJson['graphs'] = [];
  r.graphs.forEach((g, index) => {
    if (g.meta) graphs.push({ index, source: g.source, tags: [...g.meta.tags], signatures: signatureViews(g.meta, g.graph) });
  });
  return { graphs };
}

function tensorLine(dir: 'input' | 'output', t: SignatureTensorView): string {
  const producer = t.node === null ? 'no such node in the graph' : `${t.op ?? ''} ${t.node}`;
  return `      ${dir.padEnd(6)} ${t.key}: ${t.tensor}  ${describeTensor(t)}  (${producer})`;
}

export function signaturesText(r: LoadResult): string {
  const { graphs } = signaturesJson(r);
  const lines = [r.file];
  if (graphs.length === 0) lines.push('  no signatures: signatures live in SavedModels and MetaGraphDefs');
  for (const g of graphs) {
    lines.push(`  [${g.index}] ${g.source}, tags [${g.tags.join(', ')}]: ${g.signatures.length} signature${g.signatures.length === 1 ? '' : 's'}`);
    for (const s of g.signatures) {
      lines.push(`    ${s.key}${s.methodName ? ` (${s.methodName})` : ''}`);
      for (const t of s.inputs) lines.push(tensorLine('input', t));
      for (const t of s.outputs) lines.push(tensorLine('output', t));
    }
  }
  if (r.error) lines.push(`  error (${r.error.kind}${r.error.offset !== null ? ` at byte ${r.error.offset}` : ''}): ${r.error.message}`);
  return lines.join('\n');
}
