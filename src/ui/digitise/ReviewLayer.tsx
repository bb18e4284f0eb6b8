/**
 * Low-confidence rows over the scan (upright scan px): a band around each region the review walk
 * visits, the current one outlined. Drawn in the digitise and edit steps while the overlay is on.
 */
import { useMemo } from 'react';
import { useAppStore } from '../../state/store';
import { reviewRegions } from './review';

export function ReviewLayer() {
  const step = useAppStore((s) => s.view.step);
  const show = useAppStore((s) => s.view.overlays.lowConfidence);
  const curves = useAppStore((s) => s.doc.curves);
  const index = useAppStore((s) => s.digitise.reviewIndex);
  const k = useAppStore((s) => s.view.transform.k);
  const regions = useMemo(() => reviewRegions(curves), [curves]);
  if (!show || (step !== 'digitise' && step !== 'edit') || regions.length === 0) return null;
  const pad = 6 / k; // 6 screen px around the curve
  return (
    <g className="review-layer" data-testid="review-layer">
      {regions.map((r, i) => (
        <rect
          key={i}
          className={i === index ? 'review-band current' : 'review-band'}
          x={r.x0 - pad}
          y={r.from}
          width={r.x1 - r.x0 + 2 * pad}
          height={Math.max(r.to - r.from, 2 / k)}
        />
      ))}
    </g>
  );
}
