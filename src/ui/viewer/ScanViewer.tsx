/**
 * The scan viewer, bottom up: a tiled canvas (ViewerController); an SVG `underlay` in scan px of
 * the upright scan (highlights that belong under the curves); `layers` (canvases of the viewer's
 * size that draw themselves from the store's transform: the traced curves); an SVG overlay whose
 * children are drawn in scan px (hit targets, handles, gestures); and the minimap beside. The zoom
 * transform reaches React only through the store, at most once per frame; both SVGs follow it
 * directly.
 */
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { appStore, useAppStore } from '../../state/store';
import { ViewerController } from './controller';
import { toScan } from './geometry';
import { maskPainter } from './mask-paint';
import { Minimap } from './Minimap';
import { setActiveViewer } from './navigate';

interface ViewerProps {
  children?: ReactNode;
  underlay?: ReactNode;
  layers?: ReactNode;
  empty?: ReactNode;
}

export function ScanViewer({ children, underlay, layers, empty }: ViewerProps) {
  const levels = useAppStore((s) => s.scan.levels);
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const scene = useRef<SVGGElement>(null);
  const underScene = useRef<SVGGElement>(null);
  const [controller, setController] = useState<ViewerController | null>(null);

  useEffect(() => {
    if (!box.current || !canvas.current) return;
    let frame = 0;
    const c = new ViewerController(box.current, canvas.current, {
      onTransform(t) {
        const transform = `translate(${t.x},${t.y}) scale(${t.k})`;
        scene.current?.setAttribute('transform', transform);
        underScene.current?.setAttribute('transform', transform);
        if (!frame) frame = requestAnimationFrame(() => {
          frame = 0;
          appStore.getState().setTransform(t);
        });
      },
    });
    const ro = new ResizeObserver(([entry]) => {
      const { width, height } = entry.contentRect;
      c.resize(width, height, window.devicePixelRatio || 1);
      appStore.getState().setViewport(width, height);
    });
    ro.observe(box.current);
    setController(c);
    setActiveViewer(c);
    return () => {
      setActiveViewer(null);
      ro.disconnect();
      cancelAnimationFrame(frame);
      c.destroy();
    };
  }, []);

  useEffect(() => controller?.setLevels(levels), [controller, levels]);

  // The segmentation mask, drawn by the controller over the scan tiles (tile by tile, like the scan).
  const maskLevels = useAppStore((s) => (s.view.overlays.mask ? s.digitise.maskLevels : null));
  const maskOpacity = useAppStore((s) => s.view.overlays.maskOpacity);
  useEffect(() => {
    // a mask from another frame (sizes differ from the scan's) is never drawn askew
    const fits = maskLevels && levels[0] && maskLevels[0]?.width === levels[0].width && maskLevels[0]?.height === levels[0].height;
    controller?.setLayer(fits ? maskLevels : null, maskPainter, maskOpacity);
  }, [controller, maskLevels, maskOpacity, levels]);

  const onPointerMove = (e: React.PointerEvent) => {
    const r = box.current!.getBoundingClientRect();
    const p = toScan(appStore.getState().view.transform, e.clientX - r.left, e.clientY - r.top);
    const scan = levels[0];
    appStore.getState().setCursor(scan && p.x >= 0 && p.y >= 0 && p.x < scan.width && p.y < scan.height ? p : null);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (!controller || levels.length === 0 || e.ctrlKey || e.metaKey || e.altKey) return;
    const page = box.current!.clientHeight * 0.9;
    const step = e.shiftKey ? 400 : 80;
    const actions: Record<string, () => void> = {
      '+': () => controller.zoomBy(1.25),
      '=': () => controller.zoomBy(1.25),
      '-': () => controller.zoomBy(0.8),
      _: () => controller.zoomBy(0.8),
      '0': () => controller.fit(),
      ArrowUp: () => controller.panBy(0, -step),
      ArrowDown: () => controller.panBy(0, step),
      ArrowLeft: () => controller.panBy(-step, 0),
      ArrowRight: () => controller.panBy(step, 0),
      PageUp: () => controller.panBy(0, -page),
      PageDown: () => controller.panBy(0, page),
      Home: () => controller.panBy(0, -1e9, false),
      End: () => controller.panBy(0, 1e9, false),
    };
    const act = actions[e.key];
    if (act) {
      e.preventDefault();
      act();
    }
  };

  const scan = levels[0];
  return (
    <div className="viewer">
      <div
        ref={box}
        className="viewer-canvas"
        tabIndex={0}
        role="application"
        aria-label="Scan viewer: drag to pan, wheel to scroll, Ctrl+wheel or +/− to zoom, arrows and Page Up/Down to move"
        data-testid="scan-viewer"
        onPointerMove={onPointerMove}
        onPointerLeave={() => appStore.getState().setCursor(null)}
        onKeyDown={onKeyDown}
      >
        <canvas ref={canvas} />
        <svg className="viewer-overlay" aria-hidden>
          <g ref={underScene}>{scan && underlay}</g>
        </svg>
        {scan && layers}
        <svg className="viewer-overlay" aria-hidden={!children}>
          <g ref={scene}>
            {scan && <rect className="scan-outline" width={scan.width} height={scan.height} />}
            {children}
          </g>
        </svg>
        {!scan && empty}
      </div>
      {/* The minimap column is always there, so the viewer's width (and its fit) never jumps. */}
      {scan && controller ? <Minimap levels={levels} onNavigate={(x, y) => controller.centerOn(x, y)} /> : <div className="minimap" />}
    </div>
  );
}
