import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { depthMap, parseLayout, valueMap } from '../../src/core/calibration';
import { SegClass } from '../../src/core/types';
import { resolveConfig } from '../../src/core/synth/config';
import { NO_DEFECTS } from '../../src/core/synth/defect-plan';
import { renderSample, type SynthSample } from '../../src/core/synth/render';
import { bilevelMaskPass } from '../../src/core/synth/scan-passes';

// Short pages keep each render well under a second; seeds are fixed so failures reproduce.
const SHORT = { minLen: 1600, maxLen: 2400 };
const SEEDS = [1, 2, 3, 4, 5, 6];

function hashOf(s: SynthSample): string {
  const h = createHash('sha256');
  h.update(s.image.data);
  h.update(s.mask);
  h.update(JSON.stringify(s.truth));
  h.update(JSON.stringify(s.layout));
  return h.digest('hex');
}

const clean = new Map<number, SynthSample>();
function cleanRender(seed: number): SynthSample {
  let s = clean.get(seed);
  if (!s) {
    s = renderSample(seed, SHORT, undefined, { defects: NO_DEFECTS });
    clean.set(seed, s);
  }
  return s;
}

describe('renderSample determinism', () => {
  it('gives the same bytes for the same seed and config', () => {
    expect(hashOf(renderSample(42, SHORT))).toBe(hashOf(renderSample(42, SHORT)));
  });

  it('gives different pages for different seeds', () => {
    expect(hashOf(renderSample(42, SHORT))).not.toBe(hashOf(renderSample(43, SHORT)));
  });
});

describe('masks align with the image (defect-free renders)', () => {
  it.each(SEEDS)('every curve-ink pixel is dark (seed %i)', (seed) => {
    const s = cleanRender(seed);
    let curve = 0;
    let light = 0;
    for (let i = 0; i < s.mask.length; i++) {
      if (s.mask[i] !== SegClass.SolidCurve && s.mask[i] !== SegClass.BrokenCurve) continue;
      curve++;
      if (s.image.data[i] > 190) light++;
    }
    expect(curve).toBeGreaterThan(500);
    expect(light).toBe(0);
  });

  it.each(SEEDS)('paper pixels are bare paper (seed %i)', (seed) => {
    const s = cleanRender(seed);
    let inked = 0;
    for (let i = 0; i < s.mask.length; i++) if (s.mask[i] === SegClass.Paper && s.image.data[i] < 128) inked++;
    // only anti-aliased fringes (< 50 % coverage) may be inked and unlabelled, never solid ink
    expect(inked).toBe(0);
  });
});

describe('truth and layout', () => {
  it.each(SEEDS)('layout parses and validates (seed %i)', (seed) => {
    const s = cleanRender(seed);
    const parsed = parseLayout(JSON.parse(JSON.stringify(s.layout)));
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
  });

  it.each(SEEDS)('truth curves re-rendered through the layout land on curve ink (seed %i)', (seed) => {
    const s = cleanRender(seed);
    const dm = depthMap(s.layout.depth);
    let solidPoints = 0;
    let brokenPoints = 0;
    let brokenHits = 0;
    for (const c of s.truth.curves) {
      const track = s.layout.tracks[c.track];
      const vm = valueMap(track.curves[c.curve], track);
      c.value.forEach((v, k) => {
        if (v === null) return;
        const y = Math.floor(dm.yAt(c.depth[k]));
        const x = Math.floor(vm.xAt(v).x);
        const cls = s.mask[y * s.image.width + x];
        if (c.style === 'solid') {
          solidPoints++;
          expect([SegClass.SolidCurve, SegClass.BrokenCurve], `${c.mnemonic} at depth ${c.depth[k]}`).toContain(cls);
        } else {
          brokenPoints++;
          if (cls === SegClass.SolidCurve || cls === SegClass.BrokenCurve) brokenHits++;
        }
      });
    }
    expect(solidPoints + brokenPoints).toBeGreaterThan(100);
    // dashes cover at least a third of the length of a broken curve
    if (brokenPoints > 50) expect(brokenHits / brokenPoints).toBeGreaterThan(0.3);
  });

  it('gives each wrapped curve the backup side its truth is drawn on, and none to the others', () => {
    const sides = new Set<string>();
    let wrapped = 0;
    for (let seed = 1; seed <= 40 && (sides.size < 2 || wrapped < 4); seed++) {
      const s = renderSample(seed, SHORT, undefined, { defects: NO_DEFECTS });
      for (const c of s.truth.curves) {
        const spec = s.layout.tracks[c.track].curves[c.curve];
        if (!c.wrap) {
          expect(spec.backup, `${c.mnemonic}, seed ${seed}`).toBeUndefined();
          continue;
        }
        wrapped++;
        // the cycle each drawn value is on: 0 on the track, +1 one span past its right edge
        const cycles = c.value.filter((v): v is number => v !== null).map((v) => Math.floor((v - c.left) / (c.right - c.left)));
        const past = { right: cycles.some((k) => k > 0), left: cycles.some((k) => k < 0) };
        // one that stays on its track gets the side its high values would leave by
        const want = past.right && past.left ? 'both' : past.left ? 'left' : past.right ? 'right' : c.right > c.left ? 'right' : 'left';
        expect(spec.backup, `${c.mnemonic}, seed ${seed}`).toBe(want);
        if (past.right || past.left) sides.add(spec.backup!);
      }
    }
    expect(wrapped).toBeGreaterThan(3);
    expect(sides.size, 'seeds 1–40 should wrap on both sides').toBeGreaterThanOrEqual(2);
  });

  it.each(SEEDS)('each seed pixel is on ink of its own curve class (seed %i)', (seed) => {
    const s = cleanRender(seed);
    for (const t of s.layout.tracks) {
      for (const c of t.curves) {
        const cls = s.mask[Math.floor(c.seed.y) * s.image.width + Math.floor(c.seed.x)];
        expect(cls, `${c.mnemonic} seed`).toBe(c.style === 'broken' ? SegClass.BrokenCurve : SegClass.SolidCurve);
      }
    }
  });
});

