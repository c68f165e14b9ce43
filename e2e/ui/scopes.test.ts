// Scope semantics in Chromium, as a user meets them: a Const read by many ops is found by search,
// inspected on its own with every op it is drawn inside, and reached back from a host; the Scopes
// panel gives each flag its reason in words.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_DIR, HAVE_CORPUS } from '../../core/test-support/corpus';
import { afterWork, boxOf, dropFiles, openApp, ROOT, shutdown, skipReason, waitReady, type App } from './harness';
import { shot } from './shots';

const skip = skipReason();
if (skip) console.log(`UI end-to-end suite ${skip}`);
const REUSE = join(ROOT, 'fixtures/generated/reuse-in-reentry-only.pb');
const GAN = join(ROOT, 'fixtures/generated/gan-discriminator-name-scopes.pb');
const PIX2PIX = join(CORPUS_DIR, 'pix2pix_gan_reuse/1/events.out.tfevents.1573068136.neuromancer-lab');
const nodeName = (app: App): Promise<string | null> => app.page.textContent('[data-testid="inspector"] .node-name');

describe.skipIf(skip !== null)('scope semantics in the UI (Chromium)', () => {
  let app: App;
  beforeAll(async () => {
    app = await openApp();
    await app.page.click('[data-testid="open-demo"]');
    await waitReady(app.page);
  });
  afterAll(async () => {
    await app?.close();
    await shutdown();
  });

  it('a Const read by ten ops: search reveals a host, and the inspector lists every op it is drawn inside', async () => {
    await app.page.fill('[data-testid="search"]', 'GradientDescent/learning_rate');
    await app.page.waitForSelector('[data-testid="search-results"] .result');
    await app.page.click('[data-testid="search-results"] .result >> nth=0');
    await app.page.waitForSelector('[data-testid="search-results"] li[aria-current="true"]');
    await app.page.click('[role="tab"]:text("Inspector")');
    await app.page.waitForFunction(() => document.querySelector('[data-testid="inspector"] .node-name')?.textContent === 'GradientDescent/learning_rate');
    await waitReady(app.page);
    const text = (await app.page.textContent('[data-testid="inspector"]')) ?? '';
    expect(text).toContain('Drawn inside (10)');
    expect(text).toContain('GradientDescent/update_conv1/weights/ApplyGradientDescent');
    expect(text).toContain('GradientDescent/update_logits/bias/ApplyGradientDescent');
    // The Const has no box of its own: the canvas shows and centres its first host.
    expect(await boxOf(app.page, 'GradientDescent/learning_rate')).toBeNull();
    expect(await boxOf(app.page, 'GradientDescent/update_conv1/weights/ApplyGradientDescent')).not.toBeNull();
    expect(app.errors).toEqual([]);
  });

  it('a host lists the ops drawn inside it, and each opens in the inspector', async () => {
    await app.page.click('[data-testid="inspector"] .refs button:text("GradientDescent/update_conv2/biases/ApplyGradientDescent")');
    await app.page.waitForFunction(() => document.querySelector('[data-testid="inspector"] .node-name')?.textContent === 'GradientDescent/update_conv2/biases/ApplyGradientDescent');
    expect(await app.page.textContent('[data-testid="inspector-embedded"]')).toContain('GradientDescent/learning_rate');
    await app.page.click('[data-testid="inspector-embedded"] button:text("GradientDescent/learning_rate")');
    await app.page.waitForFunction(() => document.querySelector('[data-testid="inspector"] .node-name')?.textContent === 'GradientDescent/learning_rate');
    expect(await app.page.textContent('[data-testid="inspector-op"]')).toBe('Const');
    expect(await nodeName(app)).toBe('GradientDescent/learning_rate');
  });

  it('the Scopes panel gives the reason of reuse through a re-entered variable scope', async () => {
    await afterWork(app.page, () => dropFiles(app.page, [REUSE]));
    await app.page.click('[role="tab"]:text("Scopes")');
    await app.page.waitForSelector('[data-testid="scope-reason"]');
    const panel = (await app.page.textContent('[data-testid="scopes-panel"]')) ?? '';
    expect(await app.page.locator('[data-testid="scope-finding"] .flag').allTextContents()).toEqual(['shared (reuse)']);
    // Quoted names are set as code: the text reads without the backquotes.
    expect(await app.page.textContent('[data-testid="scope-reason"] >> nth=0')).toBe("variable_scope('V1', reuse=True) re-entered as V1_1");
    expect(await app.page.textContent('[data-testid="scope-reason"] >> nth=0 >> code >> nth=1')).toBe('V1_1');
    expect(panel).not.toContain('outside its readers');
  });

  it('the Scopes panel explains a discriminator shared across name scopes, once per flag', async () => {
    await afterWork(app.page, () => dropFiles(app.page, [GAN]));
    await app.page.click('[role="tab"]:text("Scopes")');
    await app.page.waitForSelector('[data-testid="scope-reason"]');
    const reasons = await app.page.locator('[data-testid="scope-reason"]').allTextContents();
    expect(reasons).toHaveLength(4);
    expect(reasons[0]).toMatch(/^get_variable ignored name_scope\('fake_discriminator'\) and name_scope\('real_discriminator'\)/);
    expect(reasons[3]).toBe("variable_scope('discriminator', reuse=True) entered under name_scope('fake_discriminator') and name_scope('real_discriminator')");
    // Each variable is listed once, with both of its flags.
    const findings = app.page.locator('[data-testid="scope-finding"]');
    expect(await findings.count()).toBe(2);
    expect(await findings.nth(0).locator('.flag').allTextContents()).toEqual(['shared (reuse)', 'outside its readers']);
  });

  it.skipIf(!HAVE_CORPUS)('pix2pix GAN: the 22 shared discriminator variables come first, once each; Adam slots and moving averages are folded bookkeeping', async () => {
    await afterWork(app.page, () => dropFiles(app.page, [PIX2PIX]));
    await app.page.click('[role="tab"]:text("Scopes")');
    await app.page.waitForSelector('[data-testid="scope-finding"]');
    const names = await app.page.locator('[data-testid="scope-finding"] > button.link').allTextContents();
    expect(names).toHaveLength(22);
    expect(new Set(names).size).toBe(22);
    expect(names.every((n) => /^discriminator\/layer_\d\/\w+\/\w+$/.test(n))).toBe(true);
    const panel = app.page.locator('[data-testid="scopes-panel"]');
    expect(await panel.textContent()).not.toContain('created twice');
    const bookkeeping = app.page.locator('[data-testid="scope-bookkeeping"]');
    expect(await bookkeeping.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await bookkeeping.locator('> summary').textContent()).toBe('TensorFlow bookkeeping (160 variables, 98 numbered scope groups)');
    expect(await app.page.locator('[data-testid="bookkeeping-optimizer-slot"] > summary').textContent()).toBe('Optimizer slots (152 variables, 76 scope groups)');
    // Only the real re-entries are listed outside the fold.
    expect(await panel.locator('section:has(h3:text("Re-entered scopes")) li').allTextContents()).toEqual(['deprocess, deprocess_1, deprocess_2', 'load_images/preprocess, load_images/preprocess_1']);
    await bookkeeping.locator('> summary').click();
    await app.page.locator('[data-testid="bookkeeping-optimizer-slot"] > summary').click();
    expect(await app.page.locator('[data-testid="bookkeeping-optimizer-slot"] li >> nth=0').textContent()).toBe('discriminator/layer_1/conv2d/kernel/Adamslot of discriminator/layer_1/conv2d/kernel');
    await shot(app, 'scopes-pix2pix.png');
    expect(app.errors).toEqual([]);
  });
});
