/**
 * Bad input to `tracewell digitise`: a non-zero exit, exactly one line on stderr naming the problem,
 * and no output file (nor a temporary) left behind — also when the failure comes after the scan was
 * decoded and traced, and an existing output file is left as it was.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { layoutToJson } from '../../src/core/calibration';
import { sampleLayout, samplePath } from '../digitise/sample';
import { filesIn, runCli, tempDir } from './helpers';

const SLOW = 300_000;
const scan = samplePath('png');
const layout = samplePath('layout.json');

/** The run failed with `code`, one stderr line matching `message`, and `dir` holds only `keep`. */
function expectFailure(run: Awaited<ReturnType<typeof runCli>>, code: number, message: RegExp, dir: string, keep: string[] = []): void {
  expect(run.code).toBe(code);
  expect(run.errLines).toHaveLength(1);
  expect(run.errLines[0]).toMatch(/^tracewell: /);
  expect(run.errLines[0]).toMatch(message);
  expect(run.stdout).toBe('');
  expect(filesIn(dir)).toEqual(keep);
}

describe('tracewell digitise on bad input', () => {
  it('a damaged scan: names the file and the damage', async () => {
    const dir = tempDir('corrupt');
    const bad = join(dir, 'bad.png');
    // a real PNG's first 4 KiB: the header says PNG, the pixel data stops short
    writeFileSync(bad, readFileSync(scan).subarray(0, 4096));
    const out = join(dir, 'out');
    mkdirSync(out);
    const run = await runCli(['digitise', bad, '--layout', layout, '--out', join(out, 'bad.las'), '--classical']);
    expectFailure(run, 1, /bad\.png: .*(damaged|truncated|ends)/i, out);
  }, SLOW);

  it('a file that is not a scan at all', async () => {
    const dir = tempDir('notscan');
    writeFileSync(join(dir, 'notes.png'), 'just some text\n');
    const run = await runCli(['digitise', join(dir, 'notes.png'), '--layout', layout, '--out', join(dir, 'x.las'), '--classical']);
    expectFailure(run, 1, /notes\.png: this is not a scan format Tracewell reads/, dir, ['notes.png']);
  });

  it('a layout file that does not exist', async () => {
    const dir = tempDir('nolayout');
    const run = await runCli(['digitise', scan, '--layout', join(dir, 'missing.json'), '--out', join(dir, 'x.las'), '--classical']);
    expectFailure(run, 1, /layout .*missing\.json cannot be read \(ENOENT\)/, dir);
  });

  it('no --layout at all is a usage error (exit 2)', async () => {
    const dir = tempDir('nolayoutarg');
    const run = await runCli(['digitise', scan, '--out', join(dir, 'x.las'), '--classical']);
    expectFailure(run, 2, /--layout LAYOUT\.json is missing/, dir);
  });

  it('a layout with a bad field: names the field and what is wrong', async () => {
    const dir = tempDir('badfield');
    const json = JSON.parse(readFileSync(layout, 'utf8'));
    json.tracks[0].curves[1].left = 'low';
    json.step = -1;
    writeFileSync(join(dir, 'layout.json'), JSON.stringify(json));
    const run = await runCli(['digitise', scan, '--layout', join(dir, 'layout.json'), '--out', join(dir, 'x.las'), '--classical']);
    expectFailure(run, 1, /layout\.json: tracks\[0\]\.curves\[1\]\.left: must be a number, not "low"/, dir, ['layout.json']);
  });

  it('an output folder that does not exist fails before any work', async () => {
    const dir = tempDir('nofolder');
    const run = await runCli(['digitise', scan, '--layout', layout, '--out', join(dir, 'no/such/x.las'), '--classical']);
    expectFailure(run, 1, /no\/such\/x\.las cannot be written: the folder .* does not exist/, dir);
  });

  it('an output path under a file, or naming a folder, cannot be written', async () => {
    const dir = tempDir('unwritable');
    writeFileSync(join(dir, 'plain'), 'x');
    mkdirSync(join(dir, 'sub.las'));
    const under = await runCli(['digitise', scan, '--layout', layout, '--out', join(dir, 'plain/x.las'), '--classical']);
    expectFailure(under, 1, /plain\/x\.las cannot be written/, dir, ['plain', 'sub.las']);
    const folder = await runCli(['digitise', scan, '--layout', layout, '--out', join(dir, 'sub.las'), '--classical']);
    expectFailure(folder, 1, /sub\.las cannot be written: it is a folder/, dir, ['plain', 'sub.las']);
  });

  it('a failure after the scan is decoded and segmented leaves no file and keeps an earlier output as it was', async () => {
    const dir = tempDir('late');
    const l = sampleLayout();
    l.depth = { ...l.depth, top: 5000, bottom: 5100 }; // checked against the scan only once it is decoded
    writeFileSync(join(dir, 'layout.json'), layoutToJson(l));
    writeFileSync(join(dir, 'out.las'), 'an earlier result\n');
    writeFileSync(join(dir, 'out.csv'), 'an earlier table\n');
    const run = await runCli(['digitise', scan, '--layout', join(dir, 'layout.json'), '--out', join(dir, 'out.las'), '--csv', join(dir, 'out.csv'), '--classical']);
    expectFailure(run, 1, /the depth interval 5000–5100 lies outside the scan/, dir, ['layout.json', 'out.csv', 'out.las']);
    expect(readFileSync(join(dir, 'out.las'), 'utf8')).toBe('an earlier result\n');
    expect(readFileSync(join(dir, 'out.csv'), 'utf8')).toBe('an earlier table\n');
  }, SLOW);

  it('a layout whose every seed finds no ink: names each curve, writes nothing', async () => {
    const dir = tempDir('noseed');
    const l = sampleLayout();
    l.tracks = [{ ...l.tracks[1], curves: l.tracks[1].curves.map((c) => ({ ...c, seed: { x: 666.5, y: 1000.5 } })) }];
    writeFileSync(join(dir, 'layout.json'), layoutToJson(l));
    const run = await runCli(['digitise', scan, '--layout', join(dir, 'layout.json'), '--out', join(dir, 'out.las'), '--classical']);
    expectFailure(run, 1, /curve LLS in track 1: seed \(666\.5, 1000\.5\) is not on curve ink.*; curve RXO in track 1: seed/, dir, ['layout.json']);
  }, SLOW);

  it('a model path that does not exist', async () => {
    const dir = tempDir('nomodel');
    const run = await runCli(['digitise', scan, '--layout', layout, '--out', join(dir, 'x.las'), '--model', join(dir, 'nope.json')]);
    expectFailure(run, 1, /--model .*nope\.json: no such file or folder/, dir);
  });

  it('an unknown option is a usage error', async () => {
    const dir = tempDir('badopt');
    const run = await runCli(['digitise', scan, '--layout', layout, '--out', join(dir, 'x.las'), '--dpi', 'high']);
    expectFailure(run, 2, /--dpi high: expected a positive number/, dir);
  });
});
