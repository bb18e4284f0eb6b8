/**
 * The ~A section: numbers separated by spaces, tabs or commas, one depth step per line (WRAP NO)
 * or spread over several lines with the depth alone first (WRAP YES). Null values become NaN.
 */
import { LineValues } from './tokens.ts';
import { LasParseError } from './types.ts';

export interface DataLine {
  text: string;
  /** 1-based line number in the file */
  line: number;
}

export interface ParsedData {
  columns: Float64Array[];
  decimals: number[];
  warnings: string[];
}

/** Number of values on a data line. */
export function countValues(text: string): number {
  const it = new LineValues().reset(text);
  let n = 0;
  while (it.next()) n++;
  return n;
}

/** Growable column store: avoids a JS number[] per curve for files of 100k+ values. */
class ColumnStore {
  readonly columns: Float64Array[];
  readonly decimals: number[];
  rows = 0;
  constructor(readonly width: number) {
    this.columns = Array.from({ length: width }, () => new Float64Array(1024));
    this.decimals = new Array<number>(width).fill(0);
  }
  set(col: number, value: number, decimals: number): void {
    if (this.rows >= this.columns[col].length) {
      const grown = new Float64Array(this.columns[col].length * 2);
      grown.set(this.columns[col]);
      this.columns[col] = grown;
    }
    this.columns[col][this.rows] = value;
    if (decimals > this.decimals[col]) this.decimals[col] = decimals;
  }
  finish(): Float64Array[] {
    return this.columns.map((c) => c.slice(0, this.rows));
  }
}

/** Value of the scanner's current token: a number, NaN for the null value, an empty field or a literal NaN. */
function tokenValue(it: LineValues, nullValue: number, at: DataLine, warn: (w: string) => void): number {
  if (it.isNumber) return it.value === nullValue ? NaN : it.value;
  const token = it.token();
  if (token === '' || /^[+-]?nan$/i.test(token)) {
    warn(`line ${at.line}: empty or NaN value read as null`);
    return NaN;
  }
  throw new LasParseError(at.line, `'${token}' in ~A is not a number`);
}

/**
 * Parses ~A lines (comments and blank lines already removed) into `width` columns.
 * `wrap` follows ~V; a WRAP NO file whose first row holds a lone depth is read as wrapped.
 */
export function parseData(lines: DataLine[], width: number, nullValue: number, wrap: boolean): ParsedData {
  const warnings: string[] = [];
  const warned = new Set<string>();
  const warn = (w: string) => {
    const kind = w.replace(/^line \d+: /, '');
    if (!warned.has(kind)) warnings.push(w);
    warned.add(kind);
  };
  if (!wrap && width > 1 && lines.length > 0 && countValues(lines[0].text) === 1) {
    warnings.push(`line ${lines[0].line}: WRAP NO in ~V, but the data are wrapped (depth alone on its line); read as WRAP YES`);
    wrap = true;
  }
  const store = new ColumnStore(width);
  const it = new LineValues();
  let col = 0;
  let rowStart = lines.length > 0 ? lines[0] : { text: '', line: 0 };
  for (const at of lines) {
    it.reset(at.text);
    if (!wrap) {
      // One depth step per line: a line with too few or too many values would shift columns.
      let k = 0;
      for (; it.next(); k++) {
        if (k >= width) throw new LasParseError(at.line, `~A row has ${countValues(at.text)} values, but ~C lists ${width} curves`);
        store.set(k, tokenValue(it, nullValue, at, warn), it.decimals);
      }
      if (k === 0) continue;
      if (k !== width) throw new LasParseError(at.line, `~A row has ${k} values, but ~C lists ${width} curves`);
      store.rows++;
      continue;
    }
    if (col === 0 && width > 1 && countValues(at.text) !== 1) {
      warn(`line ${at.line}: WRAP YES row does not start with the depth alone on its line`);
    }
    while (it.next()) {
      if (col === 0) rowStart = at;
      store.set(col, tokenValue(it, nullValue, at, warn), it.decimals);
      if (++col === width) {
        col = 0;
        store.rows++;
      }
    }
  }
  if (col !== 0) {
    throw new LasParseError(rowStart.line, `the last depth step in ~A has ${col} values, but ~C lists ${width} curves`);
  }
  return { columns: store.finish(), decimals: store.decimals, warnings };
}
