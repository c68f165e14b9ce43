// Opening what is not a graph, as a user meets it: a failed open never leaves the previous graph
// on screen under the new name; errors say what the file is in a user's words with the decoder's
// detail and offset beneath; a folder of graph files without event logs opens them; the
// truncation banner says the graph shown is complete and can be dismissed.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { tensorflow } from '../../core/proto/generated/proto.js';
import { CORPUS_DIR, HAVE_CORPUS } from '../../core/test-support/corpus';
import { type App, afterWork, appPerSuite, boxOf, canvasShot, dropFiles, inkRatio, openDemo, ROOT, skipReason, waitReady } from './harness';

const skip = skipReason();
if (skip) console.log(`UI end-to-end suite ${skip}`);
const README = join(ROOT, 'README.md');
const TRUNCATED = join(CORPUS_DIR, 'corrupt_real_world/morvan_tf20_RNN2.2/events.out.tfevents.1490697588.Morvan');

/** What the user sees of the file shown: the status bar's name, and whether the canvas draws anything. */
async function shown(app: App): Promise<{ status: string; ink: number; conv1: boolean }> {
  return {
    status: (await app.page.textContent('.status')) ?? '',
    ink: inkRatio(await canvasShot(app.page)),
    conv1: (await boxOf(app.page, 'conv1')) !== null,
  };
}

describe.skipIf(skip !== null)('opening what is not a graph (Chromium)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'scopeview-open-'));
  const current = appPerSuite(openDemo);
  let app: App;
  beforeEach(() => {
    app = current();
  });

  it('a README after the demo: the error names it as not a graph file, and the demo is gone from the canvas', async () => {
    expect((await shown(app)).conv1).toBe(true);
    await dropFiles(app.page, [README]);
    await app.page.waitForSelector('[data-testid="load-error"]');
    await waitReady(app.page);
    const error = (await app.page.textContent('[data-testid="load-error"] strong')) ?? '';
    expect(error).toBe('README.md is not a TensorFlow graph file (event log, GraphDef, MetaGraphDef or SavedModel)');
    const detail = (await app.page.textContent('[data-testid="load-error"] .detail')) ?? '';
    expect(detail).toMatch(/README\.md at byte 0: .*wire type/);
    const now = await shown(app);
    expect(now.status).toContain('README.md');
    expect(now.conv1).toBe(false);
    expect(now.ink).toBeLessThan(0.01);
    expect(await app.page.textContent('[data-testid="canvas-empty"]')).toContain('README.md holds no graph');
    expect(await app.page.locator('[data-testid="legend"]').count()).toBe(0);
    expect(await app.page.locator('[data-testid="minimap"]').isVisible()).toBe(false);
    await app.page.screenshot({ path: '/tmp/sv26a/readme-error.png' });
  });

  it('a broken SavedModel folder after the demo: the same, the canvas cleared', async () => {
    await app.page.click('[data-testid="brand"], .brand');
    await app.page.click('[data-testid="open-demo"]');
    await waitReady(app.page);
    expect((await shown(app)).conv1).toBe(true);
    const broken = join(dir, 'broken_model');
    mkdirSync(join(broken, 'variables'), { recursive: true });
    writeFileSync(join(broken, 'saved_model.pb'), 'this is not a protobuf: the export was interrupted\n');
    writeFileSync(join(broken, 'variables/variables.index'), 'x');
    await app.page.setInputFiles('[data-testid="open-folder"]', broken);
    await app.page.waitForSelector('[data-testid="load-error"]');
    await waitReady(app.page);
    expect(await app.page.textContent('[data-testid="load-error"] strong')).toContain('saved_model.pb is not a TensorFlow graph file');
    const now = await shown(app);
    expect(now.status).toContain('broken_model');
    expect(now.conv1).toBe(false);
    expect(now.ink).toBeLessThan(0.01);
  });

  it('a folder holding only export.meta opens the graph in it', async () => {
    const exported = join(dir, 'exported');
    mkdirSync(exported);
    const graph = tensorflow.GraphDef.decode(readFileSync(join(ROOT, 'fixtures/generated/demo.pb')));
    writeFileSync(join(exported, 'export.meta'), tensorflow.MetaGraphDef.encode({ graphDef: graph }).finish());
    writeFileSync(join(exported, 'checkpoint'), 'model_checkpoint_path: "model.ckpt"\n');
    await afterWork(app.page, () => app.page.setInputFiles('[data-testid="open-folder"]', exported));
    expect(await app.page.locator('[data-testid="load-error"]').count()).toBe(0);
    expect(await app.page.locator('[data-testid="load-warning"]').count()).toBe(0);
    expect((await shown(app)).conv1).toBe(true);
    expect(await app.page.textContent('.status')).toContain('exported');
  });

  it.skipIf(!HAVE_CORPUS)('a truncated log: the banner says the graph shown is complete, and can be dismissed', async () => {
    await afterWork(app.page, () => dropFiles(app.page, [TRUNCATED]));
    const banner = (await app.page.textContent('[data-testid="load-warning"]')) ?? '';
    expect(banner).toContain('Truncated file');
    expect(banner).toMatch(/135,?552/);
    expect(banner).toContain('The graph shown is complete');
    await app.page.screenshot({ path: '/tmp/sv26a/truncated-banner.png' });
    await app.page.click('[data-testid="dismiss-warnings"]');
    expect(await app.page.locator('[data-testid="load-warning"]').count()).toBe(0);
    expect(await app.page.textContent('.status')).toContain('575 nodes');
    expect(app.errors).toEqual([]);
  });
});
