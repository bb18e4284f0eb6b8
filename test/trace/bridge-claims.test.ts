import { describe, expect, it } from 'vitest';
import { traceCurves } from '../../src/core/trace/index.ts';
import { SegClass } from '../../src/core/types.ts';
import { Sheet, absentRows, maxError, curveSpec } from './fixtures.ts';

/**
 * A dotted line is a row of specks with gaps the tracker bridges. Two curves could follow one such line
 * by taking turns on its specks, each bridging over the other's: no run is held twice, so no share is
 * paid. A bridge holds the specks it passes over (joint.ts, bridgeClaimPx). At the default share (half
 * a hold, tuned on the accuracy bench) riding a neighbour's dots is dearer but here still beats being
 * absent; holding in full makes a curve whose ink stops absent from there on.
 */
describe('bridges hold the specks they pass over', () => {
  const a = (y: number) => 80 + 0.05 * y;
  const b = (y: number) => 92 + 0.05 * y; // 12 px to the right, ends at row 150
  function sheet(): Sheet {
    const s = new Sheet(200, 400);
    s.curve(a, 0, 400, { cls: SegClass.BrokenCurve, dash: [2, 10] });
    s.curve(b, 0, 150, { cls: SegClass.BrokenCurve, dash: [2, 10] });
    return s;
  }
  const track = { x0: 10, x1: 190, curves: [curveSpec('A', { x: a(50.5), y: 50.5 }, { style: 'solid' }), curveSpec('B', { x: b(50.5), y: 50.5 }, { style: 'solid' })] };
  const onA = (x: Float64Array, from: number, to: number) => {
    let n = 0;
    for (let y = from; y < to; y++) if (Math.abs(x[y] - a(y + 0.5)) < 2) n++;
    return n;
  };

  it('a curve whose dots stop does not take turns on its neighbour\'s dots', () => {
    const [ta, tb] = traceCurves({ seg: sheet().segmentation(), tracks: [track], options: { bridgeClaimShare: 1 } });
    expect(maxError(ta.x, 0, a, 1, 399)).toBeLessThan(1.5);
    expect(maxError(tb.x, 0, b, 1, 149)).toBeLessThan(2);
    // past its end (and the longest bridge) B is absent, not on A's dots
    expect(absentRows(tb.x, 180, 400)).toBeGreaterThan(210);
    expect(onA(tb.x, 180, 400)).toBeLessThan(5);
  });

  it('without it, the curve rides its neighbour\'s dots (the failure this guards against)', () => {
    const [, tb] = traceCurves({ seg: sheet().segmentation(), tracks: [track], options: { bridgeClaimShare: 1, bridgeClaimPx: -1 } });
    expect(onA(tb.x, 180, 400)).toBeGreaterThan(150);
  });
});
