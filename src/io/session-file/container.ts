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
 *
 * Files are assembled and read as Blobs: the scan (tens of MB) is sliced and referenced, never
 * copied on the main thread, and the checksum is computed off it (hash-off-thread.ts).
 */
import { toHex } from '../hash';
import { sha256HexOffThread } from '../hash-off-thread';
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

export type ChunkSource = Uint8Array | Blob;
const sizeOf = (c: ChunkSource) => (c instanceof Blob ? c.size : c.byteLength);

/** Packs a manifest and chunks; the manifest records each chunk's place as `chunkRefs`. */
export async function packContainer(manifest: { [key: string]: Json }, chunks: ChunkSource[], type = ''): Promise<Blob> {
  if (new Uint8Array(Uint16Array.of(1).buffer)[0] !== 1) throw new Error('Session files are little-endian; this machine is not.');
  let offset = 0;
  const chunkRefs = chunks.map((c) => {
    const ref = { offset, length: sizeOf(c) };
    offset = align8(offset + ref.length);
    return ref;
  });
  const text = new TextEncoder().encode(JSON.stringify({ ...manifest, chunkRefs }));
  const dataStart = align8(HEADER + text.byteLength);
  const total = dataStart + offset + CHECKSUM;
  const head = new Uint8Array(dataStart);
  head.set(MAGIC, 0);
  const view = new DataView(head.buffer);
  view.setUint32(8, FORMAT_VERSION, true);
  view.setUint32(12, text.byteLength, true);
  view.setBigUint64(16, BigInt(total), true);
  view.setBigUint64(24, BigInt(total) ^ ALL_ONES, true);
  head.set(text, HEADER);
  const parts: BlobPart[] = [head];
  chunks.forEach((c, i) => {
    parts.push(c as BlobPart, new Uint8Array(align8(chunkRefs[i].length) - chunkRefs[i].length));
  });
  const body = new Blob(parts);
  return new Blob([body, fromHex(await sha256HexOffThread(body))], { type });
}

function fromHex(hex: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16));
}

export interface Unpacked {
  manifest: { [key: string]: Json };
  /** chunk i as a slice of the file (no copy) */
  chunkBlob(i: number, type?: string): Blob;
  /** reads the given chunks in one go; the accessor returns their bytes */
  readChunks(indices: number[]): Promise<(i: number) => Uint8Array>;
}

const readBytes = async (b: Blob) => new Uint8Array(await b.arrayBuffer());

/** Verifies and opens a container; every failure is a SessionFileError saying what is wrong. */
export async function unpackContainer(file: Blob): Promise<Unpacked> {
  const head = await readBytes(file.slice(0, 64));
  if (!startsWithMagic(head)) throw new SessionFileError('not-session', describeStart(head));
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const declared = declaredLength(view);
  const truncated = () =>
    new SessionFileError(
      'truncated',
      Number.isNaN(declared) ? `the file is cut short (only ${file.size} bytes)` : `the file is cut short: ${file.size} of ${declared} bytes`,
    );
  if (file.size < HEADER + CHECKSUM) throw truncated();
  const expected = toHex(await readBytes(file.slice(file.size - CHECKSUM)));
  if ((await sha256HexOffThread(file.slice(0, file.size - CHECKSUM))) !== expected) {
    if (file.size < declared) throw truncated();
    throw new SessionFileError('damaged', 'its checksum does not match its contents (bytes changed on the way)');
  }
  const version = view.getUint32(8, true);
  if (version > FORMAT_VERSION) {
    throw new SessionFileError('too-new', `it was written by a newer Tracewell (session file format ${version}; this one reads format ${FORMAT_VERSION})`);
  }
  if (version < 1 || declared !== file.size) throw new SessionFileError('damaged', 'its header is inconsistent');
  return readBody(file, view.getUint32(12, true));
}

async function readBody(file: Blob, manifestLength: number): Promise<Unpacked> {
  const dataStart = align8(HEADER + manifestLength);
  const dataEnd = file.size - CHECKSUM;
  if (dataStart > dataEnd) throw new SessionFileError('damaged', 'its manifest runs past the end');
  let manifest: { [key: string]: Json };
  try {
    manifest = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(await readBytes(file.slice(HEADER, HEADER + manifestLength))));
  } catch {
    throw new SessionFileError('damaged', 'its manifest is not valid JSON');
  }
  const refs = manifest?.chunkRefs;
  if (!Array.isArray(refs)) throw new SessionFileError('damaged', 'its manifest lists no chunks');
  /** absolute [start, end) of chunk i in the file, checked against the data region */
  const span = (i: number): [number, number] => {
    const ref = refs[i] as unknown as ChunkRef | undefined;
    const ok = ref && Number.isInteger(ref.offset) && Number.isInteger(ref.length) && ref.offset >= 0 && ref.length >= 0;
    if (!ok || dataStart + ref.offset + ref.length > dataEnd) throw new SessionFileError('damaged', `chunk ${i} is missing or out of bounds`);
    return [dataStart + ref.offset, dataStart + ref.offset + ref.length];
  };
  return {
    manifest,
    chunkBlob: (i, type = '') => file.slice(...span(i), type),
    async readChunks(indices) {
      const spans = new Map(indices.map((i) => [i, span(i)]));
      const from = Math.min(dataEnd, ...[...spans.values()].map((s) => s[0]));
      const to = Math.max(from, ...[...spans.values()].map((s) => s[1]));
      const bytes = await readBytes(file.slice(from, to));
      return (i) => {
        const s = spans.get(i);
        if (!s) throw new SessionFileError('damaged', `chunk ${i} is not where the manifest says`);
        return bytes.subarray(s[0] - from, s[1] - from);
      };
    },
  };
}

/** The header's file length if both copies agree, else NaN (header missing or damaged). */
function declaredLength(view: DataView): number {
  if (view.byteLength < HEADER) return NaN;
  const total = view.getBigUint64(16, true);
  return (total ^ ALL_ONES) === view.getBigUint64(24, true) ? Number(total) : NaN;
}

function startsWithMagic(head: Uint8Array): boolean {
  return head.length > 0 && MAGIC.every((b, i) => i >= head.length || head[i] === b);
}

/** Names what the file looks like instead, so a mix-up (layout JSON, a scan, a LAS) is obvious. */
function describeStart(bytes: Uint8Array): string {
  if (bytes.length === 0) return 'the file is empty';
  const text = new TextDecoder().decode(bytes).trimStart();
  if (text.startsWith('{')) return 'it is a JSON file (a layout file?), not a session file';
  if (text.startsWith('~V') || text.startsWith('~Version')) return 'it is a LAS file, not a session file';
  if (bytes[0] === 0x89 && bytes[1] === 0x50) return 'it is a PNG image, not a session file (load scans with Open scan)';
  if (text.startsWith('%PDF')) return 'it is a PDF, not a session file (load scans with Open scan)';
  return 'it does not start like a Tracewell session file';
}
