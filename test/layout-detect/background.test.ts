import { describe, expect, it } from 'vitest';
import { paperSpans } from '../../src/core/layout-detect/background.ts';
import { detectLayout } from '../../src/core/layout-detect/index.ts';
import { renderSample } from '../../src/core/synth/render.ts';
import { NO_DEFECTS } from '../../src/core/synth/defect-plan.ts';
import { edgesWithin, matchEdges } from './edge-match.ts';

const W = 200, H = 300;

/** A dark predicate over a W × H image from per-row runs from the right side and extra dark pixels. */
function darkFrom(rightRun: (y: number) => number, extra: (x: number, y: number) => boolean = () => false): (i: number) => boolean {
  return (i) => {
    const x = i % W, y = Math.floor(i / W);
    return x >= W - rightRun(y) || extra(x, y);
  };
}

describe('paperSpans: background beside the sheet', () => {
  it('follows a ragged torn edge, where it is deep and where it thins to a pixel', () => {
    // 30–50 px deep and wandering on rows 0–199, 1–3 px on rows 200–299 (still one torn edge)
    const run = (y: number) => (y < 200 ? Math.round(40 + 10 * Math.sin(y / 15)) : 1 + (y % 3));
    const p = paperSpans(darkFrom(run), W, H)!;
    expect(p).not.toBeNull();
    for (let y = 0; y < H; y++) {
      expect(p.right[y], `row ${y}`).toBe(W - run(y));
      expect(p.left[y]).toBe(0);
    }
  });

  it('does not take a depth line drawn into the torn edge for background', () => {
    const run = (y: number) => 40 + (y % 5);
    const p = paperSpans(darkFrom(run, (x, y) => y === 150 && x >= 20), W, H)!;
    expect(p.right[150]).toBeGreaterThanOrEqual(W - 50);
  });

  it('finds none for a frame on the image side, even where a dark box touches it for a few rows', () => {
    const frame = (y: number) => (y >= 100 && y < 120 ? 24 : 4);
    expect(paperSpans(darkFrom(frame), W, H)).toBeNull();
    expect(paperSpans(() => false, W, H)).toBeNull();
  });
});

// Generated scans with a dark torn edge (the scanner lid shows through) over the outer frame, on either
// side: the ragged edge is no frame, and the frame it hides on part of its rows still ends the track.
describe('auto-layout with a torn edge over the outer frame', () => {
  const CONFIG = { minLen: 3200, maxLen: 3200, minWidth: 1000, maxWidth: 1600 };
  const cases: [number, 'left' | 'right'][] = [[1, 'right'], [4, 'right'], [2, 'left'], [5, 'left']];
  it.each(cases)('seed %i torn on the %s: every track edge within 3 px, no track on the torn strip', (seed, side) => {
    const plain = renderSample(seed, CONFIG, undefined, { defects: NO_DEFECTS });
    const first = Math.min(...plain.layout.tracks.map((t) => t.x0));
    const last = Math.max(...plain.layout.tracks.map((t) => t.x1));
    const depth = side === 'right' ? plain.image.width - last + 12 : first + 12;
    const s = renderSample(seed, CONFIG, undefined, { defects: { ...NO_DEFECTS, torn: { side, depth }, background: 40 } });
    const p = detectLayout(s.image);
    expect(edgesWithin(matchEdges(p, s.layout.tracks))).toBe(true);
    for (const t of p.tracks) {
      expect(t.x0).toBeGreaterThanOrEqual(first - 3);
      expect(t.x1).toBeLessThanOrEqual(last + 3);
    }
  }, 30_000);
});
