// Layouts shared between scopes of the same structure. Real models repeat blocks dozens of times
// (every layer's `kernel/Initializer`, each Adam slot, `discriminator` and `discriminator_1`), and
// such scopes give ELK the same graph with other ids. A scope input's structure key holds all that
// shapes its geometry (header, sizes, children's port positions, own ports' sides, edges by
// position); a scope whose key was laid out before takes that geometry under its own ids.
import { LayoutCancelled } from './worker-pool';
import { hashString } from './layout-cache';
import { inputIds } from './layout-result';
import { portIsOut, type EdgeEnd, type ScopeInput, type ScopeLayout } from './types';

/** Everything of `input` that its geometry depends on, with ids replaced by positions. */
export function structureKey(input: ScopeInput): string {
  const parts: (number | string)[] = [input.header, input.nodes.length, input.aux.length, input.ownPorts.length, input.edges.length, '|'];
  const index = new Map<number, number>();
  const portIndex = new Map<number, Map<number, number>>();
  input.nodes.forEach((n, i) => {
    index.set(n.id, i);
    parts.push(n.width, n.height, n.ports.length);
    if (n.ports.length === 0) return;
    portIndex.set(n.id, new Map(n.ports.map((p, k) => [p.key, k])));
    for (const p of n.ports) parts.push(p.x, p.y);
  });
  parts.push('|');
  for (const a of input.aux) parts.push(a.width, a.height);
  parts.push('|');
  for (const key of input.ownPorts) parts.push(portIsOut(key) ? 1 : 0);
  parts.push('|');
  const own = new Map(input.ownPorts.map((key, k) => [key, k]));
  const end = (e: EdgeEnd): void => {
    if (e.node < 0) parts.push(-1, own.get(e.port) ?? -2);
    else parts.push(index.get(e.node) ?? -2, e.port < 0 ? -1 : (portIndex.get(e.node)?.get(e.port) ?? -2));
  };
  for (const e of input.edges) {
    end(e.from);
    end(e.to);
  }
  return parts.join(',');
}

/** `layout` (of a scope with the same structure key) under the ids of `input`. */
export function relabel(layout: ScopeLayout, input: ScopeInput): ScopeLayout {
  return { ...layout, ...inputIds(input), scope: input.scope, ms: 0 };
}

/**
 * Layouts by structure key, for one layout engine (one graph, one set of settings). The first scope
 * of a structure is laid out; the others wait for it, even while it runs, so equal scopes of the same
 * depth never occupy two workers. Keys are hashed; a hash collision between different structures
 * would need the same node, aux, port and edge counts as well before a layout is reused.
 */
export class SharedLayouts {
  private readonly byKey = new Map<string, { readonly input: ScopeInput; readonly layout: Promise<ScopeLayout> }>();
  /** Scopes that took another scope's layout. */
  reused = 0;

  /** The layout of `input`: shared when its structure was laid out (or is being laid out), else from `run`. */
  async get(input: ScopeInput, stale: () => boolean, run: () => Promise<ScopeLayout>): Promise<ScopeLayout> {
    const key = hashString(structureKey(input));
    for (;;) {
      const known = this.byKey.get(key);
      if (!known) break;
      const a = known.input;
      if (a.nodes.length !== input.nodes.length || a.aux.length !== input.aux.length || a.ownPorts.length !== input.ownPorts.length || a.edges.length !== input.edges.length) {
        return run();
      }
      try {
        const layout = await known.layout;
        this.reused++;
        return relabel(layout, input);
      } catch (err) {
        // The scope laid out first belonged to a request that went stale; this one lays out itself.
        if (!(err instanceof LayoutCancelled) || stale()) throw err;
        if (this.byKey.get(key) === known) this.byKey.delete(key);
      }
    }
    const layout = run();
    const entry = { input, layout };
    this.byKey.set(key, entry);
    layout.catch(() => {
      if (this.byKey.get(key) === entry) this.byKey.delete(key);
    });
    return layout;
  }
}
