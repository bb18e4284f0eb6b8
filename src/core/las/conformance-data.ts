/**
 * Conformance rules for ~A and for how ~W describes it:
 *   data-blank-line   no blank line inside ~A
 *   data-comment      no '#' line inside ~A (comments belong above it)
 *   data-delimiter    values separated by spaces, not commas
 *   data-number       every value a number
 *   data-count        as many values per depth step as ~C has curves; at least one row
 *   wrap-depth-alone  WRAP YES: each depth step starts with the depth alone on its line
 *   wrap-line-length  WRAP YES: data lines at most 80 characters
 *   index-null        the index is never the NULL value
 *   index-monotonic   the index only increases or only decreases
 *   strt-stop         STRT is the first index value and STOP the last
 *   step              a non-zero STEP has the data's sign and matches every interval
 */
import { LineValues } from './tokens.ts';
import type { Problems } from './problems.ts';

export interface DataFacts {
  curves: number;
  wrap: boolean;
  strt: number;
  stop: number;
  step: number;
  nullValue: number;
  strtLine?: number;
  stopLine?: number;
  stepLine?: number;
}

/** The index value and line of each depth step, as parallel arrays (one object per row was slow). */
interface IndexRows {
  value: number[];
  line: number[];
}

/** Walks ~A lines; returns the index value and line of each depth step. */
function walkRows(lines: { text: string; line: number }[], f: DataFacts, p: Problems): { rows: IndexRows; decimals: number } {
  const rows: IndexRows = { value: [], line: [] };
  const it = new LineValues();
  let decimals = 0;
  let col = 0;
  let rowLine = 0;
  for (const { text, line } of lines) {
    const first = text.search(/\S/);
    if (first < 0) { p.add('data-blank-line', 'blank line inside ~A', line); continue; }
    if (text[first] === '#') { p.add('data-comment', 'comment line inside ~A', line); continue; }
    if (text.includes(',')) p.add('data-delimiter', 'values separated by commas; LAS 2.0 data are space-delimited', line);
    if (f.wrap && text.length > 80) p.add('wrap-line-length', `WRAP YES line of ${text.length} characters (at most 80)`, line);
    const startsRow = col === 0;
    it.reset(text);
    let count = 0;
    for (; it.next(); count++) {
      if (!it.isNumber) p.add('data-number', `'${it.token()}' is not a number`, line);
      if (f.wrap ? col === 0 : count === 0) {
        rows.value.push(it.value);
        rows.line.push(line);
        decimals = Math.max(decimals, it.decimals);
        rowLine = line;
      }
      if (f.wrap) col = (col + 1) % f.curves;
    }
    if (f.wrap && startsRow && count !== 1) p.add('wrap-depth-alone', 'WRAP YES: the depth must be alone on its line', line);
    if (!f.wrap && count !== f.curves) p.add('data-count', `${count} values on the line, ${f.curves} curves in ~C`, line);
  }
  if (col !== 0) p.add('data-count', `the last depth step has ${col} of ${f.curves} values`, rowLine);
  if (rows.value.length === 0) p.add('data-count', '~A holds no data rows');
  return { rows, decimals };
}

function checkIndex(rows: IndexRows, f: DataFacts, p: Problems): number {
  const { value, line } = rows;
  let direction = 0;
  for (let i = 0; i < value.length; i++) {
    if (value[i] === f.nullValue) p.add('index-null', 'index value is the NULL value', line[i]);
    if (i === 0) continue;
    const d = Math.sign(value[i] - value[i - 1]);
    if (d !== 0 && direction !== 0 && d !== direction) p.add('index-monotonic', 'the index changes direction', line[i]);
    if (d !== 0) direction = d;
  }
  return direction;
}

function same(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

function checkRangeAndStep(rows: IndexRows, decimals: number, direction: number, f: DataFacts, p: Problems): void {
  const { value, line } = rows;
  const first = value[0];
  const last = value[value.length - 1];
  if (Number.isFinite(f.strt) && !same(f.strt, first)) p.add('strt-stop', `STRT ${f.strt} but the first depth is ${first}`, f.strtLine);
  if (Number.isFinite(f.stop) && !same(f.stop, last)) p.add('strt-stop', `STOP ${f.stop} but the last depth is ${last}`, f.stopLine);
  if (!Number.isFinite(f.step) || f.step === 0) return;
  if (direction !== 0 && Math.sign(f.step) !== direction) {
    p.add('step', `STEP ${f.step} has the wrong sign: the depth ${direction > 0 ? 'increases' : 'decreases'}`, f.stepLine);
    return;
  }
  // Depths printed to `decimals` places may each be off by half a unit: an interval by one unit.
  const tol = 10 ** -decimals + 1e-9 * Math.max(1, Math.abs(first), Math.abs(last));
  for (let i = 1; i < value.length; i++) {
    const interval = value[i] - value[i - 1];
    if (Math.abs(interval - f.step) > tol) {
      p.add('step', `STEP ${f.step} but this interval is ${interval.toFixed(decimals)}; irregular spacing needs STEP 0`, line[i]);
      return;
    }
  }
}

/** Checks ~A lines against ~C's curve count and ~W's STRT, STOP, STEP and NULL. */
export function checkData(lines: { text: string; line: number }[], f: DataFacts, p: Problems): void {
  const { rows, decimals } = walkRows(lines, f, p);
  if (rows.value.length === 0) return;
  const direction = checkIndex(rows, f, p);
  checkRangeAndStep(rows, decimals, direction, f, p);
}
