/**
 * One synthetic sample → the files of docs/dataset-format.md (image PNG or JPEG, mask PNG, truth and
 * layout JSON), written atomically (temp file + rename) so an interrupted run never leaves a file
 * that looks complete. Shared by the dataset writer, its workers and the bundled-sample script.
 */
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import jpeg from 'jpeg-js';
import { layoutToJson } from '../core/calibration/serialize.ts';
import type { SynthSample } from '../core/synth/render.ts';
import { SegClass } from '../core/types.ts';
import { encodeGrayPng } from './png-gray.ts';

export type DatasetKind = 'binary' | 'multiclass';

export interface FileRecord {
  path: string;
  sha256: string;
  bytes: number;
}

export interface SampleRecord {
  id: string;
  seed: number;
  width: number;
  height: number;
  image: string;
  mask: string;
  truth: string;
  layout: string;
}

export const sampleId = (i: number): string => String(i).padStart(6, '0');

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Gray bytes → baseline JPEG at `quality` (jpeg-js takes RGBA). */
export function encodeGrayJpeg(data: Uint8Array, width: number, height: number, quality: number): Uint8Array {
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0, o = 0; i < data.length; i++, o += 4) {
    rgba[o] = rgba[o + 1] = rgba[o + 2] = data[i];
    rgba[o + 3] = 255;
  }
  return new Uint8Array(jpeg.encode({ data: rgba, width, height }, quality).data);
}

/** The mask as stored: class numbers (multiclass) or curve ink = 1 (binary). */
export function maskBytes(mask: Uint8Array, kind: DatasetKind): Uint8Array {
  if (kind === 'multiclass') return mask;
  const out = new Uint8Array(mask.length);
  for (let i = 0; i < mask.length; i++) out[i] = mask[i] === SegClass.SolidCurve || mask[i] === SegClass.BrokenCurve ? 1 : 0;
  return out;
}

function writeAtomic(path: string, bytes: Uint8Array | string): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, path);
}

/** Encode and write one sample into `dir`; returns its manifest entry and file records. */
export function writeSample(dir: string, index: number, s: SynthSample, kind: DatasetKind): { sample: SampleRecord; files: FileRecord[] } {
  const id = sampleId(index);
  const { width, height, data } = s.image;
  const image = s.jpegQuality !== null ? `${id}.jpg` : `${id}.png`;
  const contents: [string, Uint8Array | string][] = [
    [image, s.jpegQuality !== null ? encodeGrayJpeg(data, width, height, s.jpegQuality) : encodeGrayPng(data, width, height)],
    [`${id}.mask.png`, encodeGrayPng(maskBytes(s.mask, kind), width, height)],
    [`${id}.truth.json`, JSON.stringify(s.truth)],
    [`${id}.layout.json`, layoutToJson(s.layout)],
  ];
  const files = contents.map(([name, bytes]) => {
    writeAtomic(join(dir, name), bytes);
    return { path: name, sha256: sha256(bytes), bytes: typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.length };
  });
  return {
    sample: { id, seed: s.seed, width, height, image, mask: `${id}.mask.png`, truth: `${id}.truth.json`, layout: `${id}.layout.json` },
    files,
  };
}

/** True when every recorded file exists in `dir` with the recorded hash. */
export function filesIntact(dir: string, files: FileRecord[]): boolean {
  return files.every((f) => {
    const p = join(dir, f.path);
    return existsSync(p) && sha256(readFileSync(p)) === f.sha256;
  });
}
