/**
 * npm run synth:preview [-- --seed S --out runs/synth-preview.png --real PATH]
 * A contact sheet for judging realism: crops of 12 random synthetic samples (4 × 3, left) next to
 * 6 crops of the real scan (right). Every crop covers the same paper size (2 × 2 in) shown at
 * 200 dpi, so a 100-dpi sample looks as soft as it would on screen beside a 200-dpi scan.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { decode } from 'fast-png';
import { checkLibrary } from '../src/core/synth/library.ts';
import { Rng } from '../src/core/synth/prng.ts';
import { renderSample } from '../src/core/synth/render.ts';
import { Sheet } from '../src/core/synth/sheet.ts';
import { drawText } from '../src/core/synth/text.ts';
import { encodeGrayPng } from '../src/node/png-gray.ts';

const TILE = 400; // px on the sheet = 2 in at 200 dpi
const GAP = 16;
const CAPTION = 44;

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

interface Gray { width: number; height: number; data: Uint8Array }

/** Decode a PNG (1-bit or 8-bit gray) into 8-bit gray. */
function readGrayPng(path: string): Gray {
  const p = decode(readFileSync(path));
  if (p.channels !== 1) throw new Error(`${path}: expected a grayscale PNG, got ${p.channels} channels`);
  if (p.depth === 8) return { width: p.width, height: p.height, data: p.data as Uint8Array };
  if (p.depth !== 1) throw new Error(`${path}: unsupported bit depth ${p.depth}`);
  const out = new Uint8Array(p.width * p.height);
  const stride = Math.ceil(p.width / 8);
  for (let y = 0; y < p.height; y++) {
    for (let x = 0; x < p.width; x++) out[y * p.width + x] = (p.data[y * stride + (x >> 3)] >> (7 - (x & 7))) & 1 ? 255 : 0;
  }
  return { width: p.width, height: p.height, data: out };
}

/** Bilinear crop of `size` source px at (x0, y0), resampled to TILE × TILE, pasted at (dx, dy). */
function paste(dst: Gray, src: Gray, x0: number, y0: number, size: number, dx: number, dy: number): void {
  const s = size / TILE;
  for (let y = 0; y < TILE; y++) {
    const sy = Math.min(src.height - 1.001, Math.max(0, y0 + (y + 0.5) * s - 0.5));
    const iy = Math.floor(sy);
    const fy = sy - iy;
    for (let x = 0; x < TILE; x++) {
      const sx = Math.min(src.width - 1.001, Math.max(0, x0 + (x + 0.5) * s - 0.5));
      const ix = Math.floor(sx);
      const fx = sx - ix;
      const i = iy * src.width + ix;
      const top = src.data[i] * (1 - fx) + src.data[i + 1] * fx;
      const bot = src.data[i + src.width] * (1 - fx) + src.data[i + src.width + 1] * fx;
      dst.data[(dy + y) * dst.width + dx + x] = top * (1 - fy) + bot * fy;
    }
  }
}

function main(): void {
  const seed = Number(arg('seed', String(Date.now() % 100000)));
  const out = resolve(arg('out', 'runs/synth-preview.png'));
  const realPath = resolve(arg('real', resolve(import.meta.dirname, '../../shared/data/raster/273101.png')));
  if (!existsSync(realPath)) throw new Error(`real scan ${realPath} not found; pass --real PATH`);
  const libPath = resolve(import.meta.dirname, '../src/core/synth/curve-library.json');
  const library = existsSync(libPath) ? checkLibrary(JSON.parse(readFileSync(libPath, 'utf8'))) : undefined;
  const rng = new Rng(seed);
  const cols = 6;
  const W = cols * TILE + (cols + 1) * GAP + GAP;
  const H = 3 * TILE + 4 * GAP + CAPTION;
  const sheet: Gray = { width: W, height: H, data: new Uint8Array(W * H).fill(200) };
  const realX = 4 * (TILE + GAP) + 2 * GAP;
  for (let i = 0; i < 12; i++) {
    const s = renderSample(rng.u32(), { minLen: 3200, maxLen: 6400 }, library);
    const size = Math.round((2 * s.info.dpi * 1) / 1);
    const x0 = rng.range(0, Math.max(0, s.image.width - size));
    const y0 = rng.range(0, Math.max(0, s.image.height - size));
    const dx = GAP + (i % 4) * (TILE + GAP);
    const dy = CAPTION + GAP + Math.floor(i / 4) * (TILE + GAP);
    paste(sheet, s.image, x0, y0, size, dx, dy);
    process.stderr.write(`  sample ${i + 1}/12: seed ${s.seed}, ${s.info.dpi} dpi, ${s.info.defects.join(', ') || 'clean'}\n`);
  }
  const real = readGrayPng(realPath);
  for (let i = 0; i < 6; i++) {
    // the main pass and repeat section (rows 2,600–15,800), and now and then the header
    const y0 = i === 5 && rng.chance(0.5) ? rng.range(0, 2200) : rng.range(2600, 15400);
    const x0 = rng.range(0, real.width - 400);
    paste(sheet, real, x0, y0, 400, realX + (i % 2) * (TILE + GAP), CAPTION + GAP + Math.floor(i / 2) * (TILE + GAP));
  }
  const ink = new Sheet(W, CAPTION);
  drawText(ink, `synthetic: 12 random samples (preview seed ${seed})`, GAP, 32, { size: 22, weight: 2.2 });
  drawText(ink, 'real scan 273101 (200 dpi)', realX, 32, { size: 22, weight: 2.2 });
  ink.commit(1, 4);
  for (let i = 0; i < W * CAPTION; i++) sheet.data[i] = Math.min(sheet.data[i], ink.trans[i]);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, encodeGrayPng(sheet.data, W, H));
  console.log(`wrote ${out} (${W} × ${H})`);
}

main();
