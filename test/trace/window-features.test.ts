import { describe, expect, it } from 'vitest';
import { runFeatures } from '../../src/core/trace/appearance.ts';
import { extractRuns, type InkWindow } from '../../src/core/trace/runs.ts';
import { darkness } from '../../src/core/trace/classical.ts';
import { SegClass } from '../../src/core/types.ts';
import { Sheet } from './fixtures.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Around a seed the model missed, the tracer takes the scan's dark pixels as curve ink (seed.ts
 * darkInkWindows). The runs made of them are measured like any other (appearance.ts runFeatures):
 * the curve's look is read off them first, as they lie at its seed.
 */
describe('run features inside a dark-ink window', () => {
  // two grey lines alike, 2.4 px wide at 60% darkness, slightly slanted: the model sees the left one only
  const seen = (y: number) => 60 + 0.2 * y;
  const blind = (y: number) => 160 + 0.2 * y;
  const s = new Sheet(260, 200);
  s.curve(seen, 0, 200, { width: 2.4, ink: 0.6 });
  s.curve(blind, 0, 200, { width: 2.4, ink: 0.6, cls: SegClass.Paper, prob: 0 });
  const seg = s.segmentation();
  const dark = darkness(s.raster());
  // as darkInkWindows makes it: ink from 60% of the darkest pixel under the seed (0.6 × 153)
  const window: InkWindow = { x0: 150, x1: 220, y0: 40, y1: 160, ink: 92 };
  const table = extractRuns(seg, 0, 260, 0, 200, {}, dark, [window]);
  const on = (line: (y: number) => number) =>
    [...Array(table.count).keys()].filter((j) => {
      const y = table.y0 + table.row[j];
      return y > 50 && y < 150 && Math.abs(table.centre[j] - line(y + 0.5)) < 3;
    });

  it('reads the window\'s line as dark and as wide as the same line the model sees', () => {
    const f = runFeatures(seg, table, 128, dark, [window]);
    const a = on(seen), b = on(blind);
    expect(a.length).toBeGreaterThan(90);
    expect(b.length).toBeGreaterThan(90);
    for (const key of ['dark', 'width'] as const) {
      const ma = median(a.map((j) => f[key][j])), mb = median(b.map((j) => f[key][j]));
      expect(Math.abs(mb / ma - 1)).toBeLessThan(0.15);
    }
    expect(Math.abs(median(b.map((j) => f.fineWidth![j])) / median(a.map((j) => f.fineWidth![j])) - 1)).toBeLessThan(0.15);
  });

  it('without the window, the same runs read no shade at all (what the tracer saw before)', () => {
    const f = runFeatures(seg, table, 128, dark);
    expect(median(on(blind).map((j) => f.dark[j]))).toBe(0);
  });
});
