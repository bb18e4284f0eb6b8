/**
 * The export step's settings (left panel): format, ~W fields, depth unit and step, the curves to
 * include, NULL and WRAP; the download. Settings live in doc.exportSettings (saved with the
 * session, not undo entries: they are choices about the file, not edits of the curves).
 */
import { useState } from 'react';
import '../forms.css';
import type { ExportSettings } from '../../state/document';
import { curveName } from '../../state/edit-actions';
import { appStore, useAppStore } from '../../state/store';
import { resolveExport, WELL_FIELDS } from './export-document';
import { useExportFile } from './useExportFile';
import './export.css';

function patch(p: Partial<ExportSettings>): void {
  appStore.getState().updateDocument('Export settings', (d) => ({ ...d, exportSettings: { ...d.exportSettings, ...p } }), 'never');
}

export function ExportPanel() {
  const doc = useAppStore((s) => s.doc);
  const outcome = useExportFile();
  if (doc.curves.length === 0) {
    return (
      <section className="tools" aria-label="Export">
        <h2>Export</h2>
        <p className="muted">Digitise the scan first: there are no curves to export yet.</p>
      </section>
    );
  }
  const r = resolveExport(doc);
  const names = doc.curves.map((c) => curveName(doc, c));
  const included = (n: string) => r.include === 'all' || r.include.includes(n);
  const toggle = (n: string) => patch({ include: names.filter((m) => (m === n ? !included(m) : included(m))) });
  return (
    <section className="tools export-tools" aria-label="Export">
      <h2>File</h2>
      <div className="segmented" role="radiogroup" aria-label="Format">
        {(['las', 'csv'] as const).map((f) => (
          <button key={f} role="radio" aria-checked={r.format === f} className={r.format === f ? 'on' : ''} onClick={() => patch({ format: f })}>
            {f === 'las' ? 'LAS 2.0' : 'CSV'}
          </button>
        ))}
      </div>
      <div className="form-row">
        <label className="form-field"><span>Depth unit</span>
          <select value={r.depthUnit} onChange={(e) => patch({ depthUnit: e.target.value as 'M' | 'FT', step: undefined })} aria-label="Depth unit">
            <option value="FT">FT</option>
            <option value="M">M</option>
          </select>
        </label>
        <NumberField label={`Step (${r.depthUnit})`} value={r.step} onValid={(step) => patch({ step })} positive />
      </div>
      {r.format === 'las' && (
        <div className="form-row">
          <NumberField label="NULL value" value={r.nullValue} onValid={(nullValue) => patch({ nullValue })} />
          <label className="check"><input type="checkbox" checked={r.wrap} onChange={(e) => patch({ wrap: e.target.checked })} /> WRAP</label>
        </div>
      )}
      <h2>Curves</h2>
      <ul className="include-list">
        {names.map((n, i) => (
          <li key={i}><label className="check"><input type="checkbox" checked={included(n)} onChange={() => toggle(n)} aria-label={`Include ${n}`} /> {n}</label></li>
        ))}
      </ul>
      <h2>Well (~W)</h2>
      <div className="well-grid">
        {WELL_FIELDS.map((f) => (
          <label key={f.key} className="form-field"><span>{f.key} <small>{f.label}</small></span>
            <input value={r.well[f.key] ?? ''} aria-label={f.key} onChange={(e) => patch({ well: { ...doc.exportSettings.well, [f.key]: e.target.value } })} />
          </label>
        ))}
      </div>
      {outcome && !outcome.ok && <p className="field-error" role="alert" data-testid="export-error">{outcome.error}</p>}
      {outcome?.ok && outcome.file.problems.length > 0 && (
        <ul className="field-error" role="alert">{outcome.file.problems.map((p, i) => <li key={i}>{p}</li>)}</ul>
      )}
      <button className="primary" disabled={!outcome?.ok} onClick={() => outcome?.ok && download(outcome.file.text, outcome.file.fileName, outcome.file.mime)}>
        Download {outcome?.ok ? outcome.file.fileName : r.format.toUpperCase()}
      </button>
    </section>
  );
}

/** A number typed as text: kept as typed, stored when it parses, the problem said otherwise. */
function NumberField({ label, value, onValid, positive = false }: { label: string; value: number; onValid: (v: number) => void; positive?: boolean }) {
  const [text, setText] = useState<string | null>(null);
  const shown = text ?? String(value);
  const v = Number(shown.trim().replace(',', '.'));
  const bad = shown.trim() === '' || !Number.isFinite(v) || (positive && v <= 0);
  return (
    <label className="form-field"><span>{label}</span>
      <input inputMode="decimal" value={shown} aria-label={label} aria-invalid={bad}
        onChange={(e) => {
          setText(e.target.value);
          const n = Number(e.target.value.trim().replace(',', '.'));
          if (e.target.value.trim() !== '' && Number.isFinite(n) && (!positive || n > 0)) onValid(n);
        }}
        onBlur={() => setText(null)} />
      {bad && <span className="field-error">{positive ? 'Type a number above 0.' : 'Type a number.'}</span>}
    </label>
  );
}

function download(text: string, fileName: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
