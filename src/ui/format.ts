/** Numbers and scan facts in words for the UI. */
import type { ScanRef } from '../state/document';
import type { PageInfo } from '../io/decode/types';

/**
 * Whole number with thousands separators ("17,864"). Not toLocaleString: its first call loads ICU
 * number data, a long main-thread task in the middle of opening a scan.
 */
export const int = (n: number): string => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

export function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(0)} KB`;
  return `${(n / 1024 ** 2).toFixed(1)} MB`;
}

/** "1-bit CCITT G4", "8-bit gray", "8-bit RGB" — what the file holds. */
export function samples(channels: number, bits: number, compression?: string): string {
  const kind = channels >= 3 ? 'RGB' : channels === 2 ? 'gray + alpha' : bits === 1 ? 'bilevel' : 'gray';
  const base = `${bits}-bit ${kind}`;
  return compression && compression !== 'none' && compression !== 'PNG' && compression !== 'JPEG' ? `${base}, ${compression}` : base;
}

export function scanSummary(s: ScanRef): string {
  const parts = [s.format.toUpperCase()];
  if (s.pageCount > 1) parts.push(`page ${s.page + 1} of ${s.pageCount}`);
  if (s.format === 'pdf') parts.push(`rendered at ${s.dpi} dpi`);
  else {
    parts.push(samples(s.originalChannels, s.bitsPerSample, s.compression));
    if (s.dpi) parts.push(`${s.dpi} dpi`);
  }
  return parts.join(' · ');
}

export function pageLine(p: PageInfo, pdfDpi?: number): string {
  if (p.widthPt !== undefined && p.heightPt !== undefined && pdfDpi) {
    const w = Math.ceil((p.widthPt * pdfDpi) / 72);
    const h = Math.ceil((p.heightPt * pdfDpi) / 72);
    return `${(p.widthPt / 72).toFixed(1)} × ${(p.heightPt / 72).toFixed(1)} in → ${int(w)} × ${int(h)} px`;
  }
  return `${int(p.width)} × ${int(p.height)} px · ${samples(p.channels, p.bitsPerSample, p.compression)}${p.dpi ? ` · ${p.dpi} dpi` : ''}`;
}
