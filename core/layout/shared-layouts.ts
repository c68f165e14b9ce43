// Layouts shared between scopes of the same structure. Real models repeat blocks dozens of times
// (every layer's `kernel/Initializer`, each Adam slot, `discriminator` and `discriminator_1`), and
// such scopes give ELK the same graph with other ids. A scope input's structure key holds all that
// shapes its geometry (header, sizes, children's port positions, own ports' sides, edges by
// position); a scope whose key was laid out before takes that geometry under its own ids.
import { LayoutCancelled } from './worker-pool';
import { inputIds } from './layout-result';
import { portIsOut, type EdgeEnd, type ScopeInput, type ScopeLayout } from './types';

/**
 * A 52-bit hash of a sequence of numbers, fed their float64 bits: the structure key of every scope
 * of a graph is hashed, and building its text first was most of that time. Each 32-bit word is
 * scrambled before it enters two lanes (MurmurHash3's steps), and both lanes are mixed at the end:
 * the words of small integers differ only in a few high bits (-1 and 1 in the sign, 2 and 4 in the
 * exponent), and a plain multiply would carry such differences only upwards, out of the kept bits.
 */
export class NumberHash {
  private static readonly bits = new Float64Array(1);
  private static readonly words = new Uint32Array(NumberHash.bits.buffer);
  private a = 0x9747b28c;
  private b = 0x3c6ef372;

  add(v: number): void {
    NumberHash.bits[0] = v;
    this.word(NumberHash.words[0] as number);
    this.word(NumberHash.words[1] as number);
  }

  private word(w: number): void {
    let k = Math.imul(w, 0xcc9e2d51);
    k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
    this.a ^= k;
    this.a = Math.imul((this.a << 13) | (this.a >>> 19), 5) + 0xe6546b64;
    this.b ^= Math.imul(k ^ (k >>> 16), 0x85ebca6b);
    this.b = Math.imul((this.b << 17) | (this.b >>> 15), 9) + 0x7f4a7c15;
  }

  /** 52 bits, as a base-36 string. */
  digest(): string {
    const a = fmix(this.a ^ this.b);
    const b = fmix(this.b + Math.imul(a, 0x27d4eb2f));
    return ((a >>> 0) * 2 ** 20 + ((b >>> 0) & 0xfffff)).toString(36);
  }
}

/** MurmurHash3's final mix of a 32-bit lane: every input bit reaches every output bit. */
function fmix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** A hash of everything of `input` that its geometry depends on, with ids replaced by positions. */
export function structureKey(input: ScopeInput): string {
  const h = new NumberHash();
  // Counts first, so that the sections below cannot run into each other.
  for (const v of [input.header, input.nodes.length, input.aux.length, input.ownPorts.length, input.edges.length]) h.add(v);
  const index = new Map<number, number>();
  const portIndex = new Map<number, Map<number, number>>();
  input.nodes.forEach((n, i) => {
    index.set(n.id, i);
    h.add(n.width);
    h.add(n.height);
    h.add(n.ports.length);
    if (n.ports.length === 0) return;
    portIndex.set(n.id, new Map(n.ports.map((p, k) => [p.key, k])));
    for (const p of n.ports) {
      h.add(p.x);
      h.add(p.y);
    }
  });
  for (const a of input.aux) {
    h.add(a.width);
    h.add(a.height);
  }
  for (const key of input.ownPorts) h.add(portIsOut(key) ? 1 : 0);
  const own = new Map(input.ownPorts.map((key, k) => [key, k]));
  const end = (e: EdgeEnd): void => {
    if (e.node < 0) {
      h.add(-1);
      h.add(own.get(e.port) ?? -2);
    } else {
      h.add(index.get(e.node) ?? -2);
      h.add(e.port < 0 ? -1 : (portIndex.get(e.node)?.get(e.port) ?? -2));
    }
  };
  for (const e of input.edges) {
    end(e.from);
    end(e.to);
  }
  return h.digest();
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
  /** The counts of the input laid out first, not the input: thousands of inputs kept to the end made every young-generation collection copy them. */
  private readonly byKey = new Map<string, { readonly counts: string; readonly layout: Promise<ScopeLayout> }>();
  /** Scopes that took another scope's layout. */
  reused = 0;

  /** The layout of `input`: shared when its structure was laid out (or is being laid out), else from `run`. */
  async get(input: ScopeInput, stale: () => boolean, run: () => Promise<ScopeLayout>): Promise<ScopeLayout> {
    const key = structureKey(input);
    const counts = `${input.nodes.length},${input.aux.length},${input.ownPorts.length},${input.edges.length}`;
    for (;;) {
      const known = this.byKey.get(key);
      if (!known) break;
      if (known.counts !== counts) return run();
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
    const entry = { counts, layout };
    this.byKey.set(key, entry);
    layout.catch(() => {
      if (this.byKey.get(key) === entry) this.byKey.delete(key);
    });
    return layout;
  }
}
