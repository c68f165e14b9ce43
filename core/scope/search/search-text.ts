// Many short strings (node names, attribute keys and values) joined by '\n' into a few big strings
// with the offset of every segment, so that one native String.indexOf or global RegExp scan covers
// 10^6 segments instead of 10^6 calls. Matches are mapped back to segments by galloping search and
// rejected when they cross a segment boundary, so a separator inside a segment never gives a wrong
// answer. Texts are cut into chunks well below V8's maximum string length.

/** Segments first .. first + starts.length - 2, joined by '\n'. */
export interface TextChunk {
  readonly text: string;
  /** Offset of each segment, then a sentinel text.length + 1: segment k ends at starts[k + 1] - 1. */
  readonly starts: Int32Array;
  /** Global index of the chunk's first segment. */
  readonly first: number;
}

/** Chunks stay far below V8's string limit (2^29 characters). */
export const MAX_CHUNK_CHARS = 1 << 26;

/** Collects segments in order; `finish` returns them joined into chunks, lowercased if asked. */
export class ChunkBuilder {
  private parts: string[] = [];
  private chars = 0;
  private segments = 0;
  private readonly chunks: TextChunk[] = [];

  constructor(private readonly lower: boolean, private readonly maxChars = MAX_CHUNK_CHARS) {}

  add(segment: string): void {
    this.parts.push(segment);
    this.chars += segment.length + 1;
    if (this.chars >= this.maxChars) this.flush();
  }

  finish(): TextChunk[] {
    if (this.parts.length || this.chunks.length === 0) this.flush();
    return this.chunks;
  }

  private flush(): void {
    const parts = this.parts;
    const first = this.segments;
    const text = parts.join('\n');
    const lowered = this.lower ? text.toLowerCase() : text;
    if (lowered.length === text.length) this.chunks.push({ text: lowered, starts: startsOf(parts), first });
    else {
      // A few characters (U+0130) lowercase to two: lowercase segment by segment for exact offsets.
      const each = parts.map((p) => p.toLowerCase());
      this.chunks.push({ text: each.join('\n'), starts: startsOf(each), first });
    }
    this.segments += parts.length;
    this.parts = [];
    this.chars = 0;
  }
}

function startsOf(parts: readonly string[]): Int32Array {
  const starts = new Int32Array(parts.length + 1);
  let pos = 0;
  for (let k = 0; k < parts.length; k++) {
    starts[k] = pos;
    pos += (parts[k] as string).length + 1;
  }
  starts[parts.length] = pos;
  return starts;
}

/** The largest j >= k with starts[j] <= p, given starts[k] <= p < starts[last]. */
export function seekSegment(starts: Int32Array, k: number, p: number): number {
  const last = starts.length - 1;
  let lo = k;
  let step = 1;
  let hi = Math.min(lo + 1, last);
  // Gallop first: dense hits move a segment or two, sparse hits jump far.
  while ((starts[hi] as number) <= p && hi < last) {
    lo = hi;
    step *= 2;
    hi = Math.min(lo + step, last);
  }
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if ((starts[mid] as number) <= p) lo = mid;
    else hi = mid;
  }
  return lo;
}

/**
 * Called with each segment (global index, increasing) holding a match; returns the segment to
 * search on from (greater than the one given).
 */
export type SegmentVisitor = (segment: number) => number;

/** Visits the segments containing `needle`; a match must lie inside one segment. */
export function findInSegments(chunks: readonly TextChunk[], needle: string, visit: SegmentVisitor): void {
  let resume = 0;
  for (const c of chunks) {
    const { text, starts, first } = c;
    const count = starts.length - 1;
    if (resume >= first + count) continue;
    let k = Math.max(resume - first, 0);
    let pos = starts[k] as number;
    for (;;) {
      const p = text.indexOf(needle, pos);
      if (p < 0) break;
      k = seekSegment(starts, k, p);
      if (p + needle.length < (starts[k + 1] as number)) {
        resume = Math.max(visit(first + k), first + k + 1);
        k = resume - first;
        if (k >= count) break;
        pos = starts[k] as number;
      } else pos = p + 1;
    }
  }
}

/**
 * Visits the segments where the global, multiline regex `re` matches. A match running over a
 * segment's end is settled by `verify` (testing that segment alone), since another match inside
 * the segment may exist behind it.
 */
export function matchInSegments(chunks: readonly TextChunk[], re: RegExp, verify: (segment: number) => boolean, visit: SegmentVisitor): void {
  let resume = 0;
  for (const c of chunks) {
    const { text, starts, first } = c;
    const count = starts.length - 1;
    if (resume >= first + count) continue;
    let k = Math.max(resume - first, 0);
    re.lastIndex = starts[k] as number;
    for (;;) {
      const m = re.exec(text);
      if (!m) break;
      const p = m.index;
      k = seekSegment(starts, k, p);
      if (p + m[0].length < (starts[k + 1] as number) || verify(first + k)) {
        resume = Math.max(visit(first + k), first + k + 1);
        k = resume - first;
      } else k += 1;
      if (k >= count) break;
      re.lastIndex = starts[k] as number;
    }
  }
}
