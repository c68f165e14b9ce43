// Name anatomy in Chromium (DESIGN.md §4): the inspector's Name section explains each segment of
// the selected op, and its chips and reads select scopes and variables; colour by scope kind tells
// the seed pair (variable_scope vs name_scope) apart in compare mode; the Changes panel lists the
// scope whose kind changed. SCOPEVIEW_SHOTS=DIR keeps screenshots of each for a person to look at.
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { afterWork, appPerSuite, boxOf, canvasShot, dropFiles, ROOT, scenesShown, skipReason, waitReady, type App } from './harness';
import { shot } from './shots';

const skip = skipReason();
if (skip) console.log(`UI end-to-end suite ${skip}`);
const GAN = join(ROOT, 'fixtures/generated/gan-discriminator-name-scopes.pb');
// The other GAN naming form: the discriminator's second entry is the sibling scope `discriminator_1`.
const GAN_REENTRY = join(ROOT, 'fixtures/generated/gan-discriminator.pb');
const VARS = join(ROOT, 'fixtures/generated/scoping-variable-scope.pb');
const NAMES = join(ROOT, 'fixtures/generated/scoping-name-scope.pb');

const nodeName = (app: App): Promise<string | null> => app.page.textContent('[data-testid="inspector"] .node-name');

/** Finds `name` by search, goes to it, and shows it in the inspector (the result list stays for stepping). */
async function inspect(app: App, name: string): Promise<void> {
  await app.page.fill('[data-testid="search"]', name);
  await app.page.waitForSelector('[data-testid="search-results"] .result');
  await app.page.click('[data-testid="search-results"] .result >> nth=0');
  await app.page.waitForSelector('[data-testid="search-results"] li[aria-current="true"]');
  await app.page.click('[role="tab"]:text("Inspector")');
  await app.page.waitForFunction((n) => document.querySelector('[data-testid="inspector"] .node-name')?.textContent === n, name);
}

