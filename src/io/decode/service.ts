/**
 * What the decode worker does, as plain async functions (the worker file only exposes them).
 * A test can call them directly or over a MessageChannel; the page calls them through comlink.
 */
import { buildPyramid, pyramidDepth } from '../../core/pyramid';
import type { Rotation } from '../../core/calibration/layout';
import { prepareUpright } from '../../core/digitise/prepare';
import type { Raster } from '../../core/raster';
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
  /** deskew for the display levels (the layout's deskew; 'auto' is estimated); default 0 */
  deskew?: number | 'auto';
}

/** How the upright frame is placed: the layout's rotate and deskew. */
export interface UprightRequest {
  rotate: Rotation;
  deskew: number | 'auto';
}

/** Display levels of the upright scan and the deskew they were made with (resolved from 'auto'). */
export interface UprightLevels {
  levels: Raster[];
  deskew: number;
}

export interface DecodeResult {
  meta: ScanMeta;
  /** SHA-256 of the file's bytes, lower-case hex: the scan's key in a session */
  sha256: string;
  /** decoded gray raster as in the file (before rotation) */
  source: Raster;
  /** upright display pyramid: levels[0] full resolution (=== source when turns and deskew are 0) */
  levels: Raster[];
  /** deskew applied to the levels, degrees (resolved when the request said 'auto') */
  deskew: number;
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
      const up = uprightLevels(raster, { rotate: rotationOf(request.turns), deskew: request.deskew ?? 0 }, onProgress);
      return { meta, sha256, source: raster, levels: up.levels, deskew: up.deskew };
    },

    /** New display levels after a rotation (the source is copied in, levels come back). */
    async view(source: Raster, turns: number, onProgress?: ProgressFn): Promise<Raster[]> {
      return uprightLevels(source, { rotate: rotationOf(turns), deskew: 0 }, onProgress).levels;
    },

    /** New display levels after a rotation or a deskew (the source is copied in, levels come back). */
    async upright(source: Raster, request: UprightRequest, onProgress?: ProgressFn): Promise<UprightLevels> {
      return uprightLevels(source, request, onProgress);
    },
  };
}

export type DecodeService = ReturnType<typeof createDecodeService>;

function rotationOf(turns: number): Rotation {
  return ((((turns % 4) + 4) % 4) * 90) as Rotation;
}

/**
 * The upright scan (the same pixels the digitise pipeline and the CLI read: prepareUpright) and its
 * pyramid. Unturned and unskewed, level 0 is the source itself.
 */
function uprightLevels(source: Raster, request: UprightRequest, onProgress?: ProgressFn): UprightLevels {
  if (request.rotate !== 0 || request.deskew !== 0) onProgress?.({ stage: 'rotate', fraction: 0.9 });
  const { upright, deskew } = prepareUpright(source, request);
  const depth = pyramidDepth(upright.width, upright.height, PYRAMID_MIN_SIDE);
  const levels = buildPyramid(upright, PYRAMID_MIN_SIDE, (level) => onProgress?.({ stage: 'pyramid', fraction: 0.92 + (0.08 * level) / Math.max(1, depth - 1) }));
  return { levels, deskew };
}

/** The buffers of a result, each once, for a zero-copy transfer back to the page. */
export function buffersOf(rasters: Raster[]): ArrayBuffer[] {
  return [...new Set(rasters.map((r) => r.data.buffer as ArrayBuffer))];
}
