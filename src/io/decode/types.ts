import type { Raster } from '../../core/raster';
import type { ScanFormat } from './sniff';

export type { ScanFormat } from './sniff';

/** One page of a scan file, as read from its header without decoding pixels. */
export interface PageInfo {
  /** 0-based page index */
  index: number;
  /** size in px; for PDF pages: the size at `PDF_DEFAULT_DPI`, see widthPt/heightPt */
  width: number;
  height: number;
  /** PDF only: page size in points (1/72 in), after the page's own /Rotate */
  widthPt?: number;
  heightPt?: number;
  /** samples per pixel in the file (1 gray, 3 RGB, 4 RGBA/CMYK); PDF pages: unknown (0) */
  channels: number;
  /** bits per sample in the file (1 for bilevel G3/G4, 8, 16); PDF pages: 0 */
  bitsPerSample: number;
  /** e.g. 'CCITT G4', 'LZW', 'Deflate', 'PackBits', 'none' (TIFF); 'PNG'; 'JPEG' */
  compression: string;
  /** resolution stored in the file, dots per inch, when it says */
  dpi?: number;
}

export interface ScanProbe {
  format: ScanFormat;
  fileName: string;
  bytes: number;
  pages: PageInfo[];
}

export interface DecodeProgress {
  stage: 'read' | 'decode' | 'render' | 'convert' | 'pyramid' | 'rotate';
  /** 0..1 over the whole job */
  fraction: number;
}

export interface DecodeOptions {
  /** 0-based page (multi-page TIFF, PDF); default 0 */
  page?: number;
  /** PDF render resolution, dots per inch; default PDF_DEFAULT_DPI */
  dpi?: number;
  onProgress?: (p: DecodeProgress) => void;
}

/** What we keep about the file next to its pixels: enough to decode it again identically. */
export interface ScanMeta {
  format: ScanFormat;
  fileName: string;
  bytes: number;
  page: number;
  pageCount: number;
  /** decoded size in px (before any rotation) */
  width: number;
  height: number;
  /** the file's own channels and bit depth; the raster is always 8-bit grayscale */
  originalChannels: number;
  bitsPerSample: number;
  compression: string;
  /** file resolution (PNG/JPEG/TIFF, when stored) or the PDF render resolution, dpi */
  dpi?: number;
}

export interface DecodedScan {
  /** 8-bit grayscale, channels 1 */
  raster: Raster;
  meta: ScanMeta;
}

export const PDF_DEFAULT_DPI = 200;
export const PDF_MIN_DPI = 36;
export const PDF_MAX_DPI = 1200;
