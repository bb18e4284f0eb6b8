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

// Curves of generated scans that the tracer used to exchange with a neighbour for most of the log (a
// dotted with a dashed line, a thin with a thick one, a faint with a black one, after a touch or a
// crossing): each now stays on its own line. MAE in % of span; they were 7–31% before.
describe('identity on generated scans (mask as segmentation)', () => {
  const cases: [number, string[]][] = [[5, ['DTCO', 'SPHI']], [7, ['DT', 'SP']], [14, ['TNPH', 'LLS']], [19, ['CS', 'GAM']]];
  const found: { name: string; mae: number }[] = [];
  beforeAll(() => {
    for (const [seed, names] of cases) {
      const u = uprightSample(seed, 3200);
      const scores = traceAndScore(u, u.maskSeg);
      u.sample.layout.tracks.flatMap((t) => t.curves).forEach((c, i) => {
        if (names.includes(c.mnemonic)) found.push({ name: `${seed} ${c.mnemonic}`, mae: scores[i].maePct });
      });
    }
  }, 120_000);

  it('keeps each curve on its own line', () => {
    expect(found.length).toBe(8);
    for (const f of found) expect(f.mae, f.name).toBeLessThan(5);
  });
});
