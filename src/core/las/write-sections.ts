/**
 * The writer's ~W, ~C, ~P and ~O content, built from a LasDocument. ~W always holds the lines
 * LAS 2.0 requires, empty when unknown: STRT STOP STEP NULL COMP WELL FLD LOC, CNTY STAT CTRY
 * (or PROV when that is what the document gives), SRVC DATE UWI (and API when given).
 */
import { toPlain } from './numbers.ts';
import { headerLine, type HeaderLine } from './write-header.ts';
import { LasWriteError, type LasCurveScale, type LasDocument, type LasProvenance, type LasWellEntry } from './types.ts';

const WELL_DESCRIPTIONS: Record<string, string> = {
  STRT: 'START DEPTH',
  STOP: 'STOP DEPTH',
  STEP: 'STEP',
  NULL: 'NULL VALUE',
  COMP: 'COMPANY',
  WELL: 'WELL',
  FLD: 'FIELD',
  LOC: 'LOCATION',
  CNTY: 'COUNTY',
  STAT: 'STATE',
  CTRY: 'COUNTRY',
  PROV: 'PROVINCE',
  SRVC: 'SERVICE COMPANY',
  DATE: 'LOG DATE',
  UWI: 'UNIQUE WELL ID',
  API: 'API NUMBER',
};

/** Derived by the writer: a document's own values for these are ignored. */
const DERIVED = new Set(['STRT', 'STOP', 'STEP', 'NULL']);

function entry(v: string | LasWellEntry | undefined): LasWellEntry {
  if (v === undefined) return { value: '' };
  return typeof v === 'string' ? { value: v } : v;
}

/** The ~W mnemonics to write, in the standard's order, then the document's others in its order. */
function wellOrder(well: Record<string, string | LasWellEntry>): string[] {
  const given = new Set(Object.keys(well).map((k) => k.toUpperCase()));
  const usesProvince = given.has('PROV') && !given.has('CNTY') && !given.has('STAT');
  const place = usesProvince ? ['PROV', ...(given.has('CTRY') ? ['CTRY'] : [])] : ['CNTY', 'STAT', 'CTRY', ...(given.has('PROV') ? ['PROV'] : [])];
  const ids = given.has('API') ? ['UWI', 'API'] : ['UWI'];
  const required = ['COMP', 'WELL', 'FLD', 'LOC', ...place, 'SRVC', 'DATE', ...ids];
  const rest = Object.keys(well).filter((k) => !required.includes(k.toUpperCase()) && !DERIVED.has(k.toUpperCase()));
  return [...required, ...rest];
}

/** ~W lines. `strt`, `stop`, `step` and `nullText` are already formatted numbers. */
export function wellLines(doc: LasDocument, strt: string, stop: string, step: string, nullText: string): HeaderLine[] {
  const unit = doc.indexUnit;
  const lines: HeaderLine[] = [
    { mnemonic: 'STRT', unit, value: strt, description: WELL_DESCRIPTIONS.STRT },
    { mnemonic: 'STOP', unit, value: stop, description: WELL_DESCRIPTIONS.STOP },
    { mnemonic: 'STEP', unit, value: step, description: WELL_DESCRIPTIONS.STEP },
    { mnemonic: 'NULL', unit: '', value: nullText, description: WELL_DESCRIPTIONS.NULL },
  ];
  const well = doc.well ?? {};
  const byUpper = new Map(Object.entries(well).map(([k, v]) => [k.toUpperCase(), v]));
  for (const key of wellOrder(well)) {
    const e = entry(byUpper.get(key.toUpperCase()));
    const description = e.description ?? WELL_DESCRIPTIONS[key.toUpperCase()] ?? key;
    lines.push(headerLine({ mnemonic: key, unit: e.unit ?? '', value: e.value, description }, `~W entry`));
  }
  return lines;
}

/** ~C lines: the index first (DEPT in M or FT), then one per curve. */
export function curveLines(doc: LasDocument): HeaderLine[] {
  const lines = [headerLine({ mnemonic: 'DEPT', unit: doc.indexUnit, value: '', description: 'DEPTH' }, 'index')];
  const seen = new Set(['DEPT']);
  for (const c of doc.curves) {
    const line = headerLine({ mnemonic: c.mnemonic, unit: c.unit, value: c.api ?? '', description: c.description }, 'curve');
    const key = line.mnemonic.toUpperCase();
    if (seen.has(key)) throw new LasWriteError(`curve '${line.mnemonic}': mnemonic used twice (DEPT is the index)`);
    seen.add(key);
    lines.push(line);
  }
  return lines;
}

function scaleLine(s: LasCurveScale): HeaderLine {
  const kind = s.kind === 'log' ? 'LOG' : 'LIN';
  const where = [s.track !== undefined ? `track ${s.track}` : '', s.wrap ? 'with backup scales' : ''].filter(Boolean);
  const description = `${s.mnemonic} scale, left and right edge values` + (where.length ? `, ${where.join(', ')}` : '');
  const value = `${toPlain(s.left)} ${toPlain(s.right)} ${kind}`;
  return headerLine({ mnemonic: `${s.mnemonic}_SCL`, unit: s.unit, value, description }, `scale of curve ${s.mnemonic}`);
}

/** ~P lines: the scale each curve was read on, then the document's own parameters. */
export function paramLines(doc: LasDocument): HeaderLine[] {
  const scales = (doc.scales ?? []).map(scaleLine);
  const params = (doc.params ?? []).map((p) => headerLine(p, '~P parameter'));
  return [...scales, ...params];
}

/** ~O text: provenance first, then the document's free text. */
export function otherText(provenance: LasProvenance | undefined, other: string | undefined): string {
  const lines: string[] = [];
  if (provenance) {
    lines.push(`Digitised with ${provenance.tool} from a raster log scan.`);
    if (provenance.scanName !== undefined) lines.push(`Scan file: ${provenance.scanName}`);
    if (provenance.scanSha256 !== undefined) lines.push(`Scan SHA-256: ${provenance.scanSha256}`);
    if (provenance.modelId !== undefined) lines.push(`Segmentation model id: ${provenance.modelId}`);
    for (const c of provenance.calibration ?? []) lines.push(`Calibration: ${c}`);
    for (const n of provenance.notes ?? []) lines.push(`Note: ${n}`);
  }
  if (other !== undefined && other.trim() !== '') lines.push(other.replace(/\s+$/, ''));
  return lines.join('\n');
}
