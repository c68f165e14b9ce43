// Measures the label font the canvas really draws with (whatever monospace the system resolves
// FONT_FAMILY to), so box sizes from the layout fit the drawn text. Falls back to the shared
// metrics table where no 2D canvas exists.
import { LABEL_METRICS, type TextMetrics } from '../../core/layout/text-metrics';
import { FONT_FAMILY, FONT_WEIGHT } from './label-font';

export function measureLabelMetrics(): TextMetrics {
  const canvas = typeof document !== 'undefined' ? document.createElement('canvas') : null;
  const ctx = canvas?.getContext('2d');
  if (!ctx) return LABEL_METRICS;
  const size = LABEL_METRICS.fontSize;
  ctx.font = `${FONT_WEIGHT} ${size}px ${FONT_FAMILY}`;
  const advance = ctx.measureText('M'.repeat(20)).width / 20 / size;
  const wide = ctx.measureText('中'.repeat(10)).width / 10 / size;
  if (!(advance > 0.3 && advance < 1) || !(wide > 0.3 && wide < 2)) return LABEL_METRICS;
  // Rounded so that equal fonts give equal layout-cache keys.
  const round = (v: number): number => Math.round(v * 1000) / 1000;
  return { fontSize: size, advance: round(advance), wideAdvance: round(wide) };
}
