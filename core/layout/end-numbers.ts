// Numbers for the ends of a scope's edges (a child or an own port, with the port it meets) and one
// number per pair of them: edges are merged under these instead of a text key per edge, which was
// most of the merging's time on a graph of 15K nodes. Every number stays below 2^53.

/**
 * Room for a port key (+1) in an end's key, and for an end's number in a pair's: port keys are
 * twice a hierarchy node's id (plus one), so graphs of up to 8 million hierarchy nodes fit, and a
 * scope's ends, at most two per edge, up to 2^26. Beyond either, `of` throws rather than merge
 * edges that differ.
 */
export const PORT_ROOM = 2 ** 24;
export const END_ROOM = 2 ** 26;

/** Ends numbered 0, 1, 2, ... in the order they are first met. */
export class EndNumbers {
  private readonly ids = new Map<number, number>();

  /** `lowest`: the smallest node (or item) number an end can have. */
  constructor(private readonly lowest: number) {}

  /** The number of the end at `node` and `port` (-1: the node itself). */
  of(node: number, port: number): number {
    if (port + 1 >= PORT_ROOM) throw new RangeError(`end-numbers: port key ${port} is beyond ${PORT_ROOM - 2}`);
    const key = (node - this.lowest) * PORT_ROOM + port + 1;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.ids.size;
      if (id >= END_ROOM) throw new RangeError(`end-numbers: more than ${END_ROOM} ends`);
      this.ids.set(key, id);
    }
    return id;
  }
}

/** One number for the pair of ends `a` → `b`. */
export const endPair = (a: number, b: number): number => a * END_ROOM + b;
