// SavedModel signatures (issue 26): opening a SavedModel offers a Signatures tab listing each
// signature's method, inputs and outputs with dtype and shape; clicking a tensor opens the scopes
// holding its op, selects it and keeps the list shown.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, HAVE_CORPUS } from '../../core/test-support/corpus';
import { type App, appPerSuite, boxOf, dropFiles, skipReason, waitReady } from './harness';
import { shot } from './shots';

const skip = skipReason();
if (skip) console.log(`UI end-to-end suite ${skip}`);
const COUNTER = join(CORPUS_DIR, 'tf_serving/saved_model_counter/saved_model.pb');

type Hook = { selectedName(): string | null };
const selectedName = (app: App): Promise<string | null> => app.page.evaluate(() => (window as unknown as { scopeview: Hook }).scopeview.selectedName());

describe.skipIf(skip !== null || !HAVE_CORPUS)('SavedModel signatures (Chromium)', () => {
  const page = appPerSuite(async (app) => {
    await dropFiles(app.page, [COUNTER]);
    await waitReady(app.page);
  });

  it('lists every signature with its tensors and selects the op a clicked tensor comes from', async () => {
    const app = page();
    await app.page.click('[role="tab"]:has-text("Signatures")');
    const list = app.page.locator('[data-testid="signatures"]');
    await list.waitFor();
    expect(await list.locator('[data-testid="signature"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-key')))).toEqual(['get_counter', 'incr_counter_by', 'incr_counter', 'reset_counter']);
    const incrBy = list.locator('[data-testid="signature"][data-key="incr_counter_by"]');
    expect(await incrBy.locator('h3').textContent()).toBe('incr_counter_by tensorflow/serving/predict');
    const rows = (await incrBy.locator('li').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
    expect(rows).toEqual(['delta delta:0 float32 unknown shape', 'output incr_counter_by_op/AssignAdd:0 float32_ref scalar']);
    await shot(app, 'signatures-counter.png');

    // The output's op sits inside the closed scope incr_counter_by_op: clicking opens it.
    expect(await boxOf(app.page, 'incr_counter_by_op/AssignAdd')).toBeNull();
    await incrBy.locator('button', { hasText: 'incr_counter_by_op/AssignAdd:0' }).click();
    await app.page.waitForFunction(() => (window as unknown as { scopeview: Hook }).scopeview.selectedName() === 'incr_counter_by_op/AssignAdd');
    await waitReady(app.page);
    expect(await selectedName(app)).toBe('incr_counter_by_op/AssignAdd');
    expect(await boxOf(app.page, 'incr_counter_by_op/AssignAdd')).not.toBeNull();
    // The list stays, so the next tensor is one click away.
    expect(await list.isVisible()).toBe(true);
    await shot(app, 'signatures-counter-selected.png');
  });
});
