/**
 * The file the export step writes: the document's curves (pixel space) calibrated through the
 * layout and resampled onto one depth grid by the same core the CLI uses (src/core/digitise), then
 * written by the core LAS or CSV writer. The export settings (doc.exportSettings) override the
 * layout's ~W fields, depth unit and step for this file only.
 */
import type { Layout } from '../../core/calibration/layout';
import { writeCsv } from '../../core/csv/write';
import { buildLasDocument, curvesToSeries, type LayoutSeries } from '../../core/digitise';
import { checkLasConformance, writeLas, type LasDocument } from '../../core/las';
import type { DocumentData, ExportSettings } from '../../state/document';
import type { TraceInput } from '../../state/scan-slice';

export const TOOL = 'Tracewell 0.1.0';
const FT_IN_M = 0.3048;

/** The ~W fields offered for editing, in the standard's order (STRT, STOP, STEP, NULL are derived). */
export const WELL_FIELDS: ReadonlyArray<{ key: string; label: string }> = [
  { key: 'WELL', label: 'Well name' },
  { key: 'COMP', label: 'Company' },
  { key: 'FLD', label: 'Field' },
  { key: 'LOC', label: 'Location' },
  { key: 'CNTY', label: 'County' },
  { key: 'STAT', label: 'State' },
  { key: 'CTRY', label: 'Country' },
  { key: 'PROV', label: 'Province' },
  { key: 'SRVC', label: 'Service company' },
  { key: 'DATE', label: 'Log date' },
  { key: 'UWI', label: 'Unique well ID' },
  { key: 'API', label: 'API number' },
];

export interface ResolvedExport {
  format: 'las' | 'csv';
  well: Record<string, string>;
  depthUnit: 'M' | 'FT';
  step: number;
  wrap: boolean;
  nullValue: number;
  include: string[] | 'all';
}

/** Settings with every default filled in from the layout. */
export function resolveExport(doc: DocumentData): ResolvedExport {
  const s: ExportSettings = doc.exportSettings;
  const unit = s.depthUnit ?? doc.layout.depth.unit;
  return {
    format: s.format,
    well: { ...doc.layout.well, ...s.well },
    depthUnit: unit,
    step: s.step ?? convertStep(doc.layout.step, doc.layout.depth.unit, unit),
    wrap: s.wrap ?? false,
    nullValue: s.nullValue,
    include: s.include,
  };
}

/** A step in another unit, rounded to 4 decimals (0.5 FT → 0.1524 M, the usual metric step). */
function convertStep(step: number, from: 'M' | 'FT', to: 'M' | 'FT'): number {
  if (from === to) return step;
  return Math.round((from === 'FT' ? step * FT_IN_M : step / FT_IN_M) * 1e4) / 1e4;
}

export interface ExportFile {
  text: string;
  fileName: string;
  mime: string;
  las: LasDocument;
  /** conformance problems of the written LAS (none expected), in words */
  problems: string[];
}

/** Builds the file; throws an Error whose message says what is wrong (a curve, a field, a setting). */
export function buildExportFile(doc: DocumentData, input: Pick<TraceInput, 'kind' | 'modelId'> | null): ExportFile {
  const r = resolveExport(doc);
  if (!(r.step > 0) || !Number.isFinite(r.step)) throw new RangeError(`Depth step: ${r.step} is not a positive number of ${r.depthUnit}.`);
  if (!Number.isFinite(r.nullValue)) throw new RangeError('NULL value: type a number, e.g. -999.25.');
  const { layout, series } = inUnit(doc.layout, curvesToSeries(doc.layout, doc.curves), r.depthUnit);
  const las = buildLasDocument({ ...layout, step: r.step, well: r.well }, series, {
    provenance: {
      tool: TOOL,
      segmentation: input?.kind ?? 'classical',
      modelId: input?.modelId,
      scanName: doc.scan?.fileName,
      scanSha256: doc.scan?.sha256,
      deskew: typeof doc.layout.deskew === 'number' ? doc.layout.deskew : undefined,
    },
    exportSettings: { include: r.include },
  });
  if (!input && las.provenance?.notes) {
    // no digitise run in this page (a reopened session): the document does not say which segmentation made the curves
    las.provenance.notes = las.provenance.notes.map((n) => (n.startsWith('segmentation by') ? 'curves from a saved session; the segmentation that made them is not recorded' : n));
  }
  const base = (doc.scan?.fileName ?? 'tracewell').replace(/\.[^.]+$/, '') || 'tracewell';
  if (r.format === 'csv') {
    return { text: writeCsv(las), fileName: `${base}.csv`, mime: 'text/csv', las, problems: [] };
  }
  const text = writeLas(las, { wrap: r.wrap, nullValue: r.nullValue });
  const problems = checkLasConformance(text).problems.map((p) => (p.line ? `line ${p.line}: ${p.message}` : p.message));
  return { text, fileName: `${base}.las`, mime: 'text/plain', las, problems };
}

/** The layout and series with depths in `unit` (refs, interval and series depths converted). */
function inUnit(layout: Layout, series: LayoutSeries[], unit: 'M' | 'FT'): { layout: Layout; series: LayoutSeries[] } {
  const from = layout.depth.unit;
  if (from === unit) return { layout, series };
  const f = from === 'FT' ? FT_IN_M : 1 / FT_IN_M;
  const conv = (d: number | undefined) => (d === undefined ? undefined : d * f);
  const depth = { ...layout.depth, unit, refs: layout.depth.refs.map((r) => ({ ...r, depth: r.depth * f })), top: conv(layout.depth.top), bottom: conv(layout.depth.bottom) };
  if (depth.top === undefined) delete depth.top;
  if (depth.bottom === undefined) delete depth.bottom;
  return { layout: { ...layout, depth }, series: series.map((s) => ({ ...s, depth: s.depth.map((d) => d * f) })) };
}

/** The preview: the whole header, then the first data lines and a count of the rest. */
export function previewOf(text: string, dataLines = 12): string {
  const lines = text.split(/\r\n/);
  const a = lines.findIndex((l) => l.startsWith('~A'));
  const start = a >= 0 ? a + 1 : 1; // CSV: the heading line, then data
  const shown = lines.slice(0, start + dataLines);
  const rest = lines.length - 1 - shown.length;
  return shown.join('\n') + (rest > 0 ? `\n\u2026 ${rest.toLocaleString('en-US')} more lines` : '');
}
