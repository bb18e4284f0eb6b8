/**
 * The scan viewer's engine, outside React: d3-zoom on the viewer element (drag to pan, Ctrl/⌘ +
 * wheel or pinch to zoom, wheel to scroll), a tile cache, and one canvas redrawn at most once per
 * animation frame. React only mounts it and passes new levels and sizes.
 */
import { select, zoom as d3zoom, zoomIdentity, type Selection, type ZoomBehavior, type ZoomTransform } from 'd3';
import type { Raster } from '../../core/raster';
import type { ViewTransform } from '../../state/view';
import { drawArrived, drawFrame, drawTiles } from './draw';
import { fitWidth, panExtent, zoomExtent, type TileRef } from './geometry';
import { TileCache, type TilePainter } from './tiles';

export interface ViewerListener {
  /** after every transform change (every zoom event), in the frame it happens */
  onTransform(t: ViewTransform): void;
}

const ANIMATION_MS = 160;

export class ViewerController {
  private readonly behavior: ZoomBehavior<HTMLDivElement, unknown>;
  private readonly sel: Selection<HTMLDivElement, unknown, null, undefined>;
  private t: ZoomTransform = zoomIdentity;
  private levels: Raster[] = [];
  private tiles: TileCache | null = null;
  private size = { width: 0, height: 0 };
  private dpr = 1;
  private frame = 0;
  private fitPending = false;
  /** true when the next frame must be drawn whole; else only `arrived` tiles are drawn */
  private stale = true;
  private arrived: TileRef[] = [];
  /** where the running keyboard/fit animation is going */
  private target: ZoomTransform | null = null;
  /** a layer over the scan (the segmentation mask): its levels' tiles, drawn at `opacity` */
  private layer: { levels: Raster[]; tiles: TileCache; opacity: number } | null = null;

  constructor(
    private readonly el: HTMLDivElement,
    private readonly canvas: HTMLCanvasElement,
    private readonly listener: ViewerListener,
  ) {
    this.sel = select(el);
    this.behavior = d3zoom<HTMLDivElement, unknown>()
      // Plain wheel scrolls the log (handled below); Ctrl/⌘ + wheel and pinch (sent as ctrl+wheel) zoom.
      .filter((e: Event) => (e.type === 'wheel' ? (e as WheelEvent).ctrlKey || (e as WheelEvent).metaKey : !(e as MouseEvent).ctrlKey && !(e as MouseEvent).button))
      .wheelDelta((e: WheelEvent) => -e.deltaY * (e.deltaMode === 1 ? 0.05 : e.deltaMode ? 1 : Math.abs(e.deltaY) < 40 ? 0.01 : 0.0025))
      .on('zoom', (e: { transform: ZoomTransform }) => {
        this.t = e.transform;
        this.schedule(true);
        this.listener.onTransform({ k: this.t.k, x: this.t.x, y: this.t.y });
      });
    this.sel.call(this.behavior).on('dblclick.zoom', null);
    el.addEventListener('wheel', this.onWheel, { passive: false });
  }

  private onWheel = (e: WheelEvent) => {
    if (e.ctrlKey || e.metaKey || this.levels.length === 0) return; // d3-zoom's
    e.preventDefault();
    const unit = e.deltaMode === 1 ? 40 : e.deltaMode === 2 ? this.size.height : 1;
    const dx = (e.shiftKey && !e.deltaX ? e.deltaY : e.deltaX) * unit;
    const dy = (e.shiftKey && !e.deltaX ? 0 : e.deltaY) * unit;
    this.behavior.translateBy(this.sel, -dx / this.t.k, -dy / this.t.k);
  };

  setLevels(levels: Raster[]): void {
    if (levels === this.levels) return;
    this.tiles?.dispose();
    this.levels = levels;
    this.tiles = levels.length > 0 ? new TileCache(levels, (tile) => {
      this.arrived.push(tile);
      this.schedule(false);
    }) : null;
    this.updateExtents();
    this.fitPending = true;
    this.fitIfReady();
    this.schedule(true);
  }

  /**
   * Show a layer over the scan (same frame and sizes as the scan's levels), its tiles coloured by
   * `paint`, at `opacity`; null hides it. New levels replace the tiles, a new opacity only redraws.
   */
  setLayer(levels: Raster[] | null, paint: TilePainter, opacity: number): void {
    if (!levels || levels.length === 0) {
      this.layer?.tiles.dispose();
      this.layer = null;
    } else if (this.layer?.levels !== levels) {
      this.layer?.tiles.dispose();
      this.layer = { levels, opacity, tiles: new TileCache(levels, () => this.schedule(true), paint) };
    } else this.layer.opacity = opacity;
    this.schedule(true);
  }

