/**
 * `tracewell` entry: parse the command line, run one scan, a batch, or the layout proposal, and
 * turn any failure into one line on stderr and an exit code (see errors.ts). Results go to stdout.
 */
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import { batchJobs, runBatch, type BatchResult } from './batch';
import { emitLayout } from './emit-layout';
import { CliError, exitCodeOf, oneLine } from './errors';
import { HELP, parseCli, type CliArgs } from './args';
import { readLayoutFile } from './digitise-file';
import { checkModel, chooseModel, openSegmenter } from './model';
import { describeOutput, digitiseToFiles } from './one-scan';

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  /** rewrite the current stderr line in place (a terminal), or null to print whole lines */
  status: ((line: string) => void) | null;
}

async function single(a: CliArgs, io: Io): Promise<number> {
  const layout = await readLayoutFile(a.layout!);
  const model = await chooseModel(a);
  await checkModel(model);
  const segmenter = await openSegmenter(model, a.threads ?? availableParallelism());
  try {
    const onStage = io.status ? (s: string) => io.status!(`${basename(a.scans[0])}: ${s}…`) : undefined;
    const out = await digitiseToFiles(a.scans[0], layout, { las: a.out!, csv: a.csv }, {
      segmenter, page: a.page, dpi: a.dpi, onStage,
      onSegmentProgress: io.status ? (p) => io.status!(`${basename(a.scans[0])}: segmenting, tile ${p.done} of ${p.total}`) : undefined,
    });
    io.status?.('');
    io.out(`wrote ${a.out}${a.csv ? ` and ${a.csv}` : ''}: ${describeOutput(out, segmenter?.card.name)}`);
    for (const p of out.problems) io.err(`tracewell: warning: ${a.out}: ${p}`);
    return 0;
  } finally {
    await segmenter?.dispose();
  }
}

async function batch(a: CliArgs, io: Io): Promise<number> {
  const jobs = batchJobs(a.scans, a.outDir!);
  const layout = await readLayoutFile(a.layout!);
  const model = await chooseModel(a);
  await checkModel(model);
  const workers = Math.min(a.jobs, jobs.length);
  const threads = a.threads ?? Math.max(1, Math.floor(availableParallelism() / workers));
  let failed = 0;
  const progress = (r: BatchResult, done: number) => {
    if (!r.ok) failed++;
    const line = `[${done}/${jobs.length}] ${done - failed} ok, ${failed} failed · ${r.scan}${r.ok ? '' : ' FAILED'}`;
    // on a terminal the line is rewritten in place; in a log each scan keeps what was written
    if (io.status) io.status(line);
    else io.err(r.ok ? `${line}: ${r.summary}` : line);
  };
  io.status?.(`[0/${jobs.length}] digitising with ${workers} job${workers === 1 ? '' : 's'}…`);
  const report = await runBatch(jobs, { layout, model, page: a.page, dpi: a.dpi, threads }, workers, a.outDir!, progress);
  io.status?.('');
  for (const r of report.results) {
    if (!r.ok) io.err(`tracewell: ${r.scan}: ${r.message}`);
    else for (const w of r.warnings) io.err(`tracewell: warning: ${r.scan}: ${w}`);
  }
  const ok = report.results.length - failed;
  io.out(`digitised ${ok} of ${jobs.length} scans into ${a.outDir} in ${report.seconds.toFixed(1)} s${failed ? `; ${failed} failed (listed above)` : ''}`);
  return failed > 0 ? 1 : 0;
}

export async function main(argv: string[], io: Io): Promise<number> {
  try {
    const a = parseCli(argv);
    if (!a) {
      io.out(HELP);
      return 0;
    }
    if (a.emitLayout !== undefined) {
      for (const line of await emitLayout(a.scans[0], a.emitLayout, { page: a.page, dpi: a.dpi })) io.out(line);
      return 0;
    }
    return a.batch ? await batch(a, io) : await single(a, io);
  } catch (e) {
    io.status?.('');
    io.err(`tracewell: ${oneLine(e)}`);
    return exitCodeOf(e);
  }
}

/** The process's streams: a status line only where stderr is a terminal. */
export function processIo(): Io {
  const tty = process.stderr.isTTY === true;
  return {
    out: (l) => process.stdout.write(`${l}\n`),
    err: (l) => process.stderr.write(`${l}\n`),
    status: tty ? (l) => process.stderr.write(`\r\x1b[2K${l}`) : null,
  };
}

export { CliError };
