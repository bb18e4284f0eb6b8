/** Each rule the conformance checker enforces, caught in a broken copy of a conformant file. */
import { describe, expect, it } from 'vitest';
import { checkLasConformance } from '../../src/core/las/index.ts';

const VALID = [
  '~Version Information',
  ' VERS.  2.0 : CWLS LOG ASCII STANDARD - VERSION 2.0',
  ' WRAP.  NO  : ONE LINE PER DEPTH STEP',
  '~Well Information',
  ' STRT.M  100.0 : START DEPTH',
  ' STOP.M  101.0 : STOP DEPTH',
  ' STEP.M  0.5   : STEP',
  ' NULL.   -999.25 : NULL VALUE',
  ' COMP.   ACME  : COMPANY',
  ' WELL.   W 1   : WELL',
  ' FLD .         : FIELD',
  ' LOC .         : LOCATION',
  ' CNTY.         : COUNTY',
  ' STAT.         : STATE',
  ' CTRY.         : COUNTRY',
  ' SRVC.         : SERVICE COMPANY',
  ' DATE.         : LOG DATE',
  ' UWI .         : UNIQUE WELL ID',
  '~Curve Information',
  ' DEPT.M    : DEPTH',
  ' GR  .GAPI : gamma ray',
  ' RHOB.G/CC : density',
  '~Parameter Information',
  ' GR_SCL.GAPI  0 150 LIN : GR scale',
  '~Other',
  'free text',
  '~A  DEPT  GR  RHOB',
  ' 100.0  45.0  2.45',
  ' 100.5  46.0  2.50',
  ' 101.0  47.0  2.55',
].join('\r\n') + '\r\n';

const VALID_WRAPPED = VALID.replace('WRAP.  NO ', 'WRAP.  YES')
  .replace(/~A[^\r]*\r\n[\s\S]*$/, '~A\r\n 100.0\r\n  45.0  2.45\r\n 100.5\r\n  46.0  2.50\r\n 101.0\r\n  47.0  2.55\r\n');

/** `from` must occur in `text`: a broken fixture that silently equals the valid one would prove nothing. */
function broken(text: string, from: string | RegExp, to: string): string {
  const out = text.replace(from, to);
  if (out === text) throw new Error(`fixture edit did not apply: ${from}`);
  return out;
}

function problems(text: string) {
  return checkLasConformance(text).problems;
}

function rulesOf(text: string): string[] {
  return [...new Set(problems(text).map((p) => p.rule))];
}

