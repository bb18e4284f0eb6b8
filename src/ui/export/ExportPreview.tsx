/** The export step's preview over the scan: the file's header first, then its first data lines. */
import { useAppStore } from '../../state/store';
import { previewOf } from './export-document';
import { useExportFile } from './useExportFile';
import './export.css';

export function ExportPreview() {
  const step = useAppStore((s) => s.view.step);
  // the file is built only while the export step is open: not on every edit elsewhere
  return step === 'export' ? <Preview /> : null;
}

function Preview() {
  const outcome = useExportFile();
  if (!outcome) return null;
  return (
    <section className="export-preview" aria-label="File preview">
      <header>
        <h2>Preview</h2>
        {outcome.ok && <span className="muted small">{outcome.file.fileName} · {outcome.file.las.index.length.toLocaleString('en-US')} depths · {outcome.file.las.curves.length} curves</span>}
      </header>
      {outcome.ok ? <pre data-testid="export-preview">{previewOf(outcome.file.text)}</pre> : <p className="field-error" role="alert">{outcome.error}</p>}
    </section>
  );
}
