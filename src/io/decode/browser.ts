/**
 * The browser side of decoding, used inside the decode worker: pdf.js (modern build, with its own
 * worker served from our origin) rendering into OffscreenCanvas, and the browser's native PNG/JPEG
 * decoders as a fast path. Nothing here touches `document`: it runs in a dedicated worker.
 */
import { getDocument, GlobalWorkerOptions, type PDFDocumentProxy } from 'pdfjs-dist';
import pdfWorkerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import type { Raster } from '../../core/raster';
import { interleavedToGray } from './gray';
import type { DecodeEnv } from './index';
import type { PdfBackend, PdfContext } from './pdf';
import type { PageInfo } from './types';

/** pdf.js asks its canvas factory for scratch canvases (masks, patterns): OffscreenCanvas here. */
class OffscreenCanvasFactory {
  constructor(_options: object) {}
  create(width: number, height: number) {
    const canvas = new OffscreenCanvas(width, height);
    return { canvas, context: canvas.getContext('2d', { willReadFrequently: true }) };
  }
  reset(cc: { canvas: OffscreenCanvas }, width: number, height: number) {
    cc.canvas.width = width;
    cc.canvas.height = height;
  }
  destroy(cc: { canvas: OffscreenCanvas | null; context: unknown }) {
    if (cc.canvas) cc.canvas.width = cc.canvas.height = 0;
    cc.canvas = null;
    cc.context = null;
  }
}

/** SVG filters (transfer functions, high-contrast mode) need a DOM; scans do without them. */
class NoFilterFactory {
  constructor(_options: object) {}
  addFilter() { return 'none'; }
  addHCMFilter() { return 'none'; }
  addAlphaFilter() { return 'none'; }
  addLuminosityFilter() { return 'none'; }
  addHighlightHCMFilter() { return 'none'; }
  destroy() {}
}

function assetUrl(path: string): string {
  return new URL(`${import.meta.env.BASE_URL}${path}`, self.location.origin).href;
}

export const browserPdfBackend: PdfBackend = {
  open(data: Uint8Array): Promise<PDFDocumentProxy> {
    GlobalWorkerOptions.workerSrc = pdfWorkerUrl;
    return getDocument({
      data,
      verbosity: 0,
      isEvalSupported: false,
      // Glyphs are drawn as paths (no FontFace: a worker has no document.fonts).
      disableFontFace: true,
      useSystemFonts: false,
      isOffscreenCanvasSupported: true,
      // pdf.js's own worker fetches its wasm decoders and fonts from our origin (scripts/vite-pdfjs-assets.ts).
      useWorkerFetch: true,
      wasmUrl: assetUrl('pdfjs/wasm/'),
      standardFontDataUrl: assetUrl('pdfjs/standard_fonts/'),
      iccUrl: assetUrl('pdfjs/iccs/'),
      CanvasFactory: OffscreenCanvasFactory,
      FilterFactory: NoFilterFactory,
    } as Parameters<typeof getDocument>[0]).promise;
  },
  createContext(width: number, height: number): PdfContext {
    const ctx = new OffscreenCanvas(width, height).getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new Error('no 2D canvas context in this worker');
    return ctx;
  },
};

/** Canvas sides and areas every current browser handles; bigger scans take the pure decoders. */
const NATIVE_MAX_SIDE = 16_384;
const NATIVE_MAX_PIXELS = 64 * 2 ** 20;
const NATIVE_BAND_ROWS = 2048;

async function nativeImage(bytes: Uint8Array, format: 'png' | 'jpeg', page: PageInfo): Promise<Raster | null> {
  if (typeof createImageBitmap !== 'function' || typeof OffscreenCanvas !== 'function') return null;
  const { width, height } = page;
  if (width > NATIVE_MAX_SIDE || height > NATIVE_MAX_SIDE || width * height > NATIVE_MAX_PIXELS) return null;
  // Raw samples, as the pure decoders see them: no colour management, no EXIF orientation.
  const bitmap = await createImageBitmap(new Blob([bytes as BlobPart], { type: `image/${format}` }), {
    colorSpaceConversion: 'none',
    premultiplyAlpha: 'none',
    imageOrientation: 'none',
  });
  try {
    if (bitmap.width !== width || bitmap.height !== height) return null;
    const out = new Uint8Array(width * height);
    const canvas = new OffscreenCanvas(width, Math.min(height, NATIVE_BAND_ROWS));
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) return null;
    for (let y0 = 0; y0 < height; y0 += NATIVE_BAND_ROWS) {
      const rows = Math.min(NATIVE_BAND_ROWS, height - y0);
      ctx.fillStyle = '#fff'; // transparent pixels read as paper
      ctx.fillRect(0, 0, width, rows);
      ctx.drawImage(bitmap, 0, y0, width, rows, 0, 0, width, rows);
      out.set(interleavedToGray(ctx.getImageData(0, 0, width, rows).data, width, rows, 3, { stride: 4 }), y0 * width);
    }
    return { width, height, channels: 1, data: out };
  } finally {
    bitmap.close();
  }
}

export const browserDecodeEnv: DecodeEnv = { pdf: browserPdfBackend, nativeImage };
