/**
 * From scan pixels to the model's input tensor (docs/model-card.md: float32 [N,1,H,W], pixel/255,
 * 0 = black ink, 1 = white paper). Identical in Node, workers and tests: the one place that reads
 * scan pixels for inference.
 */
import type { Raster } from '../core/raster';
import { type AxisTile, type Span, reflectIndex, reflectedSpan } from './tiling';

/**
 * A band of consecutive scan rows: rows [y0, y0 + rows) of a scan `height` rows tall. Workers get
 * only the rows their tiles read (a copy they own), Node reads the whole scan in place (y0 = 0).
 */
export interface RowWindow {
  width: number;
  /** full scan height, for mirroring at the scan's bottom edge */
  height: number;
  y0: number;
  rows: number;
  channels: 1 | 3 | 4;
  data: Uint8Array;
}

export function wholeWindow(r: Raster): RowWindow {
  return { width: r.width, height: r.height, y0: 0, rows: r.height, channels: r.channels, data: r.data };
}

/** Copies rows `span` of a scan into a window of its own (a buffer that can be transferred). */
export function sliceWindow(r: Raster, span: Span): RowWindow {
  const stride = r.width * r.channels;
  const data = r.data.slice(span.start * stride, span.end * stride);
  return { width: r.width, height: r.height, y0: span.start, rows: span.end - span.start, channels: r.channels, data };
}

/** 256-entry table: byte → model input value. */
const SCALE = new Float32Array(256).map((_, i) => i / 255);

function mirrorMap(span: Span, n: number, offset: number): Int32Array {
  const out = new Int32Array(span.end - span.start);
  for (let i = 0; i < out.length; i++) out[i] = reflectIndex(span.start + i, n) - offset;
  return out;
}

function sourceRow(win: RowWindow, sy: number): number {
  if (sy < 0 || sy >= win.rows) throw new Error(`row window [${win.y0}, ${win.y0 + win.rows}) lacks scan row ${sy + win.y0}`);
  return sy * win.width * win.channels;
}

/**
 * Writes one tile's input (mirrored outside the scan) into `out` at `offset`, row-major h × w.
 * Colour pixels are reduced to luma (BT.601 integer weights) the same way everywhere.
 */
export function fillTileInput(win: RowWindow, x: AxisTile, y: AxisTile, out: Float32Array, offset: number): void {
  const w = x.input.end - x.input.start;
  const xs = mirrorMap(x.input, win.width, 0);
  const ys = mirrorMap(y.input, win.height, win.y0);
  const { data, channels } = win;
  let o = offset;
  for (let r = 0; r < ys.length; r++) {
    const base = sourceRow(win, ys[r]);
    if (channels === 1) {
      for (let c = 0; c < w; c++) out[o + c] = SCALE[data[base + xs[c]]];
    } else {
      for (let c = 0; c < w; c++) {
        const p = base + xs[c] * channels;
        out[o + c] = SCALE[(77 * data[p] + 150 * data[p + 1] + 29 * data[p + 2] + 128) >> 8];
      }
    }
    o += w;
  }
}

/**
 * The single byte value of every pixel a tile's input reads, or −1 if they differ. Mirroring only
 * repeats pixels, so checking the source rectangle it reads is checking the whole input.
 */
export function uniformValue(win: RowWindow, x: AxisTile, y: AxisTile): number {
  const xs = reflectedSpan(x.input, win.width);
  const ys = reflectedSpan(y.input, win.height);
  const { data, channels } = win;
  const first = data[sourceRow(win, ys.start - win.y0) + xs.start * channels];
  if (channels !== 1) return -1; // colour pages are rare after decoding; not worth a second code path
  for (let sy = ys.start; sy < ys.end; sy++) {
    const base = sourceRow(win, sy - win.y0);
    for (let i = base + xs.start; i < base + xs.end; i++) if (data[i] !== first) return -1;
  }
  return first;
}
