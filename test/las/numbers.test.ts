import { describe, expect, it } from 'vitest';
import { defaultDecimals, indexDecimals, measureStep, toFixedPlain, toPlain } from '../../src/core/las/numbers.ts';
import { LineValues } from '../../src/core/las/tokens.ts';

describe('toFixedPlain', () => {
  it('prints fixed decimals', () => {
    expect(toFixedPlain(2.4798, 4)).toBe('2.4798');
    expect(toFixedPlain(-999.25, 2)).toBe('-999.25');
    expect(toFixedPlain(7, 0)).toBe('7');
  });
  it('never prints an exponent, however large or small', () => {
    const big = toFixedPlain(1.5e25, 2);
    expect(big).toMatch(/^\d{26}\.00$/);
    expect(Number(big)).toBe(1.5e25);
    expect(toFixedPlain(-3e21, 1)).toBe('-3000000000000000000000.0');
    expect(toFixedPlain(1e-12, 4)).toBe('0.0000');
    expect(toFixedPlain(1.23e-7, 10)).toBe('0.0000001230');
  });
  it('agrees with Number.prototype.toFixed digit for digit (its integer fast path included)', () => {
    let seed = 12345; // xorshift: the same values every run
    const random = () => ((seed ^= seed << 13), (seed ^= seed >>> 17), (seed ^= seed << 5), (seed >>> 0) / 2 ** 32);
    const values = [0.5, 1.5, 2.5, -0.5, 1.005, 0.125, -0.125, 999999.9999, 4636.514, 0.000518799, 2.675, 1.45];
    for (let i = 0; i < 20000; i++) values.push((random() - 0.5) * 10 ** Math.floor(random() * 14 - 6));
    for (let i = 0; i < 5000; i++) values.push(Math.round(random() * 1e6) / 1e4 + 0.00005); // ties at 4 decimals
    const mismatches: string[] = [];
    for (const v of values) {
      for (const d of [0, 1, 2, 3, 4, 6, 10]) {
        const expected = v.toFixed(d).replace(/^-(0\.?0*)$/, '$1');
        if (toFixedPlain(v, d) !== expected) mismatches.push(`${v} @${d}: ${toFixedPlain(v, d)} vs ${expected}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('drops the sign of a value that rounds to zero', () => {
    expect(toFixedPlain(-0.00001, 2)).toBe('0.00');
    expect(toFixedPlain(-0, 3)).toBe('0.000');
  });
});

describe('toPlain', () => {
  it('gives the shortest round-trip text without an exponent', () => {
    expect(toPlain(-999.25)).toBe('-999.25');
    expect(toPlain(1e-7)).toBe('0.0000001');
    expect(toPlain(-1.5e-9)).toBe('-0.0000000015');
    expect(toPlain(2.5e22)).toBe('25000000000000000000000');
    for (const v of [1e-7, -1.5e-9, 2.5e22, 123.456e-10]) expect(Number(toPlain(v))).toBe(v);
  });
});

describe('measureStep', () => {
  it('is the signed constant spacing', () => {
    expect(measureStep([1670, 1669.875, 1669.75], 3)).toBe(-0.125);
    expect(measureStep([197.5104, 197.6628, 197.8152], 4)).toBeCloseTo(0.1524, 12);
  });
  it('is 0 for irregular spacing, repeated depths or fewer than two rows', () => {
    expect(measureStep([1.6, 1.76131, 1.92262, 2.08362], 5)).toBe(0);
    expect(measureStep([5247, 5247.5, 5247.5], 1)).toBe(0);
    expect(measureStep([100], 2)).toBe(0);
  });
  it('compares at the printed decimals (float noise of start + i*step is not irregularity)', () => {
    const index = Array.from({ length: 1000 }, (_, i) => 102.1568 + i * 0.1524);
    expect(measureStep(index, 4)).toBeCloseTo(0.1524, 12);
  });
});

describe('defaultDecimals and indexDecimals', () => {
  it('gives about five significant digits to a typical value', () => {
    expect(defaultDecimals(Float64Array.from([45, 60, 150]))).toBe(3); // GR
    expect(defaultDecimals(Float64Array.from([2.3, 2.5, 2.65]))).toBe(4); // RHOB
    expect(defaultDecimals(Float64Array.from([0.12, 0.2, 0.3]))).toBe(5); // NPHI
    expect(defaultDecimals(Float64Array.from([NaN, NaN]))).toBe(2);
  });
  it('prints depths with the fewest decimals that keep them exact', () => {
    expect(indexDecimals(Float64Array.from([5000, 5000.5, 5001]))).toBe(1);
    expect(indexDecimals(Float64Array.from({ length: 100 }, (_, i) => 102.1568 + i * 0.1524))).toBe(4);
    expect(indexDecimals(Float64Array.from([1, 2, 3]))).toBe(0);
  });
});

describe('LineValues (the ~A tokenizer)', () => {
  function values(line: string): (number | string)[] {
    const it = new LineValues().reset(line);
    const out: (number | string)[] = [];
    while (it.next()) out.push(it.isNumber ? it.value : `bad:${it.token()}`);
    return out;
  }
  it('reads space, tab and comma separated values', () => {
    expect(values('  1.5   -999.25  .15240')).toEqual([1.5, -999.25, 0.1524]);
    expect(values('1.60000\t-99999.0\t92.8564')).toEqual([1.6, -99999, 92.8564]);
    expect(values(' 580.0000,1805.8065, -0.3677')).toEqual([580, 1805.8065, -0.3677]);
  });
  it('reads exponents (also Fortran D) and leaves empty comma fields as non-numbers', () => {
    expect(values('1E3 2.5e-2 1D2 +4.')).toEqual([1000, 0.025, 100, 4]);
    expect(values('1,,3')).toEqual([1, 'bad:', 3]);
    expect(values('1,2,3,')).toEqual([1, 2, 3]);
  });
  it('flags words as non-numbers', () => {
    expect(values('1.0 abc 1e 2.3.4')).toEqual([1, 'bad:abc', 'bad:1e', 'bad:2.3.4']);
  });
  it('parses exactly as Number() does', () => {
    const tokens = ['0.1', '2193.18840', '-0.000518799', '123456789.123456', '0.30000000000000004', '4636.5140', '9007199254740993'];
    for (const t of tokens) expect(values(t)).toEqual([Number(t)]);
  });
  it('counts the decimals printed', () => {
    const it = new LineValues().reset('-999.2500 12 .5');
    const d: number[] = [];
    while (it.next()) d.push(it.decimals);
    expect(d).toEqual([4, 0, 1]);
  });
});
