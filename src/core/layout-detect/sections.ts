/**
 * Sections: row ranges where the track frames are drawn (a main pass, a repeat section), in
 * straightened coordinates. Headers, footers and scale boxes between sections fall outside.
 */
import type { InkImage, LineEvidence } from './evidence.ts';
import { inkNear } from './profile.ts';

export interface RowSpan {
  top: number;
  bottom: number;
}

/** Does row strip s have vertical-line ink at straightened column xs (±1 px)? */
function edgeInStrip(e: LineEvidence, s: number, xs: number, tan: number): boolean {
  const x = Math.floor(xs - ((s + 0.5) * e.strip - e.height / 2) * tan);
  let sum = 0;
  for (let c = Math.max(0, x - 1); c <= Math.min(e.width - 1, x + 1); c++) sum = Math.max(sum, e.verticalDense[s * e.width + c]);
  return sum >= 0.5 * Math.min(e.strip, e.height - s * e.strip);
}

/** Is straightened column xs inside the scan (1 px in from its sides) in the middle of row strip s? */
function visibleInStrip(e: LineEvidence, s: number, xs: number, tan: number): boolean {
  const x = xs - ((s + 0.5) * e.strip - e.height / 2) * tan;
  return x >= 1 && x <= e.width - 2;
}

/** First (dir +1) or last (dir −1) row near `from` where column xs carries ink for `need` rows running. */
function frameEnd(img: InkImage, xs: number, from: number, to: number, dir: number, tan: number, need = 8): number | null {
  let run = 0;
  for (let y = from; dir > 0 ? y < to : y >= to; y += dir) {
    run = inkNear(img, xs, y + 0.5, tan) ? run + 1 : 0;
    if (run >= need) return dir > 0 ? y - need + 1 : y + need;
  }
  return null;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * Row ranges where three quarters of the track edges (of those inside the scan there) have frame-line ink, strip by strip; one-strip gaps are
 * closed, sections shorter than 3 strips dropped; the ends refined to the row where the frames begin/end.
 */
export function findSections(e: LineEvidence, img: InkImage, edges: number[], tan: number): RowSpan[] {
  if (edges.length === 0) return [];
  const strips = Math.ceil(e.height / e.strip);
  // three quarters of the edges: a header box drawn across the page shares only the outer two
  // of the edges the strip shows: on a skewed scan a frame near the sheet's edge leaves the image
  const on = Array.from({ length: strips }, (_, s) => {
    const shown = edges.filter((x) => visibleInStrip(e, s, x, tan));
    return shown.length > 0 && shown.filter((x) => edgeInStrip(e, s, x, tan)).length >= 0.75 * shown.length;
  });
  for (let s = 1; s + 1 < strips; s++) if (!on[s] && on[s - 1] && on[s + 1]) on[s] = true;
  const out: RowSpan[] = [];
  for (let s = 0; s < strips; ) {
    if (!on[s]) { s++; continue; }
    let t = s;
    while (t < strips && on[t]) t++;
    if (t - s >= 3) out.push(refine(img, edges, s * e.strip, Math.min(e.height, t * e.strip), e.strip, tan));
    s = t;
  }
  return out;
}

function refine(img: InkImage, edges: number[], top: number, bottom: number, S: number, tan: number): RowSpan {
  const tops = edges.map((x) => frameEnd(img, x, Math.max(0, top - S), Math.min(img.height, top + S), +1, tan)).filter((v): v is number => v !== null);
  const bottoms = edges.map((x) => frameEnd(img, x, Math.min(img.height - 1, bottom + S), Math.max(0, bottom - S), -1, tan)).filter((v): v is number => v !== null);
  return { top: tops.length ? median(tops) : top, bottom: bottoms.length ? median(bottoms) : bottom };
}
