import { describe, expect, it } from 'vitest';
import { openingCamera, OPENING_ZOOM } from './opening-camera';

describe('openingCamera', () => {
  it('fits a graph that is readable when fitted', () => {
    const c = openingCamera({ x: 0, y: 0, width: 400, height: 300 }, 1000, 800);
    expect(c.x).toBe(200);
    expect(c.y).toBe(150);
    expect(c.zoom).toBeGreaterThanOrEqual(OPENING_ZOOM);
  });

  it('shows the top of a tall graph at a readable zoom, centred across when it fits across', () => {
    const c = openingCamera({ x: 0, y: 0, width: 600, height: 5000 }, 1000, 800);
    expect(c.zoom).toBe(OPENING_ZOOM);
    expect(c.x).toBe(300);
    const s = 2 ** c.zoom;
    expect(0 - (c.y - 400 / s)).toBeCloseTo(32 / s); // the graph's top edge sits 32 px below the view's top
  });

  it('starts at the top-left corner of a graph too wide and too tall to read fitted', () => {
    const c = openingCamera({ x: 0, y: 0, width: 20000, height: 9000 }, 1000, 800);
    const s = 2 ** c.zoom;
    expect(c.x - 500 / s).toBeCloseTo(-32 / s);
    expect(c.y - 400 / s).toBeCloseTo(-32 / s);
  });
});
