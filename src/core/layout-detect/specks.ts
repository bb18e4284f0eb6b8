/**
 * Dust specks: ink components of a few pixels (a dropout, a fleck on the glass). Left in, a wide depth
 * track of numbers gathers a speck on most rows and reads like a track full of curves.
 */
import type { InkImage } from './evidence.ts';

/** The ink image without 8-connected components of at most `maxSize` pixels (a new image; weights kept). */
export function withoutSpecks(img: InkImage, maxSize = 3): InkImage {
  const { width: w, height: h, ink } = img;
  const out = Uint8Array.from(ink);
  const seen = new Uint8Array(w * h);
  const stack: number[] = [];
  const comp: number[] = [];
  for (let start = 0; start < ink.length; start++) {
    if (!ink[start] || seen[start]) continue;
    seen[start] = 1;
    stack.push(start);
    comp.length = 0;
    // flood fill, but stop collecting once the component is bigger than a speck
    while (stack.length) {
      const i = stack.pop()!;
      if (comp.length <= maxSize) comp.push(i);
      const x = i % w, y = (i - x) / w;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx, ny = y + dy;
          if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
          const j = ny * w + nx;
          if (ink[j] && !seen[j]) { seen[j] = 1; stack.push(j); }
        }
      }
    }
    if (comp.length <= maxSize) for (const i of comp) out[i] = 0;
  }
  return { ...img, ink: out };
}
