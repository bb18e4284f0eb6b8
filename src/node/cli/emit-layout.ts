/**
 * `--emit-layout FILE`: the auto-layout's proposal for a scan written as a tracewell layout file
 * for the user to complete — deskew and track edges filled in, the two outermost major depth lines
 * as depth refs whose depths are null (to be typed), and no curves yet. Reading it back before it
 * is completed fails with messages that name exactly those fields.
 */
import { basename } from 'node:path';
import { readFile } from 'node:fs/promises';
import { analyseScan } from '../../core/digitise';
import type { LayoutProposal } from '../../core/layout-detect';
import { decodeScan } from '../../io/decode';
import { nodeDecodeEnv } from '../decode';
import { CliError } from './errors';
import { checkWritable, writeAllOrNothing } from './files';
import { pageWords } from './one-scan';

const round = (v: number, d: number) => Math.round(v * 10 ** d) / 10 ** d;

/** The layout JSON (as an object) for a proposal: valid in shape except the depths left null. */
export function layoutFromProposal(p: LayoutProposal): Record<string, unknown> {
  const majors = p.depthLines.filter((l) => l.major);
  const lines = majors.length >= 2 ? majors : p.depthLines;
  const refs = lines.length >= 2 ? [lines[0], lines[lines.length - 1]] : lines;
  return {
    version: 1,
    rotate: 0,
    deskew: round(p.deskew, 4),
    depth: { unit: 'FT', refs: refs.map((l) => ({ y: round(l.y, 2), depth: null })) },
    step: 0.5,
    well: {},
    tracks: p.tracks.map((t) => ({ x0: round(t.x0, 2), x1: round(t.x1, 2), curves: [] })),
  };
}

function gridWords(p: LayoutProposal): string {
  return p.tracks
    .map((t, i) => `track ${i + 1} x ${t.x0.toFixed(0)}–${t.x1.toFixed(0)} px ${t.grid.kind === 'log' ? `log ${t.grid.decades} decades` : t.grid.kind === 'linear' ? `linear ${t.grid.divisions} divisions` : 'no grid found'}`)
    .join('; ');
}

/** Writes the proposal; returns the lines to print (what was found, what to fill in). */
export async function emitLayout(scanPath: string, target: string, options: { page: number; dpi?: number }): Promise<string[]> {
  await checkWritable(target);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(scanPath));
  } catch (e) {
    throw new CliError(`scan ${scanPath} cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  const decoded = await decodeScan(bytes, basename(scanPath), { page: options.page, dpi: options.dpi }, nodeDecodeEnv);
  const proposal = analyseScan(decoded.raster, { rotate: 0, deskew: 'auto' });
  if (proposal.tracks.length === 0) throw new CliError(`${scanPath}: no track grid was found on the scan; write the layout by hand (docs/cli.md)`);
  const layout = layoutFromProposal(proposal);
  await writeAllOrNothing([{ path: target, text: `${JSON.stringify(layout, null, 2)}\n` }]);
  const refs = (layout.depth as { refs: { y: number }[] }).refs;
  return [
    `wrote the proposed layout ${target} for ${pageWords(decoded.meta)}: deskew ${proposal.deskew.toFixed(3)}°, ${proposal.tracks.length} track${proposal.tracks.length === 1 ? '' : 's'} (${gridWords(proposal)}), ${proposal.depthLines.length} depth lines`,
    `to complete it: type the depth printed at ${refs.length === 2 ? `rows ${refs[0].y} and ${refs[1].y}` : 'two depth lines (depth.refs)'}, set depth.unit and step, and add each track's curves (mnemonic, unit, scale, left, right, seed, wrap and, for a wrapped curve, backup); then run again with --layout ${target}`,
  ];
}
