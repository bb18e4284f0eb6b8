/**
 * Running the real CLI (bin/tracewell.mjs, as `npx tracewell` does) as a child process, and the
 * in-process pipeline the browser runs, for comparing their LAS.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import type { Layout } from '../../src/core/calibration';
import { buildLasDocument, curvesToSeries, prepareUpright, runTrace } from '../../src/core/digitise';
import { writeLas } from '../../src/core/las';
import type { Segmentation } from '../../src/core/types';
import { decodeFile } from '../../src/node/decode';
import { TOOL } from '../../src/node/cli/digitise-file';

export const REPO = resolve(__dirname, '../..');
export const BIN = join(REPO, 'bin/tracewell.mjs');
export const TINY_MODEL = join(REPO, 'test/fixtures/models/tiny-unet.json');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** stderr split into lines, without the empty last one */
  errLines: string[];
}

/** Runs `node bin/tracewell.mjs ...args`; never rejects (the exit code is the result). */
export function runCli(args: string[], cwd = REPO): Promise<CliRun> {
  return new Promise((done) => {
    execFile(process.execPath, [BIN, ...args], { cwd, maxBuffer: 16 << 20, timeout: 240_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      done({ code, stdout, stderr, errLines: stderr.split('\n').filter((l) => l !== '') });
    });
  });
}

export const tempDir = (tag: string) => mkdtempSync(join(tmpdir(), `tracewell-cli-${tag}-`));

/** Everything in a folder, hidden files (temporaries) included. */
export const filesIn = (dir: string) => readdirSync(dir).sort();

/**
 * The browser's path for the same scan and layout: decode, upright, the trace worker's job
 * (runTrace) over the model's segmentation or none, then the export's document and LAS text.
 */
export async function inProcessLas(scanPath: string, layout: Layout, model: { seg: (upright: Parameters<typeof runTrace>[0]['upright']) => Promise<Segmentation>; id: string } | null): Promise<string> {
  const { raster } = await decodeFile(scanPath);
  const { upright, deskew } = prepareUpright(raster, layout);
  const segmentation = model ? await model.seg(upright) : null;
  const r = runTrace({ upright, layout, segmentation });
  const sha = createHash('sha256').update(readFileSync(scanPath)).digest('hex');
  const doc = buildLasDocument(layout, curvesToSeries(layout, r.curves), {
    provenance: { tool: TOOL, segmentation: r.kind, modelId: model?.id, scanName: basename(scanPath), scanSha256: sha, deskew },
  });
  return writeLas(doc);
}

/** The ~A section (the numbers), for comparing LAS data whatever the header says. */
export function dataSection(las: string): string {
  const i = las.indexOf('~A');
  if (i < 0) throw new Error('no ~A section');
  return las.slice(i);
}
