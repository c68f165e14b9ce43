// Which slot of a scene draws a hierarchy id: an open-addressing hash table in one Int32Array,
// built with the scene in the session worker and transferred with it, so that the canvas, the
// tooltip and the pane's actions look ids up in constant time without scanning `ids` or building
// a Map on the UI thread.

/** Int32s per table entry: id (-1 when empty), slot. */
const ENTRY = 2;

/** The id → slot table of a scene's first `count` ids (a later slot of a repeated id wins). */
export function slotTable(ids: Int32Array, count: number): Int32Array {
  let size = 8;
  while (size < 2 * count) size *= 2;
  const table = new Int32Array(ENTRY * size).fill(-1);
  const mask = size - 1;
  for (let slot = 0; slot < count; slot++) {
    const id = ids[slot] as number;
    let at = hash(id) & mask;
    while (table[ENTRY * at] !== -1 && table[ENTRY * at] !== id) at = (at + 1) & mask;
    table[ENTRY * at] = id;
    table[ENTRY * at + 1] = slot;
  }
  return table;
}

/** The slot of hierarchy id `id` in `table`, or -1. */
export function slotIn(table: Int32Array, id: number): number {
  if (id < 0) return -1;
  const mask = table.length / ENTRY - 1;
  for (let at = hash(id) & mask; ; at = (at + 1) & mask) {
    const key = table[ENTRY * at] as number;
    if (key === id) return table[ENTRY * at + 1] as number;
    if (key === -1) return -1;
  }
}

/** Fibonacci hashing: hierarchy ids of one scene are often runs, which this spreads over the table. */
function hash(id: number): number {
  return Math.imul(id, 0x9e3779b1) >>> 7;
}
