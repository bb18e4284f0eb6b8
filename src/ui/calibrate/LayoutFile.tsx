/**
 * Load and save the layout as a tracewell layout file (JSON), to reuse one calibration across the
 * logs of a series. A file that does not read as a layout is refused with every problem listed and
 * the current layout kept.
 */
import { useRef, useState } from 'react';
import { layoutToJson, parseLayoutText, validateLayout } from '../../core/calibration';
import { replaceLayout } from '../../state/layout-edits';
import { appStore, useAppStore } from '../../state/store';

function download(text: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function LayoutFile() {
  const layout = useAppStore((s) => s.doc.layout);
  const scanName = useAppStore((s) => s.doc.scan?.fileName ?? 'scan');
  const input = useRef<HTMLInputElement>(null);
  const [problems, setProblems] = useState<{ file: string; lines: string[] } | null>(null);
  const invalid = validateLayout(layout).length > 0;

  const load = async (file: File) => {
    const parsed = parseLayoutText(await file.text());
    if (!parsed.ok) {
      setProblems({ file: file.name, lines: parsed.errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)) });
      return;
    }
    setProblems(null);
    appStore.getState().updateDocument(`Load layout ${file.name}`, replaceLayout(parsed.layout));
  };

  return (
    <section className="cal-section" aria-label="Layout file">
      <h2>Layout file</h2>
      <div className="button-row">
        <button onClick={() => input.current?.click()} title="Read a tracewell layout (.json) saved from another log of the series">
          Load layout…
        </button>
        <button
          disabled={invalid}
          title={invalid ? 'Fix the fields marked in red first: a saved layout must read back' : 'Save this calibration as a tracewell layout (.json)'}
          onClick={() => download(layoutToJson(layout), `${scanName.replace(/\.[^.]+$/, '')}.layout.json`)}
        >
          Save layout…
        </button>
      </div>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="layout-file-input"
        onChange={(e) => {
          const f = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (f) void load(f);
        }}
      />
      {problems && (
        <div className="field-error" role="alert">
          <strong>{problems.file} is not a layout Tracewell can use:</strong>
          <ul>
            {problems.lines.slice(0, 8).map((l, i) => (
              <li key={i}>{l}</li>
            ))}
          </ul>
          {problems.lines.length > 8 && <p>…and {problems.lines.length - 8} more.</p>}
        </div>
      )}
    </section>
  );
}