describe.skipIf(skip !== null)('name anatomy in the UI (Chromium)', () => {
  const current = appPerSuite();
  let app: App;
  beforeEach(() => {
    app = current();
  });

  it('the Name section explains each segment; a chip selects its scope, a read selects its variable', async () => {
    await dropFiles(app.page, [GAN]);
    await waitReady(app.page);
    const op = 'fake_discriminator/discriminator/conv/MatMul';
    await inspect(app, op);
    const section = app.page.locator('[data-testid="inspector-name"]');
    await section.waitFor();
    expect(await section.locator('.name-parts > li').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')))).toEqual(['outer', 'variables', 'variables', 'leaf-op']);
    const sentences = await section.locator('.name-parts .reason').allTextContents();
    expect(sentences[0]).toBe('fake_discriminator: a name_scope that get_variable ignored; the variables live under discriminator/');
    expect(await app.page.textContent('[data-testid="inspector-reads"]')).toContain('discriminator/conv/w');
    expect(await app.page.textContent('[data-testid="inspector-reads"]')).toContain('home discriminator/conv · outside its readers’ scope · shared (reuse)');
    await waitReady(app.page);
    await shot(app, 'name-section.png', '[data-testid="inspector"]');

    await section.locator('.name-parts > li >> nth=1 >> button').click();
    await app.page.waitForFunction(() => document.querySelector('[data-testid="inspector"] .node-name')?.textContent === 'fake_discriminator/discriminator');
    expect(await app.page.locator('[data-testid="inspector-name"] .name-parts > li').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')))).toEqual(['outer', 'variables']);

    await app.page.fill('[data-testid="search"]', '');
    await inspect(app, op);
    await app.page.click('[data-testid="inspector-reads"] button');
    await app.page.waitForFunction(() => document.querySelector('[data-testid="inspector"] .node-name')?.textContent === 'discriminator/conv/w');
    expect(await nodeName(app)).toBe('discriminator/conv/w');
    expect(app.errors).toEqual([]);
  });

  it('colour by scope kind gives the re-entered scope (discriminator_1) a heavy dark border', async () => {
    await afterWork(app.page, () => dropFiles(app.page, [GAN_REENTRY]));
    await afterWork(app.page, () => app.page.selectOption('[data-testid="colour-mode"]', 'kind'));
    await shot(app, 'kind-reentry.png', '[data-testid="canvas"]');
    const canvas = await app.page.locator('[data-testid="canvas"]').boundingBox();
    const pixels = await canvasShot(app.page);
    if (!canvas) throw new Error('no canvas');
    const scale = pixels.width / canvas.width;
    /** Sum of R, G and B `inset` px inside the left edge of `name`'s box, at half its height. */
    const edge = async (name: string, inset: number): Promise<number> => {
      const b = await boxOf(app.page, name);
      if (!b) throw new Error(`${name} is not drawn`);
      const x = Math.round((b.x - canvas.x + inset) * scale);
      const y = Math.round((b.y - canvas.y + b.height / 2) * scale);
      const i = 4 * (y * pixels.width + x);
      return (pixels.data[i] as number) + (pixels.data[i + 1] as number) + (pixels.data[i + 2] as number);
    };
    // Both scopes hold the same kind (the same light fill); only the re-entry's border reaches 2 px in.
    const first = await edge('discriminator', 2);
    const again = await edge('discriminator_1', 2);
    expect(first - again).toBeGreaterThan(150);
    expect(Math.abs((await edge('discriminator', 8)) - (await edge('discriminator_1', 8)))).toBeLessThan(30);
    await app.page.selectOption('[data-testid="colour-mode"]', 'structure'); // as the next test expects to find it
    expect(app.errors).toEqual([]);
  });

  it('colour by scope kind tells the seed pair apart in compare mode', async () => {
    const p = app.page;
    await p.click('[data-testid="open-compare"]');
    await p.waitForSelector('[data-testid="compare-dialog"]');
    await p.setInputFiles('[data-testid="compare-a-file"]', VARS);
    await p.setInputFiles('[data-testid="compare-b-file"]', NAMES);
    await p.click('[data-testid="compare-go"]');
    await p.waitForSelector('[data-testid="compare"][data-phase="ready"]', { timeout: 90_000 });
    await p.waitForSelector('[data-testid="pane-a"][data-phase="ready"]');
    await p.waitForSelector('[data-testid="pane-b"][data-phase="ready"]');
    const before = await scenesShown(p);
    await p.selectOption('[data-testid="compare-colour"]', 'kind');
    // Both panes are laid out again with their scope kinds.
    await p.waitForFunction((n) => (window as unknown as { scopeview: { scenesShown(): number } }).scopeview.scenesShown() >= n + 2, before, { timeout: 60_000 });
    // The panes' legends start folded to swatches: open both to read them.
    for (const side of ['a', 'b']) await p.click(`[data-testid="pane-${side}"] [data-testid="legend-unfold"]`);
    const legend = (side: string) => p.locator(`[data-testid="pane-${side}"] .legend`);
    // A: `scope_vars` holds its variables; B: `scope_name` holds `a`, and `b` sits at the root.
    await p.waitForFunction(() => document.querySelector('[data-testid="pane-b"] .legend')?.textContent?.includes('ops only') === true, undefined, { timeout: 60_000 });
    await p.waitForFunction(() => document.querySelector('[data-testid="pane-a"] .legend')?.textContent?.includes('holds variables') === true);
    expect(await legend('a').textContent()).not.toContain('ops only');
    await p.waitForFunction(() => !document.querySelector('.busy'), undefined, { timeout: 60_000 });
    // The Changes panel lists the scope whose content changed kind, beside the node changes.
    expect(await p.locator('[data-testid="kind-change"]').allTextContents()).toEqual(['scope_vars holds variables in A; scope_name holds only a and c in B; b moved to the root']);
    await shot(app, 'compare-scope-kind.png', '[data-testid="compare"]');
    expect(app.errors).toEqual([]);
  });
});
