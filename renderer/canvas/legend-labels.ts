// Legend labels that stay distinguishable in a narrow legend: the prefix every entry shares (up to
// a separator: `/job:localhost/replica:0/task:0/device:`) is shown once as an ellipsis, and labels
// still too long lose their middle, never the tail that tells them apart. Pure.

/** What a legend shows of each label; the full names go to tooltips. */
export interface ShortLabels {
  readonly labels: string[];
  /** The shared prefix that was cut ('' when none). */
  readonly prefix: string;
}

const SEPARATORS = new Set(['/', ':', '.', '_', '-', ' ']);
const ELLIPSIS = '…';

/** The longest prefix all labels share that ends just after a separator (so words are not split). */
export function commonPrefix(labels: readonly string[]): string {
  if (labels.length < 2) return '';
  let n = Math.min(...labels.map((l) => l.length));
  const first = labels[0] as string;
  for (const l of labels) {
    let i = 0;
    while (i < n && l.charCodeAt(i) === first.charCodeAt(i)) i++;
    n = i;
  }
  while (n > 0 && !SEPARATORS.has(first[n - 1] as string)) n--;
  return first.slice(0, n);
}

/** `label` cut to `max` characters by removing its middle; the tail keeps the larger share. */
export function middleEllipsis(label: string, max: number): string {
  if (label.length <= max) return label;
  const keep = Math.max(2, max - 1);
  const head = Math.floor(keep / 3);
  return `${label.slice(0, head)}${ELLIPSIS}${label.slice(label.length - (keep - head))}`;
}

/**
 * Short forms of `labels` of at most `max` characters. A shared prefix is cut only when it is
 * worth it (longer than the ellipsis standing for it, and leaving every label something).
 */
export function shortLabels(labels: readonly string[], max: number): ShortLabels {
  const prefix = commonPrefix(labels);
  const cut = prefix.length > 3 && labels.every((l) => l.length > prefix.length) ? prefix : '';
  const shown = labels.map((l) => middleEllipsis(cut ? `${ELLIPSIS}${l.slice(cut.length)}` : l, max));
  return { labels: shown, prefix: cut };
}
