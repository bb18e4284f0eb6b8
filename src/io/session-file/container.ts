/**
 * The session file container, format 1 (".tracewell"):
 *
 *   0   8 bytes   magic 89 54 57 53 0D 0A 1A 0A  ("\x89TWS\r\n\x1a\n": a text-mode copy breaks it visibly)
 *   8   u32 LE    format version (1)
 *   12  u32 LE    manifest length M, bytes
 *   16  u64 LE    total file length, bytes (tells a truncated file from a damaged one)
 *   24  u64 LE    the same length with every bit inverted (a flipped length bit is not "truncated")
 *   32  M bytes   manifest, UTF-8 JSON
 *       padding   zero bytes up to a multiple of 8
 *   D   chunks    binary chunks, each at an offset from D that is a multiple of 8
 *   end 32 bytes  SHA-256 of every byte before it
 *
 * Every format version keeps the magic, the version field and the trailing checksum, so any file
 * is verified before its version decides how to read it. Numbers in chunks are little-endian.
 */
import { sha256, toHex } from '../hash';
import { SessionFileError } from './errors';
import type { Json } from './values';

export const MAGIC = Uint8Array.of(0x89, 0x54, 0x57, 0x53, 0x0d, 0x0a, 0x1a, 0x0a);
export const FORMAT_VERSION = 1;
const HEADER = 32;
const ALL_ONES = (1n << 64n) - 1n;
const CHECKSUM = 32;
const align8 = (n: number) => Math.ceil(n / 8) * 8;

export interface ChunkRef {
  offset: number;
  length: number;
}

/** Packs a manifest and chunks; `manifest` receives each chunk's place as `chunkRefs`. */
export async function packContainer(manifest: { [key: string]: Json }, chunks: Uint8Array[]): Promise<Uint8Array<ArrayBuffer>> {
  if (new Uint8Array(Uint16Array.of(1).buffer)[0] !== 1) throw new Error('Session files are little-endian; this machine is not.');
  let offset = 0;
  const chunkRefs = chunks.map((c) => {
    const ref = { offset, length: c.byteLength };
    offset = align8(offset + c.byteLength);
    return ref;
  });
  const text = new TextEncoder().encode(JSON.stringify({ ...manifest, chunkRefs }));
  const dataStart = align8(HEADER + text.byteLength);
  const total = dataStart + offset + CHECKSUM;
  const out = new Uint8Array(total);
  out.set(MAGIC, 0);
  const view = new DataView(out.buffer);
  view.setUint32(8, FORMAT_VERSION, true);
  view.setUint32(12, text.byteLength, true);
  view.setBigUint64(16, BigInt(total), true);
  view.setBigUint64(24, BigInt(total) ^ ALL_ONES, true);
  out.set(text, HEADER);
  chunks.forEach((c, i) => out.set(c, dataStart + chunkRefs[i].offset));
  out.set(await sha256(out.subarray(0, total - CHECKSUM)), total - CHECKSUM);
  return out;
}

export interface Unpacked {
  manifest: { [key: string]: Json };
  chunk: (i: number) => Uint8Array;
  chunkCount: number;
}

/** The header's file length if both copies agree, else NaN (header missing or damaged). */
function declaredLength(view: DataView): number {
  if (view.byteLength < HEADER) return NaN;
  const total = view.getBigUint64(16, true);
  return (total ^ ALL_ONES) === view.getBigUint64(24, true) ? Number(total) : NaN;
}

function startsWithMagic(bytes: Uint8Array): boolean {
  return MAGIC.every((b, i) => i >= bytes.length || bytes[i] === b) && bytes.length > 0;
}

/** Verifies and opens a container; every failure is a SessionFileError saying what is wrong. */
export async function unpackContainer(bytes: Uint8Array): Promise<Unpacked> {
  if (!startsWithMagic(bytes)) throw new SessionFileError('not-session', describeStart(bytes));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const declared = declaredLength(view);
  const truncated = () =>
    new SessionFileError(
      'truncated',
      Number.isNaN(declared) ? `the file is cut short (only ${bytes.length} bytes)` : `the file is cut short: ${bytes.length} of ${declared} bytes`,
    );
  if (bytes.length < HEADER + CHECKSUM) throw truncated();
  const body = bytes.subarray(0, bytes.length - CHECKSUM);
  const expected = toHex(bytes.subarray(bytes.length - CHECKSUM));
  if (toHex(await sha256(body)) !== expected) {
    if (bytes.length < declared) throw truncated();
    throw new SessionFileError('damaged', 'its checksum does not match its contents (bytes changed on the way)');
  }
  const version = view.getUint32(8, true);
  if (version > FORMAT_VERSION) {
    throw new SessionFileError('too-new', `it was written by a newer Tracewell (session file format ${version}; this one reads format ${FORMAT_VERSION})`);
  }
  if (version < 1 || declared !== bytes.length) throw new SessionFileError('damaged', 'its header is inconsistent');
  return readBody(bytes, view.getUint32(12, true));
}

function readBody(bytes: Uint8Array, manifestLength: number): Unpacked {
  const dataStart = align8(HEADER + manifestLength);
  const dataEnd = bytes.length - CHECKSUM;
  if (dataStart > dataEnd) throw new SessionFileError('damaged', 'its manifest runs past the end');
  let manifest: { [key: string]: Json };
  try {
    manifest = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(HEADER, HEADER + manifestLength)));
  } catch {
    throw new SessionFileError('damaged', 'its manifest is not valid JSON');
  }
  const refs = manifest?.chunkRefs;
  if (!Array.isArray(refs)) throw new SessionFileError('damaged', 'its manifest lists no chunks');
  const chunk = (i: number): Uint8Array => {
    const ref = refs[i] as unknown as ChunkRef | undefined;
    const ok = ref && Number.isInteger(ref.offset) && Number.isInteger(ref.length) && ref.offset >= 0 && ref.length >= 0;
    if (!ok || dataStart + ref.offset + ref.length > dataEnd) throw new SessionFileError('damaged', `chunk ${i} is missing or out of bounds`);
    return bytes.subarray(dataStart + ref.offset, dataStart + ref.offset + ref.length);
  };
  return { manifest, chunk, chunkCount: refs.length };
}

/** Names what the file looks like instead, so a mix-up (layout JSON, a scan, a LAS) is obvious. */
function describeStart(bytes: Uint8Array): string {
  if (bytes.length === 0) return 'the file is empty';
  const head = new TextDecoder().decode(bytes.subarray(0, 64)).trimStart();
  if (head.startsWith('{')) return 'it is a JSON file (a layout file?), not a session file';
  if (head.startsWith('~V') || head.startsWith('~Version')) return 'it is a LAS file, not a session file';
  if (bytes[0] === 0x89 && bytes[1] === 0x50) return 'it is a PNG image, not a session file (load scans with Open scan)';
  if (head.startsWith('%PDF')) return 'it is a PDF, not a session file (load scans with Open scan)';
  return 'it does not start like a Tracewell session file';
}
