// Substring search over node names without scanning them: names are split at '/' into segments,
// and a 10^6-node graph has only thousands of distinct (lowercased) segments. A query without '/'
// is searched in the distinct segments alone, then marked down the tree of directories (name
// prefixes) and onto the nodes in two passes over typed arrays. A query with '/' must line up with
// the name's slashes: its first part ends a segment, middle parts equal whole segments, its last
// part starts a segment; each directory keeps a bit mask of how far such a match has come.
import type { Graph } from '../../graph/graph';
import { ChunkBuilder, findInSegments, type TextChunk } from './search-text';

/** Partial-match states per directory fit an int32 mask; longer slash chains are matched name by name. */
const MAX_SLASHES = 30;
const LINE_TERMINATOR = /[\n\r\u2028\u2029]/;

export class NamePaths {
  private constructor(
    /** Distinct lowercased segments, and the same joined for scanning. */
    private readonly segments: readonly string[],
    private readonly segmentId: ReadonlyMap<string, number>,
    private readonly segmentText: readonly TextChunk[],
    /** Directory 0 is the root (names without '/'); others have a parent and a last segment. */
    private readonly dirParent: Int32Array,
    private readonly dirSegment: Int32Array,
    private readonly nodeDir: Int32Array,
    private readonly nodeLeaf: Int32Array,
  ) {}

  static build(graph: Graph): NamePaths {
    const n = graph.nodeCount;
    const segmentId = new Map<string, number>();
    const exactSegment = new Map<string, number>();
    const segments: string[] = [];
    const segment = (s: string): number => {
      let id = exactSegment.get(s);
      if (id === undefined) {
        const lower = s.toLowerCase();
        id = segmentId.get(lower);
        if (id === undefined) {
          id = segments.length;
          segments.push(lower);
          segmentId.set(lower, id);
        }
        exactSegment.set(s, id);
      }
      return id;
    };
    const dirIds = new Map<string, number>();
    const dirParent: number[] = [-1];
    const dirSegment: number[] = [-1];
    const ensureDir = (path: string): number => {
      // Iterative: a hostile name may hold thousands of slashes.
      const missing: string[] = [];
      let parent = 0;
      for (let p = path; ; ) {
        const hit = dirIds.get(p);
        if (hit !== undefined) {
          parent = hit;
          break;
        }
        missing.push(p);
        const slash = p.lastIndexOf('/');
        if (slash < 0) break;
        p = p.slice(0, slash);
      }
      for (let k = missing.length - 1; k >= 0; k--) {
        const p = missing[k] as string;
        const id = dirParent.length;
        dirParent.push(parent);
        dirSegment.push(segment(p.slice(p.lastIndexOf('/') + 1)));
        dirIds.set(p, id);
        parent = id;
      }
      return parent;
    };
    const nodeDir = new Int32Array(n);
    const nodeLeaf = new Int32Array(n);
    let lastDir = '';
    let lastDirId = -1;
    for (let i = 0; i < n; i++) {
      const name = graph.name(i);
      const slash = name.lastIndexOf('/');
      if (slash < 0) nodeDir[i] = 0;
      // Graph order keeps siblings together: most names reuse the previous directory.
      else if (slash === lastDir.length && lastDirId >= 0 && name.startsWith(lastDir)) nodeDir[i] = lastDirId;
      else {
        lastDir = name.slice(0, slash);
        lastDirId = ensureDir(lastDir);
        nodeDir[i] = lastDirId;
      }
      nodeLeaf[i] = segment(slash < 0 ? name : name.slice(slash + 1));
    }
    const text = new ChunkBuilder(false);
    for (const s of segments) text.add(s);
    return new NamePaths(segments, segmentId, text.finish(), Int32Array.from(dirParent), Int32Array.from(dirSegment), nodeDir, nodeLeaf);
  }

  /** Whether some name holds a line terminator (every character of a name is in a segment or a '/'). */
  get hasLineTerminators(): boolean {
    return this.segments.some((s) => LINE_TERMINATOR.test(s));
  }

