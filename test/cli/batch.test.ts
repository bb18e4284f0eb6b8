/**
 * The batch command: a quoted pattern over a folder with two good scans and a damaged one, two
 * jobs in worker threads. The good scans are written (the same LAS data as a single run), the bad
 * one is named on stderr with its reason, the summary counts both, and the exit status is 1.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { samplePath } from '../digitise/sample';
import { dataSection, filesIn, runCli, tempDir, type CliRun } from './helpers';

const SLOW = 400_000;

describe('tracewell digitise on a batch of scans', () => {
  const dir = tempDir('batch');
  const scans = join(dir, 'scans');
  const out = join(dir, 'las');
  let run: CliRun;
  let single: CliRun;

  beforeAll(async () => {
    mkdirSync(scans);
    copyFileSync(samplePath('png'), join(scans, 'a.png'));
    copyFileSync(samplePath('png'), join(scans, 'b.png'));
    writeFileSync(join(scans, 'broken.png'), readFileSync(samplePath('png')).subarray(0, 2000));
    writeFileSync(join(scans, 'notes.txt'), 'not matched by the pattern');
    run = await runCli(['digitise', join(scans, '*.png'), '--layout', samplePath('layout.json'), '--out-dir', out, '--jobs', '2', '--classical']);
    single = await runCli(['digitise', join(scans, 'a.png'), '--layout', samplePath('layout.json'), '--out', join(dir, 'single.las'), '--classical']);
  }, SLOW);

  it('writes a LAS for every good scan and none for the bad one', () => {
    expect(filesIn(out)).toEqual(['a.las', 'b.las']);
  });

  it('exits 1 because one scan failed, and names it with the reason', () => {
    expect(run.code).toBe(1);
    const failures = run.errLines.filter((l) => l.startsWith('tracewell: '));
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(/^tracewell: .*broken\.png: broken\.png: /);
  });

  it('reports progress once per scan (stderr is not a terminal) and a summary on stdout', () => {
    const progress = run.errLines.filter((l) => /^\[\d+\/3\]/.test(l));
    expect(progress).toHaveLength(3);
    expect(progress[2]).toMatch(/^\[3\/3\] 2 ok, 1 failed/);
    expect(run.stdout).toMatch(/^digitised 2 of 3 scans into .*las in [\d.]+ s; 1 failed \(listed above\)\n$/);
  });

  it('writes the same LAS data as digitising one scan alone', () => {
    expect(single.code).toBe(0);
    const alone = dataSection(readFileSync(join(dir, 'single.las'), 'utf8'));
    expect(dataSection(readFileSync(join(out, 'a.las'), 'utf8'))).toBe(alone);
    expect(dataSection(readFileSync(join(out, 'b.las'), 'utf8'))).toBe(alone);
  });

  it('a pattern that matches nothing fails at once', async () => {
    const none = await runCli(['digitise', join(scans, '*.tif'), '--layout', samplePath('layout.json'), '--out-dir', out, '--classical']);
    expect(none.code).toBe(1);
    expect(none.errLines).toEqual([`tracewell: no file matches ${join(scans, '*.tif')}`]);
  });
});
