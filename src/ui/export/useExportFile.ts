/**
 * The export file for the current document, built once per document change and shared by the
 * settings panel (download, errors) and the preview. Deferred, so typing in a field never waits
 * for the file to be rebuilt.
 */
import { useDeferredValue, useMemo } from 'react';
import type { DocumentData } from '../../state/document';
import type { TraceInput } from '../../state/scan-slice';
import { useAppStore } from '../../state/store';
import { buildExportFile, type ExportFile } from './export-document';

export type ExportOutcome = { ok: true; file: ExportFile } | { ok: false; error: string };

let last: { doc: DocumentData; input: TraceInput | null; out: ExportOutcome } | null = null;

export function exportOutcome(doc: DocumentData, input: TraceInput | null): ExportOutcome {
  if (last && last.doc === doc && last.input === input) return last.out;
  let out: ExportOutcome;
  try {
    out = { ok: true, file: buildExportFile(doc, input) };
  } catch (e) {
    out = { ok: false, error: (e as Error).message };
  }
  last = { doc, input, out };
  return out;
}

export function useExportFile(): ExportOutcome | null {
  const doc = useDeferredValue(useAppStore((s) => s.doc));
  const input = useAppStore((s) => s.scan.traceInput);
  const has = doc.curves.length > 0;
  return useMemo(() => (has ? exportOutcome(doc, input) : null), [doc, input, has]);
}
