/**
 * npm run bench:db — session storage in Debian's Chromium on a full-size session: 12 curves of
 * 50,000 rows, 500 undo steps, a 40 MB scan. For each operation prints the median wall time and
 * the median longest main-thread block (heartbeat gap); the budget is no block > 100 ms.
 * The last line is machine-readable.  Env: BENCH_ROWS, BENCH_RUNS.
 */
import { build } from 'vite';
import { chromium } from '@playwright/test';
import type { BenchConfig } from './bench-db-page.ts';

const cfg: BenchConfig = {
  rows: Number(process.env.BENCH_ROWS ?? 50_000),
  curves: Number(process.env.BENCH_CURVES ?? 12),
  undoEntries: Number(process.env.BENCH_UNDO ?? 500),
  scanBytes: Number(process.env.BENCH_SCAN_BYTES ?? 40_000_000),
  runs: Number(process.env.BENCH_RUNS ?? 5),
};

/** The bench page and the workers it starts, by URL path. */
async function bundle(): Promise<Map<string, string | Uint8Array>> {
  const out = await build({
    configFile: false, logLevel: 'warn',
    build: { write: false, minify: false, lib: { entry: 'scripts/bench-db-page.ts', formats: ['es'], fileName: 'bench' } },
    worker: { format: 'es' },
  });
  const outputs = (Array.isArray(out) ? out : [out]) as { output: { type: string; fileName: string; code?: string; source?: string | Uint8Array }[] }[];
  const files = new Map<string, string | Uint8Array>();
  for (const o of outputs[0].output) files.set(`/${o.fileName}`, o.code ?? o.source ?? '');
  if (!files.has('/bench.js')) throw new Error(`bench page did not bundle: ${[...files.keys()].join(', ')}`);
  return files;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const files = await bundle();
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
// IndexedDB needs a real origin and crypto.subtle a secure one: localhost, served from memory
// (the route answers every request; nothing listens on the port).
const origin = 'http://localhost:4408';
await page.route(`${origin}/**`, (route) => {
  const file = files.get(new URL(route.request().url()).pathname);
  if (file === undefined) return route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bench</title>' });
  return route.fulfill({ contentType: 'text/javascript', body: typeof file === 'string' ? file : Buffer.from(file) });
});
page.on('crash', () => console.error('the bench page crashed'));
page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
await page.goto(`${origin}/`);
const results = await page.evaluate(async (c) => {
  const mod = (await import('/bench.js' as string)) as typeof import('./bench-db-page.ts');
  return mod.runBench(c);
}, cfg);
await browser.close();

console.log(`session: ${cfg.curves} curves × ${cfg.rows} rows, ${cfg.undoEntries} undo steps, ${cfg.scanBytes / 1e6} MB scan; ${cfg.runs} runs, Chromium`);
const summary: Record<string, { ms: number; blockedMs: number }> = {};
for (const [op, runs] of Object.entries(results)) {
  summary[op] = { ms: median(runs.map((r) => r.ms)), blockedMs: median(runs.map((r) => r.blockedMs)) };
  console.log(`${op.padEnd(11)} median ${summary[op].ms.toFixed(1).padStart(7)} ms   longest main-thread block ${summary[op].blockedMs.toFixed(1).padStart(6)} ms`);
}
console.log(JSON.stringify({ bench: 'db', ...cfg, summary }));
