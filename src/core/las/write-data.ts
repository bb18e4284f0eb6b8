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

/** Cells of one column as text; non-finite values print as the NULL text. */
function formatColumn(col: DataColumn, nullText: string, nullValue: number, index: Float64Array): string[] {
  const cells = new Array<string>(col.values.length);
  for (let i = 0; i < col.values.length; i++) {
    const v = col.values[i];
    if (!Number.isFinite(v)) {
      cells[i] = nullText;
      continue;
    }
    const text = toFixedPlain(v, col.decimals);
    // A real value that prints as the NULL value would read back as missing.
    if (Math.abs(v - nullValue) < 1 && Number(text) === nullValue) {
      throw new LasWriteError(
        `curve ${col.mnemonic} at depth ${index[i]}: value ${text} equals the NULL value; choose another nullValue`,
      );
    }
    cells[i] = text;
  }
  return cells;
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
  const cells = columns.map((c) => formatColumn(c, nullText, nullValue, index));
  let longest = 0;
  for (const col of cells) for (const cell of col) if (cell.length > longest) longest = cell.length;
  const width = longest + 1; // one space at least between columns
  if (wrap && width > WRAP_LINE_MAX) {
    throw new LasWriteError(`WRAP YES: a value needs ${width} characters, more than a ${WRAP_LINE_MAX}-character line`);
  }
  const lines = [titleLine(columns, width, wrap)];
  const perLine = wrap ? Math.floor(WRAP_LINE_MAX / width) : cells.length;
  for (let row = 0; row < index.length; row++) {
    if (!wrap) {
      let line = '';
      for (const col of cells) line += col[row].padStart(width);
      lines.push(line);
      continue;
    }
    lines.push(cells[0][row].padStart(width));
    for (let c = 1; c < cells.length; c += perLine) {
      let line = '';
      for (let k = c; k < Math.min(c + perLine, cells.length); k++) line += cells[k][row].padStart(width);
      lines.push(line);
    }
  }
  return lines;
}
