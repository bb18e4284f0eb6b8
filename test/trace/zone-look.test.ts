import { describe, expect, it } from 'vitest';
import { traceOptions } from '../../src/core/trace/options.ts';
import { darkness } from '../../src/core/trace/classical.ts';
import { SegClass } from '../../src/core/types.ts';
import { Sheet, looksAt } from './fixtures.ts';

/**
 * Case 42 of the 60-case bench in small (appearance.ts pathLook). A grey thin line and a black thick
 * one cross just above the grey one's seed; beyond the crossing the model misses the grey line for
 * 60 rows, and a few rows below its seed its line ends: its path traced alone goes on along the
 * black line both ways, and most of the samples its look was read from were the black line's.
 */
describe('the look of a faint curve whose path, traced alone, leaves it at a crossing', () => {
  const W = 320, H = 720;
  const GREY = (y: number) => 100 + 0.5 * y; // seed at row 220, its line ends at row 226
  // crosses GREY at row 200, then runs down the track to its seed at row 660: far enough that its own
  // path near its seed (lookRows 300) does not reach the crossing
  const BLACK = (y: number) => (y < 260 ? 300 - 0.5 * y : 170 + 0.1 * (y - 260));
  const looksOf = (lookZoneMin?: number) => {
    const s = new Sheet(W, H);
    s.curve(BLACK, 0, H, { width: 3.2, ink: 1 });
    s.curve(GREY, 0, 226, { width: 1.6, ink: 0.55, prob: 1.7 }); // prob × coverage: up to 0.94
    s.relabel(0, 130, W, 190, SegClass.Paper, 0); // where the model misses the grey line (only it is there)
    s.curve(BLACK, 120, 200, { width: 3.2, ink: 1 }); // the black line stays seen over those rows
    const o = traceOptions(lookZoneMin === undefined ? {} : { lookZoneMin });
    return looksAt(s.segmentation(), [[GREY(220), 220], [BLACK(660), 660]], o, { dark: darkness(s.raster()) });
  };

  it('is read off the grey line, not the black line its path went on along', () => {
    const [grey, black] = looksOf();
    expect(grey!.dark).toBeLessThan(0.6);
    expect(black!.dark).toBeGreaterThan(0.9);
    expect(grey!.width).toBeLessThan(0.8 * black!.width);
  });

  it('without the check, is the black line’s', () => {
    const [grey, black] = looksOf(0);
    expect(grey!.dark).toBeGreaterThan(0.9);
    expect(Math.abs(Math.log(grey!.width / black!.width))).toBeLessThan(0.2);
  });
});
