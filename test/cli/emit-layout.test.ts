/**
 * Without a layout: `--emit-layout` proposes one from the scan (deskew, track edges, two depth
 * lines), which fails with the missing fields named until it is completed; completed with the
 * depths printed at those lines and the curves, it digitises the sample close to its truth.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readLas } from '../../src/core/las';
import { sampleLayout, samplePath, sampleTruth, score } from '../digitise/sample';
import { filesIn, runCli, tempDir, type CliRun } from './helpers';

const SLOW = 300_000;

describe('tracewell digitise --emit-layout', () => {
  const dir = tempDir('emit');
  const proposed = join(dir, 'proposed.json');
  const known = sampleLayout();
  let run: CliRun;
  let json: { deskew: number; depth: { refs: { y: number; depth: number | null }[] }; tracks: { x0: number; x1: number; curves: unknown[] }[] };

  beforeAll(async () => {
    run = await runCli(['digitise', samplePath('png'), '--emit-layout', proposed]);
    json = JSON.parse(readFileSync(proposed, 'utf8'));
  }, SLOW);

  it('writes the proposal and says what to fill in', () => {
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^wrote the proposed layout .*proposed\.json for a 1527 × 6000 px scan: deskew 0\.4\d\d°, 2 tracks/);
    expect(run.stdout).toMatch(/type the depth printed at rows [\d.]+ and [\d.]+/);
  });

  it('finds the deskew and the track edges of the sample', () => {
    expect(Math.abs(json.deskew - 0.4)).toBeLessThan(0.05);
    expect(json.tracks).toHaveLength(2);
    json.tracks.forEach((t, i) => {
      expect(Math.abs(t.x0 - known.tracks[i].x0), `track ${i + 1} x0`).toBeLessThan(3);
      expect(Math.abs(t.x1 - known.tracks[i].x1), `track ${i + 1} x1`).toBeLessThan(3);
    });
  });

  it('is refused until the depths are typed, naming the field', async () => {
    const again = await runCli(['digitise', samplePath('png'), '--layout', proposed, '--out', join(dir, 'x.las'), '--classical']);
    expect(again.code).toBe(1);
    expect(again.errLines).toHaveLength(1);
    expect(again.errLines[0]).toMatch(/proposed\.json: depth\.refs\[0\]\.depth: must be a number, not null/);
    expect(filesIn(dir)).toEqual(['proposed.json']);
  }, SLOW);

  it('once completed, digitises the sample close to its truth', async () => {
    // the sample's depth lines: 1025 FT at row 319.9, 10 px per foot (its layout's two refs)
    const [a, b] = known.depth.refs;
    const depthAt = (y: number) => a.depth + ((y - a.y) * (b.depth - a.depth)) / (b.y - a.y);
    const done = { ...json, depth: { unit: 'FT', refs: json.depth.refs.map((r) => ({ y: r.y, depth: Math.round(depthAt(r.y)) })) } };
    done.tracks = json.tracks.map((t, i) => ({ ...t, curves: known.tracks[i].curves }));
    writeFileSync(join(dir, 'done.json'), JSON.stringify(done));
    const r = await runCli(['digitise', samplePath('png'), '--layout', join(dir, 'done.json'), '--out', join(dir, 'done.las'), '--classical']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const las = readLas(readFileSync(join(dir, 'done.las'), 'utf8'));
    const rhob = score(las.data[0], las.data[2], sampleTruth().curves[1]);
    expect(rhob.coverage).toBeGreaterThan(0.9);
    expect(rhob.medianPct).toBeLessThan(0.6);
  }, SLOW);
});

describe('--page picks the page of a multi-page file', () => {
  const fixtures = join(__dirname, '../fixtures/decode');

  it('reads page 2 of a 3-page G4 TIFF (320 × 960 px, a 320 px wide track)', async () => {
    const dir = tempDir('page');
    const r = await runCli(['digitise', join(fixtures, 'multipage-g4.tif'), '--page', '2', '--emit-layout', join(dir, 'p2.json')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/for page 2 of 3 \(320 × 960 px\): .*1 track \(track 1 x 2–319 px/);
  }, SLOW);

  it('renders a PDF page at --dpi (8.5 × 22 in at 100 dpi = 850 × 2200 px)', async () => {
    const dir = tempDir('pdf');
    const r = await runCli(['digitise', join(fixtures, 'log.pdf'), '--page', '1', '--dpi', '100', '--emit-layout', join(dir, 'pdf.json')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/for page 1 of 2 \(850 × 2200 px\)/);
  }, SLOW);

  it('a page the file does not have is refused with the page count', async () => {
    const dir = tempDir('nopage');
    const r = await runCli(['digitise', join(fixtures, 'multipage-g4.tif'), '--page', '4', '--emit-layout', join(dir, 'p4.json')]);
    expect(r.code).toBe(1);
    expect(r.errLines).toEqual(['tracewell: multipage-g4.tif: page 4 does not exist; the TIFF has 3 pages.']);
    expect(filesIn(dir)).toEqual([]);
  }, SLOW);
});
