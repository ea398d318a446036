/** Arazzo documents: parsing with positions, JSON Pointer helpers. */

export { buildPositionMap } from './build-position-map.js';
export {
  type DeclaredInputsView,
  declaredInputs,
  readDeclaredInputs,
} from './declared-inputs.js';
export { deepFreeze } from './deep-freeze.js';
export {
  escapePointerToken,
  joinPointer,
  resolveLocalRef,
  splitFragment,
  splitPointer,
} from './json-pointer.js';
export { type LoadArazzoTextResult, loadArazzoText } from './load-arazzo-text.js';
