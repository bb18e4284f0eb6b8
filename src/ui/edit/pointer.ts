/**
 * Pointer helpers for interactive children of the scan viewer's overlay (scan px of the upright
 * scan). d3-zoom listens for native mousedown on the viewer element, which a React handler sees
 * only after it has bubbled past the viewer: an element that takes the pointer stops mousedown
 * natively, or a press on it would also start a pan.
 */
import { useEffect, type RefObject } from 'react';

/** Client px → scan px through the element's own screen transform (exact, whatever the zoom is doing). */
export function scanPointOf(e: { clientX: number; clientY: number }, el: SVGGraphicsElement): { x: number; y: number } {
  const m = el.getScreenCTM();
  if (!m) return { x: Number.NaN, y: Number.NaN };
  const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(m.inverse());
  return { x: p.x, y: p.y };
}

/** Screen px per scan px at the element (the zoom factor). */
export function zoomOf(el: SVGGraphicsElement): number {
  const m = el.getScreenCTM();
  return m ? Math.hypot(m.a, m.b) : 1;
}

/** Keep presses on the element from starting a d3-zoom pan. */
export function useNoPan(ref: RefObject<Element | null>, active = true): void {
  useEffect(() => {
    const el = ref.current;
    if (!el || !active) return;
    const stop = (e: Event) => e.stopPropagation();
    el.addEventListener('mousedown', stop);
    el.addEventListener('touchstart', stop, { passive: true });
    return () => {
      el.removeEventListener('mousedown', stop);
      el.removeEventListener('touchstart', stop);
    };
  }, [ref, active]);
}

/**
 * Runs `fn` with the latest argument at most once per animation frame: pointer moves come faster
 * than frames on some devices, and every applied move is a document update.
 */
export function frameThrottle<T>(fn: (v: T) => void): { push(v: T): void; flush(): void; cancel(): void } {
  let frame = 0;
  let pending: { v: T } | null = null;
  const run = () => {
    frame = 0;
    if (pending) {
      const { v } = pending;
      pending = null;
      fn(v);
    }
  };
  return {
    push(v) {
      pending = { v };
      if (!frame) frame = requestAnimationFrame(run);
    },
    flush() {
      if (frame) cancelAnimationFrame(frame);
      run();
    },
    cancel() {
      if (frame) cancelAnimationFrame(frame);
      frame = 0;
      pending = null;
    },
  };
}
