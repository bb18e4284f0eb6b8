/**
 * After reading: where the ~W header and the ~A data disagree, the data win and a warning says so
 * (Pechelbronn's STRT 279 / STOP 129 / STEP 0.125 over data 139 -> 279 at 1.0).
 */
import { measureStep, toPlain } from './numbers.ts';
import type { LasFile, LasHeaderItem } from './types.ts';

/** Null values other writers use: seen in data that declare another NULL (F03-02: -9999 vs -999.25). */
const COMMON_NULLS = [-999.25, -9999, -99999, -999, -9999.25];

function same(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

function headerNumber(well: LasHeaderItem[], mnemonic: string): { item: LasHeaderItem; value: number } | null {
  const item = well.find((it) => it.mnemonic.toUpperCase() === mnemonic);
  if (!item || item.value.trim() === '') return null;
  return { item, value: Number(item.value) };
}

function checkRange(file: LasFile, index: Float64Array, out: string[]): void {
  const ends: [string, number][] = [
    ['STRT', index[0]],
    ['STOP', index[index.length - 1]],
  ];
  for (const [mnem, actual] of ends) {
    const h = headerNumber(file.well, mnem);
    if (h === null) out.push(`no ${mnem} value in ~W`);
    else if (!Number.isFinite(h.value)) out.push(`line ${h.item.line}: ${mnem} '${h.item.value}' is not a number`);
    else if (!same(h.value, actual)) out.push(`line ${h.item.line}: ${mnem} ${h.item.value} in ~W, but the data ${mnem === 'STRT' ? 'start' : 'stop'} at ${toPlain(actual)}`);
  }
  const h = headerNumber(file.well, 'STEP');
  const measured = measureStep(index, file.decimals?.[0] ?? 6);
  if (h === null) out.push('no STEP value in ~W');
  else if (!Number.isFinite(h.value)) out.push(`line ${h.item.line}: STEP '${h.item.value}' is not a number`);
  else if (!same(h.value, measured)) {
    const data = measured === 0 ? 'the data spacing is irregular (STEP 0)' : `the data step is ${toPlain(measured)}`;
    out.push(`line ${h.item.line}: STEP ${h.item.value} in ~W, but ${data}`);
  }
}

function checkIndex(index: Float64Array, out: string[]): void {
  let nulls = 0;
  let up = 0;
  let down = 0;
  for (let i = 0; i < index.length; i++) {
    if (Number.isNaN(index[i])) nulls++;
    if (i > 0 && index[i] > index[i - 1]) up++;
    if (i > 0 && index[i] < index[i - 1]) down++;
  }
  if (nulls > 0) out.push(`${nulls} index (depth) values are null`);
  if (up > 0 && down > 0) out.push('the index (depth) goes both up and down');
}

/** Counts values equal to a common null value that is not the declared NULL (one pass over ~A). */
function checkOtherNulls(file: LasFile, out: string[]): void {
  const candidates = COMMON_NULLS.filter((v) => v !== file.nullValue);
  const lowest = Math.max(...candidates);
  const counts = new Map<number, number>();
  for (let c = 1; c < file.data.length; c++) {
    const col = file.data[c];
    for (let i = 0; i < col.length; i++) {
      const v = col[i];
      if (v <= lowest && candidates.includes(v)) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
  }
  for (const [value, count] of counts) {
    out.push(`${count} data values are ${toPlain(value)}, but NULL is ${toPlain(file.nullValue)}: they are kept as data`);
  }
}

/** Warnings where ~W disagrees with ~A, or ~A looks wrong. */
export function checkAgainstHeader(file: LasFile): string[] {
  const out: string[] = [];
  const index = file.data[0];
  if (index.length === 0) {
    out.push('~A holds no data rows');
    return out;
  }
  checkRange(file, index, out);
  checkIndex(index, out);
  checkOtherNulls(file, out);
  return out;
}
