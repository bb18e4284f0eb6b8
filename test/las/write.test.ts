import { describe, expect, it } from 'vitest';
import { checkLasConformance, LasWriteError, readLas, writeLas, type LasDocument } from '../../src/core/las/index.ts';

function tinyDoc(): LasDocument {
  return {
    well: { COMP: 'ACME OIL', WELL: 'TEST 1', FLD: 'WILDCAT', LOC: 'SEC 12-34S-5W', STAT: 'KANSAS', CTRY: 'US', DATE: '1958-03-01' },
    indexUnit: 'FT',
    index: Float64Array.from([5000, 5000.5, 5001]),
    curves: [
      { mnemonic: 'GR', unit: 'GAPI', description: 'Gamma ray', values: Float64Array.from([45.123, NaN, 60]), decimals: 2 },
      { mnemonic: 'ILD', unit: 'OHMM', api: '07 120 46 00', description: 'Deep induction', values: Float64Array.from([2.5, 10.25, 1234.5]), decimals: 3 },
    ],
    scales: [
      { mnemonic: 'GR', unit: 'GAPI', kind: 'linear', left: 0, right: 150, track: 1 },
      { mnemonic: 'ILD', unit: 'OHMM', kind: 'log', left: 0.2, right: 2000, track: 2 },
    ],
    provenance: {
      tool: 'Tracewell 0.1.0',
      modelId: 'seg-v1',
      scanName: 'scan.tif',
      scanSha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
      calibration: ['depth FT linear through 2 refs'],
    },
  };
}

const TINY_LAS = [
  '~Version Information',
  ' VERS.  2.0 : CWLS LOG ASCII STANDARD - VERSION 2.0',
  ' WRAP.  NO  : ONE LINE PER DEPTH STEP',
  '~Well Information',
  ' STRT.FT  5000.0        : START DEPTH',
  ' STOP.FT  5001.0        : STOP DEPTH',
  ' STEP.FT  0.5           : STEP',
  ' NULL.    -999.25       : NULL VALUE',
  ' COMP.    ACME OIL      : COMPANY',
  ' WELL.    TEST 1        : WELL',
  ' FLD .    WILDCAT       : FIELD',
  ' LOC .    SEC 12-34S-5W : LOCATION',
  ' CNTY.                  : COUNTY',
  ' STAT.    KANSAS        : STATE',
  ' CTRY.    US            : COUNTRY',
  ' SRVC.                  : SERVICE COMPANY',
  ' DATE.    1958-03-01    : LOG DATE',
  ' UWI .                  : UNIQUE WELL ID',
  '~Curve Information',
  ' DEPT.FT                 : DEPTH',
  ' GR  .GAPI               : Gamma ray',
  ' ILD .OHMM  07 120 46 00 : Deep induction',
  '~Parameter Information',
  ' GR_SCL .GAPI  0 150 LIN    : GR scale, left and right edge values, track 1',
  ' ILD_SCL.OHMM  0.2 2000 LOG : ILD scale, left and right edge values, track 2',
  '~Other',
  'Digitised with Tracewell 0.1.0 from a raster log scan.',
  'Scan file: scan.tif',
  'Scan SHA-256: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
  'Segmentation model id: seg-v1',
  'Calibration: depth FT linear through 2 refs',
  '~A   DEPT       GR      ILD',
  '   5000.0    45.12    2.500',
  '   5000.5  -999.25   10.250',
  '   5001.0    60.00 1234.500',
  '',
].join('\r\n');

/** A doc with `n` rows from `start` by `step` and the given curve values per row. */
function gridDoc(index: number[], curves: Record<string, number[]>, unit: 'M' | 'FT' = 'M'): LasDocument {
  return {
    indexUnit: unit,
    index: Float64Array.from(index),
    curves: Object.entries(curves).map(([mnemonic, v]) => ({ mnemonic, unit: 'GAPI', description: mnemonic, values: Float64Array.from(v) })),
  };
}

function writeError(doc: LasDocument, options = {}): string {
  try {
    writeLas(doc, options);
  } catch (e) {
    if (e instanceof LasWriteError) return e.message;
    throw e;
  }
  throw new Error('writeLas did not throw');
}

function wellValue(text: string, mnemonic: string): string {
  return readLas(text).well.find((w) => w.mnemonic === mnemonic)!.value;
}

