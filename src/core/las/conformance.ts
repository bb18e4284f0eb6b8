/**
 * A LAS 2.0 conformance checker written from the CWLS standard, for the writer's output and for
 * telling users what is wrong with a reference file. Unlike the reader it forgives nothing.
 * Rules (ids in `problem.rule`):
 *   charset          printable ASCII (and TAB) only
 *   section-order    ~V first, ~A last, each section once; ~V ~W ~C ~A present
 *   header-syntax    `MNEM.UNIT VALUE : DESCRIPTION`: a '.', a ':', a mnemonic without spaces
 *   version          VERS 2.0 and WRAP YES or NO in ~V
 *   well-required    STRT STOP STEP NULL COMP WELL FLD LOC, PROV or CNTY+STAT+CTRY, SRVC DATE, UWI or API
 *   well-number      STRT STOP STEP NULL are numbers
 *   index-first      the first curve is the index (DEPT/DEPTH in M, F or FT; or TIME)
 *   curve-duplicate  each curve mnemonic once
 *   data-*, wrap-*, strt-stop, step, index-*   see conformance-data.ts
 */
import { isLasAscii } from './ascii.ts';
import { checkData, type DataFacts } from './conformance-data.ts';
import { delimiterColon, parseHeaderLine } from './header-line.ts';
import { Problems, type LasConformance } from './problems.ts';
import type { LasHeaderItem } from './types.ts';

export type { LasConformance, LasProblem } from './problems.ts';

type Key = 'V' | 'W' | 'C' | 'P' | 'O' | 'A';

interface Scan {
  items: Record<'V' | 'W' | 'C' | 'P', LasHeaderItem[]>;
  dataLines: { text: string; line: number }[];
  titles: { key: string; line: number }[];
}

function checkHeaderLine(raw: string, line: number, key: string, p: Problems): LasHeaderItem | null {
  const parsed = parseHeaderLine(raw, line);
  if (parsed === null) {
    p.add('header-syntax', `~${key} line has no '.' after its mnemonic`, line);
    return null;
  }
  const { item } = parsed;
  const afterDot = raw.slice(raw.indexOf('.') + 1);
  if (delimiterColon(afterDot) < 0) p.add('header-syntax', `${item.mnemonic}: no ':' before the description`, line);
  if (item.mnemonic === '') p.add('header-syntax', 'empty mnemonic', line);
  else if (/\s/.test(item.mnemonic)) p.add('header-syntax', `mnemonic '${item.mnemonic}' contains a space`, line);
  return item;
}

/** One pass over the lines: section titles, header items, ~A lines; charset on every line. */
function scan(lines: string[], p: Problems, ascii: boolean): Scan {
  const s: Scan = { items: { V: [], W: [], C: [], P: [] }, dataLines: [], titles: [] };
  let current = '';
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (!ascii && !isLasAscii(raw)) p.add('charset', 'character outside printable ASCII', line);
    if (current === 'A' && !raw.startsWith('~')) {
      s.dataLines.push({ text: raw, line });
      return;
    }
    const t = raw.trim();
    if (t.startsWith('~')) {
      current = t.charAt(1).toUpperCase();
      s.titles.push({ key: current, line });
      return;
    }
    if (t === '' || t.startsWith('#') || current === 'O') return;
    if (current === 'V' || current === 'W' || current === 'C' || current === 'P') {
      const item = checkHeaderLine(raw, line, current, p);
      if (item) s.items[current].push(item);
    } else p.add('section-order', 'text outside any section', line);
  });
  return s;
}

function checkSections(titles: Scan['titles'], p: Problems): void {
  if (titles.length === 0 || titles[0].key !== 'V') p.add('section-order', '~V must be the first section', titles[0]?.line);
  const seen = new Map<string, number>();
  for (const t of titles) {
    if (!'VWCPOA'.includes(t.key) || t.key === '') p.add('section-order', `unknown section ~${t.key}`, t.line);
    if (seen.has(t.key)) p.add('section-order', `second ~${t.key} section (first at line ${seen.get(t.key)})`, t.line);
    seen.set(t.key, t.line);
  }
  for (const k of ['V', 'W', 'C', 'A'] as Key[]) if (!seen.has(k)) p.add('section-order', `no ~${k} section`);
  const a = titles.findIndex((t) => t.key === 'A');
  if (a >= 0 && a !== titles.length - 1) p.add('section-order', '~A must be the last section', titles[a + 1].line);
}

