/**
 * Where each row of a scan is paper: a torn edge or the scanner's dark lid beside the sheet shows as a
 * dark band reaching in from the image's side. Left as ink, its ragged boundary makes long vertical runs
 * (lines that are no frames) and it hides the frames under it; cleared, and the rows it covers not
 * counted for the columns it covers, a frame that shows on a third of its rows is still a frame.
 * Scan pixel space; spans are [left, right) per row.
 */

export interface PaperSpans {
  left: Int32Array;
  right: Int32Array;
}

export interface BackgroundOptions {
  /** a dark run from the side at least this long (px) is background: frames are at most 10 px wide (3 pt at 300 dpi) */
  minRun: number;
  /** ... on every row within this many rows: a depth line running to the image's side is one to three rows thick */
  settle: number;
  /** share of a stretch of dark rows that must be deep for it to be background */
  deepShare: number;
  /** how far (px) a row's run may reach past its neighbours' median and still be the torn edge's own */
  spike: number;
}

export const DEFAULT_BACKGROUND_OPTIONS: BackgroundOptions = { minRun: 16, settle: 6, deepShare: 0.25, spike: 6 };

/** Length of the run of `dark` pixels from the left (dir +1) or right (dir −1) side of each row. */
function sideRuns(dark: (i: number) => boolean, w: number, h: number, dir: 1 | -1): Int32Array {
  const out = new Int32Array(h);
  for (let y = 0; y < h; y++) {
    let n = 0;
    for (let x = dir > 0 ? 0 : w - 1; x >= 0 && x < w && dark(y * w + x); x += dir) n++;
    out[y] = n;
  }
  return out;
}

/**
 * Background per row from the side runs. A stretch of rows dark at the side (run ≥ 1 on each) is
 * background when at least `deepShare` of it is deep: `minRun` or more on every row within `settle`.
 * So a torn edge counts where it thins to a pixel or two, and a frame printed on the image's side does
 * not, even where a curve or a box touches it. A row whose run reaches past its neighbours' median by
 * more than `spike` (a depth line drawn into the torn edge) keeps the median.
 */
function settled(runs: Int32Array, o: BackgroundOptions): Int32Array {
  const h = runs.length, out = new Int32Array(h);
  const window = (y: number) => runs.subarray(Math.max(0, y - o.settle), Math.min(h, y + o.settle + 1));
  for (let a = 0; a < h; ) {
    if (runs[a] === 0) { a++; continue; }
    let b = a;
    while (b < h && runs[b] > 0) b++;
    let deep = 0;
    for (let y = a; y < b; y++) if (Math.min(...window(y)) >= o.minRun) deep++;
    if (deep >= o.deepShare * (b - a)) {
      for (let y = a; y < b; y++) {
        const near = Array.from(window(y)).sort((p, q) => p - q);
        const median = near[near.length >> 1];
        out[y] = runs[y] <= median + o.spike ? runs[y] : median;
      }
    }
    a = b;
  }
  return out;
}

/** The paper span of each row, or null where no row has background at either side. */
export function paperSpans(dark: (i: number) => boolean, w: number, h: number, options: Partial<BackgroundOptions> = {}): PaperSpans | null {
  const o = { ...DEFAULT_BACKGROUND_OPTIONS, ...options };
  const l = settled(sideRuns(dark, w, h, 1), o), r = settled(sideRuns(dark, w, h, -1), o);
  let any = false;
  const left = new Int32Array(h), right = new Int32Array(h);
  for (let y = 0; y < h; y++) {
    left[y] = l[y];
    right[y] = Math.max(l[y], w - r[y]);
    if (l[y] > 0 || r[y] > 0) any = true;
  }
  return any ? { left, right } : null;
}

/** Rows y in [y0, y1) whose paper span holds scan column x(y) = xs − (y + 0.5 − h/2)·tan (a straightened column). */
export function paperRows(p: PaperSpans, xs: number, y0: number, y1: number, tan: number, h: number): number {
  let n = 0;
  for (let y = y0; y < y1; y++) {
    const x = xs - (y + 0.5 - h / 2) * tan;
    if (x >= p.left[y] && x < p.right[y]) n++;
  }
  return n;
}
