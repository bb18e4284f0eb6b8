/** Pure raster operations: gray, quarter turns, deskew, and the source ↔ upright pixel frames. */
export { checkRaster, toGray } from './gray';
export { rotate90 } from './rotate';
export { deskew } from './deskew';
export { sourceToUpright, toUpright, uprightSize, uprightToSource, type Size, type UprightParams } from './frame';
