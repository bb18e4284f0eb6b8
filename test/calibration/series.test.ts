import { describe, expect, it } from 'vitest';
import { depthGrid, depthMap, resampleSeries, tracedToSeries, type CurveSpec, type TrackSpec } from '../../src/core/calibration';
import type { TracedCurve } from '../../src/core/types';

const track: TrackSpec = { x0: 100, x1: 400, curves: [] };
const gr: CurveSpec = {
  mnemonic: 'GR', unit: 'GAPI', description: 'gamma ray', scale: 'linear', left: 0, right: 150,
  seed: { x: 200, y: 10 }, wrap: true,
};
// 10 px per foot, row centre 0.5 → 1000 ft
const depths = depthMap({ unit: 'FT', refs: [{ y: 0.5, depth: 1000 }, { y: 100.5, depth: 1010 }] });

function traced(x: number[], cycle?: number[]): TracedCurve {
  const t: TracedCurve = { track: 0, curve: 0, y0: 20, x: Float64Array.from(x), confidence: new Float32Array(x.length).fill(1) };
  if (cycle) t.cycle = Int8Array.from(cycle);
  return t;
}

describe('tracedToSeries', () => {
  it('gives each row the depth of its centre (y0 + i + 0.5) and the value of its x', () => {
    const s = tracedToSeries(traced([100, 250, 400]), gr, track, depths);
    expect([...s.depth]).toEqual([1002, 1002.1, 1002.2].map((d) => expect.closeTo(d, 10)));
    expect([...s.value]).toEqual([0, 75, 150]);
    expect(s).toMatchObject({ mnemonic: 'GR', unit: 'GAPI', description: 'gamma ray', scale: 'linear' });
  });

  it('reads wrapped rows on their backup scale', () => {
    const s = tracedToSeries(traced([250, 250, 250], [0, 1, -1]), gr, track, depths);
    expect([...s.value]).toEqual([75, 225, -75]);
  });

  it('keeps absent rows as NaN values with depths', () => {
    const s = tracedToSeries(traced([250, Number.NaN, 250]), gr, track, depths);
    expect(Number.isNaN(s.value[1])).toBe(true);
    expect(s.depth[1]).toBeCloseTo(1002.1, 10);
  });

  it('rejects a cycle array of the wrong length', () => {
    const t = traced([250, 250]);
    t.cycle = new Int8Array(3);
    expect(() => tracedToSeries(t, gr, track, depths)).toThrow(/3 wrap cycles for 2 traced rows/);
  });

  it('feeds resampling: a straight line drawn across rows comes out on the LAS grid', () => {
    // x rises 1 px per row from 100: value 0.5 GAPI per row = 5 GAPI per foot, from 0 at 1002 ft
    const x = Array.from({ length: 200 }, (_, i) => 100 + i);
    const s = tracedToSeries(traced(x), gr, track, depths);
    const grid = depthGrid(1002, 1020, 0.5);
    const out = resampleSeries(s, grid);
    expect(out[0]).toBeCloseTo(0, 9);
    expect(out[4]).toBeCloseTo(10, 9); // 1004 ft
    // the last traced row centre is 1002 + 199/10 = 1021.9 ft, so the grid ends inside the series
    expect(out[out.length - 1]).toBeCloseTo(90, 9);
  });
});
