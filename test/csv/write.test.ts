import { describe, expect, it } from 'vitest';
import { writeCsv } from '../../src/core/csv/write.ts';
import { LasWriteError, readLas, writeLas, type LasDocument } from '../../src/core/las/index.ts';

function doc(): LasDocument {
  return {
    indexUnit: 'FT',
    index: Float64Array.from([5000, 5000.5, 5001]),
    curves: [
      { mnemonic: 'GR', unit: 'GAPI', description: 'Gamma ray', values: Float64Array.from([45.123, NaN, 60]), decimals: 2 },
      { mnemonic: 'TEMP', unit: '\u00b0F', description: 'Temperature', values: Float64Array.from([101.5, 102, Infinity]), decimals: 1 },
      { mnemonic: 'PE', unit: '', description: 'Photoelectric', values: Float64Array.from([3.1, 3.2, 3.3]), decimals: 1 },
    ],
  };
}

describe('writeCsv', () => {
  it('writes the depth column first, then `MNEM (UNIT)` columns, empty cells for null, CRLF', () => {
    expect(writeCsv(doc())).toBe(
      ['DEPT (FT),GR (GAPI),TEMP (\u00b0F),PE', '5000.0,45.12,101.5,3.1', '5000.5,,102.0,3.2', '5001.0,60.00,,3.3', ''].join('\r\n'),
    );
  });

  it('uses the same depth grid and printed values as the LAS writer', () => {
    const d = doc();
    d.curves[1].unit = 'DEGF'; // LAS is ASCII; CSV keeps Unicode, so compare on an ASCII unit
    const las = readLas(writeLas(d));
    const rows = writeCsv(d).trim().split('\r\n').slice(1).map((r) => r.split(','));
    rows.forEach((cells, i) => {
      cells.forEach((cell, c) => {
        const v = las.data[c][i];
        expect(cell === '' ? NaN : Number(cell)).toEqual(v);
      });
    });
  });

  it('quotes headers that hold the delimiter or a quote, and takes other delimiters', () => {
    const d = doc();
    d.curves[0].mnemonic = 'GR,"raw"';
    expect(writeCsv(d).split('\r\n')[0]).toBe('DEPT (FT),"GR,""raw"" (GAPI)",TEMP (\u00b0F),PE');
    expect(writeCsv(doc(), { delimiter: ';', indexName: 'DEPTH' }).split('\r\n')[1]).toBe('5000.0;45.12;101.5;3.1');
    expect(writeCsv(doc(), { indexName: 'DEPTH' }).split('\r\n')[0]).toMatch(/^DEPTH \(FT\),/);
  });

  it('never prints an exponent', () => {
    const d = doc();
    d.curves[0].values = Float64Array.from([1e25, 1e-9, -3e21]);
    expect(writeCsv(d)).not.toMatch(/\d[eE][+-]?\d/);
  });

  it('refuses a curve whose length differs from the depth column', () => {
    const d = doc();
    d.curves[2].values = Float64Array.from([1, 2]);
    expect(() => writeCsv(d)).toThrow(new LasWriteError('curve PE: 2 values for 3 depths'));
  });

  it('does not change its input', () => {
    const d = doc();
    const copy = structuredClone(d);
    writeCsv(d);
    expect(d).toEqual(copy);
  });
});
