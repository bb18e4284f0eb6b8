/**
 * LAS 2.0 reader, for importing reference logs and for round trips. Strict where a guess could
 * shift data (curve count, non-numbers in ~A), lenient elsewhere: each forgiven spec break is a
 * warning with its line number.
 */
import { decodeLasBytes } from './decode.ts';
import { parseHeaderLine } from './header-line.ts';
import { parseData, type DataLine } from './read-data.ts';
import { checkAgainstHeader } from './read-checks.ts';
import { LasParseError, type LasFile, type LasHeaderItem } from './types.ts';

type SectionKey = 'V' | 'W' | 'C' | 'P' | 'O' | 'A';

interface Sections {
  header: Record<'V' | 'W' | 'C' | 'P', LasHeaderItem[]>;
  other: string[];
  data: DataLine[];
  /** line of each section title */
  titleLine: Partial<Record<SectionKey, number>>;
  warnings: string[];
}

const DEFAULT_NULL = -999.25;

/** Splits the text into sections, parsing header lines on the way. */
function splitSections(text: string): Sections {
  const s: Sections = { header: { V: [], W: [], C: [], P: [] }, other: [], data: [], titleLine: {}, warnings: [] };
  const lines = text.split(/\r\n|\n|\r/);
  let lastContent = lines.length - 1;
  while (lastContent >= 0 && lines[lastContent].trim() === '') lastContent--;
  const skipped = new SkippedLines();
  let current: SectionKey | 'none' | 'unknown' = 'none';
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const raw = lines[i];
    const trimmed = raw.trim();
    if (current === 'A') {
      if (trimmed.startsWith('~')) throw new LasParseError(lineNo, `section ${trimmed.slice(0, 2)} after ~A; ~A must be the last section`);
      if (trimmed === '' || trimmed.startsWith('#')) {
        // Blank lines after the last data line are only the file's end.
        if (trimmed !== '' || i < lastContent) skipped.note(trimmed === '' ? 'blank line' : 'comment', lineNo);
        continue;
      }
      s.data.push({ text: raw, line: lineNo });
      continue;
    }
    if (trimmed.startsWith('~')) {
      current = sectionKey(trimmed);
      if (current === 'unknown') s.warnings.push(`line ${lineNo}: unknown section '${trimmed}' skipped`);
      else if (s.titleLine[current] !== undefined) {
        if (current === 'A' || current === 'C') throw new LasParseError(lineNo, `second ~${current} section (first at line ${s.titleLine[current]})`);
        s.warnings.push(`line ${lineNo}: second ~${current} section; its lines are added to the first`);
      } else s.titleLine[current] = lineNo;
      continue;
    }
    if (current === 'O') {
      s.other.push(raw.replace(/\s+$/, ''));
      continue;
    }
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    if (current === 'none' || current === 'unknown') {
      if (current === 'none') s.warnings.push(`line ${lineNo}: text before the first section skipped`);
      continue;
    }
    addHeaderLine(s, current, raw, lineNo);
  }
  while (s.other.length > 0 && s.other[s.other.length - 1] === '') s.other.pop();
  s.warnings.push(...skipped.warnings());
  return s;
}

/** Blank and comment lines inside ~A: one warning per kind, not one per line. */
class SkippedLines {
  private readonly seen = new Map<string, { first: number; count: number }>();
  note(kind: string, line: number): void {
    const k = this.seen.get(kind);
    if (k) k.count++;
    else this.seen.set(kind, { first: line, count: 1 });
  }
  warnings(): string[] {
    return [...this.seen].map(([kind, { first, count }]) =>
      count === 1 ? `line ${first}: ${kind} inside ~A skipped` : `line ${first}: ${count} ${kind}s inside ~A skipped (first here)`,
    );
  }
}

function sectionKey(title: string): SectionKey | 'unknown' {
  const k = title.charAt(1).toUpperCase();
  return k === 'V' || k === 'W' || k === 'C' || k === 'P' || k === 'O' || k === 'A' ? k : 'unknown';
}

function addHeaderLine(s: Sections, key: 'V' | 'W' | 'C' | 'P', raw: string, lineNo: number): void {
  const parsed = parseHeaderLine(raw, lineNo);
  if (parsed === null) {
    // A curve line we cannot read would shift every data column after it.
    if (key === 'C') throw new LasParseError(lineNo, `~C line has no '.' after the mnemonic: '${raw.trim()}'`);
    s.warnings.push(`line ${lineNo}: ~${key} line without '.' skipped: '${raw.trim()}'`);
    return;
  }
  if (parsed.warning) s.warnings.push(parsed.warning);
  s.header[key].push(parsed.item);
}

