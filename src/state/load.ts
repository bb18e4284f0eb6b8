/**
 * Opening scans: probe → (page chooser for PDFs and multi-page TIFFs) → decode in the worker →
 * replace the open scan in one store update. Until that last step nothing of the open scan is
 * touched, so a bad file only shows its message. A new file cancels one still decoding.
 */
import type { Raster } from '../core/raster';
import { DecodeError } from '../io/decode/errors';
import { PDF_DEFAULT_DPI, type DecodeProgress, type ScanProbe } from '../io/decode/types';
import type { DecodeRequest, DecodeResult, UprightLevels, UprightRequest } from '../io/decode/service';
import { emptyDocument, turnsOf, type DocumentData } from './document';
import { emptyHistory, type HistoryState } from './history';
import type { AppStore } from './store';

interface Job<T> {
  promise: Promise<T>;
  cancel(): void;
}

/** The decode worker as the loader needs it (DecodeClient in the browser; the service in tests). */
export interface ScanDecoder {
  probe(file: Blob, fileName: string): Job<ScanProbe>;
  decode(file: Blob, fileName: string, request: DecodeRequest, onProgress?: (p: DecodeProgress) => void): Job<DecodeResult>;
  view(source: Raster, turns: number, onProgress?: (p: DecodeProgress) => void): Job<Raster[]>;
  /** display levels turned and deskewed as the layout says (the deskew resolved from 'auto') */
  upright(source: Raster, request: UprightRequest, onProgress?: (p: DecodeProgress) => void): Job<UprightLevels>;
}

const STAGE_WORDS: Record<DecodeProgress['stage'], string> = {
  read: 'Reading the file',
  decode: 'Decoding',
  render: 'Rendering the PDF page',
  convert: 'Converting to gray',
  rotate: 'Rotating',
  pyramid: 'Building zoom levels',
};

export function fileNameOf(file: Blob): string {
  return (file as File).name || 'scan';
}

export function createLoader(store: AppStore, decoder: ScanDecoder) {
  let current: { cancel(): void } | null = null;

  const isCancel = (e: unknown) => (e as Error)?.name === 'CancelledError';

  function fail(fileName: string, e: unknown): void {
    if (isCancel(e)) return; // the user asked for it: no message
    const message = e instanceof DecodeError ? e.message : `${fileName}: ${(e as Error)?.message ?? String(e)}`;
    store.getState().showNotice({ kind: 'error', title: `Could not open ${fileName}`, message });
  }

  /** Run one worker job as a store job with progress; resolves null when cancelled or failed. */
  async function track<T>(label: string, fileName: string, start: (onProgress: (p: DecodeProgress) => void) => Job<T>, onCancel?: () => void): Promise<T | null> {
    current?.cancel();
    const s = store.getState();
    let job: Job<T> | null = null;
    const id = s.startJob('decode', label, () => job?.cancel());
    job = start((p) => store.getState().updateJob(id, p.fraction, STAGE_WORDS[p.stage]));
    current = job;
    try {
      return await job.promise;
    } catch (e) {
      // Cancelled by the user, not superseded by a newer file (which is `current` by now).
      if (isCancel(e) && current === job) onCancel?.();
      fail(fileName, e);
      return null;
    } finally {
      store.getState().endJob(id);
      if (current === job) current = null;
    }
  }

  async function decodePage(
    file: Blob,
    fileName: string,
    request: DecodeRequest,
    restore?: { doc: DocumentData; history: HistoryState<DocumentData> },
    onCancel?: () => void,
  ): Promise<boolean> {
    const r = await track(`Opening ${fileName}`, fileName, (onProgress) => decoder.decode(file, fileName, request, onProgress), onCancel);
    if (!r) return false;
    const doc = restore?.doc ?? emptyDocument({ ...r.meta, sha256: r.sha256 });
    store.setState((s) => ({
      doc,
      history: restore?.history ?? emptyHistory(),
      scan: { file, source: r.source, levels: r.levels, turns: request.turns, deskewFor: request.deskew ?? 0, deskew: r.deskew, pending: null, traceInput: null },
      view: { ...s.view, notice: null, pageChooser: null, selection: null, step: 'load' },
    }));
    return true;
  }

  return {
    /** Open a dropped or picked file. Multi-page files stop at the page chooser. */
    async openFile(file: Blob, fileName = fileNameOf(file)): Promise<boolean> {
      store.getState().dismissNotice();
      const probe = await track(`Reading ${fileName}`, fileName, () => decoder.probe(file, fileName));
      if (!probe) return false;
      if (probe.format === 'pdf' || probe.pages.length > 1) {
        store.getState().setScan({ pending: { file, probe } });
        store.getState().setPageChooser({ fileName, format: probe.format, pages: probe.pages, page: 0, dpi: PDF_DEFAULT_DPI });
        return true;
      }
      return decodePage(file, fileName, { page: 0, turns: 0 });
    },

    /**
     * The page chooser's "Open": decode the chosen page (at the chosen dpi for PDFs). The chooser
     * closes while it decodes (its progress bar and Cancel show); Cancel brings the chooser back
     * to pick another page or a lower resolution, a failure closes it with the message.
     */
    async openChosenPage(): Promise<boolean> {
      const { scan, view } = store.getState();
      const chooser = view.pageChooser;
      if (!scan.pending || !chooser) return false;
      const { file } = scan.pending;
      store.getState().setPageChooser(null);
      const { page, dpi, format, fileName } = chooser;
      const reopen = () => store.getState().setPageChooser(chooser);
      const ok = await decodePage(file, fileName, { page, dpi: format === 'pdf' ? dpi : undefined, turns: 0 }, undefined, reopen);
      if (!ok && store.getState().view.pageChooser === null) store.getState().setScan({ pending: null });
      return ok;
    },

    closePageChooser(): void {
      store.getState().setPageChooser(null);
      store.getState().setScan({ pending: null });
    },

    /** Reopen a saved session: its scan file, document and history, turned upright as its layout says. */
    restoreSession(file: Blob, doc: DocumentData, history: HistoryState<DocumentData>): Promise<boolean> {
      if (!doc.scan) return Promise.resolve(false);
      const request = { page: doc.scan.page, dpi: doc.scan.format === 'pdf' ? doc.scan.dpi : undefined, turns: turnsOf(doc.layout.rotate), deskew: doc.layout.deskew };
      return decodePage(file, doc.scan.fileName, request, { doc, history });
    },

    cancel(): void {
      current?.cancel();
    },
  };
}

export type Loader = ReturnType<typeof createLoader>;
