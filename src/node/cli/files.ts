/**
 * Output files that are either complete or absent: each is written to a temporary name beside it
 * and renamed into place, so a failed or interrupted run never leaves half a LAS behind. Also the
 * early check that an output folder can be written, before minutes of work are spent.
 */
import { constants, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { access, mkdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { CliError } from './errors';

function reason(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? String(e);
}

/** Throws a CliError when `path` cannot be written as a new file (missing or read-only folder, a folder there). */
export async function checkWritable(path: string): Promise<void> {
  const dir = dirname(path);
  try {
    if ((await stat(dir)).isDirectory() === false) throw new CliError(`${path} cannot be written: ${dir} is not a folder`);
    await access(dir, constants.W_OK);
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`${path} cannot be written: the folder ${dir} ${reason(e) === 'ENOENT' ? 'does not exist' : `is not writable (${reason(e)})`}`);
  }
  const here = await stat(path).catch(() => null);
  if (here?.isDirectory()) throw new CliError(`${path} cannot be written: it is a folder`);
}

/** Creates `dir` (and parents) and checks it is writable. */
export async function ensureDir(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
    await access(dir, constants.W_OK);
  } catch (e) {
    throw new CliError(`the output folder ${dir} cannot be created or written (${reason(e)})`);
  }
}

/** Folders this process writes temporaries in (batch worker threads share the process id). */
const tempDirs = new Set<string>();

/**
 * Removes this process's temporaries (`.<name>.<pid>.<random>.tmp`) from the folders it wrote in;
 * for SIGINT/SIGTERM handlers, so an interrupted run leaves no partial file.
 */
export function removePendingTemps(): void {
  const mine = `.${process.pid}.`;
  for (const dir of tempDirs) {
    let names: string[] = [];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const n of names) if (n.startsWith('.') && n.endsWith('.tmp') && n.includes(mine)) rmSync(join(dir, n), { force: true });
  }
}

/**
 * Writes every file or none: all go to temporary names first, then are renamed in order; if any
 * step fails, the temporaries and the files already renamed by this call are removed.
 */
export async function writeAllOrNothing(files: ReadonlyArray<{ path: string; text: string }>): Promise<void> {
  const temps = files.map((f) => join(dirname(f.path), `.${basename(f.path)}.${process.pid}.${Math.random().toString(36).slice(2, 8)}.tmp`));
  const placed: string[] = [];
  for (const f of files) tempDirs.add(dirname(f.path));
  try {
    // synchronous: a signal handler then never runs while a temporary is half-created
    for (let i = 0; i < files.length; i++) writeFileSync(temps[i], files[i].text);
    for (let i = 0; i < files.length; i++) {
      await rename(temps[i], files[i].path);
      placed.push(files[i].path);
    }
  } catch (e) {
    await Promise.all([...temps, ...placed].map((p) => rm(p, { force: true })));
    const failed = files[placed.length]?.path ?? files[0].path;
    throw new CliError(`${failed} cannot be written (${reason(e)}); nothing was written`);
  }
}