function get(items: LasHeaderItem[], mnemonic: string): LasHeaderItem | undefined {
  return items.find((it) => it.mnemonic.toUpperCase() === mnemonic);
}

function checkVersion(v: LasHeaderItem[], p: Problems): boolean {
  const vers = get(v, 'VERS');
  if (!vers || Number(vers.value) !== 2) p.add('version', `VERS must be 2.0 (found '${vers?.value ?? 'none'}')`, vers?.line);
  const wrap = get(v, 'WRAP');
  const w = wrap?.value.toUpperCase();
  if (w !== 'YES' && w !== 'NO') p.add('version', `WRAP must be YES or NO (found '${wrap?.value ?? 'none'}')`, wrap?.line);
  return w === 'YES';
}

function checkWell(w: LasHeaderItem[], p: Problems): void {
  const has = (m: string) => get(w, m) !== undefined;
  for (const m of ['STRT', 'STOP', 'STEP', 'NULL', 'COMP', 'WELL', 'FLD', 'LOC', 'SRVC', 'DATE']) {
    if (!has(m)) p.add('well-required', `~W has no ${m} line`);
  }
  if (!has('PROV') && !(has('CNTY') && has('STAT') && has('CTRY'))) p.add('well-required', '~W needs PROV, or CNTY, STAT and CTRY');
  if (!has('UWI') && !has('API')) p.add('well-required', '~W needs UWI or API');
  for (const m of ['STRT', 'STOP', 'STEP', 'NULL']) {
    const it = get(w, m);
    if (it && (it.value === '' || !Number.isFinite(Number(it.value)))) p.add('well-number', `${m} '${it.value}' is not a number`, it.line);
  }
}

function checkCurves(c: LasHeaderItem[], p: Problems): void {
  if (c.length === 0) return;
  const first = c[0];
  const m = first.mnemonic.toUpperCase();
  if (m === 'DEPT' || m === 'DEPTH') {
    if (!['M', 'F', 'FT'].includes(first.unit.toUpperCase())) p.add('index-first', `index ${first.mnemonic} unit '${first.unit}' is not M, F or FT`, first.line);
  } else if (m !== 'TIME') p.add('index-first', `first curve '${first.mnemonic}' is not the index (DEPT, DEPTH or TIME)`, first.line);
  const seen = new Map<string, number | undefined>();
  for (const it of c) {
    const k = it.mnemonic.toUpperCase();
    if (seen.has(k)) p.add('curve-duplicate', `curve ${it.mnemonic} listed twice (first at line ${seen.get(k)})`, it.line);
    seen.set(k, it.line);
  }
}

function numberOf(items: LasHeaderItem[], m: string): number {
  const it = get(items, m);
  return it && it.value !== '' ? Number(it.value) : NaN;
}

/** Checks LAS 2.0 text against the standard; `ok` when there is no problem. */
export function checkLasConformance(text: string): LasConformance {
  const p = new Problems();
  const lines = text.split(/\r\n|\n|\r/);
  // Blank lines at the very end (the final line end, an editor's extra newline) hold no data.
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  // One native scan of the whole text; lines are checked one by one only when it finds something.
  const s = scan(lines, p, !/[^\t\n\r\x20-\x7e]/.test(text));
  checkSections(s.titles, p);
  const wrap = checkVersion(s.items.V, p);
  checkWell(s.items.W, p);
  checkCurves(s.items.C, p);
  const facts: DataFacts = {
    curves: s.items.C.length,
    wrap,
    strt: numberOf(s.items.W, 'STRT'),
    stop: numberOf(s.items.W, 'STOP'),
    step: numberOf(s.items.W, 'STEP'),
    nullValue: numberOf(s.items.W, 'NULL'),
    strtLine: get(s.items.W, 'STRT')?.line,
    stopLine: get(s.items.W, 'STOP')?.line,
    stepLine: get(s.items.W, 'STEP')?.line,
  };
  if (s.items.C.length > 0) checkData(s.dataLines, facts, p);
  const problems = p.finish();
  return { ok: problems.length === 0, problems };
}

