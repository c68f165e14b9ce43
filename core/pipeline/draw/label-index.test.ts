import { describe, expect, it } from 'vitest';
import { HEADER } from '../../layout/node-sizes';
import { labelledScene } from '../../test-support/tiny-scene';
import { buildEdgeGeometry } from './edge-geometry';
import { buildLabelIndex, LABEL_BADGE, LABEL_COUNT, LABEL_SUB, LABEL_TITLE, TITLE_INSET } from './label-index';

const scene = labelledScene();
const index = buildLabelIndex(scene, buildEdgeGeometry(scene));

describe('label index', () => {
  it('places scope titles in the header band and names centred', () => {
    const title = index.text.indexOf('encoder');
    expect(index.kind[title]).toBe(LABEL_TITLE);
    expect(index.x[title]).toBe(TITLE_INSET);
    expect(index.y[title]).toBe(HEADER / 2);
    const add = index.text.indexOf('Add');
    expect([index.x[add], index.y[add]]).toEqual([40, 211]);
    // A closed scope has two lines, the name above the centre and the count below.
    const name = index.text.indexOf('layer_0');
    const sub = index.text.indexOf('12 ops');
    expect(index.kind[sub]).toBe(LABEL_SUB);
    expect(index.y[name]).toBeLessThan(59);
    expect(index.y[sub]).toBeGreaterThan(59);
  });

  it('labels metaedges with their count at the midpoint', () => {
    const k = index.text.indexOf('×4');
    expect(index.kind[k]).toBe(LABEL_COUNT);
    expect(index.owner[k]).toBe(0);
  });

  it('orders labels widest box first', () => {
    const widths = [...index.order].filter((k) => index.kind[k] !== LABEL_COUNT).map((k) => index.box[4 * k + 2] as number);
    expect(widths).toEqual([...widths].sort((a, b) => b - a));
  });
});

describe('diff badges', () => {
  it('sit on the top border of closed scopes near the right corner, and only where the scene has one', () => {
    const withBadges = { ...scene, badges: ['', '+2 ~1', '', ''] };
    const idx = buildLabelIndex(withBadges, null);
    const k = idx.text.indexOf('+2 ~1');
    expect(idx.kind[k]).toBe(LABEL_BADGE);
    expect(idx.owner[k]).toBe(1);
    expect(idx.y[k]).toBe(40);
    expect(idx.x[k]).toBeGreaterThan(200);
    expect(idx.x[k]).toBeLessThan(220);
    expect([...idx.kind].filter((x) => x === LABEL_BADGE)).toHaveLength(1);
    expect([...buildLabelIndex(scene, null).kind]).not.toContain(LABEL_BADGE);
  });
});
