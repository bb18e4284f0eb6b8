import { describe, expect, it } from 'vitest';
import { measureLooks } from '../../src/core/trace/appearance.ts';
import { extractRuns } from '../../src/core/trace/runs.ts';
import { traceOptions, probCost } from '../../src/core/trace/options.ts';
import { DpWorkspace } from '../../src/core/trace/viterbi.ts';
import { SegClass } from '../../src/core/types.ts';
import { Sheet } from './fixtures.ts';

/**
 * A curve's look (appearance.ts) is read off its own ink near its seed, but not where it runs along a
 * printed line: there the model classes part of its ink grid, which cuts it into short pieces and
 * thins it, and a look read there is another curve's (TraceOptions.lookOffGrid).
 */
describe('a look read near a seed that sits on a grid line', () => {
  const W = 320, H = 600;
  // A: 4 px wide, along the printed line at x 100 over rows 200–400 (its seed at row 315), drifting
  // off it above and below. B: 2 px wide, wobbling about x 250
  const A = (y: number) => 100 + 0.5 * Math.max(0, Math.abs(y - 300) - 100);
  const B = (y: number) => 250 + 12 * Math.sin(y / 40);
  const looksOf = (lookOffGrid: boolean) => {
    const s = new Sheet(W, H);
    s.vLine(100);
    s.curve(A, 0, H, { width: 4 });
    s.curve(B, 0, H, { width: 2 });
    // the model sees the line through the curve, and takes every other 10-row stretch of it for grid
    s.relabel(100, 200, 101, 400, SegClass.Grid, 0);
    for (let y = 200; y < 400; y += 20) s.relabel(96, y, 105, y + 10, SegClass.Grid, 0);
    const seg = s.segmentation();
    const o = traceOptions({ lookOffGrid });
    const table = extractRuns(seg, 10, W - 10, 0, H, o.runs);
    const seedOn = (x: number, y: number) => {
      for (let j = table.rowStart[y]; j < table.rowStart[y + 1]; j++) if (table.left[j] - 1 <= x && table.right[j] + 1 >= x) return j;
      throw new Error(`no run at ${x}, ${y}`);
    };
    const seeds = [seedOn(A(315), 315), seedOn(B(300), 300)];
    const emits = seeds.map(() => Float32Array.from(table.prob, (p) => probCost(p, o)));
    const ws = new DpWorkspace(table, o.carried + o.carriedGrid, 0);
    return measureLooks(seg, table, ws, [null, null], emits, seeds, o).looks;
  };

  it('is the curve’s own: a wide, long line like its ink off the grid line', () => {
    const [a, b] = looksOf(true);
    // A's pieces off the line run 200 rows and more; B is one piece down the whole sheet
    expect(a!.length).toBeGreaterThan(150);
    expect(b!.length).toBeGreaterThan(500);
    expect(a!.width).toBeGreaterThan(1.5 * b!.width);
    // read on the line, A would look like a dashed curve of 10-row dashes
    const [onLine] = looksOf(false);
    expect(onLine!.length).toBeLessThan(20);
  });
});
