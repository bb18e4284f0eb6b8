/**
 * LAS file bytes -> text. Real files are ASCII, UTF-8 (P-135: "∞") or ISO-8859-1 (USGS: ° µ as
 * single bytes). Pure code: TextDecoder is not part of the ES library that src/core compiles against.
 */

export type LasEncoding = 'ascii' | 'utf-8' | 'latin-1';

/** Decodes strict UTF-8, or returns null at the first invalid sequence. */
function decodeUtf8(bytes: Uint8Array, start: number): string | null {
  const parts: string[] = [];
  let codes: number[] = [];
  for (let i = start; i < bytes.length; ) {
    const b = bytes[i];
    let cp: number;
    let len: number;
    if (b < 0x80) [cp, len] = [b, 1];
    else if (b >= 0xc2 && b <= 0xdf) [cp, len] = [b & 0x1f, 2];
    else if (b >= 0xe0 && b <= 0xef) [cp, len] = [b & 0x0f, 3];
    else if (b >= 0xf0 && b <= 0xf4) [cp, len] = [b & 0x07, 4];
    else return null;
    if (i + len > bytes.length) return null;
    for (let k = 1; k < len; k++) {
      const c = bytes[i + k];
      if ((c & 0xc0) !== 0x80) return null;
      cp = (cp << 6) | (c & 0x3f);
    }
    // Overlong forms, surrogates and values past U+10FFFF are invalid UTF-8.
    if ((len === 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) || (len === 4 && (cp < 0x10000 || cp > 0x10ffff))) {
      return null;
    }
    codes.push(cp);
    if (codes.length >= 8192) {
      parts.push(String.fromCodePoint.apply(null, codes));
      codes = [];
    }
    i += len;
  }
  parts.push(String.fromCodePoint.apply(null, codes));
  return parts.join('');
}

/** Every byte is its own code point (ISO-8859-1). Chunks through a plain array: fromCharCode over
 * a spread typed array was 10x slower on 2.7 MB files. */
function decodeLatin1(bytes: Uint8Array): string {
  const CHUNK = 8192;
  const parts: string[] = [];
  const codes = new Array<number>(CHUNK);
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const n = Math.min(CHUNK, bytes.length - i);
    if (n < CHUNK) codes.length = n;
    for (let k = 0; k < n; k++) codes[k] = bytes[i + k];
    parts.push(String.fromCharCode.apply(null, codes));
  }
  return parts.join('');
}

/** Decodes LAS bytes: UTF-8 when the bytes are valid UTF-8 (a BOM is dropped), else ISO-8859-1. */
export function decodeLasBytes(bytes: Uint8Array): { text: string; encoding: LasEncoding } {
  let ascii = true;
  for (let i = 0; i < bytes.length && ascii; i++) ascii = bytes[i] < 0x80;
  if (ascii) return { text: decodeLatin1(bytes), encoding: 'ascii' };
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const utf8 = decodeUtf8(bytes, bom ? 3 : 0);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  return { text: decodeLatin1(bytes), encoding: 'latin-1' };
}
