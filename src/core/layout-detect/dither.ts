/**
 * Dithered 1-bit scans (fax-style ordered or diffused dithering) draw gray ink as scattered dots: a gray
 * grid line becomes a dotted column with no long run of ink, and the dot pattern itself lines up with
 * the pixel grid, which pulls the skew estimate to 0°. Such scans are told apart by their many isolated
 * ink pixels and read through box means, which turn the dots back into gray: a small square one for ink
 * in general, and a tall (wide) one for vertical (horizontal) lines, whose dots lie along them.
 * Works on darkness images (0 paper .. 255 black), row-major, scan pixel space.
 */

/** Share of isolated ink pixels (no ink among the 4 neighbours) above which a bilevel scan counts as dithered. */
export const DITHER_ISOLATED_SHARE = 0.3;

/** Is this darkness image bilevel (only 0 and 255 on a sample of pixels)? */
function bilevel(dark: Uint8Array): boolean {
  const step = Math.max(1, Math.floor(dark.length / 200_000));
  for (let i = 0; i < dark.length; i += step) if (dark[i] !== 0 && dark[i] !== 255) return false;
  return true;
}

/** Share of ink pixels (darkness ≥ 128) whose 4 neighbours are all paper; the border rows and columns are skipped. */
export function isolatedInkShare(dark: Uint8Array, w: number, h: number): number {
  let ink = 0, isolated = 0;
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1, i = y * w + 1; x < w - 1; x++, i++) {
      if (dark[i] < 128) continue;
      ink++;
      if (dark[i - 1] < 128 && dark[i + 1] < 128 && dark[i - w] < 128 && dark[i + w] < 128) isolated++;
    }
  }
  return ink ? isolated / ink : 0;
}

export function isDithered(dark: Uint8Array, w: number, h: number): boolean {
  return bilevel(dark) && isolatedInkShare(dark, w, h) >= DITHER_ISOLATED_SHARE;
}

/** Mean over the (2rx+1) × (2ry+1) box around each pixel (clipped at the borders), rounded; two separable passes. */
export function boxMean(src: Uint8Array, w: number, h: number, rx: number, ry = rx): Uint8Array {
  const tmp = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    const row = y * w;
    for (let x = 0; x < w; x++) {
      let s = 0, n = 0;
      for (let k = Math.max(0, x - rx); k <= Math.min(w - 1, x + rx); k++, n++) s += src[row + k];
      tmp[row + x] = s / n;
    }
  }
  const out = new Uint8Array(w * h);
  for (let x = 0; x < w; x++) {
    for (let y = 0; y < h; y++) {
      let s = 0, n = 0;
      for (let k = Math.max(0, y - ry); k <= Math.min(h - 1, y + ry); k++, n++) s += tmp[k * w + x];
      out[y * w + x] = Math.round(s / n);
    }
  }
  return out;
}
