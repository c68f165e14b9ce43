// Object and folder names from a listing reach the terminal (`scopeview inspect` in text mode)
// without control characters, and every output without bidi controls (issue 27, finding 7), over
// the GCS stand-in on 127.0.0.1: the objects are still read by their real names.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGcs, type FakeGcs } from '../remote/test-support/gcs-server';
import { NO_METADATA_ENV } from '../remote/test-support/no-metadata';
import { inspectText } from './inspect';
import { openPath } from './open-path';

const DEMO = readFileSync(join(import.meta.dirname, '../fixtures/generated/demo/events.out.tfevents.0.scopeview'));
// eslint-disable-next-line no-control-regex
const HOSTILE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
let gcs: FakeGcs;
beforeAll(async () => {
  Object.assign(process.env, NO_METADATA_ENV);
  gcs = await startFakeGcs();
  gcs.buckets.set('evil', new Map([
    ['logs/\u001b]0;owned\u0007run/events.out.tfevents.1.h', DEMO],
    ['logs/\u001b[2Jclear\u202Egnp.exe/events.out.tfevents.2.h', DEMO],
  ]));
});
afterAll(async () => {
  await gcs?.close();
});

describe('names in text output', () => {
  it('strips control and bidi characters from run and file names, and still reads the objects', async () => {
    const r = await openPath('gs://evil/logs/', {}, { endpoint: gcs.url });
    expect(r.error).toBeNull();
    expect(new Set(r.graphs.map((g) => g.run))).toEqual(new Set([']0;ownedrun', '[2Jcleargnp.exe']));
    expect(r.graphs).toHaveLength(4);
    const text = inspectText(r);
    expect(text).not.toMatch(HOSTILE);
    expect(JSON.stringify(r.graphs.map((g) => g.file))).not.toMatch(HOSTILE);
  });
});
