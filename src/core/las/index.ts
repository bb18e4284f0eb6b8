/** LAS 2.0 reading, writing and conformance checking (CWLS Log ASCII Standard). */
export * from './types.ts';
export { readLas, readLasBytes } from './read.ts';
export { decodeLasBytes, type LasEncoding } from './decode.ts';
export { writeLas, DEFAULT_NULL_VALUE } from './write.ts';
export { lasFileToDocument, legalMnemonic, depthUnit } from './convert.ts';
export { measureStep, toFixedPlain, toPlain } from './numbers.ts';
export { toAscii } from './ascii.ts';
export { checkLasConformance, type LasConformance, type LasProblem } from './conformance.ts';
