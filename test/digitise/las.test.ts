/**
 * Traced curves → series → LAS document → LAS text, on the sample's layout, with traces made from
 * the sample's truth through the inverse maps: the LAS read back must give the truth again (the
 * conversion adds no error beyond interpolating between row centres), on one grid, with ~P and ~O.
 */
import { describe, expect, it } from 'vitest';
import { depthMap, valueMap, type Layout } from '../../src/core/calibration';
import { buildLasDocument, curvesToSeries, gridFor, NothingToExportError, uniqueMnemonics, type DigitiseProvenance } from '../../src/core/digitise';
import { readLas, writeLas } from '../../src/core/las';
import type { SynthTruth } from '../../src/core/synth/truth';
import type { TracedCurve } from '../../src/core/types';
import { sampleLayout, sampleTruth, score } from './sample';

const provenance: DigitiseProvenance = { tool: 'Tracewell test', segmentation: 'model', modelId: 'ab12cd', scanName: 'synthetic-log.png', scanSha256: 'f'.repeat(64), deskew: 0.4 };

/** The truth curve as a trace: x per scan row through the inverse value map (cycle kept), NaN where absent. */
function traceOfTruth(layout: Layout, t: SynthTruth['curves'][number], rows: number): TracedCurve {
  const track = layout.tracks[t.track];
  const vm = valueMap(track.curves[t.curve], track);
  const dm = depthMap(layout.depth);
  const log = t.scale === 'log';
  const x = new Float64Array(rows).fill(Number.NaN);
  const cycle = new Int8Array(rows);
  const d0 = t.depth[0];
  const step = t.depth[1] - t.depth[0];
  for (let r = 0; r < rows; r++) {
    const f = (dm.depthAt(r + 0.5) - d0) / step;
    const i = Math.floor(f);
    const a = t.value[i];
    const b = t.value[i + 1];
    if (a == null || b == null) continue;
    const u = log ? Math.log10(a) + (f - i) * (Math.log10(b) - Math.log10(a)) : a + (f - i) * (b - a);
    const p = vm.xAt(log ? 10 ** u : u);
    x[r] = p.x;
    cycle[r] = p.cycle;
  }
  return { track: t.track, curve: t.curve, y0: 0, x, confidence: new Float32Array(rows).fill(1), cycle };
}

describe('buildLasDocument', () => {
  const layout = sampleLayout();
  const truth = sampleTruth();
  const traced = truth.curves.map((t) => traceOfTruth(layout, t, 6000));

  it('writes every curve on one grid of layout.step that reads back as the truth', () => {
    const doc = buildLasDocument(layout, curvesToSeries(layout, traced), { provenance });
    const las = readLas(writeLas(doc));
    const index = las.data[0];
    expect(index[1] - index[0]).toBe(layout.step);
    expect(las.curves.slice(1).map((c) => c.mnemonic)).toEqual(['CGR', 'RHOB', 'SPBR', 'LLS', 'RXO']);
    truth.curves.forEach((t, i) => {
      const s = score(index, las.data[i + 1], t);
      expect(s.coverage, t.mnemonic).toBeGreaterThan(0.99);
      // the only error left: a truth node falls between two row centres (0.1 ft apart) and is cut
      expect(s.medianPct, t.mnemonic).toBeLessThan(0.02);
      expect(s.within1Pct, t.mnemonic).toBeGreaterThan(0.995);
    });
  });

  it('unwraps the backup scale: CGR values beyond the right edge (100) are written as read', () => {
    const doc = buildLasDocument(layout, curvesToSeries(layout, traced), { provenance });
    const cgr = doc.curves.find((c) => c.mnemonic === 'CGR')!.values;
    const max = Math.max(...Array.from(cgr).filter(Number.isFinite));
    const truthMax = Math.max(...(truth.curves[0].value.filter((v) => v !== null) as number[]));
    expect(truthMax).toBeGreaterThan(100);
    expect(max).toBeCloseTo(truthMax, 0);
  });

  it('writes scales to ~P and the provenance and calibration to ~O', () => {
    const text = writeLas(buildLasDocument(layout, curvesToSeries(layout, traced), { provenance }));
    expect(text).toMatch(/CGR_SCL\s*\.GAPI\s+0 100 LIN\s+: CGR scale, left and right edge values, track 1, with backup scales/);
    expect(text).toMatch(/LLS_SCL\s*\.OHMM\s+2 200 LOG/);
    expect(text).toContain('Segmentation model id: ab12cd');
    expect(text).toContain(`Scan SHA-256: ${'f'.repeat(64)}`);
    expect(text).toContain('Calibration: scan turned 0 deg clockwise, then deskewed by 0.4 deg');
    expect(text).toMatch(/Calibration: depth: least-squares line through 2 refs \(y 319\.9 px = 1025 FT, y 5819\.9 px = 1575 FT\), residuals rms 0 FT/);
    expect(text).toContain('Calibration: track 2: x 643.4 to 1527 px; LLS 2 to 200 OHMM (log, solid); RXO 2 to 200 OHMM (log, broken)');
    expect(text).toContain(' WELL.    Nucheark # 27-12');
  });

  it('names the classical segmentation in ~O and leaves the model id out', () => {
    const text = writeLas(buildLasDocument(layout, curvesToSeries(layout, traced), { provenance: { ...provenance, segmentation: 'classical' } }));
    expect(text).not.toContain('Segmentation model id');
    expect(text).toContain('Note: segmentation by darkness alone (classical, no model)');
  });

  it('keeps only the included curves, and the grid spans them', () => {
    const series = curvesToSeries(layout, traced);
    const doc = buildLasDocument(layout, series, { provenance, exportSettings: { include: ['RHOB', 'LLS'] } });
    expect(doc.curves.map((c) => c.mnemonic)).toEqual(['RHOB', 'LLS']);
    expect(() => buildLasDocument(layout, series, { provenance, exportSettings: { include: [] } })).toThrow(NothingToExportError);
  });

  it('digitises only depth.top..bottom when the layout gives it', () => {
    const cut: Layout = { ...layout, depth: { ...layout.depth, top: 1100, bottom: 1200.2 } };
    const grid = gridFor(cut, curvesToSeries(cut, traced));
    expect([grid[0], grid[grid.length - 1], grid.length]).toEqual([1100, 1200, 201]);
  });

  it('names a traced curve the layout no longer has', () => {
    const fewer: Layout = { ...layout, tracks: [layout.tracks[0]] };
    expect(() => curvesToSeries(fewer, traced)).toThrow(/traced curve 1 of track 2 is not in the layout any more/);
  });

  it('makes mnemonics legal and unique', () => {
    expect(uniqueMnemonics(['GR', 'gr', 'ILD.1', 'DEPT', ''])).toEqual(['GR', 'gr_2', 'ILD_1', 'DEPT_2', 'UNKNOWN']);
  });
});
