import { describe, expect, it } from 'vitest';
import { depthUnit, lasFileToDocument, legalMnemonic, LasWriteError, readLas, writeLas } from '../../src/core/las/index.ts';

const TEXT = [
  '~V',
  ' VERS. 2.0 :',
  ' WRAP. NO :',
  '~W',
  ' STRT.F 10.0 :', ' STOP.F 10.5 :', ' STEP.F 0.5 :', ' NULL. -999.25 :',
  ' WELL. W-1 : well name', ' LATI.DEG 45.5 : latitude', ' WELL. OTHER : repeated',
  '~C',
  ' DEPTH.F : depth', " FCond 25'C.US/CM : c", ' FCond.US/CM : c2', ' DEPT.M : not the index',
  '~P',
  ' BS.IN 8.5 : bit size',
  '~A',
  '10.0 1.25 2.5 3', '10.5 1.5 2.75 4',
].join('\n');

describe('lasFileToDocument', () => {
  const doc = lasFileToDocument(readLas(TEXT));

  it('keeps the well entries (units too), but not the ones the writer derives', () => {
    expect(doc.well).toEqual({
      WELL: { value: 'W-1', unit: '', description: 'well name' },
      LATI: { value: '45.5', unit: 'DEG', description: 'latitude' },
    });
  });

  it('makes curve names legal and distinct from DEPT', () => {
    expect(doc.indexUnit).toBe('FT');
    expect(doc.curves.map((c) => c.mnemonic)).toEqual(["FCond_25'C", 'FCond', 'DEPT_2']);
    expect(doc.curves.map((c) => c.decimals)).toEqual([2, 2, 0]);
  });

  it('gives a document the writer accepts and that reads back the same', () => {
    const back = readLas(writeLas(doc));
    expect(back.data).toEqual(readLas(TEXT).data);
    expect(back.params[0]).toMatchObject({ mnemonic: 'BS', unit: 'IN', value: '8.5' });
  });
});

describe('legalMnemonic and depthUnit', () => {
  it('replaces spaces, dots and colons', () => {
    expect(legalMnemonic(' A B.C:D ')).toBe('A_B_C_D');
    expect(legalMnemonic('#X')).toBe('X');
    expect(legalMnemonic('   ')).toBe('UNKNOWN');
  });
  it('maps depth units and refuses others', () => {
    expect(['m', 'M', 'metres', 'F', 'ft', 'FEET'].map(depthUnit)).toEqual(['M', 'M', 'M', 'FT', 'FT', 'FT']);
    expect(() => depthUnit('S')).toThrow(new LasWriteError("index unit 'S' is not a depth unit (M or FT)"));
  });
});