  resize(width: number, height: number, dpr: number): void {
    this.size = { width, height };
    this.dpr = dpr;
    this.canvas.width = Math.max(1, Math.round(width * dpr));
    this.canvas.height = Math.max(1, Math.round(height * dpr));
    this.updateExtents();
    this.fitIfReady();
    this.schedule(true);
  }

  private updateExtents(): void {
    const scan = this.levels[0];
    if (!scan || this.size.width === 0) return;
    this.behavior
      .extent([[0, 0], [this.size.width, this.size.height]])
      .scaleExtent(zoomExtent(scan, this.size))
      .translateExtent(panExtent(scan));
  }

  private fitIfReady(): void {
    if (!this.fitPending || !this.levels[0] || this.size.width === 0) return;
    this.fitPending = false;
    this.fit(false);
  }

  /** Fit the scan's width, top showing. */
  fit(animate = true): void {
    const scan = this.levels[0];
    if (!scan) return;
    const f = fitWidth(scan, this.size);
    this.apply(zoomIdentity.translate(f.x, f.y).scale(f.k), animate);
  }

  /** Zoom by a factor about the viewport centre. */
  zoomBy(factor: number): void {
    const base = this.target ?? this.t;
    const [lo, hi] = this.behavior.scaleExtent();
    const k = Math.min(hi, Math.max(lo, base.k * factor));
    const cx = this.size.width / 2;
    const cy = this.size.height / 2;
    this.apply(zoomIdentity.translate(cx - ((cx - base.x) * k) / base.k, cy - ((cy - base.y) * k) / base.k).scale(k), true);
  }

  /** Pan by screen px (positive: the view moves right/down over the scan). */
  panBy(dx: number, dy: number, animate = true): void {
    const base = this.target ?? this.t;
    this.apply(zoomIdentity.translate(base.x - dx, base.y - dy).scale(base.k), animate);
  }

  /** Centre the view on a scan point, keeping the zoom (animated: smooth jumps keep the eye's place). */
  centerOn(x: number, y: number, animate = false): void {
    if (!animate) {
      this.behavior.translateTo(this.sel, x, y);
      return;
    }
    const base = this.target ?? this.t;
    this.apply(zoomIdentity.translate(this.size.width / 2 - x * base.k, this.size.height / 2 - y * base.k).scale(base.k), true);
  }

  /**
   * Go to `t` (constrained to the pan and zoom limits). Key presses that come faster than the
   * animation build on its target, not on the frame it has reached, so none is lost.
   */
  private apply(t: ZoomTransform, animate: boolean): void {
    const extent: [[number, number], [number, number]] = [[0, 0], [this.size.width, this.size.height]];
    const next = this.behavior.constrain()(t, extent, this.behavior.translateExtent());
    if (!animate) {
      this.target = null;
      this.behavior.transform(this.sel, next);
      return;
    }
    this.target = next;
    // A drag interrupts the animation; a newer animation replaces the target (hence the check).
    const done = () => {
      if (this.target === next) this.target = null;
    };
    this.behavior.transform(this.sel.transition().duration(ANIMATION_MS).on('end', done).on('interrupt', done), next);
  }

  private schedule(whole: boolean): void {
    if (whole) this.stale = true;
    if (!this.frame) this.frame = requestAnimationFrame(() => this.draw());
  }

  private draw(): void {
    this.frame = 0;
    const ctx = this.canvas.getContext('2d');
    if (!ctx || !this.tiles) {
      ctx?.clearRect(0, 0, this.canvas.width, this.canvas.height);
      return;
    }
    const input = { ctx, width: this.canvas.width, height: this.canvas.height, dpr: this.dpr, t: this.t, levels: this.levels, tiles: this.tiles };
    const arrived = this.arrived;
    this.arrived = [];
    // New tiles under an unchanged view cover only their own squares: redraw just those (with a
    // layer over the scan, the whole frame: a square redrawn alone would lose the layer there).
    if (this.layer) {
      drawFrame(input);
      ctx.globalAlpha = this.layer.opacity;
      drawTiles({ ...input, levels: this.layer.levels, tiles: this.layer.tiles }, true);
      ctx.globalAlpha = 1;
    } else if (this.stale || !drawArrived(input, arrived)) drawFrame(input);
    this.stale = false;
  }

  destroy(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.el.removeEventListener('wheel', this.onWheel);
    this.sel.on('.zoom', null);
    this.tiles?.dispose();
    this.layer?.tiles.dispose();
  }
}
