/**
 * Stochastic bed model: a layered earth sampled on the data grid (one value per depth step), shared
 * by all curves of a sample so that GR, resistivity, density and porosity respond to the same beds —
 * as on real logs, where the curves of neighbouring tracks mirror each other.
 */
import type { Rng } from './prng.ts';
import type { KindId } from './curve-kinds.ts';

export interface Geology {
  n: number;
  /** shale volume 0..1 */
  vsh: Float64Array;
  /** porosity 0..0.4 */
  phi: Float64Array;
  /** hydrocarbon saturation 0..1 */
  hc: Float64Array;
  /** matrix: 0 sand … 1 carbonate */
  carb: Float64Array;
  /** radioactive (hot) bed indicator 0..1 */
  hot: Float64Array;
}

/** Moving-average smoothing in place, two passes (≈ a triangular kernel); width in samples. */
export function smooth(a: Float64Array, width: number): void {
  const half = Math.max(0, Math.round(width / 2));
  if (half === 0) return;
  const n = a.length;
  const prefix = new Float64Array(n + 1);
  for (let pass = 0; pass < 2; pass++) {
    for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i] + a[i];
    for (let i = 0; i < n; i++) {
      const lo = Math.max(0, i - half);
      const hi = Math.min(n, i + half + 1);
      a[i] = (prefix[hi] - prefix[lo]) / (hi - lo);
    }
  }
}

/**
 * Beds of random lithology with exponential thicknesses. `samplesPerFoot` converts the geological
 * thickness scale (feet) into data samples, so metre logs get the same earth.
 */
export function makeGeology(rng: Rng, n: number, samplesPerFoot: number): Geology {
  const g: Geology = {
    n, vsh: new Float64Array(n), phi: new Float64Array(n), hc: new Float64Array(n),
    carb: new Float64Array(n), hot: new Float64Array(n),
  };
  const meanBedFt = rng.range(4, 18);
  let i = 0;
  while (i < n) {
    const thick = Math.max(1, Math.round(-Math.log(1 - rng.float()) * meanBedFt * samplesPerFoot));
    const lith = rng.weighted([['shale', 5], ['sand', 4], ['carb', 2], ['silt', 2]] as const);
    const vsh = lith === 'shale' ? rng.range(0.65, 1) : lith === 'silt' ? rng.range(0.3, 0.65) : rng.range(0, 0.25);
    const phi = lith === 'shale' ? rng.range(0.02, 0.1) : lith === 'carb' ? rng.range(0.01, 0.2) : rng.range(0.06, 0.32);
    const hc = lith !== 'shale' && rng.chance(0.25) ? rng.range(0.4, 0.9) : 0;
    const hot = lith === 'shale' && rng.chance(0.12) ? rng.range(0.4, 1.5) : 0;
    const carb = lith === 'carb' ? 1 : 0;
    const end = Math.min(n, i + thick);
    for (let k = i; k < end; k++) {
      g.vsh[k] = vsh;
      g.phi[k] = phi;
      g.hc[k] = hc;
      g.hot[k] = hot;
      g.carb[k] = carb;
    }
    i = end;
  }
  const trans = rng.range(0.5, 2.5) * samplesPerFoot;
  for (const a of [g.vsh, g.phi, g.hc, g.hot, g.carb]) smooth(a, trans);
  return g;
}

/** AR(1) noise series with std `sigma` and correlation length `corr` samples. */
export function arNoise(rng: Rng, n: number, sigma: number, corr: number): Float64Array {
  const out = new Float64Array(n);
  const a = Math.exp(-1 / Math.max(1, corr));
  const s = sigma * Math.sqrt(1 - a * a);
  let v = rng.normal() * sigma;
  for (let i = 0; i < n; i++) {
    v = a * v + s * rng.normal();
    out[i] = v;
  }
  return out;
}

/** Values of one curve of `kind` over the geology, in the kind's unit. */
export function respond(kind: KindId, g: Geology, rng: Rng, samplesPerFoot: number): Float64Array {
  const n = g.n;
  const out = new Float64Array(n);
  const noise = arNoise(rng, n, 1, rng.range(0.5, 3) * samplesPerFoot);
  const drift = arNoise(rng, n, 1, 400 * samplesPerFoot);
  const bit = rng.pick([6.125, 7.875, 8.5, 8.75, 9.875, 12.25]);
  const rsh = rng.range(0.4, 0.9); // log10 shale resistivity
  const invasion = rng.range(-0.4, 0.3);
  const washout = rng.range(0, 10); // in per unit shale above 0.6
  for (let i = 0; i < n; i++) {
    const vsh = g.vsh[i];
    const phi = g.phi[i];
    const hc = g.hc[i];
    const rhoma = 2.65 + 0.06 * g.carb[i];
    const rho = (1 - phi) * (rhoma * (1 - vsh) + 2.5 * vsh) + phi * (1 - 0.6 * hc);
    switch (kind) {
      case 'GR': out[i] = 18 + 100 * vsh + 110 * g.hot[i] + 4 * noise[i]; break;
      case 'SP': out[i] = -8 + 12 * drift[i] - 65 * (1 - vsh) + 1.5 * noise[i]; break;
      case 'CALI': out[i] = bit + washout * Math.max(0, vsh - 0.6) * (1 + 0.5 * noise[i]) - 0.15 * (1 - vsh) + 0.04 * noise[i]; break;
      case 'RHOB': out[i] = rho + 0.02 * noise[i]; break;
      case 'NPHI': out[i] = phi + 0.28 * vsh - 0.08 * hc + 0.012 * noise[i]; break;
      case 'DPHI': out[i] = (100 * (2.71 - rho)) / 1.71 + 0.8 * noise[i]; break;
      case 'DT': out[i] = 47 + 190 * phi + 35 * vsh + 1.5 * noise[i]; break;
      case 'PEF': out[i] = 1.9 + 3.2 * g.carb[i] + 1.4 * vsh + 0.15 * noise[i]; break;
      case 'RES': {
        const clean = 0.3 - 2 * Math.log10(Math.max(phi, 0.01)) * 0.5 + 2.2 * hc;
        const lr = vsh * rsh + (1 - vsh) * clean + invasion * hc + 0.06 * noise[i];
        out[i] = Math.pow(10, lr);
        break;
      }
      case 'TENS': out[i] = 6000 + 2500 * drift[i] + 60 * noise[i]; break;
      case 'SPD': out[i] = 30 + 2 * drift[i] + 0.8 * noise[i]; break;
    }
  }
  // the tool's vertical response: real curves are smooth at the scale of a foot or two
  if (kind === 'RES') {
    for (let i = 0; i < n; i++) out[i] = Math.log10(out[i]);
    smooth(out, rng.range(0.8, 3) * samplesPerFoot);
    for (let i = 0; i < n; i++) out[i] = 10 ** out[i];
  } else smooth(out, rng.range(0.8, 3) * samplesPerFoot);
  return out;
}
