// Remote reading benchmark (issue 15): the same 10^5-node event file opened by the CLI's openPath
// from local disk, over https-style Range requests to a Node server on 127.0.0.1, and from a local
// S3 server (s3rver) with the real SDK, both servers in a child process (a real store does its work
// on another machine, not on the reader's thread) — the ratio to local is the budget (≤ 1.5×). Then a large
// log (1 GB by default; SCOPEVIEW_BENCH_REMOTE_MB) with one graph near its start, read over HTTP:
// bytes transferred by the time the graph was decoded, and for the whole scan. And the app in
// Chromium (browser host): the same file through Open File and through Open URL.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { createWriteStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { tensorflow } from '../core/proto/generated/proto.js';
import { encodeRecords } from '../core/io/tfrecord-writer';
import { openPath } from '../cli/open-path';
import type { TransferMeter } from '../remote/remote-reader';
import { startHttpFileServer } from '../remote/test-support/http-file-server';
import { S3RVER_CREDENTIALS } from '../remote/test-support/s3-server';
import { ensureRendererBuild } from '../scripts/build-renderer';
import { haveChromium, launchChromium } from '../scripts/chromium';
import { serveStatic } from '../scripts/static-server';
import { tiledFile } from './load.bench';
import type { BenchRow } from './report';
import { scalarEvent } from './tfrecord.bench';

const OUT = join(import.meta.dirname, '.out');
const RUNS = 3;

/** The 10^5-node tiled GraphDef as TF1's FileWriter would log it. */
async function eventFileOf100k(): Promise<string> {
  const file = join(OUT, 'tiled-100000.tfevents');
  if (!existsSync(file)) {
    const graph = readFileSync(await tiledFile(100_000));
    writeFileSync(file, encodeRecords([
      tensorflow.Event.encode({ wallTime: 1.7e9, fileVersion: 'brain.Event:2' }).finish(),
      tensorflow.Event.encode({ wallTime: 1.7e9, graphDef: graph }).finish(),
    ]));
  }
  return file;
}

/** A log of `mb` MB: header, one graph, then scalar records (one 1 MiB block of them, repeated). */
async function largeLog(mb: number): Promise<string> {
  const file = join(OUT, `graph-then-scalars-${mb}mb.tfevents`);
  if (existsSync(file)) return file;
  const graph = readFileSync(await tiledFile(100_000));
  const head = encodeRecords([
    tensorflow.Event.encode({ wallTime: 1.7e9, fileVersion: 'brain.Event:2' }).finish(),
    tensorflow.Event.encode({ wallTime: 1.7e9, graphDef: graph }).finish(),
  ]);
  const records: Uint8Array[] = [];
  let size = 0;
  for (let i = 0; size < 1 << 20; i++) {
    const r = scalarEvent(i);
    records.push(r);
    size += r.length + 16;
  }
  const block = encodeRecords(records);
  const out = createWriteStream(file);
  out.write(head);
  for (let written = head.length; written < mb * 1e6; written += block.length) {
    if (!out.write(block)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  return file;
}

/** Seconds to open `path` with the CLI's openPath, checked to have found the graph. */
async function timeOpen(path: string, endpoint?: string): Promise<number> {
  const t0 = performance.now();
  const r = await openPath(path, {}, endpoint ? { endpoint } : {});
  const s = (performance.now() - t0) / 1000;
  if (r.error || r.graphs[0]?.graph.nodeCount !== 100_000) throw new Error(`bench: opening ${path} failed: ${JSON.stringify(r.error)}`);
  return s;
}

/** Best of RUNS for each of `paths`, taken in turns so that machine noise hits them alike. */
async function bestOpens(paths: readonly (readonly [string, string | undefined])[]): Promise<number[]> {
  const best = paths.map(() => Infinity);
  for (let i = 0; i < RUNS; i++) {
    for (const [k, [path, endpoint]] of paths.entries()) best[k] = Math.min(best[k] as number, await timeOpen(path, endpoint));
  }
  return best;
}

/**
 * The app in Chromium: seconds from choosing the file (the Open File input, or Open URL on a server
 * of another origin on 127.0.0.1) to the complete top level (`scopeview:complete`), best of RUNS,
 * taken in turns. The shell's pages read files the same way Open URL does (ranged fetches from the
 * session worker), from app:// instead of HTTP.
 */
async function appOpens(file: string, url: string): Promise<[number, number]> {
  const server = await serveStatic(ensureRendererBuild());
  const browser = await launchChromium();
  const best: [number, number] = [Infinity, Infinity];
  try {
    for (let i = 0; i <= RUNS; i++) {
      for (const k of [0, 1] as const) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
        const page = await context.newPage();
        await page.goto(server.url);
        const t0 = performance.now();
        if (k === 0) await page.setInputFiles('[data-testid="open-file"]', file);
        else {
          await page.fill('[data-testid="open-url-input"]', url);
          await page.click('[data-testid="open-url"]');
        }
        await page.waitForFunction(() => performance.getEntriesByName('scopeview:complete').length > 0, undefined, { timeout: 120_000, polling: 16 });
        // The first round warms Chromium and the server up and is not counted.
        if (i > 0) best[k] = Math.min(best[k], (performance.now() - t0) / 1000);
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return best;
}

/** The HTTP and S3 servers in a child process (bench/remote-servers-child.ts), serving `file`. */
async function startServersChild(file: string): Promise<{ http: string; s3: string; close(): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'remote-servers-child.ts'), file], { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`bench: the server process exited (${code}) before it was ready`)));
  });
  const { http, s3 } = JSON.parse(line) as { http: string; s3: string };
  return { http, s3, close: async () => { child.stdin.end(); await exited; } };
}

