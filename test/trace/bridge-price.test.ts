import { describe, expect, it } from 'vitest';
import { SegClass } from '../../src/core/types.ts';
import { traceCurves } from '../../src/core/trace/index.ts';
import { DEFAULT_TRACE_OPTIONS } from '../../src/core/trace/options.ts';
import { Sheet, absentRows, curveSpec, maxError } from './fixtures.ts';

/**
 * A bridged row costs a solid curve wSkipSolid and a broken one wSkip (options.ts): a solid line has
 * no dash gaps, so its bridges cross only grid lines and patches the model missed. The gap here is
 * 12 rows of ink the model did not see (rows 194–205).
 */
describe('the price of a bridged row', () => {
  const line = (y: number) => 150 + 20 * Math.sin(y / 50);
  const sheet = (cls: SegClass) => {
    const s = new Sheet(300, 400);
    s.curve(line, 0, 399, { width: 2, cls });
    s.relabel(0, 194, 300, 206, SegClass.Paper, 0);
    return s.segmentation();
  };
  const trace = (cls: SegClass, options: Parameters<typeof traceCurves>[0]['options']) => {
    const style = cls === SegClass.SolidCurve ? 'solid' : 'broken';
    const [c] = traceCurves({ seg: sheet(cls), tracks: [{ x0: 10, x1: 290, curves: [curveSpec('GR', { x: line(100), y: 100.5 }, { style })] }], options });
    return c;
  };

  it('a solid curve bridges a short gap at the default price, on the line', () => {
    expect(DEFAULT_TRACE_OPTIONS.wSkipSolid).toBeGreaterThan(DEFAULT_TRACE_OPTIONS.wSkip);
    const c = trace(SegClass.SolidCurve, {});
    expect(absentRows(c.x, 5, 395)).toBe(0);
    expect(maxError(c.x, c.y0, (y) => line(y), 190, 210)).toBeLessThan(2);
  });

  it('a solid curve is absent over the gap once a bridged row costs more than an absent one', () => {
    const c = trace(SegClass.SolidCurve, { wSkipSolid: 3 });
    expect(absentRows(c.x, 194, 206)).toBeGreaterThanOrEqual(10);
    expect(absentRows(c.x, 5, 190) + absentRows(c.x, 210, 395)).toBe(0);
  });

  it('a broken curve keeps wSkip whatever wSkipSolid says', () => {
    const c = trace(SegClass.BrokenCurve, { wSkipSolid: 3 });
    expect(absentRows(c.x, 5, 395)).toBe(0);
    expect(maxError(c.x, c.y0, (y) => line(y), 190, 210)).toBeLessThan(2);
  });
});
