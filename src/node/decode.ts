/**
 * The scan decoders in Node (the CLI, tests, benchmarks): the same src/io/decode format logic,
 * with pdf.js's legacy build (Node 20 lacks APIs the modern build needs) and @napi-rs/canvas for
 * PDF rendering. @napi-rs/canvas is an optional dependency of pdfjs-dist: without it, PDF pages
 * can still be listed, but rendering one fails with a clear DecodeError.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { createRequire } from 'node:module';
import { decodeScan, probeScan, type DecodedScan, type DecodeEnv, type DecodeOptions, type PdfBackend, type ScanProbe } from '../io/decode';
import { decodeError } from '../io/decode/errors';
import type { PdfContext } from '../io/decode/pdf';

const require = createRequire(import.meta.url);

interface NapiCanvasModule {
  createCanvas(w: number, h: number): { getContext(kind: '2d'): PdfContext };
}

function loadCanvas(): NapiCanvasModule | null {
  try {
    return require('@napi-rs/canvas') as NapiCanvasModule;
  } catch {
    return null;
  }
}

export const nodePdfBackend: PdfBackend = {
  async open(data) {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    // verbosity 0: errors only; pdf.js otherwise prints warnings for every font it substitutes.
    return pdfjs.getDocument({ data, verbosity: 0, isEvalSupported: false }).promise;
  },
  createContext(width, height) {
    const canvas = loadCanvas();
    if (!canvas) throw decodeError('unsupported', 'PDF', 'rendering PDF pages in Node needs the optional package @napi-rs/canvas.');
    return canvas.createCanvas(width, height).getContext('2d');
  },
};

export const nodeDecodeEnv: DecodeEnv = { pdf: nodePdfBackend };

export async function probeFile(path: string): Promise<ScanProbe> {
  const bytes = new Uint8Array(await readFile(path));
  return probeScan(bytes, basename(path), nodeDecodeEnv);
}

export async function decodeFile(path: string, options: DecodeOptions = {}): Promise<DecodedScan> {
  const bytes = new Uint8Array(await readFile(path));
  return decodeScan(bytes, basename(path), options, nodeDecodeEnv);
}
