import { describe, expect, it } from 'vitest';
import { LasParseError, readLas, readLasBytes } from '../../src/core/las/index.ts';

/** A small LAS 2.0 file; `data` lines follow ~A, `wrap` sets WRAP, `extraWell` adds ~W lines. */
function las(opts: { data: string[]; wrap?: boolean; nul?: string; curves?: string[]; extraWell?: string[]; eol?: string }): string {
  const curves = opts.curves ?? ['DEPT.M  : depth', 'GR  .GAPI : gamma ray', 'RHOB.G/CC : density'];
  return [
    '~VERSION INFORMATION',
    ' VERS.   2.0 : CWLS LOG ASCII STANDARD - VERSION 2.0',
    ` WRAP.   ${opts.wrap ? 'YES' : 'NO'} : ONE LINE PER DEPTH STEP`,
    '~WELL INFORMATION',
    ' STRT.M  100.0 : START',
    ' STOP.M  100.5 : STOP',
    ' STEP.M  0.5   : STEP',
    ` NULL.   ${opts.nul ?? '-999.25'} : NULL VALUE`,
    ...(opts.extraWell ?? []),
    '~CURVE INFORMATION',
    ...curves,
    '~A',
    ...opts.data,
  ].join(opts.eol ?? '\n') + (opts.eol ?? '\n');
}

function parseError(text: string): LasParseError {
  try {
    readLas(text);
  } catch (e) {
    if (e instanceof LasParseError) return e;
    throw e;
  }
  throw new Error('readLas did not throw');
}

describe('readLas: layouts real files use', () => {
  it('reads WRAP NO rows with any whitespace, and NULL as NaN', () => {
    const f = readLas(las({ data: ['100.0   45.0  2.45', ' 100.5\t\t-999.25 2.50  '] }));
    expect(Array.from(f.data[0])).toEqual([100, 100.5]);
    expect(f.data[1][1]).toBeNaN();
    expect(Array.from(f.data[2])).toEqual([2.45, 2.5]);
    expect(f.warnings).toEqual([]);
  });

  it('reads WRAP YES with the depth alone on its line', () => {
    const f = readLas(las({ wrap: true, data: ['100.0', '  45.0', '  2.45', '100.5', '  46.0  2.50'] }));
    expect(f.wrap).toBe(true);
    expect(Array.from(f.data[1])).toEqual([45, 46]);
    expect(Array.from(f.data[2])).toEqual([2.45, 2.5]);
  });

  it('reads comma- and tab-delimited data', () => {
    expect(Array.from(readLas(las({ data: ['100.0,45.0,2.45', '100.5, 46.0 ,2.5'] })).data[1])).toEqual([45, 46]);
    expect(Array.from(readLas(las({ data: ['100.0\t45.0\t2.45', '100.5\t46.0\t2.5'] })).data[2])).toEqual([2.45, 2.5]);
  });

  it('honours any NULL value in ~W', () => {
    const f = readLas(las({ nul: '-99999', data: ['100.0 -99999.0 2.45', '100.5 46.0 -999.25'] }));
    expect(f.nullValue).toBe(-99999);
    expect(f.data[1][0]).toBeNaN();
    expect(f.data[2][1]).toBe(-999.25); // not this file's NULL: kept as data, with a warning
    expect(f.warnings.join('\n')).toMatch(/1 data values are -999.25, but NULL is -99999/);
  });

  it('reads decreasing depth and STEP 0 without complaint when the spacing is irregular', () => {
    const text = las({ data: ['100.5 1 2', '100.3 1 2', '100.0 1 2'] })
      .replace('STRT.M  100.0', 'STRT.M  100.5').replace('STOP.M  100.5', 'STOP.M  100.0').replace('STEP.M  0.5', 'STEP.M  0');
    const f = readLas(text);
    expect(Array.from(f.data[0])).toEqual([100.5, 100.3, 100]);
    expect(f.warnings).toEqual([]);
  });

  it('keeps both of two curves with the same mnemonic, renaming the second with a warning', () => {
    const f = readLas(las({ curves: ['DEPT.M : d', 'GR.GAPI : a', 'GR.GAPI : b'], data: ['100 1 2', '100.5 3 4'] }));
    expect(f.curves.map((c) => c.mnemonic)).toEqual(['DEPT', 'GR', 'GR_2']);
    expect(Array.from(f.data[2])).toEqual([2, 4]);
    expect(f.warnings.join('\n')).toMatch(/line 1[23]: curve mnemonic GR repeated; renamed GR_2/);
  });

  it('reads CRLF and LF alike', () => {
    const lf = readLas(las({ data: ['100 1 2', '100.5 3 4'] }));
    const crlf = readLas(las({ data: ['100 1 2', '100.5 3 4'], eol: '\r\n' }));
    expect(crlf.data).toEqual(lf.data);
    expect(crlf.well).toEqual(lf.well);
  });

  it('skips # comments in the header and before ~V, and warns about one inside ~A', () => {
    const text = '# written by hand\n' + las({ data: ['100 1 2', '# mid-data note', '100.5 3 4'] }).replace('~CURVE INFORMATION', '# a comment\n~CURVE INFORMATION');
    const f = readLas(text);
    expect(f.data[0].length).toBe(2);
    expect(f.warnings).toEqual(['line 17: comment inside ~A skipped']);
  });

  it('summarises many blank or comment lines inside ~A in one warning each', () => {
    const f = readLas(las({ data: ['100 1 2', '', '# a', '', '# b', '100.5 3 4', '', ''] }));
    expect(f.data[0].length).toBe(2);
    expect(f.warnings).toEqual(['line 15: 2 blank lines inside ~A skipped (first here)', 'line 16: 2 comments inside ~A skipped (first here)']);
  });

  it('reads numbers with no leading zero, and keeps the decimals printed', () => {
    const f = readLas(las({ data: ['100.0 .15240 -.5', '100.5 1. 2.45'] }));
    expect(Array.from(f.data[1])).toEqual([0.1524, 1]);
    expect(f.data[2][0]).toBe(-0.5);
    expect(f.decimals).toEqual([1, 5, 2]);
  });

  it('decodes Latin-1 degree and micro signs in units', () => {
    const text = las({ curves: ['DEPT.FT : d', 'TEMP.\u00b0F : t', 'COND.\u00b5S/CM : c'], data: ['100 1 2', '100.5 3 4'] });
    const bytes = Uint8Array.from(text, (ch) => ch.charCodeAt(0)); // one byte per char: ISO-8859-1
    const f = readLasBytes(bytes);
    expect(f.curves.map((c) => c.unit)).toEqual(['FT', '\u00b0F', '\u00b5S/CM']);
    expect(f.warnings).toContain('file is not ASCII; decoded as ISO-8859-1 (Latin-1)');
  });

  it('reads a file with VERS 1.2 or no VERS/WRAP, with warnings', () => {
    const old = readLas(las({ data: ['100 1 2', '100.5 3 4'] }).replace('VERS.   2.0', 'VERS.   1.2'));
    expect(old.warnings).toEqual(['line 2: VERS 1.2, read as LAS 2.0']);
    const bare = readLas(las({ data: ['100 1 2', '100.5 3 4'] }).replace(/ VERS[^\n]*\n WRAP[^\n]*\n/, ''));
    expect(bare.warnings).toEqual(['line 1: no VERS in ~V; read as LAS 2.0', 'line 1: no WRAP in ~V; read as NO']);
    expect(bare.data[0].length).toBe(2);
  });

  it('reads a WRAP NO file whose rows are in fact wrapped, with a warning', () => {
    const f = readLas(las({ data: ['100.0', '45.0 2.45', '100.5', '46.0 2.5'] }));
    expect(Array.from(f.data[1])).toEqual([45, 46]);
    expect(f.warnings[0]).toMatch(/WRAP NO in ~V, but the data are wrapped/);
  });

  it('warns where ~W disagrees with the data, and the data win', () => {
    const f = readLas(las({ data: ['100 1 2', '101 3 4'] }));
    expect(f.warnings).toEqual([
      'line 6: STOP 100.5 in ~W, but the data stop at 101',
      'line 7: STEP 0.5 in ~W, but the data step is 1',
    ]);
  });

  it('reads ~P, ~O and the API codes of ~C', () => {
    const text = las({ curves: ['DEPT.M 00 001 00 00 : d', 'GR.GAPI 45 310 01 00 : g', 'RHOB.G/CC : r'], data: ['100 1 2', '100.5 3 4'] })
      .replace('~A', '~PARAMETER\n BS.MM  200.0 : bit size\n~OTHER\nfree text line\n  indented ~ text\n~A');
    const f = readLas(text);
    expect(f.curves[1].value).toBe('45 310 01 00');
    expect(f.params).toEqual([{ mnemonic: 'BS', unit: 'MM', value: '200.0', description: 'bit size', line: expect.any(Number) }]);
    expect(f.other).toBe('free text line\n  indented ~ text');
  });
});