describe('skewed scans', () => {
  it('keeps the mask on the ink after skew, and records the angle as the layout deskew', () => {
    const s = renderSample(7, SHORT, undefined, { defects: { ...NO_DEFECTS, skew: 1.2 } });
    expect(s.layout.deskew).toBe(1.2);
    let curve = 0;
    let dark = 0;
    for (let i = 0; i < s.mask.length; i++) {
      if (s.mask[i] !== SegClass.SolidCurve && s.mask[i] !== SegClass.BrokenCurve) continue;
      curve++;
      if (s.image.data[i] < 200) dark++;
    }
    // nearest-neighbour mask vs bilinear image: a few edge pixels may differ, never a shifted curve
    expect(dark / curve).toBeGreaterThan(0.97);
  });
});

describe('1-bit scans', () => {
  /** Count labelled (non-paper) pixels with no black pixel within `r` px, and all labelled pixels. */
  function orphans(s: SynthSample, r: number): { labelled: number; orphan: number } {
    const { width: w, height: h, data } = s.image;
    let labelled = 0;
    let orphan = 0;
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        if (s.mask[y * w + x] === SegClass.Paper) continue;
        labelled++;
        let ink = false;
        for (let dy = -r; dy <= r && !ink; dy++) {
          for (let dx = -r; dx <= r && !ink; dx++) {
            const yy = y + dy;
            const xx = x + dx;
            ink = yy >= 0 && yy < h && xx >= 0 && xx < w && data[yy * w + xx] === 0;
          }
        }
        if (!ink) orphan++;
      }
    }
    return { labelled, orphan };
  }

  // seed 3 plans a 1-bit threshold at this page size that erases 45,000 labelled pixels' ink
  it('labels only ink that survived binarisation', () => {
    const s = renderSample(3, SHORT);
    expect(s.info.defects).toContain('1-bit');
    const { labelled, orphan } = orphans(s, 1);
    expect(labelled).toBeGreaterThan(10_000);
    expect(orphan).toBe(0);
  });

  it('clears a label only where the 1-bit scan has no ink nearby', () => {
    const w = 9;
    const h = 5;
    const img = new Uint8Array(w * h).fill(255);
    img[2 * w + 2] = 0; // one black dot at (2, 2)
    const mask = new Uint8Array(w * h).fill(SegClass.Grid);
    bilevelMaskPass(img, mask, w, h, 1);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const near = Math.abs(x - 2) <= 1 && Math.abs(y - 2) <= 1;
        expect(mask[y * w + x], `(${x}, ${y})`).toBe(near ? SegClass.Grid : SegClass.Paper);
      }
    }
  });
});

describe('config', () => {
  it('names the bad field', () => {
    expect(() => resolveConfig({ minLen: 5000, maxLen: 4000 })).toThrow(/maxLen/);
    expect(() => resolveConfig({ defectRate: 2 })).toThrow(/defectRate/);
  });
});
