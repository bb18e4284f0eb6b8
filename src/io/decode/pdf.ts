import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';
import type { Raster } from '../../core/raster';
import { decodeError, DecodeError } from './errors';
import { checkImageSize } from './limits';
import { lastIndexOfAscii } from './sniff';
import { PDF_DEFAULT_DPI, PDF_MAX_DPI, PDF_MIN_DPI, type PageInfo } from './types';

/** The 2D-context surface we read back; a DOM, OffscreenCanvas or @napi-rs/canvas context. */
export interface PdfContext {
  getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> };
}

/**
 * Where pdf.js comes from. The format logic here is the same everywhere; the browser worker and
 * Node each supply their own pdf.js build, worker and canvas (src/io/decode/browser.ts, src/node).
 */
export interface PdfBackend {
  /** open a document; `data` may be transferred (detached) by pdf.js */
  open(data: Uint8Array): Promise<PDFDocumentProxy>;
  createContext(width: number, height: number): PdfContext;
}

type RenderContext = Parameters<PDFPageProxy['render']>[0]['canvasContext'];

/** Bands keep each canvas small: browsers cap canvas area, and a band is one progress step. */
const BAND_MAX_PIXELS = 16 * 2 ** 20;
/** Pages listed at most in the page chooser (a log PDF has a handful). */
const MAX_LISTED_PAGES = 2000;

/** A cut-off download usually loses the trailer; pdf.js would quietly rebuild what it can. */
function checkComplete(bytes: Uint8Array, fileName: string): void {
  if (lastIndexOfAscii(bytes, '%%EOF', Math.max(0, bytes.length - 4096)) < 0) {
    throw decodeError('truncated', fileName, 'the PDF has no end-of-file marker (%%EOF); it is incomplete, perhaps an interrupted download.');
  }
}

async function openPdf(bytes: Uint8Array, fileName: string, backend: PdfBackend): Promise<PDFDocumentProxy> {
  checkComplete(bytes, fileName);
  let doc: PDFDocumentProxy;
  try {
    doc = await backend.open(bytes.slice()); // pdf.js transfers what it is given
  } catch (e) {
    const name = (e as { name?: string })?.name;
    if (name === 'PasswordException') throw decodeError('unsupported', fileName, 'the PDF is password-protected; remove the password and try again.');
    throw decodeError('corrupt', fileName, `the PDF cannot be read (${(e as Error)?.message ?? e}).`);
  }
  if (doc.numPages < 1) {
    await doc.destroy();
    throw decodeError('no-pages', fileName, 'the PDF has no pages.');
  }
  return doc;
}

function pagePixels(widthPt: number, heightPt: number, dpi: number): { width: number; height: number } {
  return { width: Math.ceil((widthPt * dpi) / 72), height: Math.ceil((heightPt * dpi) / 72) };
}

export async function probePdf(bytes: Uint8Array, fileName: string, backend: PdfBackend): Promise<PageInfo[]> {
  const doc = await openPdf(bytes, fileName, backend);
  try {
    const pages: PageInfo[] = [];
    for (let i = 0; i < Math.min(doc.numPages, MAX_LISTED_PAGES); i++) {
      const vp = (await getPage(doc, i, fileName)).getViewport({ scale: 1 });
      pages.push({ index: i, ...pagePixels(vp.width, vp.height, PDF_DEFAULT_DPI), widthPt: vp.width, heightPt: vp.height, channels: 0, bitsPerSample: 0, compression: 'PDF', dpi: PDF_DEFAULT_DPI });
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

async function getPage(doc: PDFDocumentProxy, index: number, fileName: string): Promise<PDFPageProxy> {
  try {
    return await doc.getPage(index + 1);
  } catch (e) {
    throw decodeError('corrupt', fileName, `page ${index + 1} of the PDF cannot be read (${(e as Error)?.message ?? e}).`);
  }
}

export function checkDpi(dpi: number, fileName: string): void {
  if (!Number.isFinite(dpi) || dpi < PDF_MIN_DPI || dpi > PDF_MAX_DPI) {
    throw decodeError('bad-option', fileName, `a PDF resolution of ${dpi} dpi is outside ${PDF_MIN_DPI}–${PDF_MAX_DPI} dpi.`);
  }
}

/**
 * Render one page at `dpi` to 8-bit gray, top to bottom in bands (white paper background).
 * `onBand` gets the fraction of rows done, for progress.
 */
export async function renderPdfPage(
  bytes: Uint8Array,
  fileName: string,
  backend: PdfBackend,
  page: number,
  dpi: number,
  onBand?: (fraction: number) => void,
): Promise<{ raster: Raster; pageCount: number }> {
  checkDpi(dpi, fileName);
  const doc = await openPdf(bytes, fileName, backend);
  try {
    if (!Number.isInteger(page) || page < 0 || page >= doc.numPages) {
      throw decodeError('bad-page', fileName, `page ${page + 1} does not exist; the PDF has ${doc.numPages} page${doc.numPages === 1 ? '' : 's'}.`);
    }
    const p = await getPage(doc, page, fileName);
    const viewport = p.getViewport({ scale: dpi / 72 });
    const { width, height } = pagePixels(p.getViewport({ scale: 1 }).width, p.getViewport({ scale: 1 }).height, dpi);
    checkImageSize(fileName, width, height, `Page ${page + 1} at ${dpi} dpi`);
    const out = new Uint8Array(width * height);
    const bandRows = Math.max(1, Math.min(height, Math.floor(BAND_MAX_PIXELS / width)));
    for (let y0 = 0; y0 < height; y0 += bandRows) {
      const rows = Math.min(bandRows, height - y0);
      await renderBand(p, viewport, backend, out, width, y0, rows, fileName);
      onBand?.((y0 + rows) / height);
    }
    return { raster: { width, height, channels: 1, data: out }, pageCount: doc.numPages };
  } finally {
    await doc.destroy();
  }
}

async function renderBand(
  p: PDFPageProxy,
  viewport: ReturnType<PDFPageProxy['getViewport']>,
  backend: PdfBackend,
  out: Uint8Array,
  width: number,
  y0: number,
  rows: number,
  fileName: string,
): Promise<void> {
  const ctx = backend.createContext(width, rows);
  try {
    // Shift device space up by y0 so this band's rows land on the canvas (applied after the viewport).
    await p.render({ canvas: null, canvasContext: ctx as unknown as RenderContext, viewport, transform: [1, 0, 0, 1, 0, -y0], background: 'rgb(255,255,255)' }).promise;
  } catch (e) {
    if (e instanceof DecodeError) throw e;
    throw decodeError('corrupt', fileName, `page ${p.pageNumber} of the PDF cannot be drawn (${(e as Error)?.message ?? e}).`);
  }
  const rgba = ctx.getImageData(0, 0, width, rows).data;
  const o = y0 * width;
  for (let i = 0, s = 0; i < width * rows; i++, s += 4) {
    out[o + i] = (rgba[s] * 77 + rgba[s + 1] * 150 + rgba[s + 2] * 29 + 128) >> 8;
  }
}
