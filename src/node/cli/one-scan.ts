/**
 * One scan → its output files, all or nothing; shared by the single-scan command and each batch
 * job. The output folders are checked before the scan is read, so a typo in --out fails at once.
 */
import type { Layout } from '../../core/calibration';
import { csvOf, digitiseFile, type DigitiseFileOptions, type DigitiseOutput } from './digitise-file';
import { checkWritable, writeAllOrNothing } from './files';

export interface OneScanTargets {
  las: string;
  csv?: string;
}

export async function digitiseToFiles(scan: string, layout: Layout, targets: OneScanTargets, options: DigitiseFileOptions): Promise<DigitiseOutput> {
  await checkWritable(targets.las);
  if (targets.csv) await checkWritable(targets.csv);
  const out = await digitiseFile(scan, layout, options);
  const files = [{ path: targets.las, text: out.las }];
  if (targets.csv) files.push({ path: targets.csv, text: csvOf(out) });
  await writeAllOrNothing(files);
  return out;
}

/** "5 curves (GR, RHOB, …), 1025–1575 FT every 0.5 FT, classical segmentation (no model), deskew 0.400°, a 1700 × 6000 px scan" */
export function describeOutput(out: DigitiseOutput, modelName?: string): string {
  const { doc } = out;
  const names = doc.curves.map((c) => c.mnemonic);
  const first = doc.index[0];
  const last = doc.index[doc.index.length - 1];
  const seg = out.kind === 'model' ? `model ${modelName ?? out.doc.provenance?.modelId ?? ''}`.trim() : 'classical segmentation (no model)';
  const step = doc.index.length > 1 ? Math.abs(doc.index[1] - doc.index[0]) : 0;
  return `${names.length} curve${names.length === 1 ? '' : 's'} (${names.join(', ')}), ${first}–${last} ${doc.indexUnit} every ${step} ${doc.indexUnit}, ${seg}, deskew ${out.deskew.toFixed(3)}°, ${pageWords(out.scan)}`;
}

/** "page 2 of 3 (320 × 960 px)", or "a 1700 × 6000 px scan" for a one-page file */
export function pageWords(meta: { page: number; pageCount: number; width: number; height: number }): string {
  const size = `${meta.width} × ${meta.height} px`;
  return meta.pageCount > 1 ? `page ${meta.page + 1} of ${meta.pageCount} (${size})` : `a ${size} scan`;
}
