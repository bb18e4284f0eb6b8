/**
 * What the decode worker does, as plain async functions (the worker file only exposes them).
 * A test can call them directly or over a MessageChannel; the page calls them through comlink.
 */
import { buildPyramid, pyramidDepth } from '../../core/pyramid';
import type { Raster } from '../../core/raster';
import { rotate90 } from '../../core/raster/rotate';
import { sha256Hex } from '../hash';
import { decodeScan, probeScan, type DecodeEnv } from './index';
import type { DecodeProgress, ScanMeta, ScanProbe } from './types';

/** Longest side of the coarsest display level: one 512 px tile. */
export const PYRAMID_MIN_SIDE = 512;

export interface DecodeRequest {
  page: number;
  /** PDF render resolution, dpi */
  dpi?: number;
  /** clockwise quarter turns for the display levels (the layout's rotate / 90) */
  turns: number;
}

export interface DecodeResult {
  meta: ScanMeta;
  /** SHA-256 of the file's bytes, lower-case hex: the scan's key in a session */
  sha256: string;
  /** decoded gray raster as in the file (before rotation) */
  source: Raster;
  /** upright display pyramid: levels[0] full resolution (=== source when turns is 0) */
  levels: Raster[];
}

export type ProgressFn = (p: DecodeProgress) => void;

async function bytesOf(file: Blob): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}

export function createDecodeService(env: DecodeEnv) {
  return {
    async probe(file: Blob, fileName: string): Promise<ScanProbe> {
      return probeScan(await bytesOf(file), fileName, env);
    },

    async decode(file: Blob, fileName: string, request: DecodeRequest, onProgress?: ProgressFn): Promise<DecodeResult> {
      onProgress?.({ stage: 'read', fraction: 0 });
      const bytes = await bytesOf(file);
      const sha256 = await sha256Hex(bytes);
      const { raster, meta } = await decodeScan(bytes, fileName, { page: request.page, dpi: request.dpi, onProgress }, env);
      const levels = uprightLevels(raster, request.turns, onProgress);
      return { meta, sha256, source: raster, levels };
    },

    /** New display levels after a rotation (the source is copied in, levels come back). */
    async view(source: Raster, turns: number, onProgress?: ProgressFn): Promise<Raster[]> {
      return uprightLevels(source, turns, onProgress);
    },
  };
}

export type DecodeService = ReturnType<typeof createDecodeService>;

function uprightLevels(source: Raster, turns: number, onProgress?: ProgressFn): Raster[] {
  const t = ((turns % 4) + 4) % 4;
  if (t !== 0) onProgress?.({ stage: 'rotate', fraction: 0.9 });
  const upright = rotate90(source, t);
  const depth = pyramidDepth(upright.width, upright.height, PYRAMID_MIN_SIDE);
  return buildPyramid(upright, PYRAMID_MIN_SIDE, (level) => onProgress?.({ stage: 'pyramid', fraction: 0.92 + (0.08 * level) / Math.max(1, depth - 1) }));
}

/** The buffers of a result, each once, for a zero-copy transfer back to the page. */
export function buffersOf(rasters: Raster[]): ArrayBuffer[] {
  return [...new Set(rasters.map((r) => r.data.buffer as ArrayBuffer))];
}
