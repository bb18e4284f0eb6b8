/**
 * `tracewell digitise` on the bundled sample, run as a child process: exit status, the files, the
 * LAS values against the sample's truth, and the same LAS as the browser's in-process pipeline.
 * The classical run checks accuracy (no trained model is needed); the model run uses the tiny
 * fixture U-Net (test/fixtures/models, not a useful segmenter) to check that the model path gives
 * the same LAS in both places and names the model in ~O.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkLasConformance, readLas } from '../../src/core/las';
import { layoutToJson } from '../../src/core/calibration';
import { DEFAULT_MODELS_DIR } from '../../src/node/cli/model';
import { createNodeSegmenter, defaultCardPath, loadCard } from '../../src/node/segmenter-node';
import { sampleLayout, samplePath, sampleTruth, score } from '../digitise/sample';
import { dataSection, filesIn, inProcessLas, runCli, tempDir, TINY_MODEL, type CliRun } from './helpers';

const SLOW = 300_000;

describe('tracewell digitise, a curve whose seed finds no ink', () => {
  it('writes the others, the curve null throughout, and one warning line naming it', async () => {
    const dir = tempDir('seed');
    const l = sampleLayout();
    l.tracks[1].curves[1].seed = { x: 666.5, y: 1000.5 }; // paper in track 2, no curve ink within 42 rows
    writeFileSync(join(dir, 'layout.json'), layoutToJson(l));
    const out = join(dir, 'out.las');
    const run = await runCli(['digitise', samplePath('png'), '--layout', join(dir, 'layout.json'), '--out', out, '--classical']);
    expect(run.code).toBe(0);
    expect(run.errLines).toEqual([expect.stringMatching(/^tracewell: warning: .*out\.las: curve RXO in track 2: seed \(666\.5, 1000\.5\) is not on curve ink/)]);
    const file = readLas(readFileSync(out, 'utf8'));
    const names = file.curves.map((c) => c.mnemonic);
    expect(names).toEqual(['DEPT', 'CGR', 'RHOB', 'SPBR', 'LLS', 'RXO']);
    expect(file.data[5].every((v) => Number.isNaN(v))).toBe(true);
    expect(file.data[4].filter((v) => !Number.isNaN(v)).length).toBeGreaterThan(0.9 * file.data[4].length);
  }, SLOW);
});

describe('tracewell digitise, classical segmentation', () => {
  const dir = tempDir('one');
  const las = join(dir, 'sample.las');
  const csv = join(dir, 'sample.csv');
  let run: CliRun;

  beforeAll(async () => {
    run = await runCli(['digitise', samplePath('png'), '--layout', samplePath('layout.json'), '--out', las, '--csv', csv, '--classical']);
  }, SLOW);

  it('exits 0, says what it wrote on stdout and nothing on stderr', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^wrote .*sample\.las and .*sample\.csv: 5 curves \(CGR, RHOB, SPBR, LLS, RXO\), .* FT every 0\.5 FT, classical segmentation \(no model\), deskew 0\.400°, a 1527 × 6000 px scan\n$/);
    expect(filesIn(dir)).toEqual(['sample.csv', 'sample.las']);
  });

  it('writes a conformant LAS whose curves follow the truth', () => {
    const text = readFileSync(las, 'utf8');
    expect(checkLasConformance(text).problems).toEqual([]);
    const file = readLas(text);
    const truth = sampleTruth();
    const scores = Object.fromEntries(truth.curves.map((t, i) => [t.mnemonic, score(file.data[0], file.data[i + 1], t)]));
    for (const [name, s] of Object.entries(scores)) expect(s.coverage, name).toBeGreaterThan(0.9);
    // solid curves the classical tracer keeps: most depths within 1% of the span
    expect(scores.RHOB.medianPct).toBeLessThan(0.5);
    expect(scores.RHOB.within1Pct).toBeGreaterThan(0.7);
    expect(scores.LLS.medianPct).toBeLessThan(1);
    expect(file.other).toContain('Scan file: synthetic-log.png');
  });

  it('writes the same numbers to the CSV as to the LAS', () => {
    const file = readLas(readFileSync(las, 'utf8'));
    const rows = readFileSync(csv, 'utf8').trim().split(/\r?\n/);
    expect(rows[0]).toBe('DEPT (FT),CGR (GAPI),RHOB (G/C3),SPBR (MV),LLS (OHMM),RXO (OHMM)');
    expect(rows.length - 1).toBe(file.data[0].length);
    const mid = Math.floor(rows.length / 2);
    const cells = rows[mid].split(',').map((c) => (c === '' ? NaN : Number(c)));
    file.data.forEach((col, k) => expect(cells[k]).toBeCloseTo(col[mid - 1], 3));
  });

  it('gives the same LAS, byte for byte, as the browser pipeline in this process', async () => {
    const mine = await inProcessLas(samplePath('png'), sampleLayout(), null);
    expect(readFileSync(las, 'utf8')).toBe(mine);
  }, SLOW);
});

describe('tracewell digitise --model', () => {
  const dir = tempDir('model');
  const out = join(dir, 'sample.las');
  // the tiny fixture model misses the dashed RXO (its seed is on no ink it calls curve), so it is left out
  const layout = sampleLayout();
  layout.tracks[1].curves = layout.tracks[1].curves.filter((c) => c.mnemonic !== 'RXO');
  const layoutPath = join(dir, 'layout.json');
  writeFileSync(layoutPath, layoutToJson(layout));
  let run: CliRun;

  beforeAll(async () => {
    run = await runCli(['digitise', samplePath('png'), '--layout', layoutPath, '--out', out, '--model', TINY_MODEL, '--threads', '1']);
  }, SLOW);

  it('segments with the model and names it in ~O', async () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/4 curves \(CGR, RHOB, SPBR, LLS\), .* model tiny-unet,/);
    const card = await loadCard(TINY_MODEL);
    expect(readFileSync(out, 'utf8')).toContain(`Segmentation model id: ${card.id}`);
  });

  it('gives the same LAS as the browser pipeline with the same model', async () => {
    const segmenter = await createNodeSegmenter(TINY_MODEL, { threads: 1 });
    try {
      const mine = await inProcessLas(samplePath('png'), layout, { seg: (u) => segmenter.segment(u), id: segmenter.card.id });
      const cli = readFileSync(out, 'utf8');
      expect(dataSection(cli)).toBe(dataSection(mine));
      expect(cli).toBe(mine);
    } finally {
      await segmenter.dispose();
    }
  }, SLOW);
});

describe('tracewell digitise without --model or --classical', () => {
  const installed = existsSync(join(DEFAULT_MODELS_DIR, 'index.json'));

  it(installed ? 'segments with the default model of public/models' : 'says no model is installed and names both ways out', async () => {
    const dir = tempDir('default');
    const out = join(dir, 'sample.las');
    const run = await runCli(['digitise', samplePath('png'), '--layout', samplePath('layout.json'), '--out', out]);
    if (installed) {
      const card = await loadCard(await defaultCardPath(DEFAULT_MODELS_DIR));
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const text = readFileSync(out, 'utf8');
      expect(text).toContain(`Segmentation model id: ${card.id}`);
      // with the model every curve of the sample, dashed and crossing ones too, follows the truth
      // (a mid-training checkpoint gave coverage 0.94–0.997 and median errors 0.01–0.05% here), and on
      // average within 1% of its span: the bar the workbench's journey is held to (CGR, RHOB and SPBR
      // meet, turn back and wrap in track 1; the model v3 trace measured MAE 0.19–0.78% of span there)
      const las = readLas(text);
      const table = sampleTruth().curves.map((t, i) => {
        const s = score(las.data[0], las.data[i + 1], t);
        expect(s.coverage, t.mnemonic).toBeGreaterThan(0.9);
        expect(s.medianPct, t.mnemonic).toBeLessThan(0.5);
        return { t, s };
      });
      console.log(`sample with the default model: ${table.map(({ t, s }) => `${t.mnemonic} MAE ${s.meanPct.toFixed(2)}%`).join(', ')}`);
      for (const { t, s } of table) expect(s.meanPct, `${t.mnemonic} MAE, % of span`).toBeLessThanOrEqual(1);
    } else {
      expect(run.code).toBe(1);
      expect(run.errLines).toEqual([expect.stringMatching(/^tracewell: no segmentation model is installed \(.*public\/models\/index\.json is missing\): pass --model CARD\.json, or --classical/)]);
      expect(filesIn(dir)).toEqual([]);
    }
  }, SLOW);
});
