// Benchmark of the TFRecord scan (framing + both CRCs) over a scalar-heavy log of 10^6 records,
// the shape of a long training run's event file, against the >= 200 MB/s budget.
import { memorySource } from '../core/io/byte-source';
import { encodeRecords } from '../core/io/tfrecord-writer';
import { scanRecords } from '../core/io/tfrecord-reader';
import type { BenchRow } from './report';

const RECORDS = 1_000_000;
const TAGS = ['loss', 'accuracy', 'train/cross_entropy', 'learning_rate', 'eval/precision_at_1'].map((t) => new TextEncoder().encode(t));

/** Event{wall_time, step, summary{value{tag, simple_value}}}, encoded by hand: the generated
 *  decoders omit simple_value because the app never decodes scalars. */
export function scalarEvent(step: number): Uint8Array {
  const tag = TAGS[step % TAGS.length]!;
  const value = [0x0a, tag.length, ...tag, 0x15, 0, 0, 0, 0]; // Value.tag=1, Value.simple_value=2 (float)
  const summary = [0x0a, value.length, ...value]; // Summary.value=1
  const out: number[] = [0x09, 0, 0, 0, 0, 0, 0, 0, 0, 0x10]; // Event.wall_time=1 (double), Event.step=2 (varint)
  for (let s = step; ; s = Math.floor(s / 128)) {
    if (s < 128) { out.push(s); break; }
    out.push((s & 0x7f) | 0x80);
  }
  out.push(0x2a, summary.length, ...summary); // Event.summary=5
  const bytes = Uint8Array.from(out);
  const view = new DataView(bytes.buffer);
  view.setFloat64(1, 1.7e9 + step * 0.25, true);
  view.setFloat32(bytes.length - 4, Math.exp(-step / 1e5), true);
  return bytes;
}

export async function benchTfrecord(): Promise<BenchRow[]> {
  const file = encodeRecords(Array.from({ length: RECORDS }, (_, i) => scalarEvent(i)));
  const source = memorySource('scalars.tfevents', file);
  let best = Infinity;
  for (let run = 0; run < 4; run++) {
    let seen = 0;
    const t0 = performance.now();
    const result = await scanRecords(source, (_b, s, e) => { seen += e - s; });
    const ms = performance.now() - t0;
    if (result.records !== RECORDS || result.error !== null || seen === 0) throw new Error(`bench scan read ${result.records} records`);
    if (run > 0) best = Math.min(best, ms); // run 0 warms up the JIT
  }
  const mb = file.length / 1e6;
  return [{
    name: 'scan TFRecord log, 10^6 scalar events',
    value: mb / (best / 1000),
    unit: 'MB/s',
    budget: { limit: 200, higherIsBetter: true },
    note: `${mb.toFixed(1)} MB, ${(file.length / RECORDS).toFixed(0)} B/record, CRCs checked, best of 3`,
  }];
}
