import { describe, expect, it } from 'vitest';
import { traceCurves } from '../../src/core/trace/index.ts';
import { parseLayout, validateLayout } from '../../src/core/calibration/index.ts';
import { Sheet, curveSpec, maxError, swappedRows as swapped } from './fixtures.ts';

const bump = (y: number) => Math.exp(-(((y - 200) / 40) ** 2));
// two alike lines that meet at a turn (row 200) and go back the way they came: a touch, not a crossing;
// by their slopes the tracer carries each straight on into the other, and their looks are the same
const a = (y: number) => 100 + 26 * bump(y);
const b = (y: number) => 160 - 31.5 * bump(y);

function traceBoth(anchorsA: { x: number; y: number }[], anchorsB: { x: number; y: number }[]) {
  const s = new Sheet(260, 400);
  s.curve(a, 0, 400, { width: 2.5 });
  s.curve(b, 0, 400, { width: 2.5 });
  const track = {
    x0: 20, x1: 240,
    curves: [curveSpec('A', { x: a(40.5), y: 40.5 }, { anchors: anchorsA }), curveSpec('B', { x: b(40.5), y: 40.5 }, { anchors: anchorsB })],
  };
  return traceCurves({ seg: s.segmentation(), tracks: [track] });
}

describe('anchor points: the user says which line is which past a touch', () => {
  // the case anchors are for; should the tracer learn to tell these two apart, give this test a harder case
  it('without anchors the two alike lines leave the touch on each other\'s line', () => {
    const [ta, tb] = traceBoth([], []);
    expect(swapped(ta.x, a, b, 230, 399) + swapped(tb.x, b, a, 230, 399)).toBeGreaterThan(100);
  });

  it('one point on each line below the touch keeps each on its own line all the way', () => {
    const [ta, tb] = traceBoth([{ x: a(300.5), y: 300.5 }], [{ x: b(300.5), y: 300.5 }]);
    expect(swapped(ta.x, a, b, 1, 399)).toBe(0);
    expect(swapped(tb.x, b, a, 1, 399)).toBe(0);
    expect(maxError(ta.x, 0, a, 230, 399)).toBeLessThan(1.5);
    expect(maxError(tb.x, 0, b, 230, 399)).toBeLessThan(1.5);
  });

  it('one point on one line is enough: the other line is not allowed onto it', () => {
    const [ta, tb] = traceBoth([{ x: a(350.5), y: 350.5 }], []);
    expect(swapped(ta.x, a, b, 1, 399)).toBe(0);
    expect(swapped(tb.x, b, a, 1, 399)).toBe(0);
  });

  it('a point off any ink or outside the traced rows is not used, and the trace is as without it', () => {
    const plain = traceBoth([], []);
    const [ta] = traceBoth([{ x: 230, y: 300.5 }, { x: a(10.5), y: 9000 }], []);
    expect(Array.from(ta.x)).toEqual(Array.from(plain[0].x));
  });
});

describe('anchors in the layout', () => {
  const layout = (anchors: unknown) => ({
    version: 1, rotate: 0, deskew: 0, step: 0.5, well: {},
    depth: { unit: 'FT', refs: [{ y: 10, depth: 1000 }, { y: 390, depth: 1038 }] },
    tracks: [{ x0: 20, x1: 240, curves: [{ mnemonic: 'GR', unit: 'GAPI', scale: 'linear', left: 0, right: 150, seed: { x: 100, y: 40 }, wrap: false, anchors }] }],
  });

  it('reads a list of points and keeps them', () => {
    const r = parseLayout(layout([{ x: 120, y: 300 }]));
    expect(r.ok && r.layout.tracks[0].curves[0].anchors).toEqual([{ x: 120, y: 300 }]);
  });

  it('names each bad point: outside the track, on the seed\'s row, two on a row, not a list', () => {
    const errs = (anchors: unknown) => {
      const r = parseLayout(layout(anchors));
      return r.ok ? validateLayout(r.layout) : r.errors;
    };
    expect(errs([{ x: 300, y: 300 }]).map((e) => e.path)).toEqual(['tracks[0].curves[0].anchors[0].x']);
    expect(errs([{ x: 120, y: 40.7 }])[0].message).toMatch(/already has a point/);
    expect(errs([{ x: 120, y: 300 }, { x: 130, y: 300.2 }]).map((e) => e.path)).toEqual(['tracks[0].curves[0].anchors[1].y']);
    expect(errs({ x: 1, y: 2 })[0].message).toMatch(/list/);
  });
});
