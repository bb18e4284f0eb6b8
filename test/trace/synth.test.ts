import { beforeAll, describe, expect, it } from 'vitest';
import type { CurveScore } from '../../src/core/trace/score.ts';
import { traceAndScore, uprightSample } from './synth-helpers.ts';

// The tracer on generated scans (src/core/synth), with the generator's own mask as the segmentation:
// the ceiling the U-Net can reach through this tracer. Errors in % of track span, as the benchmark.
describe('tracing generated scans (mask as segmentation)', () => {
  let scores: CurveScore[] = [];
  beforeAll(() => {
    scores = [1, 2, 4].flatMap((seed) => {
      const u = uprightSample(seed, 3200);
      return traceAndScore(u, u.maskSeg);
    });
  }, 120_000);

  it('covers nearly every true depth and keeps the median error under 1% of span', () => {
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const mae = median(scores.map((s) => s.maePct));
    const coverage = median(scores.map((s) => s.coverage));
    console.log(`generated scans, ${scores.length} curves: median MAE ${mae.toFixed(3)}% of span, median coverage ${coverage.toFixed(3)}`);
    expect(scores.length).toBeGreaterThanOrEqual(8);
    expect(coverage).toBeGreaterThan(0.97);
    expect(mae).toBeLessThan(1);
  });
});
