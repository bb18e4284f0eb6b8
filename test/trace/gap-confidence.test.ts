import { describe, expect, it } from 'vitest';
import { REVIEW_CONFIDENCE, traceCurves } from '../../src/core/trace/index.ts';
import { SegClass } from '../../src/core/types.ts';
import { Sheet, curveSpec } from './fixtures.ts';

/**
 * A broken curve bridges every gap between its dashes. A bridged row is as confident as the weaker of
 * its ends, and across more than gapConfidenceRows rows a little less: a dash gap is part of the line,
 * so a dashed curve the model is fairly sure of is not flagged for review at every gap.
 */
describe('confidence across a dash gap', () => {
  // a dashed line (12 px on, 6 off) the model gives probability 0.56: its runs are just above the review threshold
  const s = new Sheet(200, 300);
  s.curve(() => 100, 0, 300, { width: 2, cls: SegClass.BrokenCurve, dash: [12, 6], prob: 0.56 });
  const track = { x0: 10, x1: 190, curves: [curveSpec('DASH', { x: 100, y: 5.5 }, { style: 'broken' })] };
  const flagged = (gapConfidenceRows: number) => {
    const [c] = traceCurves({ seg: s.segmentation(), tracks: [track], options: { gapConfidenceRows } });
    let low = 0, on = 0;
    for (let r = 20; r < 280; r++) {
      if (Number.isNaN(c.x[r])) continue;
      on++;
      if (c.confidence[r] < REVIEW_CONFIDENCE) low++;
    }
    return { low, on };
  };

  it('flags no gap row where gaps are within gapConfidenceRows, and every gap row with the old discount', () => {
    const kept = flagged(8), old = flagged(0);
    expect(kept.on).toBe(260);
    expect(kept.low).toBe(0);
    // 6 rows in each 18 are a gap: about a third of the rows
    expect(old.low).toBeGreaterThan(70);
    expect(old.low).toBeLessThan(100);
  });
});
