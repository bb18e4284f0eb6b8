/**
 * Low-confidence rows over the scan (upright scan px): a broad translucent stroke along the traced
 * curve over each region the review walk visits, the current one in red. Long regions are sampled
 * every few rows when zoomed out (no more points than screen pixels). Drawn in the digitise and edit
 * steps while the overlay is on.
 */
import { useMemo } from 'react';
import type { TracedCurve } from '../../core/types';
import { useAppStore } from '../../state/store';
import { reviewRegions, type ReviewRegion } from './review';

/** The curve's path over the region's rows, every `step` rows, broken where the curve is absent. */
export function regionPath(c: TracedCurve, r: ReviewRegion, step: number): string {
  let d = '';
  let pen = false;
  for (let y = r.from; y < r.to; y += step) {
    const x = c.x[y - c.y0];
    if (Number.isNaN(x)) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${x.toFixed(1)} ${(y + 0.5).toFixed(1)}`;
    pen = true;
  }
  // a one-row region still shows: a short vertical tick
  return d.includes('L') || d === '' ? d : `${d}v1`;
}

export function ReviewLayer() {
  const step = useAppStore((s) => s.view.step);
  const show = useAppStore((s) => s.view.overlays.lowConfidence);
  const curves = useAppStore((s) => s.doc.curves);
  const index = useAppStore((s) => s.digitise.reviewIndex);
  // rows per sample: about one per screen pixel (powers of two, so zooming rebuilds rarely)
  const every = useAppStore((s) => 2 ** Math.max(0, Math.floor(Math.log2(1 / s.view.transform.k))));
  const regions = useMemo(() => reviewRegions(curves), [curves]);
  const paths = useMemo(() => regions.map((r) => regionPath(curves[r.curve], r, every)), [regions, curves, every]);
  if (!show || (step !== 'digitise' && step !== 'edit') || regions.length === 0) return null;
  return (
    <g className="review-layer" data-testid="review-layer">
      {paths.map((d, i) => (
        <path key={i} className={i === index ? 'review-band current' : 'review-band'} d={d} data-from={regions[i].from} data-to={regions[i].to} />
      ))}
    </g>
  );
}
