// The committed static decoders must match what protobufjs-cli generates from proto/ today.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';

it('core/proto/generated is up to date with proto/', () => {
  const r = spawnSync(process.execPath, [join(import.meta.dirname, 'gen-proto.mjs'), '--check'], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(r.stdout).toContain('up to date');
}, 120_000);
