/**
 * Frames told from grid lines by where they end, in straightened coordinates (see profile.ts).
 *
 * A log's grid lines stop where the grid body stops, while the track frames run on through the boxes
 * printed against the body (the curve-scale rows above or below it share the track edges, not the grid).
 * So at a row where several lines end together and others run on, those that run on are frames. This
 * is what tells a 20-division track from two 10-division ones on a print where frame and grid lines
 * weigh the same (1-bit), and a frame from the middle line of a track whose grid faded away.
 * Without scale boxes (or with the body cut off by the scan's edge) no line runs on: no evidence.
 */
import type { InkImage } from './evidence.ts';
import { toScan } from './profile.ts';

export interface FrameOptions {
  /** gaps (rows) a line's ink may have and still be one run: a crossing curve, a dropout */
  gap: number;
  /** shortest run (rows) that counts as a stretch of line */
  minRun: number;
  /** how far (rows) past the end row a line must run on to be through, and stay blank to have ended */
  beyond: number;
  /** line ends within this many rows of each other end together */
  cluster: number;
  /** fewest lines ending together for the row to be a body end */
  minEnds: number;
}

export const DEFAULT_FRAME_OPTIONS: FrameOptions = { gap: 4, minRun: 32, beyond: 24, cluster: 3, minEnds: 3 };

interface End {
  line: number;
  y: number;
  /** +1: the run goes on downward from y (a top end); −1: upward (a bottom end) */
  dir: number;
}

/**
 * Rows (straightened) where straightened column xs has ink: the pixel itself, not its neighbours (letters
 * in rows of small print, each grown by a row, would close up into a column of ink).
 */
function inkRows(img: InkImage, xs: number, tan: number): Uint8Array {
  const on = new Uint8Array(img.height);
  for (let y = 0; y < img.height; y++) {
    const [x, r] = toScan(xs, y + 0.5, tan, img.width, img.height);
    const c = Math.floor(x), row = Math.floor(r);
    if (c >= 0 && c < img.width && row >= 0 && row < img.height && img.ink[row * img.width + c]) on[y] = 1;
  }
  return on;
}

/** Rows with ink in any of the given columns. */
function anyRows(cols: Uint8Array[]): Uint8Array {
  const on = Uint8Array.from(cols[0]);
  for (const c of cols.slice(1)) for (let y = 0; y < on.length; y++) on[y] |= c[y];
  return on;
}

/** Both ends of every run of ink at least `minRun` long (gaps up to `gap` closed), away from the image's top and bottom. */
function runEnds(on: Uint8Array, line: number, o: FrameOptions): End[] {
  const out: End[] = [];
  const h = on.length;
  const push = (a: number, b: number) => {
    if (b - a + 1 < o.minRun) return;
    if (a - o.beyond - o.gap >= 0) out.push({ line, y: a, dir: +1 });
    if (b + o.beyond + o.gap < h) out.push({ line, y: b, dir: -1 });
  };
  let a = -1, last = -Infinity;
  for (let y = 0; y < h; y++) {
    if (!on[y]) continue;
    if (y - last > o.gap + 1) {
      if (a >= 0) push(a, last);
      a = y;
    }
    last = y;
  }
  if (a >= 0) push(a, last);
  return out;
}

/** Share of rows y + dir·k, k in [from, to], that have ink (rows outside the image count as blank). */
function inkShare(on: Uint8Array, y: number, dir: number, from: number, to: number): number {
  let n = 0;
  for (let k = from; k <= to; k++) {
    const r = y + dir * k;
    if (r >= 0 && r < on.length && on[r]) n++;
  }
  return n / (to - from + 1);
}

/** Rows the ink runs on from y in direction dir (gaps up to `gap` bridged). */
function runLength(on: Uint8Array, y: number, dir: number, gap: number): number {
  let last = 0;
  for (let k = 1; y + dir * k >= 0 && y + dir * k < on.length && k - last <= gap + 1; k++) if (on[y + dir * k]) last = k;
  return last;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : 0;
}

/** Ends of the same direction within `cluster` rows of their neighbours, grouped (sorted by row). */
function groupEnds(ends: End[], o: FrameOptions): End[][] {
  const out: End[][] = [];
  for (const dir of [+1, -1]) {
    const sorted = ends.filter((e) => e.dir === dir).sort((a, b) => a.y - b.y);
    for (const e of sorted) {
      const g = out[out.length - 1];
      if (g && g[0].dir === dir && e.y - g[g.length - 1].y <= o.cluster) g.push(e);
      else out.push([e]);
    }
  }
  return out;
}

/**
 * Per line (straightened column `xs[k]`), how surely it is a frame, 0..1: of the body ends it meets
 * (rows where at least `minEnds` lines end together while two or more run on), the share it runs on
 * through; undefined for a line that meets none (every line, when no body end shows).
 */
export function frameEvidence(img: InkImage, xs: number[], tan: number, options: Partial<FrameOptions> = {}): (number | undefined)[] {
  const o = { ...DEFAULT_FRAME_OPTIONS, ...options };
  // a line's ink within 1 px, and column by column: a printed line is unbroken in one of them, a
  // letter's strokes at a line's x (the scale box's curve names sit at the track's middle) are not
  const cols = xs.map((x) => [-1, 0, 1].map((d) => inkRows(img, x + d, tan)));
  const rows = cols.map(anyRows);
  const through = new Float64Array(xs.length), ended = new Float64Array(xs.length);
  for (const g of groupEnds(rows.flatMap((on, k) => runEnds(on, k, o)), o)) {
    const y = Math.round(g.reduce((a, e) => a + e.y, 0) / g.length), dir = g[0].dir;
    // ended: blank past the end (not a dropout that resumes); through: inked on both sides of it
    const stopped = new Set(g.filter((e) => inkShare(rows[e.line], e.y, -dir, o.gap + 2, o.beyond) <= 0.5).map((e) => e.line));
    if (stopped.size < o.minEnds) continue;
    const inked = rows.map((r, k) => !stopped.has(k) && inkShare(r, y, dir, 2, o.beyond) >= 0.9 && inkShare(r, y, -dir, 2, o.beyond) >= 0.9);
    // frames run on as far as one another (through the whole box); a letter's stroke on a grid line does not
    const reach = rows.map((r, k) => (inked[k] ? runLength(r, y, -dir, o.gap) : 0));
    const typical = median(reach.filter((v) => v > 0));
    const unbroken = (k: number) => Math.max(...cols[k].map((c) => inkShare(c, y, -dir, 2, Math.round(0.6 * typical))));
    const on = reach.map((v, k) => v > 0 && v >= 0.6 * typical && unbroken(k) >= 0.9);
    const runOn = on.filter(Boolean).length;
    // a body end: most of the lines there stop (a fold or stain that breaks a few lines is not one), and
    // at least a track's two frames run on (one line running through everything is a scanner streak)
    if (runOn < 2 || stopped.size < 0.5 * runOn) continue;
    on.forEach((t, k) => { if (t) through[k]++; });
    for (const k of stopped) ended[k]++;
  }
  return xs.map((_, k) => (through[k] + ended[k] > 0 ? through[k] / (through[k] + ended[k]) : undefined));
}