describe('readLas: errors name the line and the problem', () => {
  it('a word in ~A', () => {
    const e = parseError(las({ data: ['100 1 2', '100.5 abc 4'] }));
    expect(e.line).toBe(15);
    expect(e.message).toBe("LAS line 15: 'abc' in ~A is not a number");
  });

  it('a WRAP NO row with too few or too many values', () => {
    expect(parseError(las({ data: ['100 1 2', '100.5 3'] })).message).toBe('LAS line 15: ~A row has 2 values, but ~C lists 3 curves');
    expect(parseError(las({ data: ['100 1 2 9', '100.5 3 4'] })).message).toBe('LAS line 14: ~A row has 4 values, but ~C lists 3 curves');
  });

  it('an incomplete last depth step in WRAP YES', () => {
    const e = parseError(las({ wrap: true, data: ['100.0', '1 2', '100.5', '3'] }));
    expect(e.message).toBe('LAS line 16: the last depth step in ~A has 2 values, but ~C lists 3 curves');
  });

  it('no ~A section, or no curves', () => {
    expect(parseError('~VERSION\n VERS. 2.0 :\n WRAP. NO :\n~WELL\n').message).toMatch(/no ~A \(data\) section/);
    expect(parseError('~V\n VERS. 2.0 :\n WRAP. NO :\n~A\n1 2\n').message).toBe('LAS line 4: no curves: ~C is missing or empty before ~A');
  });

  it('a ~C line without a dot, which would shift every column after it', () => {
    expect(parseError(las({ curves: ['DEPT.M : d', 'GR GAPI gamma', 'RHOB.G/CC : r'], data: [] })).message).toBe(
      "LAS line 11: ~C line has no '.' after the mnemonic: 'GR GAPI gamma'",
    );
  });

  it('LAS 3.0, which is a different format', () => {
    expect(parseError(las({ data: ['100 1 2'] }).replace('VERS.   2.0', 'VERS.   3.0')).message).toBe(
      'LAS line 2: VERS 3.0: LAS 3.0 files are not supported, only LAS 2.0',
    );
  });

  it('a section after ~A', () => {
    expect(parseError(las({ data: ['100 1 2', '~O', 'late'] })).message).toBe('LAS line 15: section ~O after ~A; ~A must be the last section');
  });
});
