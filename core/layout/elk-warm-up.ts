// A small scope laid out once by ELK when a layout worker starts, before any request: ELK's first
// layouts in a fresh worker run its code cold (3-5× slower than warm), and the app's worker starts
// with the page, long before a file is read, with nothing better to do. The scope has what real ones have: an
// open child with ports at fixed positions, ports of its own on both sides, a long edge and a cross.
import { elkLayout } from './elk-layout';
import { DEFAULT_SETTINGS } from './layout-engine';
import { portKey, type InputEdge, type InputNode, type ScopeInput } from './types';

const box = (id: number, ports: InputNode['ports'] = []): InputNode => ({ id, width: 90, height: 28, ports });
const edge = (from: InputEdge['from'], to: InputEdge['to']): InputEdge => ({ from, to, data: 1, control: 0, ref: 0, elements: 1 });
const child = (node: number, port = -1): InputEdge['from'] => ({ node, port });

/** Enough to compile ELK's layered pipeline, port handling and routing; laid out `rounds` times. */
export function warmUpElk(now: () => number, rounds = 3): void {
  const inKey = portKey(90, false);
  const outKey = portKey(91, true);
  const openIn = portKey(5, false);
  const input: ScopeInput = {
    scope: 0, settings: DEFAULT_SETTINGS, header: 20, aux: [], ownPorts: [inKey, outKey],
    nodes: [box(1), box(2), box(3), { id: 4, width: 160, height: 90, ports: [{ key: openIn, x: 80, y: 90 }] }, box(5)],
    edges: [
      edge({ node: -1, port: inKey }, child(1)), edge(child(1), child(2)), edge(child(1), child(3)), edge(child(2), child(5)),
      edge(child(3), child(5)), edge(child(5), child(4, openIn)), edge(child(1), child(4, openIn)), edge(child(4), { node: -1, port: outKey }),
      edge(child(2), child(4, openIn)), edge(child(3), { node: -1, port: outKey }),
    ],
  };
  for (let k = 0; k < rounds; k++) elkLayout(input, now);
}
