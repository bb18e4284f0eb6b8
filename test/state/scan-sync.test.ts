/**
 * The display levels follow the layout's deskew as they follow its rotation: the viewer shows the
 * upright frame the layout's coordinates refer to, with the same pixels the digitise pipeline reads.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prepareUpright } from '../../src/core/digitise';
import { createDecodeService } from '../../src/io/decode/service';
import { nodeDecodeEnv } from '../../src/node/decode';
import { setLayout } from '../../src/state/layout-edits';
import { createLoader, type ScanDecoder } from '../../src/state/load';
import { levelsMatchLayout, startScanSync } from '../../src/state/scan-sync';
import { createAppStore } from '../../src/state/store';
import { samplePath } from '../digitise/sample';

const service = createDecodeService(nodeDecodeEnv);
const decoder: ScanDecoder = {
  probe: (f, n) => ({ promise: service.probe(f, n), cancel() {} }),
  decode: (f, n, r, p) => ({ promise: service.decode(f, n, r, p), cancel() {} }),
  view: (s, t, p) => ({ promise: service.view(s, t, p), cancel() {} }),
  upright: (s, r, p) => ({ promise: service.upright(s, r, p), cancel() {} }),
};
const sample = () => new Blob([readFileSync(samplePath('png'))]);
const same = (a: Uint8Array, b: Uint8Array) => Buffer.compare(Buffer.from(a.buffer, a.byteOffset, a.length), Buffer.from(b.buffer, b.byteOffset, b.length)) === 0;

describe('display levels and deskew', () => {
  it('a deskew (and its undo) rebuilds the levels with the pipeline’s pixels', async () => {
    const store = createAppStore();
    const stop = startScanSync(store, decoder);
    await createLoader(store, decoder).openFile(sample(), 'synthetic-log.png');
    const source = store.getState().scan.source!;
    store.getState().updateDocument('Deskew', setLayout({ deskew: 0.4 }));
    expect(levelsMatchLayout(store.getState())).toBe(false); // being rebuilt: Digitise waits
    await expect.poll(() => store.getState().scan.deskewFor).toBe(0.4);
    const s = store.getState();
    expect(levelsMatchLayout(s)).toBe(true);
    expect(s.scan.deskew).toBe(0.4);
    expect(same(s.scan.levels[0].data, prepareUpright(source, { rotate: 0, deskew: 0.4 }).upright.data)).toBe(true);
    expect(s.scan.levels.map((l) => l.height)).toEqual([6000, 3000, 1500, 750, 375]);
    store.getState().undo();
    await expect.poll(() => store.getState().scan.deskewFor).toBe(0);
    expect(store.getState().scan.levels[0]).toBe(source);
    stop();
  });

  it("'auto' shows the scan deskewed by the estimate, and says which angle it used", async () => {
    const store = createAppStore();
    const stop = startScanSync(store, decoder);
    await createLoader(store, decoder).openFile(sample(), 'synthetic-log.png');
    store.getState().updateDocument('Deskew', setLayout({ deskew: 'auto' }));
    await expect.poll(() => store.getState().scan.deskewFor, { timeout: 20_000 }).toBe('auto');
    expect(Math.abs(store.getState().scan.deskew - 0.4)).toBeLessThan(0.05);
    stop();
  });

  it('a restored session opens turned upright as its layout says', async () => {
    const store = createAppStore();
    await createLoader(store, decoder).openFile(sample(), 'synthetic-log.png');
    const doc = { ...store.getState().doc, layout: { ...store.getState().doc.layout, deskew: 0.4 } };
    const fresh = createAppStore();
    expect(await createLoader(fresh, decoder).restoreSession(sample(), doc, store.getState().history)).toBe(true);
    expect(fresh.getState().scan).toMatchObject({ deskewFor: 0.4, deskew: 0.4 });
    expect(levelsMatchLayout(fresh.getState())).toBe(true);
  });
});
