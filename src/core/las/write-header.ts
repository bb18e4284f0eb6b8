/**
 * Header text for the writer: aligned `MNEM.UNIT  VALUE : DESCRIPTION` lines in printable ASCII.
 * Mnemonics and units must be exact, so a character with no ASCII spelling is an error naming the
 * field; values and descriptions are free text and only get '?' for such a character.
 */
import { toAscii } from './ascii.ts';
import { LasWriteError, type LasHeaderItem } from './types.ts';

/** A header line's fields, already checked and in ASCII. */
export interface HeaderLine {
  mnemonic: string;
  unit: string;
  value: string;
  description: string;
}

/** A mnemonic in ASCII, or a LasWriteError saying which field it is and what is wrong. */
export function checkMnemonic(mnemonic: string, what: string): string {
  const m = toAscii(mnemonic, `mnemonic of ${what} '${mnemonic}'`, true);
  if (m === '') throw new LasWriteError(`${what}: empty mnemonic`);
  if (/[\s.:]/.test(m)) throw new LasWriteError(`${what} '${m}': a LAS mnemonic cannot contain spaces, '.' or ':'`);
  if (m.startsWith('#') || m.startsWith('~')) throw new LasWriteError(`${what} '${m}': a LAS mnemonic cannot start with '#' or '~'`);
  return m;
}

/** A unit in ASCII (°F -> DEGF), or a LasWriteError naming the mnemonic it belongs to. */
export function checkUnit(unit: string, mnemonic: string): string {
  const u = toAscii(unit.trim(), `unit of ${mnemonic} '${unit}'`, true);
  if (/[\s:]/.test(u)) throw new LasWriteError(`unit of ${mnemonic} '${u}': a LAS unit cannot contain spaces or ':'`);
  return u;
}

/** Free text on one line, in ASCII. */
function freeText(text: string): string {
  return toAscii(text.replace(/[\r\n]+/g, ' '), '', false).trim();
}

/** A header line from raw fields. ':' in a description would be taken for the delimiter: it becomes '-'. */
export function headerLine(item: Omit<LasHeaderItem, 'line'>, what: string): HeaderLine {
  const mnemonic = checkMnemonic(item.mnemonic, what);
  return {
    mnemonic,
    unit: checkUnit(item.unit, mnemonic),
    value: freeText(item.value),
    description: freeText(item.description).replace(/:/g, '-'),
  };
}

/** A section: its title, then lines with the '.' and ':' of each in one column. */
export function formatSection(title: string, lines: HeaderLine[]): string[] {
  const m = Math.max(4, ...lines.map((l) => l.mnemonic.length));
  const u = Math.max(0, ...lines.map((l) => l.unit.length));
  const v = Math.max(0, ...lines.map((l) => l.value.length));
  const out = [title];
  for (const l of lines) {
    const text = ` ${l.mnemonic.padEnd(m)}.${l.unit.padEnd(u)}  ${l.value.padEnd(v)} : ${l.description}`;
    out.push(text.trimEnd());
  }
  return out;
}

/**
 * Free text for ~O, one output line per input line. A line whose first non-blank character is '~'
 * would open a section for most readers (they trim first), so it gets a '>' in front.
 */
export function otherLines(text: string): string[] {
  return text
    .split(/\r\n|\n|\r/)
    .map((line) => toAscii(line, '', false).replace(/\s+$/, ''))
    .map((line) => (line.trimStart().startsWith('~') ? '>' + line : line));
}