describe('writeLas: the text it writes', () => {
  it('writes a tiny document exactly as expected', () => {
    expect(writeLas(tinyDoc())).toBe(TINY_LAS);
  });

  it('writes WRAP YES with the depth alone on its line', () => {
    const text = writeLas(tinyDoc(), { wrap: true });
    expect(text).toContain(' WRAP.  YES : MULTIPLE LINES PER DEPTH STEP\r\n');
    expect(text.endsWith('~A\r\n   5000.0\r\n    45.12    2.500\r\n   5000.5\r\n  -999.25   10.250\r\n   5001.0\r\n    60.00 1234.500\r\n')).toBe(true);
  });

  it('never changes its input', () => {
    const doc = tinyDoc();
    const copy = structuredClone(doc);
    // Freeze every plain object and array (typed arrays cannot be frozen; their contents are compared).
    const freeze = (o: unknown): void => {
      if (o === null || typeof o !== 'object' || ArrayBuffer.isView(o)) return;
      Object.values(o).forEach(freeze);
      Object.freeze(o);
    };
    freeze(doc);
    writeLas(doc);
    writeLas(doc, { wrap: true, nullValue: -9999 });
    expect(doc).toEqual(copy);
  });

  it('ends every line with CRLF and uses printable ASCII only', () => {
    const doc = tinyDoc();
    doc.curves[0].unit = '\u00b0F';
    doc.curves[1].unit = '\u00b5S/cm';
    doc.well = { ...doc.well, COMP: 'Soci\u00e9t\u00e9 G\u00e9n\u00e9rale', LOC: 'N 45\u00b0 39\u2032' };
    const text = writeLas(doc);
    expect(text.split('\r\n').every((line) => !line.includes('\n') && !line.includes('\r'))).toBe(true);
    expect(text).toMatch(/^[\x20-\x7e\r\n]*$/);
    expect(text).toContain(' GR  .DEGF');
    expect(text).toContain(' ILD .US/cm');
    expect(text).toContain('Societe Generale');
    expect(text).toContain('N 45DEG 39?'); // free text: a character with no spelling becomes '?'
  });

  it('derives STRT and STOP from the first and last rows, and a signed STEP', () => {
    const down = writeLas(gridDoc([1670, 1669.875, 1669.75], { GR: [1, 2, 3] }));
    expect(wellValue(down, 'STRT')).toBe('1670.000');
    expect(wellValue(down, 'STOP')).toBe('1669.750');
    expect(wellValue(down, 'STEP')).toBe('-0.125');
    const up = writeLas(gridDoc([102.1568, 102.3092, 102.4616], { GR: [1, 2, 3] }));
    expect(wellValue(up, 'STEP')).toBe('0.1524');
  });

  it('writes STEP 0 when the spacing is irregular or there is one row', () => {
    expect(wellValue(writeLas(gridDoc([1.6, 1.76131, 1.92262, 2.08362], { GR: [1, 2, 3, 4] })), 'STEP')).toBe('0.00000');
    expect(wellValue(writeLas(gridDoc([100], { GR: [1] })), 'STEP')).toBe('0');
  });

  it('writes NaN and infinities as NULL, and honours another NULL value', () => {
    const text = writeLas(gridDoc([1, 2, 3], { GR: [NaN, Infinity, 5] }), { nullValue: -9999 });
    const back = readLas(text);
    expect(back.nullValue).toBe(-9999);
    expect(Array.from(back.data[1])).toEqual([NaN, NaN, 5]);
    expect(text).toContain('-9999');
  });

  it('never prints an exponent, even for huge and tiny values', () => {
    const doc = gridDoc([0, 1, 2], { BIG: [1.5e25, -2e22, 3], TINY: [1e-9, 2.5e-7, 0] });
    doc.curves[1].decimals = 10;
    const text = writeLas(doc, { nullValue: -1e-30 });
    expect(text).not.toMatch(/\d[eE][+-]?\d/);
    const back = readLas(text);
    expect(back.data[1][0]).toBe(1.5e25);
    expect(back.data[2][1]).toBe(2.5e-7);
    expect(back.nullValue).toBe(-1e-30);
  });

  it('keeps WRAP YES data lines within 80 characters for many curves', () => {
    const curves: Record<string, number[]> = {};
    for (let c = 0; c < 30; c++) curves[`C${c}`] = [c * 111.111, -c, NaN];
    const text = writeLas(gridDoc([10, 10.5, 11], curves), { wrap: true });
    const data = text.split('\r\n~A\r\n')[1].split('\r\n').filter(Boolean);
    expect(Math.max(...data.map((l) => l.length))).toBeLessThanOrEqual(80);
    expect(data.filter((l) => l.trim().split(/\s+/).length === 1)).toHaveLength(3);
    expect(checkLasConformance(text).problems).toEqual([]);
  });

  it('writes PROV instead of CNTY/STAT when the document gives a province, and API when given', () => {
    const doc = gridDoc([1, 2], { GR: [1, 2] });
    doc.well = { PROV: 'ALBERTA', CTRY: 'CA', UWI: '100123401234W500', API: '42-123' };
    const mnemonics = readLas(writeLas(doc)).well.map((w) => w.mnemonic);
    expect(mnemonics).toEqual(['STRT', 'STOP', 'STEP', 'NULL', 'COMP', 'WELL', 'FLD', 'LOC', 'PROV', 'CTRY', 'SRVC', 'DATE', 'UWI', 'API']);
  });

  it('keeps descriptions readable back: a colon becomes a dash', () => {
    const doc = gridDoc([1, 2], { GR: [1, 2] });
    doc.curves[0].description = 'Gamma ray: track 1';
    expect(readLas(writeLas(doc)).curves[1]).toMatchObject({ mnemonic: 'GR', description: 'Gamma ray- track 1' });
  });

  it('keeps ~O free text from opening a section', () => {
    const doc = gridDoc([1, 2], { GR: [1, 2] });
    doc.other = 'first\n~A trap';
    const back = readLas(writeLas(doc));
    expect(back.other).toBe('first\n>~A trap');
    expect(back.data[0].length).toBe(2);
  });

  it('writes output the conformance checker passes', () => {
    for (const wrap of [false, true]) expect(checkLasConformance(writeLas(tinyDoc(), { wrap })).problems).toEqual([]);
  });
});

