import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { depthMap } from '../../src/core/calibration/depth-map';
import type { Layout } from '../../src/core/calibration/layout';
import { valueMap } from '../../src/core/calibration/value-map';
import { checkLasConformance, readLas } from '../../src/core/las';
import { scoreCurve } from '../../src/core/trace/score';
import type { TracedCurve } from '../../src/core/types';
import { emptyDocument, type DocumentData } from '../../src/state/document';
import { buildExportFile, previewOf, resolveExport } from '../../src/ui/export/export-document';

const SAMPLES = resolve(__dirname, '../../public/samples');
const layout: Layout = JSON.parse(readFileSync(resolve(SAMPLES, 'synthetic-log.layout.json'), 'utf8'));
const truth = JSON.parse(readFileSync(resolve(SAMPLES, 'synthetic-log.truth.json'), 'utf8')) as {
  curves: Array<{ track: number; curve: number; mnemonic: string; scale: 'linear' | 'log'; left: number; right: number; depth: number[]; value: (number | null)[] }>;
};

/** The truth drawn back into pixel space, as a perfect tracer would have traced it (one x per row). */
function tracedFromTruth(): TracedCurve[] {
  const depths = depthMap(layout.depth);
  return truth.curves.map((t) => {
    const track = layout.tracks[t.track];
    const values = valueMap(track.curves[t.curve], track);
    const r0 = Math.ceil(depths.yAt(t.depth[0]) - 0.5);
    const r1 = Math.floor(depths.yAt(t.depth[t.depth.length - 1]) - 0.5);
    const n = r1 - r0 + 1;
    const x = new Float64Array(n);
    const cycle = new Int8Array(n);
    for (let i = 0; i < n; i++) {
      const d = depths.depthAt(r0 + i + 0.5);
      const k = Math.min(t.depth.length - 2, Math.floor((d - t.depth[0]) / 0.5));
      const a = t.value[k], b = t.value[k + 1];
      const f = (d - t.depth[k]) / 0.5;
      const v = a === null || b === null ? NaN : t.scale === 'log' ? 10 ** (Math.log10(a) + f * (Math.log10(b) - Math.log10(a))) : a + f * (b - a);
      const p = values.xAt(v);
      x[i] = p.x;
      cycle[i] = p.cycle;
    }
    return { track: t.track, curve: t.curve, y0: r0, x, confidence: new Float32Array(n).fill(1), cycle };
  });
}

function sampleDoc(): DocumentData {
  const d = emptyDocument({
    sha256: 'cd'.repeat(32), format: 'png', fileName: 'synthetic-log.png', bytes: 1, page: 0, pageCount: 1,
    width: 1700, height: 6000, originalChannels: 1, bitsPerSample: 8, compression: 'PNG',
  });
  return { ...d, layout, curves: tracedFromTruth() };
}

describe('export file', () => {
  it('writes a conformant LAS whose every curve matches the truth (wrapped GR unwrapped)', () => {
    const file = buildExportFile(sampleDoc(), { kind: 'classical' });
    expect(file.fileName).toBe('synthetic-log.las');
    expect(file.problems).toEqual([]);
    expect(checkLasConformance(file.text).ok).toBe(true);
    const las = readLas(file.text);
    expect(las.curves.map((c) => c.mnemonic)).toEqual(['DEPT', 'CGR', 'RHOB', 'SPBR', 'LLS', 'RXO']);
    for (const t of truth.curves) {
      const col = las.curves.findIndex((c) => c.mnemonic === t.mnemonic);
      const s = scoreCurve({ mnemonic: t.mnemonic, unit: '', depth: las.data[0], value: las.data[col], scale: t.scale }, t);
      expect(s.maePct, t.mnemonic).toBeLessThan(0.05);
      expect(s.coverage, t.mnemonic).toBeGreaterThan(0.99);
    }
    expect(Math.max(...las.data[1].filter(Number.isFinite))).toBeGreaterThan(100); // CGR beyond its 0-100 scale
    expect(las.other).toContain('segmentation by darkness alone');
  });

  it('uses the export settings: ~W fields, metres with their step, chosen curves, WRAP, NULL', () => {
    const d = sampleDoc();
    const doc = { ...d, exportSettings: { ...d.exportSettings, well: { WELL: 'Edited 1', UWI: '05-123-45678' }, depthUnit: 'M' as const, include: ['RHOB', 'LLS'], wrap: true, nullValue: -9999 } };
    expect(resolveExport(doc).step).toBe(0.1524);
    const las = readLas(buildExportFile(doc, null).text);
    const well = Object.fromEntries(las.well.map((w) => [w.mnemonic, w]));
    expect(well.WELL.value).toBe('Edited 1');
    expect(well.UWI.value).toBe('05-123-45678');
    expect(well.COMP.value).toBe('Vugroutrock Exploration Co.'); // from the layout
    expect(well.STRT.unit).toBe('M');
    expect(Number(well.STEP.value)).toBeCloseTo(0.1524, 9);
    expect(las.wrap).toBe(true);
    expect(las.nullValue).toBe(-9999);
    expect(las.curves.map((c) => c.mnemonic)).toEqual(['DEPT', 'RHOB', 'LLS']);
    // no digitise run behind these curves (a reopened session): ~O does not guess the segmentation
    expect(las.other).toContain('the segmentation that made them is not recorded');
    expect(las.other).not.toContain('darkness alone');
    // 1025 FT is 312.42 M: the RHOB there matches the feet file's
    const feet = readLas(buildExportFile(sampleDoc(), null).text);
    const at = (f: typeof las, depth: number) => f.data[f.curves.findIndex((c) => c.mnemonic === 'RHOB')][f.data[0].findIndex((v) => Math.abs(v - depth) < 1e-6)];
    expect(at(las, 312.42)).toBeCloseTo(at(feet, 1025), 2);
  });

  it('says in words why a file cannot be written', () => {
    const d = sampleDoc();
    const tracks = layout.tracks.map((t, i) => (i === 0 ? { ...t, curves: t.curves.map((c, k) => (k === 1 ? { ...c, mnemonic: 'RHOB\u2713' } : c)) } : t));
    expect(() => buildExportFile({ ...d, layout: { ...layout, tracks } }, null)).toThrow(/U\+2713.*LAS 2.0 is ASCII only/);
    expect(() => buildExportFile({ ...d, exportSettings: { ...d.exportSettings, include: [] } }, null)).toThrow(/no curve is chosen/);
    expect(() => buildExportFile({ ...d, exportSettings: { ...d.exportSettings, step: -1 } }, null)).toThrow(/Depth step/);
  });

  it('previews the header first, then a few data lines', () => {
    const text = buildExportFile(sampleDoc(), null).text;
    const p = previewOf(text, 3);
    expect(p.startsWith('~Version Information')).toBe(true);
    const lines = p.split('\n');
    expect(lines.findIndex((l) => l.startsWith('~A'))).toBe(lines.length - 5);
    expect(lines.at(-1)).toMatch(/more lines$/);
  });

  it('writes CSV with the same grid', () => {
    const d = sampleDoc();
    const csv = buildExportFile({ ...d, exportSettings: { ...d.exportSettings, format: 'csv' } }, null);
    expect(csv.fileName).toBe('synthetic-log.csv');
    const rows = csv.text.trim().split('\r\n');
    expect(rows[0]).toBe('DEPT (FT),CGR (GAPI),RHOB (G/C3),SPBR (MV),LLS (OHMM),RXO (OHMM)');
    expect(rows.length - 1).toBe(readLas(buildExportFile(d, null).text).data[0].length);
  });
});
