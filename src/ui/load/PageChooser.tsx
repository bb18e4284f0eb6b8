/** Choosing the page of a multi-page TIFF or PDF, and the resolution a PDF page is rendered at. */
import { useEffect, useRef } from 'react';
import { MAX_SCAN_PIXELS, MAX_SCAN_SIDE_PX } from '../../core/raster';
import { useAppStore, appStore } from '../../state/store';
import { int, pageLine } from '../format';
import { scanLoader } from '../services';

const DPI_CHOICES = [72, 100, 150, 200, 300, 400, 600];

/** Why this page cannot be opened at this size, or null. */
function tooBig(w: number, h: number): string | null {
  if (Math.max(w, h) > MAX_SCAN_SIDE_PX) return `longer than ${int(MAX_SCAN_SIDE_PX)} px`;
  if (w * h > MAX_SCAN_PIXELS) return `more than ${MAX_SCAN_PIXELS / 1e6} megapixels`;
  return null;
}

export function PageChooser() {
  const chooser = useAppStore((s) => s.view.pageChooser);
  const busy = useAppStore((s) => Object.keys(s.jobs).length > 0);
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), [chooser?.fileName]);
  if (!chooser) return null;
  const { pages, page, dpi, format, fileName } = chooser;
  const isPdf = format === 'pdf';
  const set = (p: Partial<typeof chooser>) => appStore.getState().setPageChooser({ ...chooser, ...p });
  const sizeAt = (i: number) => (isPdf ? { w: Math.ceil((pages[i].widthPt! * dpi) / 72), h: Math.ceil((pages[i].heightPt! * dpi) / 72) } : { w: pages[i].width, h: pages[i].height });
  const chosen = sizeAt(page);
  const problem = tooBig(chosen.w, chosen.h);

  return (
    <div className="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && scanLoader().closePageChooser()}>
      <div className="modal" role="dialog" aria-modal="true" aria-labelledby="page-chooser-title">
        <h2 id="page-chooser-title">Choose a page of {fileName}</h2>
        <p className="muted">{isPdf ? `PDF, ${pages.length} page${pages.length > 1 ? 's' : ''}. Pages are rendered at the resolution you choose.` : `Multi-page TIFF, ${pages.length} pages.`}</p>
        {isPdf && (
          <label className="field">
            <span>Resolution</span>
            <select aria-label="Resolution (dpi)" value={dpi} onChange={(e) => set({ dpi: Number(e.target.value) })}>
              {DPI_CHOICES.map((d) => (
                <option key={d} value={d}>{d} dpi</option>
              ))}
            </select>
          </label>
        )}
        <ul className="page-list" role="radiogroup" aria-label="Pages">
          {pages.map((p, i) => (
            <li key={i}>
              <button
                ref={i === 0 ? first : undefined}
                role="radio"
                aria-checked={i === page}
                className={i === page ? 'page selected' : 'page'}
                onClick={() => set({ page: i })}
                onDoubleClick={() => void scanLoader().openChosenPage()}
              >
                <strong>Page {i + 1}</strong>
                <span>{pageLine(p, isPdf ? dpi : undefined)}</span>
              </button>
            </li>
          ))}
        </ul>
        {problem && <p className="field-error" role="alert">Page {page + 1} at this size is {problem}; choose a lower resolution.</p>}
        <div className="modal-actions">
          <button onClick={() => scanLoader().closePageChooser()}>Cancel</button>
          <button className="primary" disabled={!!problem || busy} onClick={() => void scanLoader().openChosenPage()}>
            Open page {page + 1}
          </button>
        </div>
      </div>
    </div>
  );
}