describe('writeLas: what it refuses, with the field named', () => {
  it('a unit or mnemonic with a character that has no ASCII spelling', () => {
    const doc = gridDoc([1, 2], { GR: [1, 2] });
    doc.curves[0].unit = 'API\u221e';
    expect(writeError(doc)).toBe("unit of GR 'API\u221e': character '\u221e' (U+221E) has no ASCII spelling; LAS 2.0 is ASCII only");
  });

  it('a mnemonic with a space, a dot or a colon, or used twice (DEPT included)', () => {
    expect(writeError(gridDoc([1, 2], { 'G R': [1, 2] }))).toBe("curve 'G R': a LAS mnemonic cannot contain spaces, '.' or ':'");
    const twice = gridDoc([1, 2], { GR: [1, 2] });
    twice.curves.push({ ...twice.curves[0] });
    expect(writeError(twice)).toBe("curve 'GR': mnemonic used twice (DEPT is the index)");
    expect(writeError(gridDoc([1, 2], { dept: [1, 2] }))).toBe("curve 'dept': mnemonic used twice (DEPT is the index)");
  });

  it('a curve whose length differs from the index', () => {
    expect(writeError(gridDoc([1, 2, 3], { GR: [1, 2] }))).toBe('curve GR: 2 values for 3 depths');
  });

  it('an index that is empty, not finite, or not monotonic', () => {
    expect(writeError(gridDoc([], {}))).toBe('the index (depth) has no rows');
    expect(writeError(gridDoc([1, NaN], {}))).toBe('index (depth) row 1 is NaN, not a finite number');
    expect(writeError(gridDoc([1, 2, 1.5], {}))).toBe('the index (depth) must be monotonic: it goes both up and down');
  });

  it('a value that would print as the NULL value', () => {
    expect(writeError(gridDoc([1, 2], { SP: [-999.25, 3] }))).toBe(
      'curve SP at depth 1: value -999.25 equals the NULL value; choose another nullValue',
    );
  });

  it('an index unit other than M or FT, and bad decimals', () => {
    expect(writeError({ ...gridDoc([1, 2], {}), indexUnit: 'S' as 'M' })).toBe("index unit 'S' is not M or FT");
    const doc = gridDoc([1, 2], { GR: [1, 2] });
    doc.curves[0].decimals = 12;
    expect(writeError(doc)).toBe('curve GR: decimals 12 is not an integer in 0..10');
  });
});
