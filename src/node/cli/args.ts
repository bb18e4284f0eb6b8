/**
 * The command line: `tracewell digitise SCAN... [options]`, read into one plain object. Every
 * mistake is a usage error (exit 2) naming the option and what it wants.
 */
import { parseArgs } from 'node:util';
import { usageError } from './errors';
import { hasWildcard } from './glob';

export const HELP = `tracewell — digitise scanned well logs into LAS 2.0 (and CSV)

Usage:
  tracewell digitise SCAN --layout LAYOUT.json --out OUT.las [--csv OUT.csv] [options]
  tracewell digitise 'scans/*.tif' --layout LAYOUT.json --out-dir DIR [--jobs N] [options]
  tracewell digitise SCAN --emit-layout LAYOUT.json

SCAN is a PNG, JPEG, TIFF (incl. CCITT G4, multi-page) or PDF file. Several scans, or a quoted
pattern with * ? [..], digitise in a batch: one LAS per scan in --out-dir, named after the scan.

Options:
  --layout FILE       the tracewell layout (v1 JSON) to read the scan with
  --out FILE          the LAS file to write (one scan)
  --csv FILE          also write the same curves as CSV (one scan)
  --out-dir DIR       where a batch writes its LAS files (created if missing)
  --jobs N            scans digitised at once in a batch (default 1)
  --model PATH        the segmentation model: a card JSON, its .onnx, or a models folder
                      (default: public/models/index.json of this checkout)
  --classical         segment by darkness alone, no model (weaker on dashes and crossings)
  --page N            page of a multi-page TIFF or PDF, 1 = the first (default 1)
  --dpi D             resolution a PDF page is rendered at (default 200)
  --threads N         onnxruntime threads per scan (default: the cores / --jobs)
  --emit-layout FILE  without --layout: write the proposed layout (deskew, track edges, two depth
                      lines) for you to complete, and stop
  -h, --help          this text

Exit status: 0 when every scan was written; 1 when a scan failed (one line on stderr says why;
no partial file is left); 2 when the command line is wrong.`;

export interface CliArgs {
  scans: string[];
  batch: boolean;
  layout?: string;
  out?: string;
  csv?: string;
  outDir?: string;
  jobs: number;
  model?: string;
  classical: boolean;
  /** 0-based */
  page: number;
  dpi?: number;
  threads?: number;
  emitLayout?: string;
}

function positiveInt(v: string | undefined, name: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw usageError(`--${name} ${v}: expected a whole number of 1 or more`);
  return n;
}

function positiveNumber(v: string | undefined, name: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw usageError(`--${name} ${v}: expected a positive number`);
  return n;
}

const OPTIONS = {
  layout: { type: 'string' }, out: { type: 'string' }, csv: { type: 'string' }, 'out-dir': { type: 'string' },
  jobs: { type: 'string' }, model: { type: 'string' }, classical: { type: 'boolean' }, page: { type: 'string' },
  dpi: { type: 'string' }, threads: { type: 'string' }, 'emit-layout': { type: 'string' }, help: { type: 'boolean', short: 'h' },
} as const;

/** null: help was asked for. */
export function parseCli(argv: string[]): CliArgs | null {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    throw usageError((e as Error).message.split('\n')[0]);
  }
  const v = parsed.values;
  const [command, ...scans] = parsed.positionals;
  if (v.help || command === 'help' || command === undefined) return null;
  if (command !== 'digitise' && command !== 'digitize') throw usageError(`unknown command "${command}"; the command is "digitise"`);
  if (scans.length === 0) throw usageError('digitise: name the scan file');
  const batch = scans.length > 1 || hasWildcard(scans[0]);
  const args: CliArgs = {
    scans, batch, layout: v.layout, out: v.out, csv: v.csv, outDir: v['out-dir'], model: v.model, classical: v.classical ?? false,
    jobs: positiveInt(v.jobs, 'jobs') ?? 1, page: (positiveInt(v.page, 'page') ?? 1) - 1, dpi: positiveNumber(v.dpi, 'dpi'),
    threads: positiveInt(v.threads, 'threads'), emitLayout: v['emit-layout'],
  };
  checkCombination(args);
  return args;
}

function checkCombination(a: CliArgs): void {
  if (a.emitLayout !== undefined) {
    if (a.layout !== undefined) throw usageError('--emit-layout proposes a layout when there is none: leave out --layout');
    if (a.batch) throw usageError('--emit-layout takes one scan');
    return;
  }
  if (a.layout === undefined) throw usageError('--layout LAYOUT.json is missing (or use --emit-layout FILE to have one proposed)');
  if (a.batch) {
    if (a.outDir === undefined) throw usageError('a batch of scans needs --out-dir DIR');
    if (a.out !== undefined || a.csv !== undefined) throw usageError('--out and --csv name one file: a batch writes to --out-dir');
  } else {
    if (a.out === undefined) throw usageError('--out OUT.las is missing');
    if (a.outDir !== undefined) throw usageError('--out-dir is for a batch of scans; one scan takes --out');
    if (a.csv !== undefined && a.csv === a.out) throw usageError('--csv and --out name the same file');
  }
}
