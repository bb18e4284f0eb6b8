import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decode } from 'fast-png';
import { resolveConfig } from '../../src/core/synth/config';
import { writeDataset, type DatasetParams, type Manifest, type Progress } from '../../src/node/synth-dataset';
import { sha256 } from '../../src/node/synth-files';

// Small pages so the whole file runs in seconds; two workers as in real use.
const config = resolveConfig({ minLen: 1200, maxLen: 1400, minWidth: 800, maxWidth: 900 });
const dirs: string[] = [];
function params(over: Partial<DatasetParams> = {}): DatasetParams {
  const out = mkdtempSync(join(tmpdir(), 'tw-synth-'));
  dirs.push(out);
  return { out, n: 3, seed: 11, kind: 'multiclass', config, jobs: 2, libraryPath: null, ...over };
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('writeDataset', () => {
  let first: Manifest;
  let firstParams: DatasetParams;
  beforeAll(async () => {
    firstParams = params();
    first = await writeDataset(firstParams, () => {});
  }, 120_000); // two worker threads start (tsx compiles the renderer in each), then 3 renders

  it('writes the same files and dataset hash for the same seed and config', async () => {
    const again = await writeDataset(params(), () => {});
    expect(first.complete).toBe(true);
    expect(first.files).toHaveLength(12);
    expect(again.datasetSha256).toBe(first.datasetSha256);
    expect(first.datasetSha256).toBe(sha256(JSON.stringify(first.files)));
  });

  it('gives other files for another seed', async () => {
    const other = await writeDataset(params({ seed: 12, n: 1 }), () => {});
    const image = (m: Manifest) => m.files.find((f) => f.path === m.samples[0].image)?.sha256;
    expect(image(other)).toBeDefined();
    expect(image(other)).not.toBe(image(first));
  });

  it('refuses to mix datasets in one directory', async () => {
    await expect(writeDataset({ ...firstParams, seed: 99 }, () => {})).rejects.toThrow(/another seed/);
  });

  it('resumes: keeps intact samples and redoes damaged ones, ending with the same hash', async () => {
    writeFileSync(join(firstParams.out, first.samples[1].mask), 'damaged');
    unlinkSync(join(firstParams.out, first.samples[2].truth));
    let last: Progress | null = null;
    const again = await writeDataset(firstParams, (pr) => { last = pr; });
    expect(last!.skipped).toBe(1);
    expect(again.datasetSha256).toBe(first.datasetSha256);
  });

  it('stores binary masks as 0/1 and images as 8-bit gray', async () => {
    const p = params({ kind: 'binary', n: 1 });
    const m = await writeDataset(p, () => {});
    const png = decode(readFileSync(join(p.out, m.samples[0].mask)));
    expect(png.channels).toBe(1);
    expect(png.depth).toBe(8);
    expect([...new Set(png.data)].sort()).toEqual([0, 1]);
    expect(m.classes).toEqual(['background', 'curve']);
  });
});
