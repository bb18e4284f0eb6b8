import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { depthMap, valueMap } from '../../src/core/calibration';
import { SegClass } from '../../src/core/types';
import { checkLibrary, libraryValues } from '../../src/core/synth/library';
import { NO_DEFECTS } from '../../src/core/synth/defect-plan';
import { Rng } from '../../src/core/synth/prng';
import { renderSample } from '../../src/core/synth/render';

const PATH = resolve(__dirname, '../../src/core/synth/curve-library.json');
const library = checkLibrary(JSON.parse(readFileSync(PATH, 'utf8')));

describe('committed curve library', () => {
  it('is small and names the source and licence of every curve', () => {
    expect(statSync(PATH).size).toBeLessThan(1024 * 1024);
    for (const c of library.curves) {
      const src = library.sources[c.source];
      expect(src.licence.length).toBeGreaterThan(5);
      expect(src.attribution.length).toBeGreaterThan(10);
    }
    expect(new Set(library.curves.map((c) => c.kind))).toEqual(new Set(['GR', 'RES', 'RHOB', 'NPHI', 'DPHI', 'PEF', 'CALI', 'TENS']));
  });

  it('holds real-looking values in canonical units', () => {
    const median = (kind: string) => {
      const v = library.curves.filter((c) => c.kind === kind).flatMap((c) => c.values).filter((x): x is number => x !== null).sort((a, b) => a - b);
      return v[Math.floor(v.length / 2)];
    };
    expect(median('GR')).toBeGreaterThan(10);
    expect(median('GR')).toBeLessThan(200);
    expect(median('RHOB')).toBeGreaterThan(2);
    expect(median('RHOB')).toBeLessThan(3);
    expect(median('NPHI')).toBeGreaterThan(0);
    expect(median('NPHI')).toBeLessThan(0.6);
  });
});

describe('libraryValues', () => {
  it('cuts deterministic, hole-free runs of any length', () => {
    const a = libraryValues(new Rng(5), library, 'GR', 20_000, 0.5)!;
    const b = libraryValues(new Rng(5), library, 'GR', 20_000, 0.5)!;
    expect(a).toHaveLength(20_000);
    expect(a.every(Number.isFinite)).toBe(true);
    expect(Array.from(a)).toEqual(Array.from(b));
  });

  it('returns null for a kind it does not hold', () => {
    expect(libraryValues(new Rng(5), library, 'DT', 100, 0.5)).toBeNull();
  });
});

describe('rendering with real curves', () => {
  it('draws library curves whose truth lands on the curve ink', () => {
    const s = renderSample(21, { minLen: 1600, maxLen: 2000, libraryRate: 1 }, library, { defects: NO_DEFECTS });
    expect(s.info.libraryCurves).toBeGreaterThan(0);
    const dm = depthMap(s.layout.depth);
    let points = 0;
    for (const c of s.truth.curves.filter((x) => x.style === 'solid')) {
      const track = s.layout.tracks[c.track];
      const vm = valueMap(track.curves[c.curve], track);
      c.value.forEach((v, k) => {
        if (v === null) return;
        points++;
        const cls = s.mask[Math.floor(dm.yAt(c.depth[k])) * s.image.width + Math.floor(vm.xAt(v).x)];
        expect([SegClass.SolidCurve, SegClass.BrokenCurve]).toContain(cls);
      });
    }
    expect(points).toBeGreaterThan(50);
  });
});
