/** The layout file and the maps from pixel space to data space (see ARCHITECTURE.md). */
export * from './layout';
export * from './errors';
export { CURRENT_LAYOUT_VERSION, migrateLayout, type MigrateResult } from './migrate';
export { parseLayout, parseLayoutText } from './parse';
export { layoutToJson } from './serialize';
export {
  BACKUP_SIDES,
  DEPTH_FITS,
  DEPTH_UNITS,
  LINE_STYLES,
  MAX_DESKEW_DEG,
  ROTATIONS,
  SCALE_KINDS,
  depthSpecErrors,
  resolveFit,
  validateLayout,
} from './validate';
export { depthMap, type DepthMap } from './depth-map';
export { valueMap, type ValueMap } from './value-map';
export { MAX_GRID_ROWS, depthGrid, resampleSeries } from './resample';
export { tracedToSeries } from './series';
