/**
 * The whole digitise pipeline on the bundled sample, as the CLI and the browser run it without a
 * model: prepareUpright → segmentClassical → traceLayout → curvesToSeries → buildLasDocument →
 * LAS text, scored against the sample's truth. The classical segmentation cannot tell dashed from
 * solid ink or keep every identity through crossings, so this checks the frames and maps (a wrong
 * deskew sign, row convention or scale would move every curve) on the curves it follows well,
 * and coverage for all.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildLasDocument, curvesToSeries, prepareUpright, segmentClassical, traceLayout } from '../../src/core/digitise';
import { readLas, writeLas } from '../../src/core/las';
import { toUpright, type Raster } from '../../src/core/raster';
import type { TracedCurve } from '../../src/core/types';
import { sampleLayout, sampleScan, sampleTruth, score } from './sample';

describe('digitising the bundled sample without a model', () => {
  const layout = sampleLayout();
  const truth = sampleTruth();
  let source: Raster;
  let upright: Raster;
  let traced: TracedCurve[];

  beforeAll(async () => {
    source = await sampleScan();
    upright = prepareUpright(source, layout).upright;
    traced = traceLayout(upright, segmentClassical(upright, layout), layout, { kind: 'classical' });
  }, 120_000); // a loaded machine takes its time (decoding, deskew, tracing, model set-up)

  it('turns the scan upright exactly as the layout says (the display levels use the same pixels)', () => {
    expect(prepareUpright(source, layout).deskew).toBe(0.4);
    const direct = toUpright(source, { rotate: 0, deskew: 0.4 });
    // byte comparison: vitest's deep equality walks 9 million elements one by one
    expect(Buffer.compare(Buffer.from(upright.data.buffer), Buffer.from(direct.data.buffer))).toBe(0);
  });

  it("estimates the deskew when the layout says 'auto' (drawn at 0.4°)", () => {
    const auto = prepareUpright(source, { rotate: 0, deskew: 'auto' });
    expect(Math.abs(auto.deskew - 0.4)).toBeLessThan(0.05);
  });

  it('traces one row per scan row for every curve, in layout order', () => {
    expect(traced.map((c) => [c.track, c.curve])).toEqual([[0, 0], [0, 1], [0, 2], [1, 0], [1, 1]]);
    for (const c of traced) expect(c.x.length + c.y0).toBeLessThanOrEqual(6000);
  });

  it('writes a LAS whose curves follow the truth where classical tracing keeps them', () => {
    const doc = buildLasDocument(layout, curvesToSeries(layout, traced), { provenance: { tool: 'Tracewell test', segmentation: 'classical', deskew: 0.4 } });
    const las = readLas(writeLas(doc));
    const scores = Object.fromEntries(truth.curves.map((t, i) => [t.mnemonic, score(las.data[0], las.data[i + 1], t)]));
    for (const [name, s] of Object.entries(scores)) expect(s.coverage, name).toBeGreaterThan(0.9);
    // solid curves away from the crossings: most depths within 1% of the span
    expect(scores.RHOB.medianPct).toBeLessThan(0.5);
    expect(scores.RHOB.within1Pct).toBeGreaterThan(0.7);
    expect(scores.LLS.medianPct).toBeLessThan(1);
  });
});
