import { describe, expect, it } from 'vitest';
import { commonPrefix, middleEllipsis, shortLabels } from './legend-labels';

const CPU = '/job:localhost/replica:0/task:0/device:CPU:0';
const GPU = '/job:localhost/replica:0/task:0/device:GPU:0';

describe('legend labels', () => {
  it('cut the prefix devices share, so two devices never read the same', () => {
    const { labels, prefix } = shortLabels([CPU, GPU], 20);
    expect(prefix).toBe('/job:localhost/replica:0/task:0/device:');
    expect(labels).toEqual(['…CPU:0', '…GPU:0']);
    expect(new Set(labels).size).toBe(2);
  });

  it('keep the distinguishing tail when a label is still too long', () => {
    const a = 'generator/encoder_3/conv2d/kernel';
    const b = 'generator/encoder_3/conv2d/bias';
    const { labels } = shortLabels([a, b, 'x'], 14);
    expect(labels[0]).toMatch(/kernel$/);
    expect(labels[1]).toMatch(/bias$/);
    expect(labels.every((l) => l.length <= 14)).toBe(true);
    expect(labels[2]).toBe('x');
  });

  it('cut the prefix only at a separator, and never the whole of a label', () => {
    expect(commonPrefix(['conv1', 'conv2'])).toBe('');
    expect(commonPrefix(['layer_1', 'layer_2'])).toBe('layer_');
    expect(shortLabels(['dense/', 'dense/kernel'], 20).prefix).toBe('');
    expect(shortLabels(['MatMul'], 20)).toEqual({ labels: ['MatMul'], prefix: '' });
  });

  it('leave short labels alone', () => {
    expect(middleEllipsis('Conv2D', 10)).toBe('Conv2D');
    expect(middleEllipsis('abcdefghijklmnop', 10)).toHaveLength(10);
  });
});
