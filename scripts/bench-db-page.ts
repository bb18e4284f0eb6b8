/**
 * Browser side of bench:db (bundled and loaded into Chromium by scripts/bench-db.ts). Times
 * session storage on a full-size session and measures how long the main thread is blocked.
 */
import { createSession, openSession, openTracewellDb, saveSession } from '../src/io/db/index.ts';
import type { SessionContent } from '../src/io/db/types.ts';
import { exportSessionFile, importSessionFile } from '../src/io/session-file/index.ts';
import { sha256Hex } from '../src/io/hash.ts';
import type { TracedCurve } from '../src/core/types.ts';

export interface BenchConfig {
  rows: number;
  curves: number;
  undoEntries: number;
  scanBytes: number;
  runs: number;
}

function curve(i: number, rows: number, shift = 0): TracedCurve {
  const x = new Float64Array(rows).map((_, y) => 200 + 100 * Math.sin((y + shift) / (50 + i)));
  return { track: i >> 2, curve: i & 3, y0: 0, x, confidence: new Float32Array(rows).fill(0.9), cycle: new Int8Array(rows) };
}

/** An undo step as the store records one: a drag over ~60 rows of one curve, as range patches. */
function entry(n: number) {
  const path = ['curves', n % 12, 'x'];
  return {
    label: `Drag points ${n}`, at: n,
    forward: [{ op: 'range', path, index: n * 10, values: new Float64Array(61).fill(n) }],
    inverse: [{ op: 'range', path, index: n * 10, values: new Float64Array(61).fill(n + 1) }],
  };
}

/** Longest gap between main-thread heartbeats while `op` runs: what a user would feel as a freeze. */
async function measure(op: () => Promise<unknown>): Promise<{ ms: number; blockedMs: number }> {
  const channel = new MessageChannel();
  let last = performance.now();
  let worst = 0;
  let running = true;
  channel.port1.onmessage = () => {
    const now = performance.now();
    worst = Math.max(worst, now - last);
    last = now;
    if (running) channel.port2.postMessage(0);
  };
  channel.port2.postMessage(0);
  const t0 = performance.now();
  await op();
  const ms = performance.now() - t0;
  running = false;
  worst = Math.max(worst, performance.now() - last);
  channel.port1.close();
  return { ms, blockedMs: worst };
}

export async function runBench(cfg: BenchConfig) {
  const db = await openTracewellDb({ name: `bench-${Date.now()}` });
  const scan = new Blob([new Uint8Array(cfg.scanBytes).map((_, i) => i * 7)], { type: 'image/png' });
  const content: SessionContent = {
    layout: null, exportSettings: { format: 'las' }, scanRef: null,
    curves: Array.from({ length: cfg.curves }, (_, i) => curve(i, cfg.rows)),
    history: { undo: Array.from({ length: cfg.undoEntries }, (_, n) => entry(n)), redo: [] },
  };
  // The decode worker hashes the scan as it reads it; the app passes that hash on.
  const scanHash = await sha256Hex(scan);
  const ops = ['create', 'firstSave', 'editSave', 'fullSave', 'open', 'exportFile', 'importFile'] as const;
  const results = Object.fromEntries(ops.map((op) => [op, [] as { ms: number; blockedMs: number }[]]));
  for (let r = 0; r < cfg.runs; r++) {
    let created!: Awaited<ReturnType<typeof createSession>>;
    results.create.push(await measure(async () => (created = await createSession(db, { scan, scanHash, scanName: 'bench.png' }))));
    const id = created.meta.id;
    // Digitise just finished: the first autosave writes every curve and the history.
    results.firstSave.push(await measure(() => saveSession(db, id, content, { tracker: created.tracker })));
    // One edit: one curve replaced, one undo step pushed — what an autosave after a drag writes.
    const curves = content.curves.slice();
    curves[3] = curve(3, cfg.rows, r + 1);
    const edited = { ...content, curves, history: { undo: [...content.history.undo, entry(9999)], redo: [] } };
    results.editSave.push(await measure(() => saveSession(db, id, edited, { tracker: created.tracker })));
    results.fullSave.push(await measure(() => saveSession(db, id, edited)));
    results.open.push(await measure(() => openSession(db, id)));
    let file!: Blob;
    results.exportFile.push(await measure(async () => (file = await exportSessionFile(db, id))));
    results.importFile.push(await measure(() => importSessionFile(db, file)));
  }
  return results;
}
