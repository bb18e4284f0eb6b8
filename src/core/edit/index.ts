/** Edits of traced curves in pixel space (pure): the workbench's edit tools call these. */
export { clipRows, cloneCurve, coverRows, indexOfRow, rowsBetween, xAtRow, type RowSpan } from './rows.ts';
export { eraseInPolygon, eraseRows, pointInPolygon } from './erase.ts';
export { dragRows, dragWeight, type DragSpec } from './drag.ts';
export { redrawStroke, setValue, type WrapEdges } from './redraw.ts';
export { retraceInterval, spliceTrace, type RetraceRequest } from './retrace.ts';
