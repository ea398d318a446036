/** Arazzo documents: parsing with positions, JSON Pointer helpers. */
export { loadArazzoText, type LoadArazzoTextResult } from './load-arazzo-text.js';
export { buildPositionMap } from './build-position-map.js';
export { deepFreeze } from './deep-freeze.js';
export { escapePointerToken, joinPointer, splitPointer } from './json-pointer.js';
