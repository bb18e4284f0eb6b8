import { beforeAll, describe, expect, it } from 'vitest';
import { renderSample } from '../../src/core/synth/render.ts';
import { detectLayout, type LayoutProposal } from '../../src/core/layout-detect/index.ts';
import { edgesWithin, matchEdges } from './edge-match.ts';

// Generated scans (src/core/synth) with their true layout. The issue asks for track edges within 3 px
// and skew within 0.1°. Skew holds on these. Track edges hold on all 12 today (39 of seeds 1–40, 35 of
// 41–80 and 35 of 81–120 in `npm run bench:layout`; what still fails: 1-bit or faded prints that lost
// nearly every grid line and frame, and with them the scale boxes' frames that tell a shared frame from
// a grid line). The floor is just under today's: 11 of 12.
const SEEDS = Array.from({ length: 12 }, (_, i) => i + 1);
const CONFIG = { minLen: 3200, maxLen: 3200, minWidth: 1000, maxWidth: 1600 };

/** Every true track matches a detected track, or a group of touching detected tracks, within 3 px. */
function edgesMatch(p: LayoutProposal, tracks: { x0: number; x1: number }[]): boolean {
  return edgesWithin(matchEdges(p, tracks));
}

describe('auto-layout on generated scans', () => {
  let results: { seed: number; skewError: number; edges: boolean }[] = [];
  beforeAll(() => {
    results = SEEDS.map((seed) => {
      const s = renderSample(seed, CONFIG);
      const p = detectLayout(s.image);
      return { seed, skewError: Math.abs(p.deskew - (s.layout.deskew as number)), edges: edgesMatch(p, s.layout.tracks) };
    });
  }, 120_000);

  it('estimates the skew within 0.1° on every sample', () => {
    for (const r of results) expect(r.skewError, `seed ${r.seed}`).toBeLessThan(0.1);
  });

  it('finds every track edge within 3 px on at least 11 of the 12 samples (a floor just under today\'s 12)', () => {
    const missed = results.filter((r) => !r.edges).map((r) => r.seed);
    console.log(`auto-layout track edges within 3 px: ${results.length - missed.length}/${results.length} generated scans${missed.length ? ` (missed: seeds ${missed.join(', ')})` : ''}`);
    expect(results.length - missed.length).toBeGreaterThanOrEqual(11);
  });
});