  get sizeEstimate(): number {
    return this.segmentText.reduce((s, c) => s + 2 * c.text.length + c.starts.byteLength, 0) + 4 * (this.dirParent.length * 2 + this.nodeDir.length * 2);
  }

  /**
   * Per node, non-zero when its lowercased name contains `needle` (lowercase): bit 1 when the match
   * lies in a directory segment, bit 2 when it ends in the leaf (the op's own name, ranked first);
   * null when the needle has too many slashes.
   */
  matches(needle: string): Uint8Array | null {
    const parts = needle.split('/');
    if (parts.length - 1 > MAX_SLASHES) return null;
    return parts.length === 1 ? this.inSegment(needle) : this.acrossSegments(parts);
  }

  /** Per node, 1 when one of its directory segments (lowercased) is in `segments`. */
  under(segments: ReadonlySet<string>): Uint8Array {
    const { dirParent, dirSegment, nodeDir } = this;
    const hit = Uint8Array.from(this.segments, (s) => (segments.has(s) ? 1 : 0));
    const found = new Uint8Array(dirParent.length);
    for (let d = 1; d < found.length; d++) found[d] = (found[dirParent[d] as number] as number) | (hit[dirSegment[d] as number] as number);
    return Uint8Array.from(nodeDir, (d) => found[d] as number);
  }

  private inSegment(needle: string): Uint8Array {
    const seg = new Uint8Array(this.segments.length);
    findInSegments(this.segmentText, needle, (s) => {
      seg[s] = 1;
      return s + 1;
    });
    const { dirParent, dirSegment, nodeDir, nodeLeaf } = this;
    const dirs = dirParent.length;
    // Parents come before their children, so one forward pass propagates down the tree.
    const found = new Uint8Array(dirs);
    for (let d = 1; d < dirs; d++) found[d] = (found[dirParent[d] as number] as number) | (seg[dirSegment[d] as number] as number);
    const out = new Uint8Array(nodeDir.length);
    for (let i = 0; i < out.length; i++) out[i] = (found[nodeDir[i] as number] as number) | ((seg[nodeLeaf[i] as number] as number) << 1);
    return out;
  }

  private acrossSegments(parts: readonly string[]): Uint8Array {
    const k = parts.length - 1;
    const first = parts[0] as string;
    const last = parts[k] as string;
    // Middle parts must be whole segments; one that is no segment rules out every name.
    const middle = parts.slice(1, k).map((p) => this.segmentId.get(p) ?? -1);
    const out = new Uint8Array(this.nodeDir.length);
    if (middle.includes(-1)) return out;
    const ends = Uint8Array.from(this.segments, (s) => (s.endsWith(first) ? 1 : 0));
    const starts = Uint8Array.from(this.segments, (s) => (s.startsWith(last) ? 1 : 0));
    const { dirParent, dirSegment, nodeDir, nodeLeaf } = this;
    const dirs = dirParent.length;
    const done = 1 << k;
    // Bit j of state[d]: the path up to d ends with parts 0 .. j-1 matched.
    const state = new Int32Array(dirs);
    const found = new Uint8Array(dirs);
    for (let d = 1; d < dirs; d++) {
      const p = dirParent[d] as number;
      const s = dirSegment[d] as number;
      const before = state[p] as number;
      found[d] = (found[p] as number) | ((before & done) !== 0 && starts[s] ? 1 : 0);
      let next = ends[s] ? 2 : 0;
      for (let j = 1; j < k; j++) if (before & (1 << j) && middle[j - 1] === s) next |= 1 << (j + 1);
      state[d] = next;
    }
    for (let i = 0; i < out.length; i++) {
      const d = nodeDir[i] as number;
      out[i] = (found[d] as number) | ((state[d] as number) & done && starts[nodeLeaf[i] as number] ? 2 : 0);
    }
    return out;
  }
}
