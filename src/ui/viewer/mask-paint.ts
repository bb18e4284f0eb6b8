/**
 * Colours of the segmentation classes in the mask overlay (paper transparent), as the tile painter
 * the viewer's layer uses. RGBA words are little-endian (0xAABBGGRR), as on every browser platform.
 */
import type { TilePainter } from './tiles';

const rgba = (r: number, g: number, b: number, a = 255) => ((a << 24) | (b << 16) | (g << 8) | r) >>> 0;

/** index = SegClass: paper, grid, solid curve, broken curve, text */
export const CLASS_COLOURS = new Uint32Array([rgba(0, 0, 0, 0), rgba(28, 126, 214), rgba(214, 51, 108), rgba(232, 89, 12), rgba(43, 138, 62)]);

/** For the legend: CSS colours in the same order. */
export const CLASS_LEGEND = [
  { name: 'grid', css: 'rgb(28,126,214)' },
  { name: 'solid curve', css: 'rgb(214,51,108)' },
  { name: 'dashed curve', css: 'rgb(232,89,12)' },
  { name: 'text', css: 'rgb(43,138,62)' },
];

export const maskPainter: TilePainter = (level, x0, y0, w, h, px) => {
  const src = level.data;
  for (let y = 0; y < h; y++) {
    const s = (y0 + y) * level.width + x0;
    const d = y * w;
    for (let x = 0; x < w; x++) px[d + x] = CLASS_COLOURS[src[s + x]] ?? 0;
  }
};
