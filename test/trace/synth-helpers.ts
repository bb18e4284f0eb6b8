/**
 * Generated scans as the tracer sees them: deskewed by the layout's angle, with the generator's mask as
 * a "perfect model" segmentation. Shared by test/trace/synth.test.ts and scripts/check-trace-synth.ts.
 */
import { renderSample } from '../../src/core/synth/render.ts';
import { deskew } from '../../src/core/raster/index.ts';
import { depthMap, tracedToSeries } from '../../src/core/calibration/index.ts';
import { traceCurves, type TraceOptions } from '../../src/core/trace/index.ts';
import { scoreCurve, type CurveScore } from '../../src/core/trace/score.ts';
import { SegClass, type Segmentation } from '../../src/core/types.ts';
import type { Raster } from '../../src/core/raster.ts';
import type { SynthSample } from '../../src/core/synth/render.ts';

/** Nearest-neighbour deskew for class masks (bilinear would invent classes); the same map as raster/deskew. */
export function deskewMask(mask: Uint8Array, w: number, h: number, degrees: number): Uint8Array {
  if (degrees === 0) return mask;
  const out = new Uint8Array(mask.length);
  const a = (degrees * Math.PI) / 180, cos = Math.cos(a), sin = Math.sin(a);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const dx = x + 0.5 - w / 2, dy = y + 0.5 - h / 2;
      const sx = Math.floor(w / 2 + cos * dx - sin * dy), sy = Math.floor(h / 2 + sin * dx + cos * dy);
      if (sx >= 0 && sx < w && sy >= 0 && sy < h) out[y * w + x] = mask[sy * w + sx];
    }
  }
  return out;
}

/** The mask as a segmentation: curve classes at a fixed, confident probability. */
export function maskSegmentation(mask: Uint8Array, w: number, h: number): Segmentation {
  const curveProb = new Uint8Array(mask.length);
  for (let i = 0; i < mask.length; i++) if (mask[i] === SegClass.SolidCurve || mask[i] === SegClass.BrokenCurve) curveProb[i] = 230;
  return { width: w, height: h, classes: mask, curveProb };
}

export interface UprightSample {
  sample: SynthSample;
  image: Raster;
  maskSeg: Segmentation;
}

export function uprightSample(seed: number, len: number, angle?: number): UprightSample {
  const sample = renderSample(seed, { minLen: len, maxLen: len });
  const a = angle ?? (sample.layout.deskew as number);
  const image = deskew(sample.image, a);
  return { sample, image, maskSeg: maskSegmentation(deskewMask(sample.mask, image.width, image.height, a), image.width, image.height) };
}

/** Traces every curve of the sample's layout on `seg` and scores each against the truth, in layout order. */
export function traceAndScore(u: UprightSample, seg: Segmentation, options: Partial<TraceOptions> = {}): CurveScore[] {
  const { layout, truth } = u.sample;
  const depths = depthMap(layout.depth);
  return traceCurves({ seg, scan: u.image, tracks: layout.tracks, options }).map((c) => {
    const track = layout.tracks[c.track], curve = track.curves[c.curve];
    const t = truth.curves.find((k) => k.track === c.track && k.curve === c.curve)!;
    return scoreCurve(tracedToSeries(c, curve, track, depths), t);
  });
}
