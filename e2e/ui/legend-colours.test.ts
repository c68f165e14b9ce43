// Colours and legend as a user sees them: the demo's structure colours are the same whether it is
// opened first or after another file; legend entries carry their full names on hover; edges are
// explained.
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { beforeEach, describe, expect, it } from 'vitest';
import { CORPUS_DIR, HAVE_CORPUS } from '../../core/test-support/corpus';
import { afterWork, appPerSuite, boxOf, dropFiles, ROOT, skipReason, waitReady, type App } from './harness';
import { shot } from './shots';

const skip = skipReason() ?? (HAVE_CORPUS ? null : 'skipped: no corpus');
if (skip) console.log(`UI end-to-end suite ${skip}`);
const DEMO = join(CORPUS_DIR, 'tensorboard/demo_graph.pbtxt');

/** The most common colour inside the box of `name` (its fill), as r,g,b. */
async function fillOf(app: App, name: string): Promise<string> {
  const b = await boxOf(app.page, name);
  if (!b) throw new Error(`${name} is not drawn`);
  const img = PNG.sync.read(await app.page.screenshot({ clip: { x: b.x + 2, y: b.y + 2, width: Math.max(1, b.width - 4), height: Math.max(1, b.height - 4) } }));
  const counts = new Map<string, number>();
  for (let i = 0; i < img.data.length; i += 4) {
    const k = `${img.data[i]},${img.data[i + 1]},${img.data[i + 2]}`;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts].sort((x, y) => y[1] - x[1])[0]?.[0] ?? '';
}

describe.skipIf(skip !== null)('colours and legend (Chromium)', () => {
  const current = appPerSuite();
  let app: App;
  beforeEach(() => {
    app = current();
  });

  it('the demo graph gets the same structure colours whatever was opened before', async () => {
    await dropFiles(app.page, [DEMO]);
    await waitReady(app.page);
    const first = await fillOf(app, 'hidden_biases');
    await afterWork(app.page, () => dropFiles(app.page, [join(ROOT, 'fixtures/generated/demo.pb')]));
    await afterWork(app.page, () => dropFiles(app.page, [DEMO]));
    expect(await fillOf(app, 'hidden_biases')).toBe(first);
  });

  it('legend entries carry their full names, and the edges are explained', async () => {
    const titles = await app.page.locator('[data-testid="legend-entry"]').evaluateAll((els) => els.map((e) => e.getAttribute('title')));
    expect(titles).toContain('hidden_biases');
    const edges = await app.page.locator('[data-testid="edge-legend"] li').evaluateAll((els) => els.map((e) => e.getAttribute('data-edge')));
    expect(edges).toContain('data');
    await shot(app, 'legend.png');
    expect(app.errors).toEqual([]);
  });
});