/** Renames repeated curve mnemonics GR, GR -> GR, GR_2 (data columns need distinct names). */
function uniqueCurveNames(curves: LasHeaderItem[], warnings: string[]): LasHeaderItem[] {
  const seen = new Set<string>();
  return curves.map((c) => {
    if (!seen.has(c.mnemonic.toUpperCase())) {
      seen.add(c.mnemonic.toUpperCase());
      return c;
    }
    let n = 2;
    while (seen.has(`${c.mnemonic}_${n}`.toUpperCase())) n++;
    const name = `${c.mnemonic}_${n}`;
    seen.add(name.toUpperCase());
    warnings.push(`line ${c.line}: curve mnemonic ${c.mnemonic} repeated; renamed ${name}`);
    return { ...c, mnemonic: name };
  });
}

function find(items: LasHeaderItem[], mnemonic: string): LasHeaderItem | undefined {
  return items.find((it) => it.mnemonic.toUpperCase() === mnemonic);
}

/** VERS and WRAP from ~V. LAS 3.0 is a different layout and is refused. */
function readVersion(s: Sections): { wrap: boolean; warnings: string[] } {
  const warnings: string[] = [];
  if (s.titleLine.V === undefined) warnings.push('no ~V section; read as LAS 2.0, WRAP NO');
  const vers = find(s.header.V, 'VERS');
  const v = vers ? Number.parseFloat(vers.value) : NaN;
  if (vers && v >= 3) throw new LasParseError(vers.line ?? 0, `VERS ${vers.value}: LAS 3.0 files are not supported, only LAS 2.0`);
  if (vers && v !== 2) warnings.push(`line ${vers.line}: VERS ${vers.value}, read as LAS 2.0`);
  if (!vers && s.titleLine.V !== undefined) warnings.push(`line ${s.titleLine.V}: no VERS in ~V; read as LAS 2.0`);
  const wrapItem = find(s.header.V, 'WRAP');
  const wrapText = (wrapItem?.value ?? '').toUpperCase();
  if (wrapItem && wrapText !== 'YES' && wrapText !== 'NO') warnings.push(`line ${wrapItem.line}: WRAP '${wrapItem.value}' is neither YES nor NO; read as NO`);
  if (!wrapItem && s.titleLine.V !== undefined) warnings.push(`line ${s.titleLine.V}: no WRAP in ~V; read as NO`);
  return { wrap: wrapText === 'YES', warnings };
}

function readNull(well: LasHeaderItem[], warnings: string[]): number {
  const item = find(well, 'NULL');
  if (!item) {
    warnings.push(`no NULL in ~W; using ${DEFAULT_NULL}`);
    return DEFAULT_NULL;
  }
  const v = Number(item.value);
  if (item.value === '' || !Number.isFinite(v)) {
    warnings.push(`line ${item.line}: NULL '${item.value}' is not a number; using ${DEFAULT_NULL}`);
    return DEFAULT_NULL;
  }
  return v;
}

/** Reads LAS 2.0 text. Throws LasParseError (with the line) when the data cannot be read safely. */
export function readLas(text: string): LasFile {
  const s = splitSections(text);
  const warnings = [...s.warnings];
  const version = readVersion(s);
  warnings.push(...version.warnings);
  if (s.titleLine.A === undefined) throw new LasParseError(text.split(/\r\n|\n|\r/).length, 'no ~A (data) section');
  if (s.titleLine.C === undefined || s.header.C.length === 0) throw new LasParseError(s.titleLine.A, 'no curves: ~C is missing or empty before ~A');
  const curves = uniqueCurveNames(s.header.C, warnings);
  const nullValue = readNull(s.header.W, warnings);
  const data = parseData(s.data, curves.length, nullValue, version.wrap);
  warnings.push(...data.warnings);
  const file: LasFile = {
    version: s.header.V,
    well: s.header.W,
    curves,
    params: s.header.P,
    other: s.other.join('\n'),
    data: data.columns,
    wrap: version.wrap,
    nullValue,
    warnings,
    decimals: data.decimals,
  };
  warnings.push(...checkAgainstHeader(file));
  return file;
}

/** Reads LAS file bytes (UTF-8 or ISO-8859-1, see decodeLasBytes); notes a non-ASCII encoding. */
export function readLasBytes(bytes: Uint8Array): LasFile {
  const { text, encoding } = decodeLasBytes(bytes);
  const file = readLas(text);
  if (encoding !== 'ascii') file.warnings.push(`file is not ASCII; decoded as ${encoding === 'utf-8' ? 'UTF-8' : 'ISO-8859-1 (Latin-1)'}`);
  return file;
}
