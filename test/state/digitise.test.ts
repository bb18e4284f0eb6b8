/**
 * The Digitise button's work through the store, on the bundled sample: the real tracer (in-process
 * here, in its worker in the browser), the real classical segmentation, and the real ONNX runtime
 * with the test fixture model for the model path. Nothing is written until the end: failures and
 * cancel leave the document as it was.
 */
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareUpright, runTrace, segmentClassical, type TraceJob } from '../../src/core/digitise';
import type { Raster } from '../../src/core/raster';
import { SegmentError } from '../../src/ml/errors';
import type { Segmenter } from '../../src/ml/segmenter';
import { createNodeSegmenter } from '../../src/node/segmenter-node';
import { createDigitiser, digitiseBlocker, type DigitiseDeps } from '../../src/state/digitise';
import { emptyDocument } from '../../src/state/document';
import { removeCurve, setSeed } from '../../src/state/layout-edits';
import { createAppStore } from '../../src/state/store';
import { sampleLayout, sampleScan } from '../digitise/sample';

/**
 * The trace worker's contract in process: the job crosses as postMessage would carry it, the model's
 * segmentation transferred (the caller's copy detached, as src/io/digitise-client.ts sends it), and the
 * result comes back the same way.
 */
const inProcessTracer: DigitiseDeps['tracer'] = {
  run: (job: TraceJob, onStage) => ({
    promise: Promise.resolve().then(() => {
      const moved = job.segmentation ? [...new Set([job.segmentation.classes.buffer, job.segmentation.curveProb.buffer])] : [];
      const r = runTrace(structuredClone(job, { transfer: moved as ArrayBuffer[] }), onStage);
      return structuredClone(r);
    }),
    cancel() {},
  }),
};
const noModel = () => Promise.reject(new SegmentError('model-missing', 'model index /models/index.json is missing (HTTP 404); the app was installed without its models'));

let source: Raster;
let upright: Raster;
beforeAll(async () => {
  source = await sampleScan();
  upright = prepareUpright(source, sampleLayout()).upright;
}, 120_000); // a loaded machine takes its time (decoding, deskew, tracing, model set-up)

function calibratedStore() {
  const store = createAppStore();
  const doc = { ...emptyDocument({ fileName: 'synthetic-log.png', sha256: 'a'.repeat(64) } as never), layout: sampleLayout() };
  store.getState().resetDocument(doc);
  store.getState().setScan({ source, levels: [upright], deskewFor: 0.4, deskew: 0.4 });
  store.setState((s) => ({ view: { ...s.view, step: 'digitise' } }));
  return store;
}

