/**
 * LAS 2.0 files are ASCII. Units in scans and reference files often carry °, µ, Ω, ² or accents:
 * these are spelled out the way log headers usually do (°F -> DEGF, µS/cm -> US/cm).
 */
import { LasWriteError } from './types.ts';

/** Spellings for the non-ASCII characters seen in log headers. */
const SPELLING: Record<string, string> = {
  '\u00b0': 'DEG', // degree sign
  '\u00ba': 'DEG', // masculine ordinal, often typed for a degree sign
  '\u00b5': 'U', // micro sign
  '\u03bc': 'U', // Greek mu
  '\u2126': 'OHM', // ohm sign
  '\u03a9': 'OHM', // Greek capital omega
  '\u00b2': '2',
  '\u00b3': '3',
  '\u00b9': '1',
  '\u00b7': '.', // middle dot (kg·m)
  '\u00d7': 'x',
  '\u00b1': '+/-',
  '\u00a0': ' ', // no-break space
  '\u2018': "'",
  '\u2019': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-', // minus sign
  '\u00df': 'ss',
  '\u00e6': 'ae',
  '\u00c6': 'AE',
  '\u00f8': 'o',
  '\u00d8': 'O',
};

function isPrintableAscii(code: number): boolean {
  return code >= 0x20 && code <= 0x7e;
}

/** One character spelled in ASCII, or null when there is no sensible spelling. */
function spell(ch: string): string | null {
  if (ch === '\t') return ' ';
  if (ch.length === 1 && isPrintableAscii(ch.charCodeAt(0))) return ch;
  const known = SPELLING[ch];
  if (known !== undefined) return known;
  // Accented Latin letters: drop the combining marks (é -> e).
  const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  if (base.length > 0 && [...base].every((c) => isPrintableAscii(c.charCodeAt(0)))) return base;
  return null;
}

/**
 * `text` in printable ASCII. Characters with no spelling make a LasWriteError naming `what`
 * (e.g. "unit of curve TEMP") when `strict`, and become '?' otherwise (free text).
 */
export function toAscii(text: string, what: string, strict: boolean): string {
  let out = '';
  for (const ch of text) {
    const s = spell(ch);
    if (s !== null) out += s;
    else if (strict) {
      const hex = ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
      throw new LasWriteError(`${what}: character '${ch}' (U+${hex}) has no ASCII spelling; LAS 2.0 is ASCII only`);
    } else out += '?';
  }
  return out;
}

/** True when every character is printable ASCII or TAB (the LAS 2.0 character set). */
export function isLasAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isPrintableAscii(c) && c !== 9) return false;
  }
  return true;
}
