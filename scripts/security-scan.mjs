// `npm run test:security`: runs @doyensec/electronegativity over what the desktop app ships (the
// shell in electron/ and the common/ floor it shares, the page in renderer/, package.json for the Electron version) and fails on
// any high or medium finding that docs/SECURITY.md does not justify by check id and file.
// Tests are left out (they are not shipped). The check that downloads Electron's release list is
// skipped: this machine is offline, and the version is pinned in package.json anyway.
// Then the remote-reading regression tests (issue 27: hostile servers, secrets, sockets) run, against
// servers they start on 127.0.0.1.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
// The programmatic API: the package's CLI breaks against the commander version hoisted here.
const run = require('@doyensec/electronegativity');
const electronVersion = require('electron/package.json').version;

const stage = mkdtempSync(join(tmpdir(), 'scopeview-scan-'));
const shipped = (src) => !/\.test\.tsx?$/.test(src) && !src.includes(`${join('renderer', 'bench')}`);
try {
  cpSync(join(root, 'common'), join(stage, 'common'), { recursive: true, filter: shipped });
  cpSync(join(root, 'electron'), join(stage, 'electron'), { recursive: true, filter: shipped });
  cpSync(join(root, 'renderer'), join(stage, 'renderer'), { recursive: true, filter: shipped });
  cpSync(join(root, 'package.json'), join(stage, 'package.json'));
  const result = await run({
    input: stage,
    isRelative: true,
    electronVersionOverride: electronVersion,
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    severitySet: 'informational',
    confidenceSet: 'tentative',
  });
  const security = readFileSync(join(root, 'docs/SECURITY.md'), 'utf8');
  // A justification is a line of docs/SECURITY.md naming both the check id and the file.
  const justified = (issue) => security.split('\n').some((line) => line.includes(issue.id) && line.includes(issue.file));
  let failures = 0;
  for (const issue of result.issues) {
    const serious = issue.severity.value >= 2; // MEDIUM = 2, HIGH = 3 in electronegativity's scale
    const ok = !serious || justified(issue);
    if (!ok) failures++;
    console.log(`${ok ? (serious ? 'justified' : 'note     ') : 'FAIL     '} ${issue.severity.name.padEnd(13)} ${issue.id.padEnd(28)} ${issue.file}:${issue.location.line}`);
  }
  const parseErrors = result.errors.filter((e) => !e.tolerable);
  for (const e of parseErrors) console.log(`FAIL      could not parse ${e.file}: ${e.message}`);
  console.log(`electronegativity (Electron ${electronVersion}): ${result.atomicChecks + result.globalChecks} checks, ${result.issues.length} findings, ${failures + parseErrors.length} unjustified high/medium or unparsed`);
  process.exitCode = failures + parseErrors.length > 0 ? 1 : 0;
} finally {
  rmSync(stage, { recursive: true, force: true });
}

// The remote layer's hardening, as unit tests (they also run with the rest of `npm run test:unit`).
const REMOTE_TESTS = [
  'remote/http-hardening.test.ts',
  'remote/store-hardening.test.ts',
  'remote/outside-sockets.test.ts',
  'remote/remote-location.test.ts',
  'cli/open-remote-names.test.ts',
  'electron/main/remote-inputs-hardening.test.ts',
];
const vitest = spawnSync(process.execPath, [join(root, 'node_modules/vitest/vitest.mjs'), 'run', ...REMOTE_TESTS], { cwd: root, stdio: 'inherit' });
if (vitest.status !== 0) process.exitCode = 1;
