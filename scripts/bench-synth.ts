/**
 * npm run bench:synth [-- --runs 7]
 * Median seconds to render one 12,800 × 2,000 synthetic sample on one core (target ≤ 3 s), and the
 * median with the dataset writer's encoding (image PNG/JPEG + mask PNG) added. On a shared machine the
 * wall-clock figure includes time waiting for a core, so the process CPU time is printed beside it.
 * Seeds are fixed, so the same mix of defects is timed on every run; one untimed warm-up render first.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkLibrary } from '../src/core/synth/library.ts';
import { renderSample } from '../src/core/synth/render.ts';
import { encodeGrayJpeg, maskBytes } from '../src/node/synth-files.ts';
import { encodeGrayPng } from '../src/node/png-gray.ts';

const TARGET_S = 3;
const LENGTH = 12_800;
const WIDTH = 2_000;

const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 7;
if (!Number.isInteger(runs) || runs < 1) {
  process.stderr.write('bench:synth: --runs must be a whole number ≥ 1\n');
  process.exit(2);
}
const libPath = resolve(import.meta.dirname, '../src/core/synth/curve-library.json');
const library = existsSync(libPath) ? checkLibrary(JSON.parse(readFileSync(libPath, 'utf8'))) : undefined;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

renderSample(1000, {}, library, { length: 2000, width: 1000 }); // warm-up: JIT, glyph cache
const render: number[] = [];
const renderCpu: number[] = [];
const total: number[] = [];
const totalCpu: number[] = [];
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const s = renderSample(1 + i, {}, library, { length: LENGTH, width: WIDTH });
  const t1 = performance.now();
  const c1 = process.cpuUsage(c0);
  renderCpu.push((c1.user + c1.system) / 1e6);
  const { data, width, height } = s.image;
  if (s.jpegQuality !== null) encodeGrayJpeg(data, width, height, s.jpegQuality);
  else encodeGrayPng(data, width, height);
  encodeGrayPng(maskBytes(s.mask, 'multiclass'), width, height);
  const t2 = performance.now();
  const c2 = process.cpuUsage(c0);
  totalCpu.push((c2.user + c2.system) / 1e6);
  render.push((t1 - t0) / 1000);
  total.push((t2 - t0) / 1000);
  process.stderr.write(`  seed ${1 + i}: render ${render[i].toFixed(2)} s (cpu ${renderCpu[i].toFixed(2)} s), with encoding ${total[i].toFixed(2)} s  [${s.info.defects.join(', ') || 'clean'}]\n`);
}
const m = median(render);
console.log(`bench:synth  ${WIDTH} × ${LENGTH} px, ${runs} samples, one core${library ? ', curve library on' : ''}`);
console.log(`  render median            ${m.toFixed(2)} s/sample  (target ≤ ${TARGET_S} s: ${m <= TARGET_S ? 'met' : 'NOT met'}, ratio ${(m / TARGET_S).toFixed(2)})`);
console.log(`  render cpu-time median   ${median(renderCpu).toFixed(2)} s/sample  (user+system CPU of this process: what one core spends when others compete for it)`);
console.log(`  render + encode median   ${median(total).toFixed(2)} s/sample  (cpu ${median(totalCpu).toFixed(2)} s)`);
