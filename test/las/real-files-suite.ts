/**
 * The tests run for each real LAS file: what its data hold, round trips through the writer, and
 * the break of the standard it is known for (SOURCES.md): the reader must read it as the data say
 * and warn about it, and the conformance checker must name it. Each file is read once per test
 * file (loadRealFile).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { checkLasConformance, lasFileToDocument, measureStep, readLas, writeLas, type LasFile } from '../../src/core/las/index.ts';
import { REAL_FILES, loadRealFile, realFilePath, type RealFile } from './real-files.ts';

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

/**
 * Largest |a - b| over non-null values, less a 1e-12 relative allowance for binary floating point;
 * Infinity when a null in one is not a null in the other.
 */
function maxDifference(a: Float64Array, b: Float64Array): number {
  if (b.length !== a.length) return Infinity;
  let max = 0;
  for (let i = 0; i < a.length; i++) {
    if (Number.isNaN(a[i]) !== Number.isNaN(b[i])) return Infinity;
    if (!Number.isNaN(a[i])) max = Math.max(max, Math.abs(a[i] - b[i]) - 1e-12 * Math.abs(a[i]));
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
  const decimals = las.decimals!;
  las.data.forEach((col, c) => {
    // Each curve is written with the decimals it was read with: within half a unit of the last place.
    const halfUnit = 0.5 * 10 ** -decimals[c];
    expect(maxDifference(col, back.data[c]), `curve ${las.curves[c].mnemonic}`).toBeLessThanOrEqual(halfUnit);
  });
}

function fileSuite(f: RealFile): void {
  describe(`real LAS file ${f.name}`, () => {
    const where = realFilePath(f);
    if ('skip' in where) {
      console.warn(`skipping ${f.name}: ${where.skip}`);
      it.skip(`(skipped: ${where.skip})`, () => {});
      return;
    }
    let las: LasFile;
    beforeAll(() => {
      las = loadRealFile(where.path).las;
    });

    it('has the row count and first and last depth the data hold', () => {
      const index = las.data[0];
      expect(index.length).toBe(f.rows);
      expect(index[0]).toBeCloseTo(f.first, 9);
      expect(index[index.length - 1]).toBeCloseTo(f.last, 9);
    });

    it('has the step the data hold (0 when irregular), whatever ~W says', () => {
      const decimals = las.decimals![0];
      expect(measureStep(las.data[0], decimals)).toBeCloseTo(f.step, 9);
      if (f.modalStep !== undefined) expect(modalInterval(las.data[0], decimals)).toBeCloseTo(f.modalStep, 9);
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
}

function item(items: LasFile['well'], mnemonic: string) {
  return items.find((i) => i.mnemonic === mnemonic);
}

function rules(text: string): string[] {
  return [...new Set(checkLasConformance(text).problems.map((p) => p.rule))].sort();
}

/**
 * A test of one file's known break, registered only where that file is in this test file's share;
 * skipped (not passed empty) when the file is absent.
 */
function detail(names: string[], file: string, title: string, body: (f: { las: LasFile; text: string }) => void): void {
  if (!names.includes(file)) return;
  const where = realFilePath(REAL_FILES.find((r) => r.name === file)!);
  if ('skip' in where) it.skip(`${title} (skipped: ${where.skip})`, () => {});
  else it(title, () => body(loadRealFile(where.path)));
}

/** Tests of the files in `names` only: each test file reads its own share of the real files. */
export function realFileSuite(names: string[]): void {
  for (const f of REAL_FILES.filter((r) => names.includes(r.name))) fileSuite(f);
  describe('real files: the break each one holds', () => {
    detail(names, 'P-135_out.LAS', 'P-135: a colon inside a value, dotted units, a UTF-8 sign in LATI', ({ las, text }) => {
      expect(item(las.well, 'CLAB')).toMatchObject({ value: 'Province:', description: 'County Label' });
      expect(item(las.well, 'LATI')?.value).toBe('45\u221e 39\' 26.518" N');
      expect(las.warnings).toContain('file is not ASCII; decoded as UTF-8');
      expect(rules(text)).toEqual(['charset']);
      // The writer spells what it can and marks the rest: ASCII out.
      expect(writeLas(lasFileToDocument(las))).toContain('45? 39\' 26.518" N');
    });

    detail(names, 'ALMA_3_D399_SON_DEN_NEUT_2393-3388M_LAS.las', 'ALMA_3: a colon inside {...} in a description', ({ las, text }) => {
      expect(item(las.version, 'CREA')).toMatchObject({ value: '2006/03/10 09:49', description: 'LAS Creation date {YYYY/MM/DD hh  :mm}' });
      expect(las.warnings).toEqual([]);
      expect(rules(text)).toEqual([]);
    });

    detail(names, 'F03-02.las', 'F03-02: ~P before ~C, decreasing depth, data nulls of -9999 under NULL -999.25', ({ las, text }) => {
      expect(item(las.params, 'DENS')?.value).toBe('800.');
      expect(las.data[0][1]).toBeLessThan(las.data[0][0]);
      expect(las.warnings).toEqual(['90106 data values are -9999, but NULL is -999.25: they are kept as data']);
      expect(rules(text)).toEqual([]);
    });

    detail(names, 'Wellington_KGS-1-32-wDST2_LASv2.las', 'Wellington: comma data, a comment in ~A, STOP past the data, CSV tops in ~O', ({ las, text }) => {
      expect(las.warnings).toEqual([
        'line 130: comment inside ~A skipped',
        'line 8: STOP 5252.0 in ~W, but the data stop at 5247.5',
        'line 9: STEP 0.5 in ~W, but the data spacing is irregular (STEP 0)',
      ]);
      expect(las.other).toContain('"Heebner Shale"');
      expect(rules(text)).toEqual(['data-comment', 'data-delimiter', 'step', 'strt-stop']);
    });

    detail(names, 'Pechelbronn.las', 'Pechelbronn: a header that contradicts its data; LAT lines in ~O', ({ las, text }) => {
      expect(las.warnings).toEqual([
        'line 8: STRT 279.0000 in ~W, but the data start at 139',
        'line 9: STOP 129.0000 in ~W, but the data stop at 279',
        'line 10: STEP 0.125 in ~W, but the data step is 1',
      ]);
      expect(las.other.split('\n')[0]).toBe('LAT .          48.93646');
      expect(rules(text)).toEqual(['step', 'strt-stop', 'well-required']);
    });

    detail(names, '1610001023940.las', 'USGS 1610001023940: Latin-1 units, mnemonics with parentheses', ({ las, text }) => {
      expect(las.curves[1].mnemonic).toBe('GAM(NAT)');
      expect(las.warnings).toEqual(['file is not ASCII; decoded as ISO-8859-1 (Latin-1)']);
      expect(rules(text)).toEqual(['charset']);
      const written = writeLas(lasFileToDocument(las));
      expect(written).toMatch(/ TEMP +\.DEGF /);
      expect(written).toMatch(/ SP_COND +\.US\/CM /);
    });

    detail(names, '383549091130801.20090522.ZD.las', "USGS 383549091130801: tab data, STEP 0 irregular, a mnemonic with a space and an apostrophe", ({ las, text }) => {
      expect(las.curves[3].mnemonic).toBe("FCond 25'C");
      expect(las.warnings).toEqual(["line 31: mnemonic 'FCond 25'C' contains a space or ':'"]);
      expect(rules(text)).toEqual(['header-syntax']);
      expect(lasFileToDocument(las).curves[2].mnemonic).toBe("FCond_25'C");
    });

    detail(names, '1001178549.las', '1001178549: KGS history comments before ~V, values against the colon', ({ las, text }) => {
      expect(item(las.well, 'STRT')).toMatchObject({ unit: 'FT', value: '1783.5000', description: 'Start Depth' });
      expect(item(las.well, 'API')?.value).toBe('151872074300');
      expect(item(las.well, 'UWI')?.value).toBe('15-187-20743');
      expect(las.warnings).toEqual([]);
      expect(rules(text)).toEqual(['well-required']); // CTRY but no CNTY (it has COUN) and no PROV
    });

    detail(names, '15-9-19_SR_COMP.LAS', '15-9-19: numbers without a leading zero', ({ las }) => {
      expect(item(las.well, 'STEP')?.value).toBe('.15240');
      expect(item(las.params, 'LNAM')?.value).toBe('COMPOSITE');
      expect(las.warnings).toEqual([]);
    });

    detail(names, '24034.LAS', '24034: an extra END line in ~V and an empty ~P', ({ las }) => {
      expect(item(las.version, 'END')).toMatchObject({ value: 'PETRA', description: 'GeoPLUS Corporation' });
      expect(las.params).toEqual([]);
      expect(las.warnings).toEqual([]);
    });

    detail(names, 'sample_2.0.las', 'sample_2.0 (lasio copy): truncated, so STOP is not the last depth', ({ las, text }) => {
      expect(las.warnings).toEqual(['line 8: STOP 1660.0000 in ~W, but the data stop at 1669.75']);
      expect(rules(text)).toEqual(['strt-stop']);
    });
  });
}
