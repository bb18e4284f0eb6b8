/**
 * A layer of axis-aligned lines (a grid) inked straight into a Sheet. Vertical lines have the same
 * coverage on every row, so each row only visits their few columns, plus whole spans on the rows a
 * horizontal line crosses — a full-height grid costs a fraction of a pass over the page instead of
 * one pass per layer. Crossings take the max coverage (no double ink), like Sheet.commit.
 */
import type { Sheet } from './sheet.ts';

export interface VLine {
  x: number;
  w: number;
}
export interface HLine {
  y: number;
  w: number;
  x0: number;
  x1: number;
}

/** Coverage (0..255) of [c − w/2, c + w/2] over pixel cells, as {index → coverage}. */
function cells(c: number, w: number, limit: number, add: (i: number, v: number) => void): void {
  const a = c - w / 2;
  const b = c + w / 2;
  for (let i = Math.max(0, Math.floor(a)); i <= Math.min(limit - 1, Math.ceil(b) - 1); i++) {
    const f = Math.min(i + 1, b) - Math.max(i, a);
    if (f > 0) add(i, (f * 255 + 0.5) | 0);
  }
}

export function inkAxisLayer(sheet: Sheet, vlines: VLine[], hlines: HLine[], y0: number, y1: number, darkness: number, cls: number): void {
  const { width, height, trans, mask } = sheet;
  const k = Math.max(0, Math.min(1, darkness)) / 255;
  const mult = new Int32Array(256);
  for (let c = 0; c < 256; c++) mult[c] = Math.round((1 - c * k) * 65536);
  // vertical lines: one coverage per column, shared by all rows
  const vcov = new Uint8Array(width);
  for (const v of vlines) cells(v.x, v.w, width, (i, c) => { if (c > vcov[i]) vcov[i] = c; });
  const cols = Int32Array.from({ length: width }, (_, i) => i).filter((i) => vcov[i] > 0);
  // horizontal lines: per row, the spans they cover with a row coverage
  const byRow = new Map<number, { x0: number; x1: number; c: number }[]>();
  for (const h of hlines) {
    cells(h.y, h.w, height, (row, c) => {
      const list = byRow.get(row) ?? [];
      list.push({ x0: h.x0, x1: h.x1, c });
      byRow.set(row, list);
    });
  }
  const rowCov = new Uint8Array(width);
  const ya = Math.max(0, Math.floor(y0));
  const yb = Math.min(height, Math.ceil(y1));
  for (let y = 0; y < height; y++) {
    const spans = byRow.get(y);
    const withV = y >= ya && y < yb;
    if (!spans && !withV) continue;
    const row = y * width;
    if (!spans) {
      for (let j = 0; j < cols.length; j++) {
        const i = cols[j];
        const c = vcov[i];
        const t = (trans[row + i] * mult[c] + 32768) >>> 16;
        trans[row + i] = t;
        if (c >= 128 || (t < 128 && mask[row + i] === 0)) mask[row + i] = cls;
      }
      continue;
    }
    let lo = width;
    let hi = -1;
    for (const s of spans) {
      // partial end pixels get coverage in proportion to their overlap
      const a = Math.max(0, Math.floor(s.x0));
      const b = Math.min(width - 1, Math.ceil(s.x1) - 1);
      for (let i = a; i <= b; i++) {
        const f = Math.min(i + 1, s.x1) - Math.max(i, s.x0);
        const c = f >= 1 ? s.c : ((f * s.c) + 0.5) | 0;
        if (c > rowCov[i]) rowCov[i] = c;
      }
      if (a < lo) lo = a;
      if (b > hi) hi = b;
    }
    if (withV) for (let j = 0; j < cols.length; j++) if (vcov[cols[j]] > rowCov[cols[j]]) rowCov[cols[j]] = vcov[cols[j]];
    if (withV && cols.length) {
      lo = Math.min(lo, cols[0]);
      hi = Math.max(hi, cols[cols.length - 1]);
    }
    for (let i = lo; i <= hi; i++) {
      const c = rowCov[i];
      if (c === 0) continue;
      const t = (trans[row + i] * mult[c] + 32768) >>> 16;
      trans[row + i] = t;
      if (c >= 128 || (t < 128 && mask[row + i] === 0)) mask[row + i] = cls; // as Sheet.commit
      rowCov[i] = 0;
    }
  }
}
