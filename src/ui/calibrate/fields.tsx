/**
 * Labelled fields of the calibrate panel. Every field has an accessible name (tests and screen
 * readers find it by label) and shows its error next to it, in words. Numbers are typed into a
 * draft: each valid number updates the document at once (errors and residuals follow the typing),
 * and leaving the field closes the edit as one undo entry.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { appStore } from '../../state/store';

type Recipe = Parameters<ReturnType<typeof appStore.getState>['updateDocument']>[1];

/** "1,025.5" and "1025,5" are not typed by a geoscientist reading a log; plain numbers only. */
export function parseNumber(text: string): number | null {
  const t = text.trim();
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return null;
  return Number(t);
}

const show = (v: number) => (Number.isFinite(v) ? String(v) : '');

interface NumberFieldProps {
  label: ReactNode;
  /** accessible name, unique on the page ("Track 1 curve 2 left value") */
  name: string;
  value: number;
  /** the document edit for a new value, and its undo label */
  edit: (v: number) => Recipe;
  undoLabel: string;
  error?: string | null;
  hint?: ReactNode;
  className?: string;
  /** focus it when it first appears (a new depth reference's depth) */
  autoFocus?: boolean;
  /** an optional value: emptying the field applies this edit */
  clear?: () => Recipe;
}

export function NumberField({ label, name, value, edit, undoLabel, error, hint, className, autoFocus, clear }: NumberFieldProps) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState(show(value));
  const [bad, setBad] = useState(false);
  useEffect(() => {
    // undo, redo and drags change the value from outside: follow them unless the user is typing here
    if (document.activeElement !== input.current) {
      setDraft(show(value));
      setBad(false);
    }
  }, [value]);
  const change = (text: string) => {
    setDraft(text);
    const v = parseNumber(text);
    setBad(v === null && text.trim() !== '');
    if (v !== null && v !== value) appStore.getState().updateDocument(undoLabel, edit(v), 'commit');
    else if (text.trim() === '' && clear && Number.isFinite(value)) appStore.getState().updateDocument(undoLabel, clear(), 'commit');
  };
  const message = bad ? `“${draft}” is not a number` : error;
  return (
    <label className={`cal-field ${className ?? ''}`}>
      <span className="cal-label">{label}</span>
      <input
        ref={input}
        id={id}
        type="text"
        inputMode="decimal"
        aria-label={name}
        aria-invalid={message ? true : undefined}
        aria-describedby={message ? `${id}-err` : undefined}
        value={draft}
        autoFocus={autoFocus}
        onChange={(e) => change(e.currentTarget.value)}
        onBlur={() => appStore.getState().commitHistory()}
        onKeyDown={(e) => e.key === 'Enter' && appStore.getState().commitHistory()}
      />
      {hint && !message && <span className="cal-hint">{hint}</span>}
      {message && (
        <span className="field-error" id={`${id}-err`} role="alert">
          {message}
        </span>
      )}
    </label>
  );
}

interface TextFieldProps {
  label: ReactNode;
  name: string;
  value: string;
  onText: (v: string) => Recipe;
  undoLabel: string;
  error?: string | null;
  list?: string;
  className?: string;
}

/** Text (mnemonic, unit): every keystroke updates the document; leaving closes one undo entry. */
export function TextField({ label, name, value, onText, undoLabel, error, list, className }: TextFieldProps) {
  const id = useId();
  return (
    <label className={`cal-field ${className ?? ''}`}>
      <span className="cal-label">{label}</span>
      <input
        id={id}
        type="text"
        aria-label={name}
        list={list}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-err` : undefined}
        value={value}
        spellCheck={false}
        onChange={(e) => appStore.getState().updateDocument(undoLabel, onText(e.currentTarget.value), 'commit')}
        onBlur={() => appStore.getState().commitHistory()}
      />
      {error && (
        <span className="field-error" id={`${id}-err`} role="alert">
          {error}
        </span>
      )}
    </label>
  );
}

/** Errors of validateLayout by path, and the message of one path (or of any path under it). */
export function errorLookup(errors: ReadonlyArray<{ path: string; message: string }>) {
  const byPath = new Map<string, string>();
  for (const e of errors) if (!byPath.has(e.path)) byPath.set(e.path, e.message);
  return (path: string): string | null => byPath.get(path) ?? null;
}
