/**
 * The ~A section text: right-justified columns of one width, fixed-point numbers, NULL for NaN.
 * WRAP NO: one line per depth step. WRAP YES: the depth alone on its line, then the values on
 * lines of at most 80 characters (CWLS LAS 2.0).
 */
import { toFixedPlain } from './numbers.ts';
import { LasWriteError } from './types.ts';

/** The longest data line WRAP YES allows. */
export const WRAP_LINE_MAX = 80;

export interface DataColumn {
  mnemonic: string;
  values: Float64Array;
  decimals: number;
}

/**
 * Width of the widest text in a column. For a fixed number of decimals the text grows with |v|
 * on each side of zero, so the largest and the most negative value bound it.
 */
function columnWidth(col: DataColumn, nullText: string): number {
  let max = -Infinity;
  let min = Infinity;
  let hasNull = false;
  for (const v of col.values) {
    if (!Number.isFinite(v)) hasNull = true;
    else {
      if (v > max) max = v;
      if (v < min) min = v;
    }
  }
  let width = hasNull ? nullText.length : 0;
  if (max >= min) width = Math.max(width, toFixedPlain(max, col.decimals).length, toFixedPlain(min, col.decimals).length);
  return width;
}

/** Text of one value; a real value that prints as the NULL value would read back as missing. */
function cellText(col: DataColumn, row: number, nullText: string, nullValue: number, index: Float64Array): string {
  const v = col.values[row];
  if (!Number.isFinite(v)) return nullText;
  const text = toFixedPlain(v, col.decimals);
  if (Math.abs(v - nullValue) < 1 && Number(text) === nullValue) {
    throw new LasWriteError(`curve ${col.mnemonic} at depth ${index[row]}: value ${text} equals the NULL value; choose another nullValue`);
  }
  return text;
}

/** The ~A title line: mnemonics over their columns where they fit. */
function titleLine(columns: DataColumn[], width: number, wrap: boolean): string {
  if (wrap) return '~A';
  const names = columns.map((c) => ' ' + c.mnemonic.padStart(width - 1)).join('');
  return names.startsWith('   ') ? '~A' + names.slice(2) : '~A' + names;
}

/**
 * ~A lines (title first). Column 0 is the index. `nullText` is the NULL value as written in ~W.
 * Throws LasWriteError when WRAP YES cannot keep a line within 80 characters.
 */
export function formatData(columns: DataColumn[], nullText: string, nullValue: number, wrap: boolean): string[] {
  const index = columns[0].values;
  const width = 1 + Math.max(...columns.map((c) => columnWidth(c, nullText))); // a space at least between columns
  if (wrap && width > WRAP_LINE_MAX) {
    throw new LasWriteError(`WRAP YES: a value needs ${width} characters, more than a ${WRAP_LINE_MAX}-character line`);
  }
  const pads = Array.from({ length: width + 1 }, (_, k) => ' '.repeat(k));
  const cell = (c: number, row: number) => {
    const text = cellText(columns[c], row, nullText, nullValue, index);
    return pads[width - text.length] + text;
  };
  const lines = [titleLine(columns, width, wrap)];
  const perLine = wrap ? Math.floor(WRAP_LINE_MAX / width) : columns.length;
  // Lines are joined from arrays of cells: += concatenation built rope strings that cost 60% more
  // to flatten on the final join.
  const parts: string[] = [];
  for (let row = 0; row < index.length; row++) {
    if (wrap) lines.push(cell(0, row));
    for (let c = wrap ? 1 : 0; c < columns.length; c += perLine) {
      parts.length = 0;
      for (let k = c; k < Math.min(c + perLine, columns.length); k++) parts.push(cell(k, row));
      lines.push(parts.join(''));
    }
  }
  return lines;
}
