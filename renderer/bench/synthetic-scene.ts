// A synthetic but realistic Scene for the canvas benchmark and the canvas tests: a grid of open
// top-level scopes, each holding a grid of open blocks of ops (with some constants, variables,
// series and closed scopes mixed in), sized as node-sizes.ts sizes them, with data, control and
// reference edges between neighbours routed as polylines. Deterministic for a given size.
import { HEADER, OP_HEIGHT, PADDING, SCOPE_HEIGHT, SERIES_HEIGHT } from '../../core/layout/node-sizes';
import { textWidth } from '../../core/layout/text-metrics';
import {
  EDGE_KIND_CONTROL, EDGE_KIND_DATA, EDGE_KIND_REF, SHAPE_CONST, SHAPE_OP, SHAPE_SCOPE, SHAPE_SCOPE_OPEN, SHAPE_SERIES,
  SHAPE_VARIABLE, StringTable, type Scene,
} from '../../core/pipeline/scene';

const COLS = 6;
const ROWS = 5;
const CELL_W = 132;
const ROW_PITCH = 62;
const BLOCK_COLS = 3;
const BLOCK_ROWS = 3;
const GAP = 36;
const OPS = ['MatMul', 'BiasAdd', 'Relu', 'Conv2D', 'Add', 'Mul', 'Reshape', 'Transpose', 'Softmax', 'Identity', 'ConcatV2', 'Sigmoid'];
const DEVICES = ['/device:GPU:0', '/device:GPU:1', '/device:CPU:0'];

