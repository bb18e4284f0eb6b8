/**
 * Draws a digitised LAS back over its scan, to look at what the tracer followed: each chosen curve's
 * LAS values are mapped back to pixels through the layout (value → x with the curve's scale and
 * backup cycle, depth → y with the depth map) and drawn in colour over the upright scan.
 *
 *   npx tsx scripts/overlay-traces.ts SCAN LAYOUT.json IN.las OUT_PREFIX [--curves GR,DT] [--windows 2600-3600,6000-7000] [--overview 4]
 *
 * Writes OUT_PREFIX-overview.png (the whole log, 1/N size) and OUT_PREFIX-<y0>.png per window (full
 * resolution, a 1-px line per LAS sample). The scan goes through the same decode and prepareUpright
 * as the CLI, so the overlay sits on the pixels the tracer saw.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { encode } from 'fast-png';
import { depthMap, valueMap } from '../src/core/calibration/index.ts';
import { prepareUpright } from '../src/core/digitise/index.ts';
import { readLas } from '../src/core/las/index.ts';
import type { Raster } from '../src/core/raster.ts';
import { decodeFile } from '../src/node/decode.ts';
import { readLayoutFile } from '../src/node/cli/digitise-file.ts';

const COLOURS: [number, number, number][] = [[230, 25, 75], [0, 130, 200], [60, 180, 75], [245, 130, 48], [145, 30, 180]];
/** the same curve read on a backup scale (wrap cycle ≠ 0): a wrong cycle shows as a colour change */
const BACKUP: [number, number, number][] = [[255, 160, 0], [0, 220, 220], [180, 230, 0], [255, 0, 200], [120, 120, 255]];

const { values: opt, positionals } = parseArgs({ allowPositionals: true, options: { curves: { type: 'string' }, windows: { type: 'string' }, overview: { type: 'string' } } });
const [scanPath, layoutPath, lasPath, prefix] = positionals;
if (!prefix) throw new Error('usage: overlay-traces.ts SCAN LAYOUT.json IN.las OUT_PREFIX [--curves GR,DT] [--windows a-b,...] [--overview N]');

interface Trace {
  name: string;
  /** x, y pairs in upright pixels per LAS sample */
  pts: Float64Array;
  /** backup-scale cycle per sample (0 = the main scale) */
  cycle: Int8Array;
}

/** Polyline points (x, y) in upright pixels per chosen curve; a NaN point breaks the line. */
function tracesOf(layoutFile: Awaited<ReturnType<typeof readLayoutFile>>, lasText: string, names: string[] | null): Trace[] {
  const las = readLas(lasText);
  const dm = depthMap(layoutFile.depth);
  const specs = layoutFile.tracks.flatMap((t) => t.curves.map((c) => ({ c, t })));
  return las.curves.slice(1).flatMap((col, i) => {
    const name = col.mnemonic;
    if (names && !names.includes(name)) return [];
    const found = specs.find((s) => s.c.mnemonic === name);
    if (!found) return [];
    const vm = valueMap(found.c, found.t);
    const pts = new Float64Array(2 * las.data[0].length);
    const cycle = new Int8Array(las.data[0].length);
    las.data[0].forEach((d, k) => {
      const p = vm.xAt(las.data[i + 1][k]);
      pts[2 * k] = p.x;
      pts[2 * k + 1] = dm.yAt(d);
      cycle[k] = p.cycle;
    });
    return [{ name, pts, cycle }];
  });
}

/** The gray scan region [y0, y1) shrunk by `s` (box average) as RGB. */
function rgbOf(r: Raster, y0: number, y1: number, s: number): { w: number; h: number; rgb: Uint8Array } {
  const w = Math.floor(r.width / s), h = Math.floor((y1 - y0) / s);
  const rgb = new Uint8Array(w * h * 3);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let sum = 0;
      for (let j = 0; j < s; j++) for (let i = 0; i < s; i++) sum += r.data[(y0 + y * s + j) * r.width + x * s + i];
      // the scan faded to 60% so the coloured traces stand out on black ink
      const g = 255 - 0.6 * (255 - sum / (s * s));
      rgb.fill(g, 3 * (y * w + x), 3 * (y * w + x) + 3);
    }
  }
  return { w, h, rgb };
}

function drawLine(img: { w: number; h: number; rgb: Uint8Array }, ax: number, ay: number, bx: number, by: number, c: [number, number, number]): void {
  const n = Math.max(1, Math.ceil(Math.max(Math.abs(bx - ax), Math.abs(by - ay))));
  for (let k = 0; k <= n; k++) {
    const x = Math.floor(ax + ((bx - ax) * k) / n), y = Math.floor(ay + ((by - ay) * k) / n);
    if (x < 0 || y < 0 || x >= img.w || y >= img.h) continue;
    img.rgb.set(c, 3 * (y * img.w + x));
  }
}

function render(r: Raster, traces: Trace[], y0: number, y1: number, s: number, out: string): void {
  const img = rgbOf(r, y0, y1, s);
  traces.forEach((t, ci) => {
    for (let k = 2; k < t.pts.length; k += 2) {
      const c = (t.cycle[k / 2] === 0 ? COLOURS : BACKUP)[ci % COLOURS.length];
      const [ax, ay, bx, by] = [t.pts[k - 2], t.pts[k - 1], t.pts[k], t.pts[k + 1]];
      // a backup-cycle jump (GR leaving one edge, re-entering at the other) is not a line across the track
      if ([ax, ay, bx, by].some(Number.isNaN) || Math.abs(bx - ax) > 0.5 * r.width) continue;
      drawLine(img, ax / s, (ay - y0) / s, bx / s, (by - y0) / s, c);
    }
  });
  writeFileSync(out, encode({ width: img.w, height: img.h, data: img.rgb, channels: 3, depth: 8 }));
  console.log(`wrote ${out} (${img.w} × ${img.h})`);
}

const layout = await readLayoutFile(layoutPath);
const { upright } = prepareUpright((await decodeFile(scanPath)).raster, layout);
const traces = tracesOf(layout, readFileSync(lasPath, 'utf8'), opt.curves ? opt.curves.split(',') : null);
console.log(`curves: ${traces.map((t, i) => `${t.name} (rgb ${COLOURS[i % COLOURS.length].join(',')}; on a backup scale rgb ${BACKUP[i % BACKUP.length].join(',')})`).join(', ')}`);
const s = Number(opt.overview ?? 4);
render(upright, traces, 0, upright.height - (upright.height % s), s, `${prefix}-overview.png`);
for (const w of (opt.windows ?? '').split(',').filter(Boolean)) {
  const [a, b] = w.split('-').map(Number);
  render(upright, traces, Math.max(0, a), Math.min(upright.height, b), 1, `${prefix}-${a}.png`);
}
