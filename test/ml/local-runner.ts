/**
 * A TileRunner whose "model" is a plain JS local operator with a known receptive field, zero-padded at
 * the input's border like a conv net: used to test tiling geometry exactly (tiled output must equal
 * the whole-image output bit for bit when radius ≤ overlap). The real model is tested separately.
 */
import type { TileRunner } from '../../src/ml/engine';

export const LOCAL_CLASSES = 5;
/** class k wins where the local mean darkness is near CENTRES[k] */
const CENTRES = [1.0, 0.9, 0.8, 0.7, 0.6];

/** integral image with a zero row and column in front, in float64 so sums are exact enough */
function integral(img: Float32Array, h: number, w: number): Float64Array {
  const s = new Float64Array((h + 1) * (w + 1));
  for (let y = 0; y < h; y++) {
    let row = 0;
    for (let x = 0; x < w; x++) {
      row += img[y * w + x];
      s[(y + 1) * (w + 1) + x + 1] = s[y * (w + 1) + x + 1] + row;
    }
  }
  return s;
}

/** logits[k] = −40·(mean of the (2r+1)² window, zeros outside − CENTRES[k])² + centre pixel · k/8 */
export function localRunner(radius: number, calls?: { n: number; shapes: string[] }): TileRunner {
  return {
    async run(input, n, h, w) {
      if (calls) {
        calls.n++;
        calls.shapes.push(`${n}x${h}x${w}`);
      }
      const out = new Float32Array(n * LOCAL_CLASSES * h * w);
      const area = (2 * radius + 1) ** 2;
      for (let b = 0; b < n; b++) {
        const img = input.subarray(b * h * w, (b + 1) * h * w);
        const s = integral(img, h, w);
        for (let y = 0; y < h; y++) {
          const y0 = Math.max(0, y - radius);
          const y1 = Math.min(h, y + radius + 1);
          for (let x = 0; x < w; x++) {
            const x0 = Math.max(0, x - radius);
            const x1 = Math.min(w, x + radius + 1);
            const sum = s[y1 * (w + 1) + x1] - s[y0 * (w + 1) + x1] - s[y1 * (w + 1) + x0] + s[y0 * (w + 1) + x0];
            const mean = sum / area;
            for (let k = 0; k < LOCAL_CLASSES; k++)
              out[((b * LOCAL_CLASSES + k) * h + y) * w + x] = -40 * (mean - CENTRES[k]) ** 2 + (img[y * w + x] * k) / 8;
          }
        }
      }
      return out;
    },
    async dispose() {},
  };
}