/** Nodes in one top-level scope: itself, its blocks and their cells. */
export const NODES_PER_TOP = 1 + BLOCK_COLS * BLOCK_ROWS * (1 + COLS * ROWS);

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A scene of about `n` nodes (whole top-level scopes; at least one). */
export function syntheticScene(n: number, seed = 1): Scene {
  const rand = rng(seed);
  const tops = Math.max(1, Math.round(n / NODES_PER_TOP));
  const gridW = Math.ceil(Math.sqrt(tops));
  const blockW = 2 * PADDING + COLS * CELL_W;
  const blockH = HEADER + 2 * PADDING + ROWS * ROW_PITCH;
  const topW = 2 * PADDING + BLOCK_COLS * blockW + (BLOCK_COLS - 1) * GAP;
  const topH = HEADER + 2 * PADDING + BLOCK_ROWS * blockH + (BLOCK_ROWS - 1) * GAP;
  const boxes: number[] = [];
  const shapes: number[] = [];
  const depth: number[] = [];
  const parentSlot: number[] = [];
  const names: string[] = [];
  const labels: string[] = [];
  const sublabels: string[] = [];
  const keyArrays = { structure: [] as number[], op: [] as number[], device: [] as number[], xla: [] as number[] };
  const tables = { structure: new StringTable(), op: new StringTable(), device: new StringTable(), xla: new StringTable() };
  const compute: number[] = [];
  const memory: number[] = [];
  const eFrom: number[] = [];
  const eTo: number[] = [];
  const eKind: number[] = [];
  const eMult: number[] = [];
  const eElems: number[] = [];
  const pointStart: number[] = [0];
  const points: number[] = [];
  const addNode = (x: number, y: number, w: number, h: number, shape: number, d: number, parent: number, label: string, sub: string, op: string, structure: string | null): number => {
    const slot = shapes.length;
    boxes.push(x, y, w, h);
    shapes.push(shape);
    depth.push(d);
    parentSlot.push(parent);
    names.push(parent < 0 ? label : `${names[parent] ?? ''}/${label}`);
    labels.push(label);
    sublabels.push(sub);
    keyArrays.structure.push(structure === null ? -1 : tables.structure.key(structure));
    keyArrays.op.push(tables.op.key(op));
    keyArrays.device.push(tables.device.key(DEVICES[Math.floor(rand() * DEVICES.length)] as string));
    keyArrays.xla.push(rand() < 0.3 ? -1 : tables.xla.key(`cluster_${Math.floor(rand() * 6)}`));
    compute.push(rand() < 0.05 ? NaN : 10 ** (rand() * 5));
    memory.push(rand() < 0.05 ? NaN : 10 ** (2 + rand() * 7));
    return slot;
  };
  const addEdge = (from: number, to: number, pts: number[], e: number): void => {
    eFrom.push(from + 1);
    eTo.push(to + 1);
    eKind.push(e % 31 === 0 ? EDGE_KIND_REF : e % 9 === 0 ? EDGE_KIND_CONTROL : EDGE_KIND_DATA);
    eMult.push(e % 7 === 0 ? 2 + (e % 4) : 1);
    eElems.push(Math.round(10 ** (rand() * 7)));
    points.push(...pts);
    pointStart.push(points.length / 2);
  };
  let edgeNo = 1;
  for (let t = 0; t < tops; t++) {
    const tx = (t % gridW) * (topW + GAP * 2);
    const ty = Math.floor(t / gridW) * (topH + GAP * 2);
    const top = addNode(tx, ty, topW, topH, SHAPE_SCOPE_OPEN, 0, -1, `layer_${t}`, '', 'MatMul', 'layer');
    const blocks: number[] = [];
    for (let b = 0; b < BLOCK_COLS * BLOCK_ROWS; b++) {
      const bx = tx + PADDING + (b % BLOCK_COLS) * (blockW + GAP);
      const by = ty + HEADER + PADDING + Math.floor(b / BLOCK_COLS) * (blockH + GAP);
      const block = addNode(bx, by, blockW, blockH, SHAPE_SCOPE_OPEN, 1, top, `block_${b}`, '', 'Conv2D', b % 2 ? 'block' : null);
      blocks.push(block);
      const cells: number[] = [];
      for (let c = 0; c < COLS * ROWS; c++) {
        const col = c % COLS;
        const row = Math.floor(c / COLS);
        const cx = bx + PADDING + col * CELL_W + CELL_W / 2;
        const cy = by + HEADER + PADDING + row * ROW_PITCH + ROW_PITCH / 2;
        const op = OPS[Math.floor(rand() * OPS.length)] as string;
        const r = rand();
        let shape = SHAPE_OP;
        let label = `${op}_${(c * 7 + b) % 40}`;
        let sub = '';
        let w: number;
        let h = OP_HEIGHT;
        if (r < 0.07) {
          shape = SHAPE_CONST;
          label = `Const_${c}`;
        } else if (r < 0.12) {
          shape = SHAPE_VARIABLE;
          label = `kernel_${c}`;
        } else if (r < 0.17) {
          shape = SHAPE_SERIES;
          label = `${op}_[1-8]`;
          sub = `8 ops · ${op}`;
          h = SERIES_HEIGHT;
        } else if (r < 0.23) {
          shape = SHAPE_SCOPE;
          label = `dense_${c}`;
          sub = `${12 + (c % 30)} ops`;
          h = SCOPE_HEIGHT;
        }
        if (shape === SHAPE_SCOPE) w = Math.max(64, Math.ceil(Math.max(textWidth(label), textWidth(sub)) + 24));
        else if (shape === SHAPE_SERIES) w = Math.max(56, Math.ceil(Math.max(textWidth(label), textWidth(sub)) + 28));
        else w = Math.max(36, Math.ceil(textWidth(label) + 16));
        w = Math.min(w, CELL_W - 10);
        cells.push(addNode(cx - w / 2, cy - h / 2, w, h, shape, 2, block, label, sub, op, shape === SHAPE_SCOPE ? 'dense' : null));
      }
      // Edges between neighbouring cells: straight down, and a dog-leg to the next column.
      for (let c = 0; c + COLS < COLS * ROWS; c++) {
        const a = cells[c] as number;
        const d = cells[c + COLS] as number;
        const ax = (boxes[4 * a] as number) + (boxes[4 * a + 2] as number) / 2;
        const ay = (boxes[4 * a + 1] as number) + (boxes[4 * a + 3] as number);
        const dx = (boxes[4 * d] as number) + (boxes[4 * d + 2] as number) / 2;
        const dy = boxes[4 * d + 1] as number;
        addEdge(a, d, [ax, ay, dx, dy], edgeNo++);
        if (c % COLS < COLS - 1 && c % 2 === 0) {
          const e = cells[c + COLS + 1] as number;
          const ex = (boxes[4 * e] as number) + (boxes[4 * e + 2] as number) / 2 - 8;
          const ey = boxes[4 * e + 1] as number;
          const midY = (ay + ey) / 2;
          addEdge(a, e, [ax + 6, ay, ax + 6, midY, ex, midY + 4, ex, ey], edgeNo++);
        }
      }
    }
    // Block to block, down each column of blocks.
    for (let b = 0; b + BLOCK_COLS < blocks.length; b++) {
      const a = blocks[b] as number;
      const d = blocks[b + BLOCK_COLS] as number;
      const x = (boxes[4 * a] as number) + (boxes[4 * a + 2] as number) / 2;
      addEdge(a, d, [x, (boxes[4 * a + 1] as number) + (boxes[4 * a + 3] as number), x, boxes[4 * d + 1] as number], edgeNo++);
    }
  }
  const count = shapes.length;
  let width = 0;
  let height = 0;
  for (let i = 0; i < count; i++) {
    width = Math.max(width, (boxes[4 * i] as number) + (boxes[4 * i + 2] as number));
    height = Math.max(height, (boxes[4 * i + 1] as number) + (boxes[4 * i + 3] as number));
  }
  return {
    width, height, nodeCount: count,
    ids: Int32Array.from({ length: count }, (_, i) => i + 1),
    boxes: Float32Array.from(boxes), shapes: Uint8Array.from(shapes), depth: Uint8Array.from(depth), aux: new Uint8Array(count),
    parentSlot: Int32Array.from(parentSlot), names, labels, sublabels,
    keys: { structure: Int32Array.from(keyArrays.structure), op: Int32Array.from(keyArrays.op), device: Int32Array.from(keyArrays.device), xla: Int32Array.from(keyArrays.xla) },
    tables: { structure: tables.structure.values, op: tables.op.values, device: tables.device.values, xla: tables.xla.values },
    compute: Float32Array.from(compute), memory: Float32Array.from(memory),
    edgeCount: eFrom.length, edgeFrom: Int32Array.from(eFrom), edgeTo: Int32Array.from(eTo), edgeKind: Uint8Array.from(eKind),
    edgeMultiplicity: Int32Array.from(eMult), edgeElements: Float64Array.from(eElems), pointStart: Int32Array.from(pointStart),
    points: Float32Array.from(points), notices: [], layoutStats: null, preview: false, diff: null, badges: null,
  };
}
