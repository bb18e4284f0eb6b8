/**
 * The whole log at a glance, with the viewport as a rectangle; click or drag to go there.
 * Drawn once per scan from the coarsest pyramid level that is still sharp at the minimap's size.
 */
import { useEffect, useRef, useState, type PointerEvent } from 'react';
import type { Raster } from '../../core/raster';
import { useAppStore } from '../../state/store';

const MAX_WIDTH = 120; // CSS px
const PAD = 8;

export function Minimap({ levels, onNavigate }: { levels: Raster[]; onNavigate: (x: number, y: number) => void }) {
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [avail, setAvail] = useState(0);
  const t = useAppStore((s) => s.view.transform);
  const viewport = useAppStore((s) => s.view.viewport);
  const scan = levels[0];
  // scan px → minimap CSS px: the whole scan fits the height, and at most MAX_WIDTH wide
  const scale = avail > 0 ? Math.min((avail - 2 * PAD) / scan.height, MAX_WIDTH / scan.width) : 0;
  const w = Math.max(1, Math.round(scan.width * scale));
  const h = Math.max(1, Math.round(scan.height * scale));

  useEffect(() => {
    const ro = new ResizeObserver(([e]) => setAvail(e.contentRect.height));
    ro.observe(box.current!);
    return () => ro.disconnect();
  }, []);

  useEffect(() => {
    const c = canvas.current;
    if (!c || scale === 0) return;
    const dpr = window.devicePixelRatio || 1;
    c.width = Math.round(w * dpr);
    c.height = Math.round(h * dpr);
    // the first level with at least the minimap's device resolution (coarser ones would blur)
    let level = levels.length - 1;
    while (level > 0 && levels[level].height < c.height) level--;
    const lv = levels[level];
    // In a task of its own, after the scan's first frame: not inside the commit that shows it.
    let bitmap: ImageBitmap | null = null;
    let cancelled = false;
    const timer = setTimeout(() => {
      const image = new ImageData(lv.width, lv.height);
      const px = new Uint32Array(image.data.buffer);
      for (let i = 0; i < lv.data.length; i++) {
        const g = lv.data[i];
        px[i] = 0xff000000 | (g << 16) | (g << 8) | g;
      }
      void createImageBitmap(image).then((b) => {
        bitmap = b;
        const ctx = c.getContext('2d');
        if (!cancelled && ctx) {
          ctx.imageSmoothingQuality = 'high';
          ctx.drawImage(b, 0, 0, c.width, c.height);
        }
        b.close();
      });
    }, 50);
    return () => {
      cancelled = true;
      clearTimeout(timer);
      bitmap?.close();
    };
  }, [levels, w, h, scale]);

  const go = (e: PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    onNavigate(((e.clientX - r.left) / r.width) * scan.width, ((e.clientY - r.top) / r.height) * scan.height);
  };

  // viewport in scan px, clipped to the scan, then in minimap px
  const vx0 = Math.max(0, -t.x / t.k);
  const vy0 = Math.max(0, -t.y / t.k);
  const vx1 = Math.min(scan.width, (viewport.width - t.x) / t.k);
  const vy1 = Math.min(scan.height, (viewport.height - t.y) / t.k);

  return (
    <div ref={box} className="minimap" data-testid="minimap">
      <div className="minimap-frame" style={{ width: w, height: h }}>
        <canvas
          ref={canvas}
          style={{ width: w, height: h }}
          aria-label="Minimap of the whole scan: click or drag to move there"
          onPointerDown={(e) => {
            e.currentTarget.setPointerCapture(e.pointerId);
            go(e);
          }}
          onPointerMove={(e) => {
            if (e.buttons & 1) go(e);
          }}
        />
        {vx1 > vx0 && vy1 > vy0 && (
          <div
            className="minimap-viewport"
            data-testid="minimap-viewport"
            style={{ left: vx0 * scale, top: vy0 * scale, width: Math.max(2, (vx1 - vx0) * scale), height: Math.max(2, (vy1 - vy0) * scale) }}
          />
        )}
      </div>
    </div>
  );
}
