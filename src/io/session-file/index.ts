/**
 * A session as one file, to move it between machines: scan, layout, curves, export settings,
 * undo/redo history and thumbnail, in a checksummed container (container.ts). Importing verifies
 * everything before writing, then writes in one transaction: a damaged file changes nothing.
 */
import { createSession, openSession, type TracewellDb } from '../db';
import type { SessionMeta } from '../db/types';
import { sha256HexOffThread } from '../hash-off-thread';
import { packContainer, unpackContainer, type ChunkSource } from './container';
import { SessionFileError } from './errors';
import { checkContent } from './validate';
import { decodeValue, encodeValue, ValueFormatError, type Json } from './values';

export { SessionFileError, type SessionFileProblem } from './errors';
export const SESSION_FILE_EXTENSION = '.tracewell';
export const SESSION_FILE_TYPE = 'application/x-tracewell-session';

const bytesOf = (v: ArrayBufferView) => new Uint8Array(v.buffer, v.byteOffset, v.byteLength);

export async function exportSessionFile(db: TracewellDb, sessionId: string, now = new Date()): Promise<Blob> {
  const { meta, scan, content } = await openSession(db, sessionId);
  // The scan and thumbnail go in as Blobs (referenced, not copied); typed arrays as their bytes.
  const blobs: Blob[] = meta.thumbnail ? [scan, meta.thumbnail] : [scan];
  const arrays: ArrayBufferView[] = [];
  const manifest: { [key: string]: Json } = {
    kind: 'tracewell-session',
    exported: now.toISOString(),
    session: { name: meta.name, wellName: meta.wellName, scanName: meta.scanName, created: meta.created, lastEdited: meta.lastEdited },
    scan: { sha256: meta.scanHash, type: scan.type, chunk: 0 },
    thumbnail: meta.thumbnail ? { type: meta.thumbnail.type, chunk: 1 } : null,
    // content chunks are numbered after the blobs
    content: encodeValue(content, arrays, 'session', blobs.length),
  };
  const chunks: ChunkSource[] = [...blobs, ...arrays.map(bytesOf)];
  return packContainer(manifest, chunks, SESSION_FILE_TYPE);
}

/** "Well 7, run 2.tracewell": the session name, made safe for every file system. */
export function sessionFileName(meta: Pick<SessionMeta, 'name'>): string {
  const safe = meta.name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').trim() || 'session';
  return `${safe}${SESSION_FILE_EXTENSION}`;
}

interface FileSession {
  name: string;
  scanName: string;
  created: number;
  lastEdited: number;
}

function readSession(m: Json | undefined): FileSession {
  const s = m as Record<string, unknown> | null | undefined;
  const ok = s && typeof s.name === 'string' && typeof s.scanName === 'string' && typeof s.created === 'number' && typeof s.lastEdited === 'number';
  if (!ok) throw new SessionFileError('invalid', 'its session details are missing');
  return s as unknown as FileSession;
}

/** Adds the file's session as a new session (its scan stored once, as always). */
export async function importSessionFile(db: TracewellDb, file: Blob): Promise<SessionMeta> {
  const { manifest, chunkBlob, readChunks } = await unpackContainer(file);
  if (manifest.kind !== 'tracewell-session') throw new SessionFileError('invalid', 'it is not a session');
  const session = readSession(manifest.session);
  const scanRef = manifest.scan as { sha256?: unknown; type?: unknown; chunk?: unknown } | null;
  if (typeof scanRef?.chunk !== 'number' || typeof scanRef.sha256 !== 'string') throw new SessionFileError('invalid', 'it has no scan');
  const scan = chunkBlob(scanRef.chunk, String(scanRef.type ?? ''));
  if ((await sha256HexOffThread(scan)) !== scanRef.sha256) throw new SessionFileError('damaged', 'its scan does not match its recorded hash');
  const thumbRef = manifest.thumbnail as { type?: unknown; chunk?: unknown } | null;
  const thumbnail = typeof thumbRef?.chunk === 'number' ? chunkBlob(thumbRef.chunk, String(thumbRef.type ?? '')) : null;
  const blobChunks = new Set([scanRef.chunk, thumbRef?.chunk]);
  const contentChunks = (manifest.chunkRefs as Json[]).map((_, i) => i).filter((i) => !blobChunks.has(i));
  let decoded: unknown;
  try {
    decoded = decodeValue(manifest.content ?? null, await readChunks(contentChunks));
  } catch (e) {
    if (e instanceof ValueFormatError) throw new SessionFileError('invalid', e.message);
    throw e;
  }
  const opened = await createSession(db, {
    scan, scanHash: scanRef.sha256, scanName: session.scanName, name: session.name, content: checkContent(decoded), thumbnail,
    created: session.created, lastEdited: session.lastEdited,
  });
  return opened.meta;
}
