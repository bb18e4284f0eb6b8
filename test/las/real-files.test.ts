import { beforeAll, describe, expect, it } from 'vitest';
import { checkLasConformance, lasFileToDocument, measureStep, readLas, readLasBytes, writeLas, type LasFile } from '../../src/core/las/index.ts';
import { REAL_FILES, readBytes, realFilePath, type RealFile } from './real-files.ts';

function countNaN(las: LasFile): number {
  let n = 0;
  for (const col of las.data) for (const v of col) if (Number.isNaN(v)) n++;
  return n;
}

function modalInterval(index: Float64Array, decimals: number): number {
  const counts = new Map<number, number>();
  for (let i = 1; i < index.length; i++) {
    const d = Number((index[i] - index[i - 1]).toFixed(decimals));
    counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
}

/** Largest |a - b| over non-null values; Infinity when a null in one is not a null in the other. */
function maxDifference(a: Float64Array, b: Float64Array): number {
  if (b.length !== a.length) return Infinity;
  let max = 0;
  for (let i = 0; i < a.length; i++) {
    if (Number.isNaN(a[i]) !== Number.isNaN(b[i])) return Infinity;
    if (!Number.isNaN(a[i])) max = Math.max(max, Math.abs(a[i] - b[i]));
  }
  return max;
}

function roundTrip(las: LasFile, wrap: boolean): void {
  const text = writeLas(lasFileToDocument(las), { wrap });
  const conformance = checkLasConformance(text);
  expect(conformance.problems).toEqual([]);
  const back = readLas(text);
  expect(back.wrap).toBe(wrap);
  expect(back.warnings.filter((w) => !/are -?\d+(\.\d+)?, but NULL is/.test(w))).toEqual([]);
  expect(back.curves.length).toBe(las.curves.length);
  las.data.forEach((col, c) => {
    // Each curve is written with the decimals it was read with: the rewrite is exact to half a unit.
    const printed = 0.5 * 10 ** -las.decimals[c] + 1e-9 * 10 ** 4;
    expect(maxDifference(col, back.data[c]), `curve ${las.curves[c].mnemonic}`).toBeLessThanOrEqual(printed);
  });
}

describe.each(REAL_FILES)('real LAS file $name', (f: RealFile) => {
  const where = realFilePath(f);
  if ('skip' in where) {
    console.warn(`skipping ${f.name}: ${where.skip}`);
    it.skip(`(skipped: ${where.skip})`, () => {});
    return;
  }
  let las: LasFile;
  beforeAll(() => {
    las = readLasBytes(readBytes(where.path));
  });

  it('has the row count and first and last depth the data hold', () => {
    const index = las.data[0];
    expect(index.length).toBe(f.rows);
    expect(index[0]).toBeCloseTo(f.first, 9);
    expect(index[index.length - 1]).toBeCloseTo(f.last, 9);
  });

  it('has the step the data hold (0 when irregular), whatever ~W says', () => {
    expect(measureStep(las.data[0], las.decimals[0])).toBeCloseTo(f.step, 9);
    if (f.modalStep !== undefined) expect(modalInterval(las.data[0], las.decimals[0])).toBeCloseTo(f.modalStep, 9);
  });

  it('has the curves and units of its ~C section', () => {
    expect(las.curves.length).toBe(f.units.length);
    expect(las.data.length).toBe(f.units.length);
    expect(las.curves.map((c) => c.unit)).toEqual(f.units);
    expect(las.wrap).toBe(f.wrap);
    expect(las.nullValue).toBe(f.nullValue);
  });

  if (f.nulls !== undefined) {
    it(`reads the ${f.nulls} NULL values as NaN`, () => {
      expect(countNaN(las)).toBe(f.nulls);
    });
  }

  it('round trips through writeLas (WRAP NO) within printed precision, and the output conforms', () => {
    roundTrip(las, false);
  });

  it('round trips through writeLas (WRAP YES) within printed precision, and the output conforms', () => {
    roundTrip(las, true);
  });
});
