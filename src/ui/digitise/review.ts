/**
 * The low-confidence regions the review walk visits: per curve, runs of rows whose confidence is
 * under the tracer's review threshold (reviewSpans), short runs close together merged into one
 * region, then sorted down the scan. Pixel space of the upright scan.
 */
import { REVIEW_CONFIDENCE, reviewSpans } from '../../core/trace';
import type { TracedCurve } from '../../core/types';

export interface ReviewRegion {
  /** index into doc.curves */
  curve: number;
  /** scan rows [from, to) */
  from: number;
  to: number;
  /** columns the curve takes in those rows (px) */
  x0: number;
  x1: number;
}

export interface ReviewOptions {
  threshold: number;
  /** runs shorter than this (rows) are not worth a stop */
  minRows: number;
  /** runs this close (rows) are one region */
  joinRows: number;
}

export const DEFAULT_REVIEW: ReviewOptions = { threshold: REVIEW_CONFIDENCE, minRows: 5, joinRows: 40 };

export function reviewRegions(curves: readonly TracedCurve[], options: Partial<ReviewOptions> = {}): ReviewRegion[] {
  const o = { ...DEFAULT_REVIEW, ...options };
  const out: ReviewRegion[] = [];
  curves.forEach((c, index) => {
    let open: ReviewRegion | null = null;
    for (const span of reviewSpans(c, o.threshold, 1)) {
      if (open && span.from - open.to <= o.joinRows) {
        open.to = span.to;
        continue;
      }
      if (open && open.to - open.from >= o.minRows) out.push(open);
      open = { curve: index, from: span.from, to: span.to, x0: 0, x1: 0 };
    }
    if (open && open.to - open.from >= o.minRows) out.push(open);
  });
  for (const r of out) Object.assign(r, columnsOf(curves[r.curve], r.from, r.to));
  return out.sort((a, b) => a.from - b.from || a.curve - b.curve);
}

function columnsOf(c: TracedCurve, from: number, to: number): { x0: number; x1: number } {
  let lo = Infinity;
  let hi = -Infinity;
  for (let y = from; y < to; y++) {
    const x = c.x[y - c.y0];
    if (Number.isNaN(x)) continue;
    lo = Math.min(lo, x);
    hi = Math.max(hi, x);
  }
  return Number.isFinite(lo) ? { x0: lo, x1: hi } : { x0: 0, x1: 0 };
}

/**
 * Where the walk goes next: the region after `index` while the view still shows it; at the start,
 * or once the user has scrolled away, the first region that starts at or below the top of the view
 * (the walk goes on down the log from where the user is). Wraps to the first; −1 when there are none.
 */
export function nextRegion(regions: readonly ReviewRegion[], index: number, view?: { top: number; bottom: number }): number {
  if (regions.length === 0) return -1;
  const current = regions[index];
  if (view && (!current || current.to < view.top || current.from > view.bottom)) {
    const below = regions.findIndex((r) => r.from >= view.top);
    return below < 0 ? 0 : below;
  }
  return (index + 1) % regions.length;
}
