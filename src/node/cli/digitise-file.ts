/**
 * One scan file + one layout → LAS (and CSV) text, headless. The same core pipeline the browser runs
 * (src/core/digitise: prepareUpright → segment → traceLayout → curvesToSeries → buildLasDocument),
 * with the scan decoded by the shared decoders and the model run by onnxruntime-node, so a scan
 * digitised here and in the UI with the same layout gives the same LAS data.
 * Used by the CLI, its batch workers and the accuracy benchmark.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { formatLayoutErrors, parseLayoutText, type Layout } from '../../core/calibration';
import { buildLasDocument, curvesToSeries, prepareUpright, segmentClassical, traceLayout, type LayoutSeries, type SegmentationKind } from '../../core/digitise';
import { checkLasConformance, writeLas, type LasDocument } from '../../core/las';
import { TraceError, type TraceOptions } from '../../core/trace';
import { writeCsv } from '../../core/csv/write';
import type { Segmentation, TracedCurve } from '../../core/types';
import { decodeScan, type DecodedScan } from '../../io/decode';
import type { SegmentProgress, Segmenter } from '../../ml/segmenter';
import { nodeDecodeEnv } from '../decode';
import { CliError } from './errors';

/** The ~O tool line; the same words as the browser's export (package version). */
export const TOOL = 'Tracewell 0.1.0';

export interface DigitiseFileOptions {
  /** 0-based page of a multi-page TIFF or PDF */
  page?: number;
  /** PDF render resolution, dots per inch */
  dpi?: number;
  /** the model's segmenter; null: classical segmentation by darkness (no model) */
  segmenter: Segmenter | null;
  onStage?: (stage: DigitiseStage) => void;
  onSegmentProgress?: (p: SegmentProgress) => void;
  /** tracker settings on top of the defaults (the accuracy benchmark's --trace); the CLI passes none */
  trace?: Partial<TraceOptions>;
}

export type DigitiseStage = 'decode' | 'upright' | 'segment' | 'trace' | 'write';

export interface DigitiseOutput {
  las: string;
  /** the document both files are written from */
  doc: LasDocument;
  curves: TracedCurve[];
  series: LayoutSeries[];
  kind: SegmentationKind;
  /** deskew applied, degrees (estimated when the layout says 'auto') */
  deskew: number;
  /**
   * what the output lacks or breaks, in words, for warnings: curves the tracer left out (their seed
   * found no ink; their LAS column is null throughout) or traced with a note (TracedCurve.note),
   * conformance problems of the LAS text (none expected)
   */
  problems: string[];
  scan: DecodedScan['meta'];
}

/** Reads and checks a layout file; a CliError names the file and every problem on one line. */
export async function readLayoutFile(path: string): Promise<Layout> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new CliError(`layout ${path} cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  const parsed = parseLayoutText(text);
  if (!parsed.ok) throw new CliError(`layout ${path}: ${formatLayoutErrors(parsed.errors).split('\n').join('; ')}`);
  return parsed.layout;
}

async function readScan(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (e) {
    throw new CliError(`scan ${path} cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
}

/** Digitises one scan file with a layout; throws (DecodeError, LayoutInvalidError, SegmentError, …) naming the problem. */
export async function digitiseFile(scanPath: string, layout: Layout, options: DigitiseFileOptions): Promise<DigitiseOutput> {
  options.onStage?.('decode');
  const bytes = await readScan(scanPath);
  const decoded = await decodeScan(bytes, basename(scanPath), { page: options.page, dpi: options.dpi }, nodeDecodeEnv);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  options.onStage?.('upright');
  const { upright, deskew } = prepareUpright(decoded.raster, layout);
  let seg: Segmentation;
  let kind: SegmentationKind;
  if (options.segmenter) {
    options.onStage?.('segment');
    seg = await options.segmenter.segment(upright, { onProgress: options.onSegmentProgress });
    kind = 'model';
  } else {
    seg = segmentClassical(upright, layout);
    kind = 'classical';
  }
  options.onStage?.('trace');
  const curves = traceLayout(upright, seg, layout, { kind, trace: options.trace });
  // with every curve left out there is nothing to write: say why, not "nothing to export"
  if (curves.length > 0 && curves.every((c) => c.problem)) throw new TraceError(curves.map((c) => c.problem).join('; '));
  options.onStage?.('write');
  const series = curvesToSeries(layout, curves);
  const doc = buildLasDocument(layout, series, {
    provenance: { tool: TOOL, segmentation: kind, modelId: options.segmenter?.card.id, scanName: decoded.meta.fileName, scanSha256: sha256, deskew },
  });
  const las = writeLas(doc);
  const problems = [
    ...curves.flatMap((c) => (c.problem ? [c.problem] : c.note ? [c.note] : [])),
    ...checkLasConformance(las).problems.map((p) => (p.line ? `line ${p.line}: ${p.message}` : p.message)),
  ];
  return { las, doc, curves, series, kind, deskew, problems, scan: decoded.meta };
}

/** The CSV of a digitised scan: the same document as its LAS. */
export function csvOf(out: Pick<DigitiseOutput, 'doc'>): string {
  return writeCsv(out.doc);
}
