/**
 * The edit step's tools (left panel): the curves to pick from, the tool in hand, and edits by
 * typed depths (erase an interval, set a value). Every edit is undoable (Ctrl+Z, Ctrl+Shift+Z).
 */
import { useState } from 'react';
import '../forms.css';
import { curveIndex, curveName, eraseSpan, rowsOfDepths, setSpanValue } from '../../state/edit-actions';
import type { EditTool } from '../../state/edit-slice';
import { appStore, useAppStore } from '../../state/store';
import { curveColour } from '../curve-colours';
import { useEditKeys } from './useEditKeys';

const TOOLS: Array<{ id: EditTool; label: string; hint: string }> = [
  { id: 'select', label: 'Select', hint: 'Click a curve to select it (Esc clears). Drag the scan to pan.' },
  { id: 'drag', label: 'Drag', hint: 'Drag a point of a curve sideways; its neighbours follow smoothly.' },
  { id: 'erase', label: 'Erase', hint: 'Drag up or down over the depths to erase from the selected curve (they become NULL).' },
  { id: 'redraw', label: 'Redraw', hint: 'Draw the selected curve freehand over the stretch to replace.' },
  { id: 'retrace', label: 'Re-trace', hint: 'Press on the curve\u2019s ink and drag over the depths to re-trace; a click re-traces what is on screen.' },
  { id: 'lasso', label: 'Lasso', hint: 'Draw a loop around points to delete them (the selected curve, or every curve when none is selected).' },
];

export function EditPanel() {
  const doc = useAppStore((s) => s.doc);
  const selection = useAppStore((s) => s.view.selection);
  const tool = useAppStore((s) => s.edit.tool);
  const radius = useAppStore((s) => s.edit.dragRadiusPx);
  const problem = useAppStore((s) => s.edit.problem);
  useEditKeys();
  if (doc.curves.length === 0) {
    return (
      <section className="tools" aria-label="Edit">
        <h2>Edit</h2>
        <p className="muted">Digitise the scan first: the traced curves can then be fixed here.</p>
      </section>
    );
  }
  const hint = TOOLS.find((t) => t.id === tool)!.hint;
  return (
    <section className="tools edit-tools" aria-label="Edit">
      <h2>Curves</h2>
      <ul className="curve-list" role="listbox" aria-label="Curves">
        {doc.curves.map((c) => {
          const on = selection?.track === c.track && selection.curve === c.curve;
          return (
            <li key={`${c.track}.${c.curve}`}>
              <button role="option" aria-selected={on} className={on ? 'curve-pick on' : 'curve-pick'} onClick={() => appStore.getState().select({ track: c.track, curve: c.curve })}>
                <span className="swatch" style={{ background: curveColour(c.track, c.curve) }} />
                {curveName(doc, c)}
                <small className="muted">track {c.track + 1}</small>
              </button>
            </li>
          );
        })}
      </ul>
      <h2>Tool</h2>
      <div className="tool-grid" role="radiogroup" aria-label="Edit tool">
        {TOOLS.map((t) => (
          <button key={t.id} role="radio" aria-checked={tool === t.id} className={tool === t.id ? 'on' : ''} title={t.hint} onClick={() => appStore.getState().setEditTool(t.id)}>
            {t.label}
          </button>
        ))}
      </div>
      <p className="muted small" data-testid="tool-hint">{hint}</p>
      {tool === 'drag' && (
        <label className="form-field">
          <span>Reach: {radius} px each side</span>
          <input type="range" min={0} max={200} step={5} value={radius} onChange={(e) => appStore.getState().setDragRadius(Number(e.target.value))} />
        </label>
      )}
      {problem && <p className="field-error" role="alert" data-testid="edit-problem">{problem}</p>}
      <TypedEdits />
    </section>
  );
}

/** Erase an interval or set a value there, by typed depths (layout depth unit) and value (curve unit). */
function TypedEdits() {
  const doc = useAppStore((s) => s.doc);
  const selection = useAppStore((s) => s.view.selection);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const index = curveIndex(doc, selection);
  const c = doc.curves[index];
  const spec = c && doc.layout.tracks[c.track]?.curves[c.curve];
  const unit = doc.layout.depth.unit;

  const run = (what: 'erase' | 'set') => {
    setError(null);
    try {
      if (!c) throw new Error('Select a curve first.');
      const rows = rowsOfDepths(doc, parse(from, 'From'), parse(to === '' ? from : to, 'To'));
      if (what === 'erase') {
        if (!eraseSpan(appStore, index, rows)) setError('Nothing to erase there: the curve is already absent.');
      } else {
        setSpanValue(appStore, index, rows, parse(value, 'Value'));
      }
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <form className="typed-edits" onSubmit={(e) => { e.preventDefault(); run('set'); }} aria-label="Edit by depth">
      <h2>By depth {spec ? `· ${spec.mnemonic}` : ''}</h2>
      <div className="form-row">
        <label className="form-field"><span>From ({unit})</span><input inputMode="decimal" value={from} onChange={(e) => setFrom(e.target.value)} aria-label="From depth" /></label>
        <label className="form-field"><span>To ({unit})</span><input inputMode="decimal" value={to} onChange={(e) => setTo(e.target.value)} aria-label="To depth" placeholder={from} /></label>
      </div>
      <button type="button" onClick={() => run('erase')} disabled={!c}>Erase interval</button>
      <div className="form-row">
        <label className="form-field"><span>Value{spec?.unit ? ` (${spec.unit})` : ''}</span><input inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} aria-label="Value" /></label>
        <button type="submit" disabled={!c}>Set value</button>
      </div>
      {error && <p className="field-error" role="alert">{error}</p>}
    </form>
  );
}

function parse(text: string, name: string): number {
  const v = Number(text.trim().replace(',', '.'));
  if (text.trim() === '' || !Number.isFinite(v)) throw new RangeError(`${name}: type a number${text.trim() ? `, not \u201c${text.trim()}\u201d` : ''}.`);
  return v;
}
