// Compare mode's PNG export: the two panes' whole-graph images side by side on one canvas, each
// under a caption (its file name), so the picture says which side is which. `scale` is the
// images' pixel ratio: captions and gap grow with it so they keep their size beside the graphs.
const CAPTION = 28;
const GAP = 8;

export async function sideBySidePng(images: readonly [Blob, Blob], captions: readonly [string, string], dark: boolean, scale = 1): Promise<Blob> {
  const [a, b] = await Promise.all(images.map((i) => createImageBitmap(i)));
  if (!a || !b) throw new Error('a pane image could not be decoded');
  const caption = Math.round(CAPTION * scale);
  const gap = Math.round(GAP * scale);
  const width = a.width + gap + b.width;
  const height = caption + Math.max(a.height, b.height);
  const canvas = new OffscreenCanvas(width, height);
  const g = canvas.getContext('2d');
  if (!g) throw new Error('no 2D canvas to compose the export on');
  g.fillStyle = dark ? '#1e2127' : '#fafbfc';
  g.fillRect(0, 0, width, height);
  g.fillStyle = dark ? '#dde3ea' : '#1f2933';
  g.font = `600 ${Math.round(14 * scale)}px system-ui, sans-serif`;
  g.textBaseline = 'middle';
  const left = [0, a.width + gap];
  captions.forEach((text, k) => {
    // Captions are drawn as text on a canvas, never as markup: file names are untrusted.
    g.fillText(text, (left[k] as number) + 10 * scale, caption / 2, (k === 0 ? a.width : b.width) - 20 * scale);
  });
  g.drawImage(a, 0, caption);
  g.drawImage(b, a.width + gap, caption);
  a.close();
  b.close();
  return canvas.convertToBlob({ type: 'image/png' });
}
