/**
 * Drawn log sheets with known layout: tracks with linear or log grids, a depth track with "numbers",
 * depth lines (heavier every few), wavy curves, a header block — optionally rotated about the image
 * centre by a known skew (layout.deskew convention: positive = content turned clockwise).
 * Truth is in the upright (deskewed) frame, which is the drawing frame here.
 */
import { SegClass } from '../../src/core/types.ts';
import { Sheet } from '../trace/fixtures.ts';

export type GridSpec = { kind: 'linear'; divisions: number } | { kind: 'log'; decades: number };

export interface SheetSpec {
  width: number;
  height: number;
  tracks: { x0: number; x1: number; grid: GridSpec }[];
  /** grid rows [top, bottom) */
  top: number;
  bottom: number;
  lineEvery: number;
  majorEvery: number;
  skewDeg: number;
  curves?: boolean;
}

export interface SheetTruth {
  depthLines: { y: number; major: boolean }[];
}

/** x positions (px) of a track's internal grid lines, edges excluded. */
export function gridLines(x0: number, x1: number, g: GridSpec): number[] {
  const out: number[] = [];
  if (g.kind === 'linear') {
    for (let i = 1; i < g.divisions; i++) out.push(x0 + ((x1 - x0) * i) / g.divisions);
  } else {
    const dw = (x1 - x0) / g.decades;
    for (let d = 0; d < g.decades; d++) for (let m = 1; m <= 9; m++) if (d > 0 || m > 1) out.push(x0 + dw * (d + Math.log10(m)));
  }
  return out;
}

class Rotated {
  private readonly c: number;
  private readonly s: number;
  constructor(readonly sheet: Sheet, deg: number) {
    this.c = Math.cos((deg * Math.PI) / 180);
    this.s = Math.sin((deg * Math.PI) / 180);
  }
  private map(x: number, y: number): [number, number] {
    const cx = this.sheet.width / 2, cy = this.sheet.height / 2;
    const dx = x - cx, dy = y - cy;
    return [cx + dx * this.c - dy * this.s, cy + dx * this.s + dy * this.c];
  }
  line(ax: number, ay: number, bx: number, by: number, width: number, cls: SegClass): void {
    const [px, py] = this.map(ax, ay), [qx, qy] = this.map(bx, by);
    this.sheet.segment(px, py, qx, qy, { width, cls });
  }
  curve(f: (y: number) => number, ya: number, yb: number): void {
    this.sheet.polyline(Array.from({ length: Math.ceil((yb - ya) / 2) + 1 }, (_, i) => this.map(f(Math.min(yb, ya + 2 * i)), Math.min(yb, ya + 2 * i))));
  }
}

export function drawSheet(spec: SheetSpec): { sheet: Sheet; truth: SheetTruth } {
  const sheet = new Sheet(spec.width, spec.height);
  const r = new Rotated(sheet, spec.skewDeg);
  const G = SegClass.Grid;
  const depthLines: SheetTruth['depthLines'] = [];
  for (const t of spec.tracks) {
    r.line(t.x0, spec.top, t.x0, spec.bottom, 2, G);
    r.line(t.x1, spec.top, t.x1, spec.bottom, 2, G);
    for (const x of gridLines(t.x0, t.x1, t.grid)) r.line(x, spec.top, x, spec.bottom, 1, G);
  }
  for (let k = 0, y = spec.top + 0.5; y < spec.bottom; k++, y += spec.lineEvery) {
    const major = k % spec.majorEvery === 0;
    for (const t of spec.tracks) r.line(t.x0, y, t.x1, y, major ? 2 : 1, G);
    depthLines.push({ y, major });
  }
  drawNumbers(r, spec);
  if (spec.curves !== false) {
    spec.tracks.forEach((t, i) => {
      const mid = (t.x0 + t.x1) / 2, amp = (t.x1 - t.x0) * 0.35;
      r.curve((y) => mid + amp * Math.sin(y / (60 + 17 * i)) * Math.cos(y / 230), spec.top, spec.bottom);
    });
  }
  // a header block above the grid: a frame and some "text"
  r.line(10, 10, spec.width - 10, 10, 2, G);
  r.line(10, spec.top - 20, spec.width - 10, spec.top - 20, 2, G);
  for (let x = 30; x < spec.width - 40; x += 23) r.line(x, 30, x + 12, 38, 2, SegClass.Text);
  return { sheet, truth: { depthLines } };
}

/** Short strokes in the gaps between tracks at every major line, like depth labels. */
function drawNumbers(r: Rotated, spec: SheetSpec): void {
  const sorted = [...spec.tracks].sort((a, b) => a.x0 - b.x0);
  for (let i = 0; i + 1 < sorted.length; i++) {
    const a = sorted[i].x1 + 10, b = sorted[i + 1].x0 - 10;
    if (b - a < 20) continue;
    for (let y = spec.top + 0.5; y < spec.bottom; y += spec.lineEvery * spec.majorEvery) {
      for (let x = a + (b - a) / 2 - 15; x < a + (b - a) / 2 + 15; x += 10) r.line(x, y - 5, x + 4, y + 5, 2, SegClass.Text);
    }
  }
}
