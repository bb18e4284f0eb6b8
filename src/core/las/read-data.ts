/**
 * The ~A section: numbers separated by spaces, tabs or commas, one depth step per line (WRAP NO)
 * or spread over several lines with the depth alone first (WRAP YES). Null values become NaN.
 */
import { decimalsOf, parseLasNumber } from './numbers.ts';
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

/** Splits one data line into tokens: commas when the line has any, else any whitespace. */
export function splitDataLine(text: string): string[] {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  if (trimmed.includes(',')) return trimmed.split(',').map((t) => t.trim());
  return trimmed.split(/\s+/);
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

/** Value of one token: a number, NaN for the null value, an empty field or a literal NaN. */
function tokenValue(token: string, nullValue: number, at: DataLine, warn: (w: string) => void): number {
  const v = parseLasNumber(token);
  if (v !== null) return v === nullValue ? NaN : v;
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
  if (!wrap && width > 1 && lines.length > 0 && splitDataLine(lines[0].text).length === 1) {
    warnings.push(`line ${lines[0].line}: WRAP NO in ~V, but the data are wrapped (depth alone on its line); read as WRAP YES`);
    wrap = true;
  }
  const store = new ColumnStore(width);
  let col = 0;
  let rowStart = lines.length > 0 ? lines[0] : { text: '', line: 0 };
  for (const at of lines) {
    const tokens = splitDataLine(at.text);
    if (!wrap && tokens.length !== width) {
      throw new LasParseError(at.line, `~A row has ${tokens.length} values, but ~C lists ${width} curves`);
    }
    if (wrap && col === 0 && width > 1 && tokens.length !== 1) {
      warn(`line ${at.line}: WRAP YES row does not start with the depth alone on its line`);
    }
    for (const token of tokens) {
      if (col === 0) rowStart = at;
      store.set(col, tokenValue(token, nullValue, at, warn), decimalsOf(token));
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
