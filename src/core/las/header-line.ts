/**
 * One LAS 2.0 header line: `MNEM.UNIT  VALUE : DESCRIPTION`.
 * The mnemonic ends at the first '.', the unit at the first space after it, and the description
 * starts after the last ':' (the standard's rule, which lets values hold colons: P-135's
 * `CLAB . Province: :County Label`). Two refinements for real files, both in ALMA_3's
 * `CREA. 2006/03/10 09:49  :LAS Creation date {YYYY/MM/DD hh  :mm}`: a colon inside {...} (a format
 * note) and a colon between two digits (a time) are not taken as the delimiter while another is there.
 */
import type { LasHeaderItem } from './types.ts';

export interface ParsedHeaderLine {
  item: LasHeaderItem;
  /** set when the line breaks the standard but could still be read */
  warning?: string;
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

/** Index of the ':' that separates value from description in `text`, or -1 when there is none. */
export function delimiterColon(text: string): number {
  let depth = 0;
  let best = -1;
  let last = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '{') depth++;
    else if (ch === '}') depth = Math.max(0, depth - 1);
    else if (ch === ':') {
      last = i;
      const timeLike = isDigit(text[i - 1]) && isDigit(text[i + 1]);
      if (depth === 0 && !timeLike) best = i;
    }
  }
  return best >= 0 ? best : last;
}

/**
 * Parses a header line (not a comment, not blank). Returns null when there is no '.' at all,
 * which the caller reports: such a line cannot be a LAS header line.
 */
export function parseHeaderLine(raw: string, line: number): ParsedHeaderLine | null {
  const text = raw.trim();
  const dot = text.indexOf('.');
  if (dot < 0) return null;
  const mnemonic = text.slice(0, dot).trim();
  const rest = text.slice(dot + 1);
  // The unit runs from the dot to the first whitespace; a ':' right after it ends it too (`DEPT.M:`).
  let unitEnd = rest.search(/\s/);
  if (unitEnd < 0) unitEnd = rest.length;
  const colonInUnit = rest.slice(0, unitEnd).indexOf(':');
  if (colonInUnit >= 0 && rest.slice(unitEnd).indexOf(':') < 0) unitEnd = colonInUnit;
  const unit = rest.slice(0, unitEnd);
  const afterUnit = rest.slice(unitEnd);
  const colon = delimiterColon(afterUnit);
  const item: LasHeaderItem = {
    mnemonic,
    unit,
    value: (colon >= 0 ? afterUnit.slice(0, colon) : afterUnit).trim(),
    description: colon >= 0 ? afterUnit.slice(colon + 1).trim() : '',
    line,
  };
  const warnings: string[] = [];
  if (colon < 0) warnings.push(`line ${line}: no ':' before the description of ${mnemonic || 'a header line'}; read the rest as its value`);
  if (mnemonic === '') warnings.push(`line ${line}: empty mnemonic`);
  else if (/[\s:]/.test(mnemonic)) warnings.push(`line ${line}: mnemonic '${mnemonic}' contains a space or ':'`);
  return warnings.length > 0 ? { item, warning: warnings.join('; ') } : { item };
}
