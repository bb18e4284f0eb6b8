import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Fixtures written by scripts/fixtures/make-decode-fixtures.py; expected.json from Pillow's reading. */
export const FIXTURES = resolve(__dirname, '../fixtures/decode');

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(resolve(FIXTURES, name)));
}

export interface ExpectedPage {
  width: number;
  height: number;
  sha256: string;
  sum: number;
  dark: number;
}

export const expected: Record<string, ExpectedPage[]> = JSON.parse(readFileSync(resolve(FIXTURES, 'expected.json'), 'utf8'));

/** The same summary the fixture script computes, for a decoded gray raster. */
export function summarize(r: { width: number; height: number; data: Uint8Array }): ExpectedPage {
  let sum = 0;
  let dark = 0;
  for (const v of r.data) {
    sum += v;
    if (v < 128) dark++;
  }
  return { width: r.width, height: r.height, sha256: createHash('sha256').update(r.data).digest('hex'), sum, dark };
}

export function meanAbsDiff(a: Uint8Array, b: Uint8Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += Math.abs(a[i] - b[i]);
  return s / a.length;
}