describe('checkLasConformance', () => {
  it('passes conformant files, wrapped and not', () => {
    expect(checkLasConformance(VALID)).toEqual({ ok: true, problems: [] });
    expect(checkLasConformance(VALID_WRAPPED)).toEqual({ ok: true, problems: [] });
  });

  it('charset: a character outside printable ASCII', () => {
    expect(problems(broken(VALID, 'ACME ', 'ACM\u00c9 '))).toEqual([{ line: 9, rule: 'charset', message: 'character outside printable ASCII' }]);
  });

  it('section-order: ~V not first, ~A not last, a missing or repeated section', () => {
    const wFirst = broken(VALID, /^(~Version[^~]*)(~Well[^~]*)/, '$2$1');
    expect(problems(wFirst)).toContainEqual({ line: 1, rule: 'section-order', message: '~V must be the first section' });
    expect(problems(broken(VALID, '~Other\r\nfree text\r\n', '') + '~O\r\n')).toContainEqual(
      expect.objectContaining({ rule: 'section-order', message: '~A must be the last section' }),
    );
    expect(rulesOf(broken(VALID, /~Well Information[^~]*/, ''))).toContain('section-order');
    expect(problems(broken(VALID, '~Other', '~Curve'))).toContainEqual(expect.objectContaining({ rule: 'section-order', line: 25 }));
  });

  it('header-syntax: no colon, no dot, a space in a mnemonic', () => {
    expect(problems(broken(VALID, ' COMP.   ACME  : COMPANY', ' COMP.   ACME'))).toEqual([
      { line: 9, rule: 'header-syntax', message: "COMP: no ':' before the description" },
    ]);
    expect(rulesOf(broken(VALID, ' WELL.   W 1   : WELL', ' WELL   W 1   : WELL'))).toEqual(['header-syntax', 'well-required']);
    expect(problems(broken(VALID, ' RHOB.G/CC', ' RH OB.G/CC'))).toEqual([
      { line: 22, rule: 'header-syntax', message: "mnemonic 'RH OB' contains a space" },
    ]);
  });

  it('version: VERS other than 2.0, WRAP other than YES or NO', () => {
    expect(problems(broken(VALID, 'VERS.  2.0', 'VERS.  1.2'))).toEqual([
      { line: 2, rule: 'version', message: "VERS must be 2.0 (found '1.2')" },
    ]);
    expect(rulesOf(broken(VALID, 'WRAP.  NO ', 'WRAP.  MAY'))).toEqual(['version']);
  });

  it('well-required: each required ~W line, and the PROV / CNTY+STAT+CTRY and UWI / API alternatives', () => {
    expect(problems(broken(VALID, ' SRVC.         : SERVICE COMPANY\r\n', ''))).toEqual([
      { rule: 'well-required', message: '~W has no SRVC line' },
    ]);
    expect(problems(broken(VALID, ' STAT.         : STATE\r\n', ''))).toEqual([
      { rule: 'well-required', message: '~W needs PROV, or CNTY, STAT and CTRY' },
    ]);
    const province = broken(broken(broken(VALID, ' CNTY.         : COUNTY\r\n', ''), ' STAT.', ' PROV.'), ' CTRY.         : COUNTRY\r\n', '');
    expect(problems(province)).toEqual([]);
    expect(problems(broken(VALID, ' UWI .', ' API .'))).toEqual([]);
    expect(problems(broken(VALID, ' UWI .         : UNIQUE WELL ID\r\n', ''))).toEqual([
      { rule: 'well-required', message: '~W needs UWI or API' },
    ]);
  });

  it('well-number: STRT, STOP, STEP, NULL must be numbers', () => {
    expect(problems(broken(VALID, 'STEP.M  0.5 ', 'STEP.M  abc '))).toEqual([
      { line: 7, rule: 'well-number', message: "STEP 'abc' is not a number" },
    ]);
  });

  it('index-first: the first curve is the depth, in M, F or FT', () => {
    const swapped = broken(VALID, ' DEPT.M    : DEPTH\r\n GR  .GAPI : gamma ray', ' GR  .GAPI : gamma ray\r\n DEPT.M    : DEPTH');
    expect(problems(swapped)).toContainEqual({ line: 20, rule: 'index-first', message: "first curve 'GR' is not the index (DEPT, DEPTH or TIME)" });
    expect(problems(broken(VALID, ' DEPT.M ', ' DEPT.S '))).toEqual([
      { line: 20, rule: 'index-first', message: "index DEPT unit 'S' is not M, F or FT" },
    ]);
  });

  it('curve-duplicate: a mnemonic listed twice', () => {
    expect(problems(broken(VALID, ' RHOB.G/CC', ' GR  .G/CC'))).toEqual([
      { line: 22, rule: 'curve-duplicate', message: 'curve GR listed twice (first at line 21)' },
    ]);
  });

  it('data-blank-line and data-comment: ~A holds only data', () => {
    expect(problems(broken(VALID, ' 100.5  46.0  2.50\r\n', ' 100.5  46.0  2.50\r\n\r\n'))).toEqual([
      { line: 30, rule: 'data-blank-line', message: 'blank line inside ~A' },
    ]);
    expect(problems(broken(VALID, ' 100.5  46.0  2.50\r\n', '# note\r\n 100.5  46.0  2.50\r\n'))).toEqual([
      { line: 29, rule: 'data-comment', message: 'comment line inside ~A' },
    ]);
  });

  it('data-delimiter and data-number: space-separated numbers only', () => {
    expect(rulesOf(broken(VALID, ' 100.5  46.0  2.50', ' 100.5, 46.0, 2.50'))).toEqual(['data-delimiter']);
    expect(problems(broken(VALID, ' 100.5  46.0  2.50', ' 100.5  n/a  2.50'))).toEqual([
      { line: 29, rule: 'data-number', message: "'n/a' is not a number" },
    ]);
  });

  it('data-count: values per depth step, and at least one row', () => {
    expect(problems(broken(VALID, ' 100.5  46.0  2.50', ' 100.5  46.0'))).toEqual([
      { line: 29, rule: 'data-count', message: '2 values on the line, 3 curves in ~C' },
    ]);
    expect(problems(broken(VALID_WRAPPED, '  47.0  2.55\r\n', '  47.0\r\n'))).toEqual([
      { line: 32, rule: 'data-count', message: 'the last depth step has 2 of 3 values' },
    ]);
    expect(rulesOf(broken(VALID, /~A[\s\S]*$/, '~A\r\n'))).toEqual(['data-count']);
  });

  it('wrap-depth-alone and wrap-line-length: the WRAP YES layout', () => {
    expect(problems(broken(VALID_WRAPPED, ' 100.5\r\n  46.0  2.50', ' 100.5  46.0  2.50'))).toEqual([
      { line: 30, rule: 'wrap-depth-alone', message: 'WRAP YES: the depth must be alone on its line' },
    ]);
    const long = broken(VALID_WRAPPED, '  46.0  2.50', ' '.repeat(72) + '46.0  2.50');
    expect(problems(long)).toEqual([{ line: 31, rule: 'wrap-line-length', message: 'WRAP YES line of 82 characters (at most 80)' }]);
  });

  it('index-null and index-monotonic: a usable depth column', () => {
    expect(rulesOf(broken(VALID, ' 100.5  46.0', ' -999.25  46.0'))).toContain('index-null');
    const back = broken(broken(VALID, ' 100.5  46.0', ' 101.0  46.0'), ' 101.0  47.0', ' 100.5  47.0');
    expect(problems(broken(back, 'STOP.M  101.0', 'STOP.M  100.5'))).toContainEqual({
      line: 30, rule: 'index-monotonic', message: 'the index changes direction',
    });
  });

  it('strt-stop: STRT is the first depth and STOP the last', () => {
    expect(problems(broken(VALID, 'STRT.M  100.0', 'STRT.M  99.0 '))).toEqual([
      { line: 5, rule: 'strt-stop', message: 'STRT 99 but the first depth is 100' },
    ]);
    expect(problems(broken(VALID, 'STOP.M  101.0', 'STOP.M  105.0'))).toEqual([
      { line: 6, rule: 'strt-stop', message: 'STOP 105 but the last depth is 101' },
    ]);
  });

  it('step: a non-zero STEP matches every interval and the direction; 0 is always allowed', () => {
    expect(problems(broken(VALID, 'STEP.M  0.5 ', 'STEP.M  0.25'))).toEqual([
      { line: 29, rule: 'step', message: 'STEP 0.25 but this interval is 0.5; irregular spacing needs STEP 0' },
    ]);
    expect(problems(broken(VALID, 'STEP.M  0.5 ', 'STEP.M  -0.5'))).toEqual([
      { line: 7, rule: 'step', message: 'STEP -0.5 has the wrong sign: the depth increases' },
    ]);
    expect(problems(broken(VALID, 'STEP.M  0.5 ', 'STEP.M  0   '))).toEqual([]);
  });

  it('reports at most 20 problems of one rule, then how many more', () => {
    const rows = Array.from({ length: 30 }, (_, i) => ` ${100 + i}  1,2`).join('\r\n');
    const p = problems(broken(VALID, /~A[\s\S]*$/, `~A\r\n${rows}\r\n`)).filter((x) => x.rule === 'data-delimiter');
    expect(p).toHaveLength(21);
    expect(p[20]).toEqual({ rule: 'data-delimiter', message: '10 more data-delimiter problems' });
  });
});
