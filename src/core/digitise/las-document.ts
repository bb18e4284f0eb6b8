/**
 * Series → the LasDocument the LAS and CSV writers take: every curve resampled onto one depth grid
 * (multiples of layout.step, NaN = null where a curve is absent), ~P scales, ~O provenance. The UI's
 * export and the CLI both build their file here, so the same layout and traces give the same LAS.
 */
import type { Layout } from '../calibration/layout.ts';
import { depthGrid, resampleSeries } from '../calibration/resample.ts';
import { legalMnemonic } from '../las/convert.ts';
import type { LasCurveScale, LasDocument } from '../las/types.ts';
import { calibrationSummary } from './provenance.ts';
import type { LayoutSeries } from './series.ts';
import type { SegmentationKind } from './trace-layout.ts';

export interface LasExportSettings {
  /** curves to write, by the layout's mnemonic; 'all' (default) writes every series */
  include?: string[] | 'all';
}

export interface DigitiseProvenance {
  /** e.g. 'Tracewell 0.1.0' */
  tool: string;
  segmentation: SegmentationKind;
  /** the model card's id (SHA-256) when segmentation is 'model' */
  modelId?: string;
  scanName?: string;
  scanSha256?: string;
  /** the deskew applied, degrees (resolved from 'auto') */
  deskew?: number;
}

export interface BuildLasOptions {
  provenance: DigitiseProvenance;
  exportSettings?: LasExportSettings;
}

/** Thrown when there is nothing to write (no curve included, or no curve has a value). */
export class NothingToExportError extends Error {
  override name = 'NothingToExportError';
}

export function buildLasDocument(layout: Layout, series: readonly LayoutSeries[], options: BuildLasOptions): LasDocument {
  const include = options.exportSettings?.include ?? 'all';
  const chosen = include === 'all' ? [...series] : series.filter((s) => include.includes(s.mnemonic));
  if (chosen.length === 0) throw new NothingToExportError('no curve is chosen for export');
  const grid = gridFor(layout, chosen);
  const names = uniqueMnemonics(chosen.map((s) => s.mnemonic));
  const units = chosen.map((s) => s.unit.trim().replace(/[\s:]+/g, '_'));
  const doc: LasDocument = {
    well: { ...layout.well },
    indexUnit: layout.depth.unit,
    index: grid,
    curves: chosen.map((s, i) => ({ mnemonic: names[i], unit: units[i], description: s.description ?? '', values: resampleSeries(s, grid) })),
    scales: chosen.map((s, i): LasCurveScale => {
      const spec = layout.tracks[s.track].curves[s.curve];
      return { mnemonic: names[i], unit: units[i], kind: spec.scale, left: spec.left, right: spec.right, track: s.track + 1, wrap: spec.wrap };
    }),
    provenance: {
      tool: options.provenance.tool,
      scanName: options.provenance.scanName,
      scanSha256: options.provenance.scanSha256,
      modelId: options.provenance.segmentation === 'model' ? options.provenance.modelId : undefined,
      calibration: calibrationSummary(layout, options.provenance.deskew),
      notes: [
        options.provenance.segmentation === 'model'
          ? 'segmentation by the U-Net model named above'
          : 'segmentation by darkness alone (classical, no model): check dashed curves and crossings',
        `values resampled every ${layout.step} ${layout.depth.unit}; null where a curve was not traced`,
      ],
    },
  };
  return doc;
}

/**
 * The shared depth grid: multiples of layout.step over the layout's depth interval (depth.top /
 * bottom: shallow and deep end), or else over the depths where any chosen curve has a value; in
 * scan order (the depth at the top of the scan first).
 */
export function gridFor(layout: Layout, series: readonly LayoutSeries[]): Float64Array {
  let lo = Infinity;
  let hi = -Infinity;
  let increasing = true;
  for (const s of series) {
    const n = s.depth.length;
    if (n >= 2) increasing = s.depth[n - 1] > s.depth[0];
    for (let i = 0; i < n; i++) {
      if (Number.isNaN(s.value[i])) continue;
      lo = Math.min(lo, s.depth[i]);
      hi = Math.max(hi, s.depth[i]);
    }
  }
  const { top, bottom } = layout.depth;
  // top is the shallow (smaller) depth, bottom the deep one; a missing end comes from the curves
  let dLo = top ?? lo;
  let dHi = bottom ?? hi;
  if (dLo > dHi) [dLo, dHi] = [dHi, dLo];
  if (!Number.isFinite(dLo) || !Number.isFinite(dHi)) throw new NothingToExportError('no curve has a value at any depth: nothing to export');
  return increasing ? depthGrid(dLo, dHi, layout.step) : depthGrid(dHi, dLo, layout.step);
}

/** Legal, unique LAS mnemonics (GR, GR_2, …): two curves may share a name on paper. */
export function uniqueMnemonics(names: readonly string[]): string[] {
  const seen = new Set(['DEPT']);
  return names.map((raw) => {
    const base = legalMnemonic(raw);
    let name = base;
    for (let k = 2; seen.has(name.toUpperCase()); k++) name = `${base}_${k}`;
    seen.add(name.toUpperCase());
    return name;
  });
}
