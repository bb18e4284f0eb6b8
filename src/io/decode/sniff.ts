/**
 * Format detection by magic bytes (never by file name: scans arrive renamed, mislabelled or
 * with no extension at all), plus the few header reads we need to check sizes before decoding.
 */
export type ScanFormat = 'png' | 'jpeg' | 'tiff' | 'pdf';

/** Formats we recognise but do not read, so the message can say what the file is. */
const KNOWN_OTHERS: Array<{ name: string; magic: number[] | string; at?: number }> = [
  { name: 'a GIF image', magic: 'GIF8' },
  { name: 'a BMP image', magic: 'BM' },
  { name: 'a WebP image', magic: 'WEBP', at: 8 },
  { name: 'a BigTIFF file', magic: [0x49, 0x49, 0x2b, 0x00] },
  { name: 'a BigTIFF file', magic: [0x4d, 0x4d, 0x00, 0x2b] },
  { name: 'a JPEG 2000 image', magic: [0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50, 0x20, 0x20] },
  { name: 'a ZIP archive', magic: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'a DjVu document', magic: 'AT&TFORM' },
];

function startsWith(bytes: Uint8Array, magic: number[] | string, at = 0): boolean {
  const m = typeof magic === 'string' ? [...magic].map((c) => c.charCodeAt(0)) : magic;
  if (bytes.length < at + m.length) return false;
  return m.every((b, i) => bytes[at + i] === b);
}

export function sniffFormat(bytes: Uint8Array): ScanFormat | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  // PDF readers accept the header anywhere in the first 1 KB (some files start with junk).
  if (findAscii(bytes, '%PDF-', 0, 1024) >= 0) return 'pdf';
  return null;
}

/** What an unreadable file seems to be, for the error message ("a GIF image", or null). */
export function describeOther(bytes: Uint8Array): string | null {
  for (const k of KNOWN_OTHERS) if (startsWith(bytes, k.magic, k.at)) return k.name;
  const head = String.fromCharCode(...bytes.subarray(0, 64));
  if (/^\s*</.test(head)) return 'a text/HTML/XML file';
  if (/^~V/i.test(head.trimStart())) return 'a LAS text file';
  return null;
}

export function findAscii(bytes: Uint8Array, text: string, from = 0, to = bytes.length): number {
  const first = text.charCodeAt(0);
  const end = Math.min(to, bytes.length) - text.length;
  outer: for (let i = from; i <= end; i++) {
    if (bytes[i] !== first) continue;
    for (let j = 1; j < text.length; j++) if (bytes[i + j] !== text.charCodeAt(j)) continue outer;
    return i;
  }
  return -1;
}

export function lastIndexOfAscii(bytes: Uint8Array, text: string, from = 0): number {
  for (let i = bytes.length - text.length; i >= from; i--) {
    let ok = true;
    for (let j = 0; j < text.length && ok; j++) ok = bytes[i + j] === text.charCodeAt(j);
    if (ok) return i;
  }
  return -1;
}

export const FORMAT_LABEL: Record<ScanFormat, string> = {
  png: 'PNG',
  jpeg: 'JPEG',
  tiff: 'TIFF',
  pdf: 'PDF',
};
