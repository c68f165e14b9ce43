// The graph selector on real logdirs: graphs grouped by run, the meta_graph_def that repeats a
// graph_def marked, correct plurals, and a TF2 graph's library functions in a sorted, filterable
// list of their own that opens the function chosen.
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { CORPUS_DIR, HAVE_CORPUS } from '../../core/test-support/corpus';
import { afterWork, appPerSuite, skipReason, waitReady, type App } from './harness';
import { shot } from './shots';

const skip = skipReason() ?? (HAVE_CORPUS ? null : 'skipped: no corpus');
if (skip) console.log(`UI end-to-end suite ${skip}`);
const CS20 = join(CORPUS_DIR, 'cs20_fork_graphs');
const KERAS_TF2 = join(CORPUS_DIR, 'tf2_keras_callback');

describe.skipIf(skip !== null)('graph selector (Chromium)', () => {
  const current = appPerSuite();
  let app: App;
  beforeEach(() => {
    app = current();
  });

  it('groups a logdir by run, marks repeated graphs and counts in correct plurals', async () => {
    await app.page.waitForSelector('[data-testid="start-screen"]');
    await app.page.setInputFiles('[data-testid="open-folder"]', CS20);
    await waitReady(app.page);
    const groups = await app.page.$$eval('[data-testid="graph-select"] optgroup', (els) => els.map((g) => ({
      label: g.getAttribute('label'),
      options: [...g.querySelectorAll('option')].map((o) => o.textContent ?? ''),
    })));
    expect(groups.map((g) => g.label)).toEqual(['run lazy_loading', 'run logreg_placeholder', 'run normal_loading', 'run placeholders', 'run simple']);
    for (const g of groups) {
      expect(g.options).toHaveLength(2);
      expect(g.options[0]).toMatch(/^graph def — step 0 \(\d+ nodes\)$/);
      expect(g.options[1]).toMatch(/^meta graph def .*· same graph as the graph def$/);
    }
    // Options never repeat their run: it is the group's heading.
    expect(groups[0]?.options[0]).not.toContain('lazy_loading');
    expect(await app.page.locator('[data-testid="function-picker"]').count()).toBe(0);
  });

  it('a TF2 graph: its library functions in a sorted list that filters and opens the function chosen', async () => {
    await afterWork(app.page, () => app.page.setInputFiles('[data-testid="open-folder"]', KERAS_TF2));
    await afterWork(app.page, () => app.page.selectOption('[data-testid="graph-select"]', { label: 'graph def — step 0 (216 nodes)' }));
    expect(await app.page.locator('[data-testid="graph-select"] option').count()).toBe(2); // functions are not options
    expect(await app.page.textContent('[data-testid="function-button"]')).toBe('ƒ 6 functions');
    await app.page.click('[data-testid="function-button"]');
    const names = await app.page.locator('[data-testid="function-option"]').allTextContents();
    expect(names).toHaveLength(6);
    expect(names).toEqual([...names].sort());
    await shot(app, 'function-list.png');
    const wanted = names[names.length - 1] as string;
    await app.page.fill('[data-testid="function-filter"]', wanted.slice(-12).toUpperCase());
    const filtered = await app.page.locator('[data-testid="function-option"]').allTextContents();
    expect(filtered).toContain(wanted);
    expect(filtered.length).toBeLessThan(6);
    await afterWork(app.page, () => app.page.click(`[data-testid="function-option"] >> text="${wanted}"`));
    expect(await app.page.textContent('[data-testid="function-button"]')).toBe(`ƒ ${wanted}`);
    expect(await app.page.locator('[data-testid="function-list"]').count()).toBe(0);
    const status = (await app.page.textContent('.status')) ?? '';
    expect(status).toMatch(/\d+ nodes?/);
    await app.page.click('[data-testid="function-button"]');
    await afterWork(app.page, () => app.page.click('[data-testid="function-graph"]'));
    expect(await app.page.textContent('[data-testid="function-button"]')).toBe('ƒ 6 functions');
    expect(await app.page.textContent('.status')).toContain('216 nodes');
    expect(app.errors).toEqual([]);
  });
});