describe('digitising through the store', () => {
  it('classical: one undo entry with every curve, the segmentation kept for re-tracing, the mask levels made', async () => {
    const store = calibratedStore();
    const d = createDigitiser(store, { segmenter: noModel, tracer: inProcessTracer });
    expect(await d.run('classical')).toBe(true);
    const s = store.getState();
    expect(s.doc.curves.map((c) => [c.track, c.curve])).toEqual([[0, 0], [0, 1], [0, 2], [1, 0], [1, 1]]);
    expect(s.history.undo.map((e) => e.label)).toEqual(['Digitise']);
    expect(s.scan.traceInput).toMatchObject({ kind: 'classical', options: { useStyle: false } });
    expect(s.scan.traceInput!.fill).toBeUndefined();
    expect(s.digitise.maskLevels[0].data).toBe(s.scan.traceInput!.seg.classes);
    expect(s.digitise.maskLevels.map((l) => l.height)).toEqual([6000, 3000, 1500, 750, 375]);
    expect(s.jobs).toEqual({});
    s.undo();
    expect(store.getState().doc.curves).toEqual([]);
  });

  it('a missing model says so, offers the classical way, and changes nothing', async () => {
    const store = calibratedStore();
    const before = store.getState();
    const d = createDigitiser(store, { segmenter: noModel, tracer: inProcessTracer });
    expect(await d.run('model')).toBe(false);
    const s = store.getState();
    expect(s.digitise.modelProblem).toMatch(/installed without its models/);
    expect(s.view.notice).toMatchObject({ kind: 'error', title: 'The segmentation model cannot be used', message: expect.stringMatching(/Digitise without the model/) });
    expect(s.doc).toBe(before.doc);
    expect(s.scan.traceInput).toBeNull();
    expect(s.jobs).toEqual({});
  });

  it('a seed with no ink near it leaves that curve out, keeps the others, and a notice names it', async () => {
    const store = calibratedStore();
    // paper in track 2: no ink within 10 px and 5 rows, no curve ink within 42 rows
    store.getState().updateDocument('Seed', setSeed(1, 1, 666.5, 1000.5));
    const d = createDigitiser(store, { segmenter: noModel, tracer: inProcessTracer });
    expect(await d.run('classical')).toBe(true);
    const s = store.getState();
    expect(s.view.notice).toMatchObject({ kind: 'error', title: 'One curve could not be traced', message: expect.stringMatching(/^curve RXO in track 2: seed \(666\.5, 1000\.5\) is not on curve ink/) });
    const [rxo, others] = [s.doc.curves.filter((c) => c.track === 1 && c.curve === 1), s.doc.curves.filter((c) => !(c.track === 1 && c.curve === 1))];
    expect(rxo[0].x.every((x) => Number.isNaN(x))).toBe(true);
    expect(others).toHaveLength(4);
    for (const c of others) expect(c.x.filter((x) => !Number.isNaN(x)).length).toBeGreaterThan(0.5 * c.x.length);
    expect(s.history.undo.map((e) => e.label)).toEqual(['Seed', 'Digitise']);
  });

  it('a curve traced with a note (taken from the darkness trace) is kept, and an info notice carries the note', async () => {
    // the real trace, then a note on GR as the tracer writes one for a faint curve the model does not
    // see (test/trace/unseen-seed.test.ts makes one from a drawn scan); here only the store's handling
    const note = 'curve GR in track 1: the line at its seed is faint (lighter than mid-grey) and the model sees no curve ink within 10 px and 40 rows of it; traced from the scan\'s darkness alone, every row flagged for review';
    const noting: DigitiseDeps['tracer'] = {
      run: (job, onStage) => {
        const inner = inProcessTracer.run(job, onStage);
        return { promise: inner.promise.then((r) => ({ ...r, curves: r.curves.map((c, k) => (k === 0 ? { ...c, note } : c)) })), cancel: inner.cancel };
      },
    };
    const store = calibratedStore();
    const d = createDigitiser(store, { segmenter: noModel, tracer: noting });
    expect(await d.run('classical')).toBe(true);
    const s = store.getState();
    expect(s.view.notice).toEqual({ kind: 'info', title: 'One curve needs a careful review', message: note });
    expect(s.doc.curves).toHaveLength(5);
    expect(s.doc.curves[0].note).toBe(note);
  });

  it('an incomplete calibration is refused with the field that needs attention', async () => {
    const store = calibratedStore();
    store.getState().updateDocument('Seed', setSeed(1, 0, 2000, 10)); // outside its track
    expect(digitiseBlocker(store.getState())).toMatch(/tracks\[1\]\.curves\[0\]\.seed\.x: the seed \(x 2000\) lies outside its track/);
    const d = createDigitiser(store, { segmenter: noModel, tracer: inProcessTracer });
    expect(await d.run('classical')).toBe(false);
    expect(store.getState().view.notice?.title).toBe('Cannot digitise yet');
  });

  describe('with a model (the test fixture U-Net in onnxruntime-node)', () => {
    let segmenter: Segmenter;
    beforeAll(async () => {
      segmenter = await createNodeSegmenter(resolve(__dirname, '../fixtures/models/tiny-unet.json'), { threads: 1 });
    }, 120_000); // a loaded machine takes its time (decoding, deskew, tracing, model set-up)

    it('segments with progress and ETA, then traces; the run records the model', async () => {
      const store = calibratedStore();
      // the fixture model was trained for 400 steps on crude pages: it misses the dashed RXO, so
      // that curve is left out here (what becomes of it is checked below)
      store.getState().updateDocument('Remove RXO', removeCurve(1, 1));
      const stages = new Set<string>();
      store.subscribe((s) => Object.values(s.jobs).forEach((j) => stages.add(j.stage)));
      const d = createDigitiser(store, { segmenter: async () => segmenter, tracer: inProcessTracer });
      const ok = await d.run('model');
      const s = store.getState();
      expect(s.view.notice).toBeNull();
      expect(ok).toBe(true);
      expect(s.doc.curves).toHaveLength(4);
      expect(s.scan.traceInput).toMatchObject({ kind: 'model', modelId: segmenter.card.id, options: {} });
      // the segmentation kept for re-tracing and the mask is the one handed back, not the detached original
      expect(s.scan.traceInput!.seg.classes.length).toBe(upright.width * upright.height);
      expect(s.digitise.maskLevels[0].data.length).toBe(upright.width * upright.height);
      // the darkness segmentation the trace worker made to fill what the model missed comes back, for re-tracing
      const fill = s.scan.traceInput!.fill!;
      expect(Buffer.from(fill.classes).equals(Buffer.from(segmentClassical(upright, sampleLayout()).classes))).toBe(true);
      expect(s.digitise.backend).toMatchObject({ runtime: 'onnxruntime-node' });
      expect([...stages].some((t) => /^Segmenting: tile \d+ of \d+ · about \d+ s left$/.test(t))).toBe(true);
      expect(stages.has('Tracing the curves')).toBe(true);
    }, 180_000);

    it("a seed on ink the model missed (the dashed RXO) starts from the scan's dark ink: every curve is kept", async () => {
      const store = calibratedStore();
      const d = createDigitiser(store, { segmenter: async () => segmenter, tracer: inProcessTracer });
      expect(await d.run('model')).toBe(true);
      const s = store.getState();
      expect(s.view.notice).toBeNull();
      const rxo = s.doc.curves.find((c) => c.track === 1 && c.curve === 1)!;
      expect(rxo.problem).toBeUndefined();
      expect(rxo.x.filter((x) => !Number.isNaN(x)).length).toBeGreaterThan(0);
    }, 180_000);

    it('cancel during segmentation stops it and leaves everything as it was', async () => {
      const store = calibratedStore();
      const before = store.getState().doc;
      const d = createDigitiser(store, { segmenter: async () => segmenter, tracer: inProcessTracer });
      const unsub = store.subscribe((s) => {
        const job = Object.values(s.jobs)[0];
        if (job && /tile [1-9]/.test(job.stage)) s.cancelJob(job.id);
      });
      expect(await d.run('model')).toBe(false);
      unsub();
      const s = store.getState();
      expect(s.doc).toBe(before);
      expect(s.history.undo).toEqual([]);
      expect(s.scan.traceInput).toBeNull();
      expect(s.view.notice).toBeNull();
      expect(s.jobs).toEqual({});
    }, 180_000);
  });
});
