import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDecodeService } from '../../src/io/decode/service';
import { nodeDecodeEnv } from '../../src/node/decode';
import { createLoader, type ScanDecoder } from '../../src/state/load';
import { startScanSync } from '../../src/state/scan-sync';
import { createAppStore } from '../../src/state/store';

// The loader with the real decoders, called in-process (the browser runs the same service in a worker).
const service = createDecodeService(nodeDecodeEnv);
const decoder: ScanDecoder = {
  probe: (f, n) => ({ promise: service.probe(f, n), cancel() {} }),
  decode: (f, n, r, p) => ({ promise: service.decode(f, n, r, p), cancel() {} }),
  view: (s, t, p) => ({ promise: service.view(s, t, p), cancel() {} }),
  upright: (s, r, p) => ({ promise: service.upright(s, r, p), cancel() {} }),
};

const file = (name: string) => new Blob([readFileSync(resolve(__dirname, '../fixtures/decode', name))]);
const e2eFile = (name: string) => new Blob([readFileSync(resolve(__dirname, '../../e2e/fixtures', name))]);

describe('opening scans through the store', () => {
  it('opens a PNG: document scan ref with its hash, upright pyramid, fresh history', async () => {
    const store = createAppStore();
    const loader = createLoader(store, decoder);
    expect(await loader.openFile(e2eFile('log-scan.png'), 'log-scan.png')).toBe(true);
    const { doc, scan, history, jobs } = store.getState();
    expect(doc.scan).toMatchObject({ fileName: 'log-scan.png', format: 'png', width: 1600, height: 6400, dpi: 200 });
    expect(doc.scan?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(scan.levels.map((l) => l.height)).toEqual([6400, 3200, 1600, 800, 400]);
    expect(scan.levels[0]).toBe(scan.source);
    expect(history.undo).toEqual([]);
    expect(jobs).toEqual({}); // the decode job ended
  });

  it('a bad file shows its message and leaves the open scan untouched', async () => {
    const store = createAppStore();
    const loader = createLoader(store, decoder);
    await loader.openFile(file('gray8.png'), 'gray8.png');
    const before = store.getState();
    expect(await loader.openFile(file('truncated.jpg'), 'truncated.jpg')).toBe(false);
    const after = store.getState();
    expect(after.view.notice).toMatchObject({ kind: 'error', title: 'Could not open truncated.jpg', message: expect.stringMatching(/^truncated\.jpg: .*incomplete/) });
    expect(after.doc).toBe(before.doc);
    expect(after.scan.levels).toBe(before.scan.levels);
    expect(after.history).toBe(before.history);
  });

  it('a multi-page TIFF waits in the page chooser; the chosen page opens', async () => {
    const store = createAppStore();
    const loader = createLoader(store, decoder);
    await loader.openFile(file('multipage-g4.tif'), 'multipage-g4.tif');
    expect(store.getState().doc.scan).toBeNull();
    expect(store.getState().view.pageChooser?.pages.map((p) => p.height)).toEqual([1200, 960, 1440]);
    store.getState().setPageChooser({ ...store.getState().view.pageChooser!, page: 2 });
    expect(await loader.openChosenPage()).toBe(true);
    expect(store.getState().doc.scan).toMatchObject({ page: 2, pageCount: 3, width: 480, height: 1440, compression: 'CCITT G4' });
    expect(store.getState().view.pageChooser).toBeNull();
    expect(store.getState().scan.pending).toBeNull();
  });

  it('a PDF page opens at the chosen resolution', async () => {
    const store = createAppStore();
    const loader = createLoader(store, decoder);
    await loader.openFile(file('log.pdf'), 'log.pdf');
    store.getState().setPageChooser({ ...store.getState().view.pageChooser!, page: 1, dpi: 72 });
    await loader.openChosenPage();
    expect(store.getState().doc.scan).toMatchObject({ format: 'pdf', page: 1, dpi: 72, width: 300, height: 900 });
  });

  it('rotation (and its undo) rebuilds the upright levels', async () => {
    const store = createAppStore();
    const loader = createLoader(store, decoder);
    const stop = startScanSync(store, decoder);
    await loader.openFile(e2eFile('horizontal-scan.png'), 'horizontal-scan.png');
    const source = store.getState().scan.source!;
    expect([source.width, source.height]).toEqual([6400, 1200]);
    store.getState().rotateScan(1);
    await expect.poll(() => store.getState().scan.turns).toBe(1);
    const up = store.getState().scan.levels[0];
    expect([up.width, up.height]).toEqual([1200, 6400]);
    // clockwise: source pixel (x, y) lands at (H−1−y, x)
    expect(up.data[5 * 1200 + (1200 - 1 - 7)]).toBe(source.data[7 * 6400 + 5]);
    store.getState().undo();
    await expect.poll(() => store.getState().scan.turns).toBe(0);
    expect(store.getState().scan.levels[0]).toBe(source);
    stop();
  });

  it('restores a session: document, history and rotation as saved', async () => {
    const store = createAppStore();
    const loader = createLoader(store, decoder);
    await loader.openFile(e2eFile('horizontal-scan.png'), 'horizontal-scan.png');
    store.getState().rotateScan(-1);
    const { doc, history } = store.getState();
    const fresh = createAppStore();
    expect(await createLoader(fresh, decoder).restoreSession(e2eFile('horizontal-scan.png'), doc, history)).toBe(true);
    expect(fresh.getState().doc).toBe(doc);
    expect(fresh.getState().history.undo).toHaveLength(1);
    expect(fresh.getState().scan.turns).toBe(3);
    expect(fresh.getState().scan.levels[0].height).toBe(6400);
  });
});

describe('cancelling', () => {
  it('Cancel during a chosen page brings the chooser back and keeps the open scan', async () => {
    const store = createAppStore();
    // The same service, but decode can be cancelled before it settles (as terminating the worker does).
    let cancelDecode: (() => void) | null = null;
    const slow: ScanDecoder = {
      ...decoder,
      decode: (f, n, r, p) => {
        let reject!: (e: Error) => void;
        const stop = new Promise<never>((_, rj) => (reject = rj));
        cancelDecode = () => reject(Object.assign(new Error('Cancelled.'), { name: 'CancelledError' }));
        return { promise: Promise.race([service.decode(f, n, r, p), stop]), cancel: cancelDecode };
      },
    };
    const loader = createLoader(store, slow);
    await loader.openFile(file('gray8.png'), 'gray8.png');
    const open = store.getState().doc;
    await loader.openFile(file('log.pdf'), 'log.pdf');
    const chooser = store.getState().view.pageChooser;
    const opening = loader.openChosenPage();
    expect(store.getState().view.pageChooser).toBeNull(); // hidden while decoding
    const [job] = Object.values(store.getState().jobs);
    store.getState().cancelJob(job.id);
    expect(await opening).toBe(false);
    expect(store.getState().view.pageChooser).toEqual(chooser);
    expect(store.getState().view.notice).toBeNull(); // cancelling is not an error
    expect(store.getState().doc).toBe(open);
    expect(store.getState().jobs).toEqual({});
  });
});
