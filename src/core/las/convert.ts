/**
 * A read LasFile as a LasDocument the writer accepts: for rewriting reference files (round trips)
 * and re-exporting imported logs. Names the writer would refuse are made legal here (spaces, '.',
 * ':' -> '_'), and each curve keeps the decimals it was printed with.
 */
import { LasWriteError, type LasDocument, type LasFile, type LasHeaderItem, type LasWellEntry } from './types.ts';

/** A mnemonic the writer accepts: spaces, '.' and ':' become '_'; a leading '#' or '~' is dropped. */
export function legalMnemonic(name: string): string {
  const m = name.trim().replace(/[\s.:]+/g, '_').replace(/^[#~]+/, '');
  return m === '' ? 'UNKNOWN' : m;
}

/** 'M', 'FT' (also F, FEET, METRES...), or a LasWriteError: Tracewell's index is a depth. */
export function depthUnit(unit: string): 'M' | 'FT' {
  const u = unit.trim().toUpperCase();
  if (u === 'M' || u === 'METER' || u === 'METERS' || u === 'METRE' || u === 'METRES') return 'M';
  if (u === 'FT' || u === 'F' || u === 'FEET' || u === 'FOOT') return 'FT';
  throw new LasWriteError(`index unit '${unit}' is not a depth unit (M or FT)`);
}

function uniqueNames(names: string[]): string[] {
  const seen = new Set<string>();
  return names.map((n) => {
    let name = n;
    for (let k = 2; seen.has(name.toUpperCase()); k++) name = `${n}_${k}`;
    seen.add(name.toUpperCase());
    return name;
  });
}

const DERIVED = new Set(['STRT', 'STOP', 'STEP', 'NULL']);

function wellRecord(items: LasHeaderItem[]): Record<string, LasWellEntry> {
  const well: Record<string, LasWellEntry> = {};
  for (const it of items) {
    const key = legalMnemonic(it.mnemonic);
    // Keep the first of a repeated mnemonic, as a reader looking it up would.
    if (DERIVED.has(key.toUpperCase()) || key in well) continue;
    well[key] = { value: it.value, unit: it.unit.replace(/[\s:]/g, '_'), description: it.description };
  }
  return well;
}

/** The document that writes `file` back: same well, curves, parameters, ~O text and precision. */
export function lasFileToDocument(file: LasFile): LasDocument {
  // The writer names the index DEPT, so no other curve may take that name.
  const names = uniqueNames(['DEPT', ...file.curves.slice(1).map((c) => legalMnemonic(c.mnemonic))]);
  return {
    well: wellRecord(file.well),
    indexUnit: depthUnit(file.curves[0].unit),
    index: file.data[0],
    indexDecimals: file.decimals?.[0],
    curves: file.curves.slice(1).map((c, i) => ({
      mnemonic: names[i + 1],
      unit: c.unit.replace(/[\s:]/g, '_'),
      api: c.value,
      description: c.description,
      values: file.data[i + 1],
      decimals: file.decimals?.[i + 1],
    })),
    params: file.params.map((p) => ({ ...p, mnemonic: legalMnemonic(p.mnemonic), unit: p.unit.replace(/[\s:]/g, '_') })),
    other: file.other,
  };
}
