// The first frame of a large graph, drawn while the scope engine still works: the top-level
// scopes and ops read straight off the node names (one pass, no edges), with their op counts, in
// the fast layout's grid. It is replaced by the real top level (edges, series, extraction) as soon
// as that is ready; until then it only shows, it does not answer clicks.
import type { Graph } from '../graph/graph';
import { fastLayout } from '../layout/fast-layout';
import { boxSize, opsLabel, PADDING } from '../layout/node-sizes';
import { fitText, LABEL_METRICS } from '../layout/text-metrics';
import type { InputNode } from '../layout/types';
import { DEFAULT_SETTINGS } from '../layout/layout-engine';
import { H_OP, H_SCOPE } from '../scope/hierarchy';
import { SHAPE_OP, SHAPE_SCOPE, type Scene } from './scene';

export function previewScene(graph: Graph, now: () => number): Scene {
  const groups = new Map<string, { ops: number; scope: boolean }>();
  for (let i = 0; i < graph.nodeCount; i++) {
    const name = graph.name(i);
    const slash = name.indexOf('/');
    const top = slash < 0 ? name : name.slice(0, slash);
    const g = groups.get(top);
    if (g) {
      g.ops++;
      g.scope ||= slash >= 0;
    } else groups.set(top, { ops: 1, scope: slash >= 0 });
  }
  const entries = [...groups.entries()];
  const n = entries.length;
  const nodes: InputNode[] = entries.map(([name, g], id) => ({
    id, ...boxSize(g.scope ? H_SCOPE : H_OP, name, g.scope ? opsLabel(g.ops) : '', LABEL_METRICS), ports: [],
  }));
  const layout = fastLayout({ scope: -1, settings: DEFAULT_SETTINGS, header: 0, nodes, aux: [], ownPorts: [], edges: [] }, now, false);
  const boxes = new Float32Array(4 * n);
  const ids = new Int32Array(n);
  const shapes = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const id = layout.nodeIds[i] as number;
    ids[i] = id;
    boxes.set(layout.nodeBoxes.subarray(4 * i, 4 * i + 4), 4 * i);
    shapes[i] = (entries[id] as [string, { scope: boolean }])[1].scope ? SHAPE_SCOPE : SHAPE_OP;
  }
  const names = Array.from(ids, (id) => (entries[id] as [string, unknown])[0]);
  const none = (): Int32Array => new Int32Array(n).fill(-1);
  return {
    width: layout.width,
    height: layout.height,
    nodeCount: n,
    ids, boxes, shapes,
    depth: new Uint8Array(n),
    aux: new Uint8Array(n),
    parentSlot: new Int32Array(n).fill(-1),
    names,
    labels: names.map((name, i) => fitText(name, Math.max(0, (boxes[4 * i + 2] as number) - PADDING), LABEL_METRICS)),
    sublabels: Array.from(ids, (id) => {
      const g = (entries[id] as [string, { ops: number; scope: boolean }])[1];
      return g.scope ? opsLabel(g.ops) : '';
    }),
    keys: { structure: none(), op: none(), device: none(), xla: none() },
    tables: { structure: [], op: [], device: [], xla: [] },
    compute: null,
    memory: null,
    edgeCount: 0,
    edgeFrom: new Int32Array(0),
    edgeTo: new Int32Array(0),
    edgeKind: new Uint8Array(0),
    edgeMultiplicity: new Int32Array(0),
    edgeElements: new Float64Array(0),
    pointStart: new Int32Array(1),
    points: new Float32Array(0),
    notices: [],
    preview: true,
    diff: null,
    badges: null,
  };
}
