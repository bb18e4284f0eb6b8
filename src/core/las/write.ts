/**
 * LAS 2.0 writer (CWLS). Pure: reads the document, never changes it. Output: ~V first, ~W, ~C
 * (index first), ~P, ~O, ~A last; CRLF line ends; printable ASCII only.
 * STRT and STOP are the first and last depth exactly as printed in ~A; STEP is their signed
 * constant spacing as printed, or 0 when the spacing is irregular.
 */
import { defaultDecimals, indexDecimals, measureStep, toFixedPlain, toPlain } from './numbers.ts';
import { formatData, type DataColumn } from './write-data.ts';
import { formatSection, otherLines, type HeaderLine } from './write-header.ts';
import { curveLines, otherText, paramLines, wellLines } from './write-sections.ts';
import { LasWriteError, type LasDocument, type WriteLasOptions } from './types.ts';

export const DEFAULT_NULL_VALUE = -999.25;

function checkDecimals(d: number, what: string): number {
  if (!Number.isInteger(d) || d < 0 || d > 10) throw new LasWriteError(`${what}: decimals ${d} is not an integer in 0..10`);
  return d;
}

/** Rejects an index a LAS reader could not use: empty, non-finite, or turning back on itself. */
function checkIndex(index: Float64Array): void {
  if (index.length === 0) throw new LasWriteError('the index (depth) has no rows');
  let up = false;
  let down = false;
  for (let i = 0; i < index.length; i++) {
    if (!Number.isFinite(index[i])) throw new LasWriteError(`index (depth) row ${i} is ${index[i]}, not a finite number`);
    if (i > 0 && index[i] > index[i - 1]) up = true;
    if (i > 0 && index[i] < index[i - 1]) down = true;
  }
  if (up && down) throw new LasWriteError('the index (depth) must be monotonic: it goes both up and down');
}

/** The ~A columns, index first, with their decimals. */
function dataColumns(doc: LasDocument, curveNames: string[]): DataColumn[] {
  const cols: DataColumn[] = [
    { mnemonic: 'DEPT', values: doc.index, decimals: checkDecimals(doc.indexDecimals ?? indexDecimals(doc.index), 'index') },
  ];
  doc.curves.forEach((c, i) => {
    if (c.values.length !== doc.index.length) {
      throw new LasWriteError(`curve ${c.mnemonic}: ${c.values.length} values for ${doc.index.length} depths`);
    }
    const decimals = checkDecimals(c.decimals ?? defaultDecimals(c.values), `curve ${c.mnemonic}`);
    cols.push({ mnemonic: curveNames[i + 1], values: c.values, decimals });
  });
  return cols;
}

function versionLines(wrap: boolean): HeaderLine[] {
  return [
    { mnemonic: 'VERS', unit: '', value: '2.0', description: 'CWLS LOG ASCII STANDARD - VERSION 2.0' },
    { mnemonic: 'WRAP', unit: '', value: wrap ? 'YES' : 'NO', description: wrap ? 'MULTIPLE LINES PER DEPTH STEP' : 'ONE LINE PER DEPTH STEP' },
  ];
}

/** Writes a LAS 2.0 file. Throws LasWriteError naming the curve or field that cannot be written. */
export function writeLas(doc: LasDocument, options: WriteLasOptions = {}): string {
  const wrap = options.wrap ?? false;
  const nullValue = options.nullValue ?? DEFAULT_NULL_VALUE;
  if (!Number.isFinite(nullValue)) throw new LasWriteError(`nullValue ${nullValue} is not a finite number`);
  if (doc.indexUnit !== 'M' && doc.indexUnit !== 'FT') throw new LasWriteError(`index unit '${doc.indexUnit}' is not M or FT`);
  checkIndex(doc.index);
  const curves = curveLines(doc);
  const columns = dataColumns(doc, curves.map((c) => c.mnemonic));
  const nullText = toPlain(nullValue);
  const data = formatData(columns, nullText, nullValue, wrap);

  // STRT/STOP/STEP from the printed depths, so the header and ~A agree to the last digit.
  const d = columns[0].decimals;
  const index = doc.index;
  const strt = toFixedPlain(index[0], d);
  const stop = toFixedPlain(index[index.length - 1], d);
  // measureStep compares depths as integers of 10^-d: the printed values, to the last digit.
  const step = toFixedPlain(measureStep(index, d), d);

  const other = otherText(doc.provenance, doc.other);
  const lines = [
    ...formatSection('~Version Information', versionLines(wrap)),
    ...formatSection('~Well Information', wellLines(doc, strt, stop, step, nullText)),
    ...formatSection('~Curve Information', curves),
    ...formatSection('~Parameter Information', paramLines(doc)),
    ...(other === '' ? ['~Other'] : ['~Other', ...otherLines(other)]),
    ...data,
  ];
  return lines.join('\r\n') + '\r\n';
}
