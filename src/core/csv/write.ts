/**
 * CSV export of the same document the LAS writer takes, so both files share one depth grid and
 * the same printed precision: depth column first, then one column per curve headed `MNEM (UNIT)`,
 * empty cells for null (NaN). RFC 4180: CRLF line ends, fields with a delimiter, quote or line
 * break are quoted. Text stays Unicode (°F is kept): CSV has no ASCII rule.
 */
import { defaultDecimals, indexDecimals, toFixedPlain } from '../las/numbers.ts';
import { LasWriteError, type LasDocument } from '../las/types.ts';

export interface WriteCsvOptions {
  /** field separator, default ',' */
  delimiter?: ',' | ';' | '\t';
  /** name of the depth column, default 'DEPT' */
  indexName?: string;
}

function quote(field: string, delimiter: string): string {
  if (!field.includes(delimiter) && !/["\r\n]/.test(field)) return field;
  return '"' + field.replace(/"/g, '""') + '"';
}

function heading(mnemonic: string, unit: string): string {
  return unit.trim() === '' ? mnemonic : `${mnemonic} (${unit.trim()})`;
}

/** Writes the document as CSV. Throws LasWriteError when a curve's length differs from the index. */
export function writeCsv(doc: LasDocument, options: WriteCsvOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  const n = doc.index.length;
  for (const c of doc.curves) {
    if (c.values.length !== n) throw new LasWriteError(`curve ${c.mnemonic}: ${c.values.length} values for ${n} depths`);
  }
  const columns = [
    { values: doc.index, decimals: doc.indexDecimals ?? indexDecimals(doc.index) },
    ...doc.curves.map((c) => ({ values: c.values, decimals: c.decimals ?? defaultDecimals(c.values) })),
  ];
  const header = [heading(options.indexName ?? 'DEPT', doc.indexUnit), ...doc.curves.map((c) => heading(c.mnemonic, c.unit))];
  const lines = [header.map((h) => quote(h, delimiter)).join(delimiter)];
  for (let row = 0; row < n; row++) {
    const cells = columns.map((col) => {
      const v = col.values[row];
      return Number.isFinite(v) ? toFixedPlain(v, col.decimals) : '';
    });
    lines.push(cells.join(delimiter));
  }
  return lines.join('\r\n') + '\r\n';
}
