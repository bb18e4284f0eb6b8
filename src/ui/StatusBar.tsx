/** Status bar: scan size, zoom, and the scan pixel under the cursor. */
import { useAppStore } from '../state/store';
import { int } from './format';

export function StatusBar() {
  const up = useAppStore((s) => s.scan.levels[0]);
  const k = useAppStore((s) => s.view.transform.k);
  const cursor = useAppStore((s) => s.view.cursor);
  const isolated = typeof crossOriginIsolated !== 'undefined' && crossOriginIsolated;
  return (
    <footer className="statusbar">
      <span data-testid="status-size">{up ? `${int(up.width)} × ${int(up.height)} px` : 'No scan'}</span>
      <span data-testid="status-zoom">{up ? `Zoom ${k >= 0.1 ? Math.round(k * 100) : (k * 100).toFixed(1)}%` : ''}</span>
      <span data-testid="status-cursor">{cursor ? `x ${int(Math.floor(cursor.x))} · y ${int(Math.floor(cursor.y))} px` : ''}</span>
      <span className="statusbar-hint">{up ? 'Drag to pan · wheel to scroll · Ctrl+wheel or +/− to zoom · 0 fits' : ''}</span>
      <span className="statusbar-right" data-testid="isolation" title="Cross-origin isolation lets the segmentation model use several CPU threads">
        {isolated ? 'cross-origin isolated' : 'not cross-origin isolated'}
      </span>
    </footer>
  );
}
