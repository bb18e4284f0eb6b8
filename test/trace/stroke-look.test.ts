import { describe, expect, it } from 'vitest';
import { traceOptions } from '../../src/core/trace/options.ts';
import { SegClass } from '../../src/core/types.ts';
import { Sheet, looksAt } from './fixtures.ts';

/**
 * A dotted curve's look is checked against the dot its seed is on (appearance.ts strokeLook). Where
 * the model sees only a few of its dots, its path traced alone runs on along a dashed neighbour, and
 * the look read off that path is the neighbour's dashes: the dotted curve would then be drawn to them.
 */
describe('the look of a dotted curve whose path leaves its dots for a dashed neighbour', () => {
  const W = 200, H = 700;
  // B: dashed (16 px on, 8 off) down the whole sheet, seed at row 560, far enough that its own path
  // near its seed (lookRows 300) does not reach A's dots. A: dotted (2 on, 6 off) 8 px right of B, but
  // seen by the model only on rows 80–120 around its seed at row 100
  const B = (y: number) => 100 + 10 * Math.sin(y / 50);
  const A = (y: number) => B(y) + 8;
  const looksOf = (broken: boolean[], lookStrokeRatio?: number) => {
    const s = new Sheet(W, H);
    s.curve(B, 0, H, { width: 2, cls: SegClass.BrokenCurve, dash: [16, 8] });
    s.curve(A, 80, 120, { width: 2, cls: SegClass.BrokenCurve, dash: [2, 6] });
    const o = traceOptions(lookStrokeRatio === undefined ? {} : { lookStrokeRatio });
    return looksAt(s.segmentation(), [[A(100), 100], [B(560), 560]], o, { broken });
  };

  it('is read off its seed’s dot, not off the dashes its path ran on to', () => {
    const [a, b] = looksOf([true, true]);
    // a dot 2 px wide and long; B's dashes run 16 px along the curve
    expect(a!.length).toBeLessThan(5);
    expect(b!.length).toBeGreaterThan(12);
  });

  it('without the check (or for a curve not marked broken) is the dashes’ look', () => {
    for (const [broken, ratio] of [[[true, true], 0], [[false, true], undefined]] as const) {
      const [a, b] = looksOf([...broken], ratio);
      expect(a!.length).toBeGreaterThan(12);
      expect(b!.length).toBeGreaterThan(12);
    }
  });
});

/**
 * Case 59 of the 60-case bench in small: the dotted curve's seed lies beside the dashed one's, so its
 * path traced alone rides the dashes over all of the dashed curve's rows. Each of the dashed curve's
 * runs then lies on the other's path, and it had no look at all; it now reads it off its seed's dash.
 */
describe('the look of a dashed curve whose runs all lie on a neighbour’s path', () => {
  const W = 200, H = 620;
  const B = (y: number) => 100 + 10 * Math.sin(y / 50);
  const A = (y: number) => B(y) + 8;
  const looksOf = (lookStrokeRatio: number) => {
    const s = new Sheet(W, H);
    s.curve(B, 0, H, { width: 2, cls: SegClass.BrokenCurve, dash: [16, 8] });
    s.curve(A, 290, 330, { width: 2, cls: SegClass.BrokenCurve, dash: [2, 6] });
    return looksAt(s.segmentation(), [[A(310), 310], [B(335), 335]], traceOptions({ lookStrokeRatio }), { broken: [true, true] });
  };

  it('is read off its seed’s dash, and the dotted curve keeps its dot', () => {
    const [a, b] = looksOf(traceOptions().lookStrokeRatio);
    expect(a!.length).toBeLessThan(5);
    expect(b!.length).toBeGreaterThan(12);
    // without the check: no look for the dashed curve, the dashes' look for the dotted one
    const [a0, b0] = looksOf(0);
    expect(b0).toBeNull();
    expect(a0!.length).toBeGreaterThan(12);
  });
});
