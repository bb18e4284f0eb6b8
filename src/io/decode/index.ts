/**
 * Scan decoding: bytes in, 8-bit gray Raster out, the same in a browser worker and in Node.
 * The format comes from the magic bytes; every failure is a DecodeError naming file and problem.
 */
import type { Raster } from '../../core/raster';
import { decodeError } from './errors';
import { decodeJpeg, probeJpeg } from './jpeg';
import { checkDpi, probePdf, renderPdfPage, type PdfBackend } from './pdf';
import { decodePng, probePng } from './png';
import { describeOther, FORMAT_LABEL, sniffFormat, type ScanFormat } from './sniff';
import { decodeTiff, probeTiff } from './tiff';
import { PDF_DEFAULT_DPI, type DecodedScan, type DecodeOptions, type PageInfo, type ScanProbe } from './types';

export * from './types';
export { DecodeError, type DecodeErrorKind } from './errors';
export { sniffFormat, FORMAT_LABEL } from './sniff';
export type { PdfBackend } from './pdf';

/** What the running platform adds: a PDF renderer, and optionally a native PNG/JPEG decoder. */
export interface DecodeEnv {
  pdf?: PdfBackend;
  /** returns null to fall back to the pure decoder (e.g. the image is too big for a canvas) */
  nativeImage?: (bytes: Uint8Array, format: 'png' | 'jpeg', page: PageInfo) => Promise<Raster | null>;
}

function formatOf(bytes: Uint8Array, fileName: string): ScanFormat {
  if (bytes.length === 0) throw decodeError('empty', fileName, 'the file is empty (0 bytes).');
  const format = sniffFormat(bytes);
  if (format) return format;
  const other = describeOther(bytes);
  throw decodeError(
    'unsupported',
    fileName,
    `${other ? `this is ${other}, not` : 'this is not'} a scan format Tracewell reads. Open a PNG, JPEG, TIFF or PDF file.`,
  );
}

function needPdf(env: DecodeEnv, fileName: string): PdfBackend {
  if (!env.pdf) throw decodeError('unsupported', fileName, 'PDF files cannot be read here (no PDF renderer is available in this environment).');
  return env.pdf;
}

/** Pages and their sizes, from headers only (no pixels): what the page chooser shows. */
export async function probeScan(bytes: Uint8Array, fileName: string, env: DecodeEnv = {}): Promise<ScanProbe> {
  const format = formatOf(bytes, fileName);
  const pages = format === 'png' ? probePng(bytes, fileName)
    : format === 'jpeg' ? probeJpeg(bytes, fileName)
    : format === 'tiff' ? probeTiff(bytes, fileName)
    : await probePdf(bytes, fileName, needPdf(env, fileName));
  return { format, fileName, bytes: bytes.length, pages };
}

/** Decode one page to 8-bit gray. Progress fractions cover 0..0.9; the caller owns the rest. */
export async function decodeScan(bytes: Uint8Array, fileName: string, options: DecodeOptions = {}, env: DecodeEnv = {}): Promise<DecodedScan> {
  const report = (stage: 'read' | 'decode' | 'render' | 'convert', fraction: number) => options.onProgress?.({ stage, fraction });
  const page = options.page ?? 0;
  report('read', 0.02);
  const format = formatOf(bytes, fileName);
  if (format === 'pdf') return decodePdf(bytes, fileName, page, options.dpi ?? PDF_DEFAULT_DPI, needPdf(env, fileName), report);
  const pages = format === 'png' ? probePng(bytes, fileName) : format === 'jpeg' ? probeJpeg(bytes, fileName) : probeTiff(bytes, fileName);
  if (!Number.isInteger(page) || page < 0 || page >= pages.length) {
    throw decodeError('bad-page', fileName, `page ${page + 1} does not exist; the ${FORMAT_LABEL[format]} has ${pages.length} page${pages.length === 1 ? '' : 's'}.`);
  }
  const info = pages[page];
  report('decode', 0.1);
  let raster: Raster | null = null;
  if (format !== 'tiff' && env.nativeImage) raster = await env.nativeImage(bytes, format, info).catch(() => null);
  if (!raster) {
    raster = format === 'png' ? decodePng(bytes, fileName)
      : format === 'jpeg' ? decodeJpeg(bytes, fileName)
      : decodeTiff(bytes, fileName, page, (s) => report(s, s === 'decode' ? 0.15 : 0.75));
  }
  report('convert', 0.9);
  return {
    raster,
    meta: {
      format, fileName, bytes: bytes.length, page, pageCount: pages.length,
      width: raster.width, height: raster.height,
      originalChannels: info.channels, bitsPerSample: info.bitsPerSample, compression: info.compression, dpi: info.dpi,
    },
  };
}

async function decodePdf(
  bytes: Uint8Array,
  fileName: string,
  page: number,
  dpi: number,
  backend: PdfBackend,
  report: (stage: 'render', f: number) => void,
): Promise<DecodedScan> {
  checkDpi(dpi, fileName);
  report('render', 0.05);
  const { raster, pageCount } = await renderPdfPage(bytes, fileName, backend, page, dpi, (f) => report('render', 0.05 + 0.85 * f));
  return {
    raster,
    meta: {
      format: 'pdf', fileName, bytes: bytes.length, page, pageCount,
      width: raster.width, height: raster.height,
      originalChannels: 0, bitsPerSample: 0, compression: 'PDF', dpi,
    },
  };
}
