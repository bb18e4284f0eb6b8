/** The copied LAS fixtures are the originals, byte for byte, and each one is attributed. */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from './real-files.ts';

const attribution = readFileSync(resolve(FIXTURES, 'ATTRIBUTION.md'), 'utf8');
const listed = new Map(
  [...attribution.matchAll(/^([0-9a-f]{64})  (\S+)$/gm)].map((m) => [m[2], m[1]] as const),
);
const files = readdirSync(FIXTURES).filter((n) => /\.las$/i.test(n));

describe('LAS fixtures', () => {
  it('are all listed in ATTRIBUTION.md, with its sha256', () => {
    expect(files.length).toBeGreaterThan(0);
    expect([...listed.keys()].sort()).toEqual([...files].sort());
  });

  it.each(files)('%s is unchanged (sha256)', (name) => {
    const sum = createHash('sha256').update(readFileSync(resolve(FIXTURES, name))).digest('hex');
    expect(sum).toBe(listed.get(name));
  });

  it('carries the KGS citation the KGS terms require', () => {
    expect(attribution).toContain(
      'The source of this material is the Kansas Geological Survey website at http://www.kgs.ku.edu/.\nAll Rights Reserved.',
    );
  });
});
