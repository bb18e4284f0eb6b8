/** The batch command's own pattern expansion (quoted patterns work the same in every shell). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { batchJobs } from '../../src/node/cli/batch';
import { expandGlob, hasWildcard } from '../../src/node/cli/glob';
import { tempDir } from './helpers';

describe('scan patterns', () => {
  const dir = tempDir('glob');
  for (const f of ['a.png', 'b.png', 'c.tif', '.hidden.png', 'scan (1).png', 'x/d.tif', 'x/e.tif', 'y/f.tif', 'y/g.png', 'y/a.tif']) {
    mkdirSync(join(dir, f, '..'), { recursive: true });
    writeFileSync(join(dir, f), '');
  }

  it('expands * ? and [..] within a segment, sorted, without hidden files', () => {
    expect(expandGlob(join(dir, '*.png')).map((p) => p.slice(dir.length + 1))).toEqual(['a.png', 'b.png', 'scan (1).png']);
    expect(expandGlob(join(dir, '[ac].*')).map((p) => p.slice(dir.length + 1))).toEqual(['a.png', 'c.tif']);
    expect(expandGlob(join(dir, '?/*.tif')).map((p) => p.slice(dir.length + 1))).toEqual(['x/d.tif', 'x/e.tif', 'y/a.tif', 'y/f.tif']);
    expect(expandGlob(join(dir, '.*.png')).map((p) => p.slice(dir.length + 1))).toEqual(['.hidden.png']);
    expect(expandGlob(join(dir, '*.jpg'))).toEqual([]);
  });

  it('tells patterns from plain names (brackets and parentheses in names are only patterns with [ ])', () => {
    expect(hasWildcard('scans/*.tif')).toBe(true);
    expect(hasWildcard('scans/a?.tif')).toBe(true);
    expect(hasWildcard('scans/scan (1).tif')).toBe(false);
  });

  it('names each LAS after its scan and refuses two scans that would write one file', () => {
    expect(batchJobs([join(dir, '*.png')], '/out').map((j) => j.las)).toEqual(['/out/a.las', '/out/b.las', '/out/scan (1).las']);
    expect(() => batchJobs([join(dir, 'a.png'), join(dir, 'y/a.tif')], '/out')).toThrow(/would both be written to \/out\/a\.las/);
    // one file named twice (a pattern and its name, or another spelling of the path) is digitised once
    expect(batchJobs([join(dir, '[ab].png'), `${dir}/y/../a.png`], '/out').map((j) => j.las)).toEqual(['/out/a.las', '/out/b.las']);
    expect(() => batchJobs([join(dir, '*.gif')], '/out')).toThrow(/no file matches .*\*\.gif/);
  });
});
