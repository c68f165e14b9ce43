import { describe, expect, it } from 'vitest';
import { buildEdgeGeometry } from '../../core/pipeline/draw/edge-geometry';
import { buildLabelIndex, LABEL_NAME, LABEL_SIZE, LABEL_TITLE, TITLE_INSET } from '../../core/pipeline/draw/label-index';
import { labelledScene } from '../../core/test-support/tiny-scene';
import { LabelWindow, selectLabels, stickyTitleX } from './labels';

const scene = labelledScene();
const index = buildLabelIndex(scene, buildEdgeGeometry(scene));
const view = { x: 0, y: 0, width: 1200, height: 800 };
const kinds = (sel: Int32Array): number[] => [...sel].map((k) => index.kind[k] as number);
const texts = (sel: Int32Array): string[] => [...sel].map((k) => index.text[k] as string);

describe('selectLabels', () => {
  it('draws nothing when text would be under 7 px', () => {
    expect(selectLabels(index, view, 0.5).length).toBe(0);
  });

  it('keeps boxes wide enough on screen and inside the view', () => {
    const sel = selectLabels(index, view, 1);
    expect(texts(sel)).toEqual(expect.arrayContaining(['encoder', 'layer_0', '12 ops', 'Add', '×4']));
    expect(texts(sel)).not.toContain('far_away');
    // At 0.7 the 40-wide op is 28 px: too narrow; the scope title and the closed scope stay.
    const zoomedOut = texts(selectLabels(index, view, 0.7));
    expect(zoomedOut).toContain('encoder');
    expect(zoomedOut).toContain('layer_0');
    expect(zoomedOut).not.toContain('Add');
  });

  it('caps the count, keeping the largest boxes', () => {
    const sel = selectLabels(index, view, 1, { minBoxPx: 32, minFontPx: 7, cap: 2 });
    expect(texts(sel)).toEqual(['encoder', 'layer_0']);
    expect(kinds(sel)).toEqual([LABEL_TITLE, LABEL_NAME]);
  });

  it('with a focus, spends a cap on the labels on screen before those around it', () => {
    const window = { x: 0, y: 0, width: 6000, height: 6000 };
    const screen = { x: 0, y: 150, width: 300, height: 100 };
    // 'far_away' (120 wide) outranks 'Add' (40 wide) by size, but only 'Add' is on screen.
    const capped = (cap: number): { minBoxPx: number; minFontPx: number; cap: number } => ({ minBoxPx: 32, minFontPx: 7, cap });
    expect(texts(selectLabels(index, window, 1, capped(4)))).toContain('far_away');
    // On screen: the op and the metaedge count; then the widest of the rest.
    expect(texts(selectLabels(index, window, 1, capped(3), screen))).toEqual(['Add', '×4', 'encoder']);
    // Without a cap both come, on-screen ones first.
    const all = texts(selectLabels(index, window, 1, capped(3000), screen));
    expect(all.indexOf('Add')).toBeLessThan(all.indexOf('far_away'));
  });
});

describe('LabelWindow', () => {
  it('asks for a new selection only when the view leaves the padded window or the zoom moves', () => {
    const w = new LabelWindow();
    const v = { x: 0, y: 0, width: 100, height: 100 };
    expect(w.needsUpdate(v, 0)).toBe(true);
    const region = w.update(v, 0);
    expect(region).toEqual({ x: -50, y: -50, width: 200, height: 200 });
    expect(w.needsUpdate({ ...v, x: 40 }, 0)).toBe(false);
    expect(w.needsUpdate({ ...v, x: 60 }, 0)).toBe(true);
    expect(w.needsUpdate(v, 0.1)).toBe(false);
    expect(w.needsUpdate(v, 0.3)).toBe(true);
  });

  it('after a capped selection, asks again once the view moved a quarter of itself', () => {
    const w = new LabelWindow();
    const v = { x: 0, y: 0, width: 100, height: 100 };
    w.update(v, 0);
    w.capped(v);
    expect(w.needsUpdate({ ...v, x: 20 }, 0)).toBe(false);
    expect(w.needsUpdate({ ...v, x: 30 }, 0)).toBe(true);
    // A new selection that was not capped goes back to the whole window.
    w.update(v, 0);
    expect(w.needsUpdate({ ...v, x: 40 }, 0)).toBe(false);
  });
});

describe('sticky scope titles', () => {
  const title = index.text.indexOf('encoder');
  it('stay at the box\u2019s left while that edge is in view', () => {
    expect(stickyTitleX(index, title, -50)).toBe(TITLE_INSET);
  });
  it('slide with the view\u2019s left edge, and stop where the title still fits in the box', () => {
    expect(stickyTitleX(index, title, 300)).toBe(300 + TITLE_INSET);
    const last = 1000 - TITLE_INSET - 7 * LABEL_SIZE * 0.6; // 'encoder' at 0.6 em per character
    expect(stickyTitleX(index, title, 5000)).toBeCloseTo(last, 3);
  });
});
