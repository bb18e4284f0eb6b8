import { describe, expect, it } from 'vitest';
import { delimiterColon, parseHeaderLine } from '../../src/core/las/header-line.ts';

function parse(line: string) {
  const parsed = parseHeaderLine(line, 7);
  if (parsed === null) throw new Error('no parse');
  return parsed;
}

describe('parseHeaderLine', () => {
  it('splits MNEM.UNIT VALUE : DESCRIPTION', () => {
    expect(parse(' STRT .FT               1783.5000: Start Depth').item).toEqual({
      mnemonic: 'STRT', unit: 'FT', value: '1783.5000', description: 'Start Depth', line: 7,
    });
  });

  it('keeps dots inside the unit (ohm.m) and reads an empty unit', () => {
    expect(parse('AMF .ohm.m                : Array Induction').item.unit).toBe('ohm.m');
    expect(parse('NULL.        -999.25000       :NULL VALUE').item).toMatchObject({ unit: '', value: '-999.25000' });
  });

  it('takes the last colon, so values may hold colons (P-135 CLAB)', () => {
    expect(parse('CLAB            .                     Province:            :County Label').item).toMatchObject({
      value: 'Province:', description: 'County Label',
    });
  });

  it('ignores a colon inside {...} in the description (ALMA_3 CREA)', () => {
    expect(parse(' CREA.        2006/03/10 09:49                          :LAS Creation date {YYYY/MM/DD hh  :mm}').item).toMatchObject({
      value: '2006/03/10 09:49', description: 'LAS Creation date {YYYY/MM/DD hh  :mm}',
    });
  });

  it('ignores a time-like colon between digits while a real delimiter exists', () => {
    expect(parse('TIME.   13:45:00 : logged at 10:30').item).toMatchObject({ value: '13:45:00', description: 'logged at 10:30' });
  });

  it('reads an API code as the value of a ~C line', () => {
    expect(parse(' DT     .US/M           60 520 32 00             :  2  SONIC TRANSIT TIME').item).toMatchObject({
      mnemonic: 'DT', unit: 'US/M', value: '60 520 32 00', description: '2  SONIC TRANSIT TIME',
    });
  });

  it('reads a unit ended by the colon (DEPT.M:)', () => {
    expect(parse('DEPT.M:1 DEPTH').item).toMatchObject({ unit: 'M', value: '', description: '1 DEPTH' });
  });

  it('keeps mnemonics with spaces and parentheses, warning about the space', () => {
    const p = parse("FCond 25'C.US/CM                   :FCond 25'C");
    expect(p.item.mnemonic).toBe("FCond 25'C");
    expect(p.warning).toMatch(/line 7: mnemonic 'FCond 25'C' contains a space/);
    expect(parse('GAM(NAT).API             :GAM(NAT)').warning).toBeUndefined();
  });

  it('warns when there is no colon and reads the rest as the value', () => {
    const p = parse('LAT .          48.93646');
    expect(p.item).toMatchObject({ mnemonic: 'LAT', value: '48.93646', description: '' });
    expect(p.warning).toMatch(/no ':'/);
  });

  it('returns null for a line without a dot', () => {
    expect(parseHeaderLine('just words', 3)).toBeNull();
  });
});

describe('delimiterColon', () => {
  it('falls back to the last colon when every colon looks like a time', () => {
    expect(delimiterColon(' 10:30')).toBe(3);
  });
  it('is -1 without a colon', () => {
    expect(delimiterColon(' 1.0 ')).toBe(-1);
  });
});