export async function benchRemote(): Promise<BenchRow[]> {
  mkdirSync(OUT, { recursive: true });
  Object.assign(process.env, S3RVER_CREDENTIALS);
  const rows: BenchRow[] = [];
  const file = await eventFileOf100k();
  const mb = statSync(file).size / 1e6;
  const servers = await startServersChild(file);
  try {
    const urls = [[file, undefined], [servers.http, undefined], ['s3://bench/run/events.out.tfevents.1', servers.s3]] as const;
    // One untimed round first, so that no figure pays for warming up the JIT.
    for (const [path, endpoint] of urls) await timeOpen(path, endpoint);
    const [local, overHttp, overS3] = (await bestOpens(urls)) as [number, number, number];
    const label = `local disk ${local.toFixed(2)} s`;
    rows.push({ name: `open 10^5-node event file (${mb.toFixed(0)} MB) over HTTP Range on loopback (server in its own process), CLI, best of ${RUNS}`, value: overHttp, unit: 's', budget: { limit: 1.5 * local, higherIsBetter: false }, baseline: { value: local, label } });
    rows.push({ name: `  ratio HTTP / local`, value: overHttp / local, unit: '×', budget: { limit: 1.5, higherIsBetter: false } });
    rows.push({ name: `open the same file from s3:// (s3rver on loopback in its own process, AWS SDK), best of ${RUNS}`, value: overS3, unit: 's', budget: { limit: 1.5 * local, higherIsBetter: false }, baseline: { value: local, label } });
    rows.push({ name: `  ratio S3 / local`, value: overS3 / local, unit: '×', budget: { limit: 1.5, higherIsBetter: false } });
  } finally {
    await servers.close();
  }

  if (haveChromium()) {
    const served = await startHttpFileServer({ '/run/events.out.tfevents.1': { path: file } }, { cors: true });
    try {
      const [picked, byUrl] = await appOpens(file, `${served.url}/run/events.out.tfevents.1`);
      rows.push({ name: `app in Chromium: open the same file by URL (Open URL, HTTP Range on loopback) → complete top level, best of ${RUNS}`, value: byUrl, unit: 's', budget: { limit: 1.5 * picked, higherIsBetter: false }, baseline: { value: picked, label: `Open File ${picked.toFixed(2)} s` } });
      rows.push({ name: `  ratio URL / file`, value: byUrl / picked, unit: '×', budget: { limit: 1.5, higherIsBetter: false } });
    } finally {
      await served.close();
    }
  } else console.error('bench remote: app rows skipped: no Chromium (set SCOPEVIEW_CHROMIUM)');

  const bigMb = Number(process.env['SCOPEVIEW_BENCH_REMOTE_MB'] ?? 1024);
  const big = await largeLog(bigMb);
  const size = statSync(big).size;
  const server = await startHttpFileServer({ '/big': { path: big } });
  try {
    const meter: TransferMeter = { bytes: 0, requests: 0 };
    let atGraph = -1;
    let graphSeconds = -1;
    const t0 = performance.now();
    const r = await openPath(`${server.url}/big`, {
      onGraphBytes: () => {
        if (atGraph < 0) {
          atGraph = meter.bytes;
          graphSeconds = (performance.now() - t0) / 1000;
        }
      },
    }, { meter });
    const total = (performance.now() - t0) / 1000;
    if (r.error || r.graphs.length !== 1) throw new Error(`bench: the large log did not load: ${JSON.stringify(r.error)}`);
    rows.push({ name: `${(size / 1e6).toFixed(0)} MB remote log, graph near its start: bytes transferred when the graph was decoded (${graphSeconds.toFixed(2)} s)`, value: atGraph / 1e6, unit: 'MB', note: `${meter.requests} requests in all` });
    rows.push({ name: `  the whole scan (every record checked for further graphs, ${total.toFixed(1)} s)`, value: meter.bytes / 1e6, unit: 'MB', baseline: { value: size / 1e6, label: 'file size' } });
  } finally {
    await server.close();
  }
  return rows;
}
