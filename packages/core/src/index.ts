/**
 * @telaio/core: Arazzo documents, sources, runtime expressions, criteria, lint and the engine.
 * Everything public is exported from here.
 */

export * from './adapters/combine-credentials.js';
export type * from './adapters/credentials.js';
export type * from './adapters/hooks.js';
export type * from './adapters/inputs.js';
export * from './adapters/static-credentials.js';
export * from './adapters/transport.js';
export * from './criteria/jsonpath-evaluator.js';
export * from './criteria/regex-evaluator.js';
export * from './criteria/registry.js';
export type * from './criteria/simple/condition-ast.js';
export { conditionExpressions } from './criteria/simple/condition-expressions.js';
export { parseCondition } from './criteria/simple/parse-condition.js';
export * from './criteria/simple/simple-evaluator.js';
export * from './criteria/types.js';
export * from './criteria/xpath-evaluator.js';
export * from './document/index.js';
export { abortableSleep } from './engine/abortable-sleep.js';
export { createEngine } from './engine/create-engine.js';
export type * from './engine/types.js';
export * from './errors.js';
export type * from './expressions/ast.js';
export * from './expressions/classify-value.js';
export * from './expressions/compile-value.js';
export type * from './expressions/context.js';
export * from './expressions/evaluate-expression.js';
export { getMember, type Lookup, lookupName, resolvePointer } from './expressions/json-pointer.js';
export * from './expressions/parse-expression.js';
export * from './expressions/parse-template.js';
export * from './expressions/print-expression.js';
export * from './expressions/render-template.js';
export type * from './lint/diagnostic.js';
export { type LintOptions, lintDocument } from './lint/lint-document.js';
export type * from './model/arazzo.js';
export type * from './model/positions.js';
export * from './schema/index.js';
export * from './sources/index.js';
export type * from './sources/types.js';
