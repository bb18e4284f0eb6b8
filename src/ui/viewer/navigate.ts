/**
 * Moving the viewer from elsewhere in the UI (the review walk, a list of regions): the mounted
 * viewer registers its controller here. One viewer per page.
 */
import type { ViewerController } from './controller';

let active: ViewerController | null = null;

export function setActiveViewer(c: ViewerController | null): void {
  active = c;
}

/** Centre the view on a point of the upright scan (scan px), keeping the zoom; false without a viewer. */
export function centreViewOn(x: number, y: number): boolean {
  if (!active) return false;
  active.centerOn(x, y, true);
  return true;
}
