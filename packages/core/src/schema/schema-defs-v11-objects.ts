// biome-ignore-all lint/suspicious/noThenProperty: JSON Schema's if/then keywords
import { anyValue, strictObject } from './schema-fragments.js';

/** Allowed versions per selector type (Arazzo 1.1.0 §Expression Type Object, its table). */
export const EXPRESSION_TYPE_VERSIONS = {
  jsonpath: ['rfc9535', 'draft-goessner-dispatch-jsonpath-00'],
  xpath: ['xpath-31', 'xpath-30', 'xpath-20', 'xpath-10'],
  jsonpointer: ['rfc6901'],
} as const;

/** A parameter or replacement `value`: anything, but an object with `selector` must be a Selector Object. */
const valueOrSelector = {
  ...anyValue,
  if: { type: 'object', required: ['selector'] },
  then: { $ref: '#/$defs/selector-object' },
} as const;

/**
 * The objects 1.1.0 adds or changes outside workflows, steps and actions: source descriptions may be
 * `asyncapi`; parameters may go in `querystring` and take a Selector Object as value; payload
 * replacements take `targetSelectorType` and a Selector Object value; the Selector Object and the
 * Expression Type Object (versions per type as the spec's table lists them, `xpath-31` included).
 */
export const v11ObjectDefs = {
  'source-description-object': strictObject({
    properties: {
      // SHOULD match [A-Za-z0-9_\\-]+ (the text): lint's `id-not-portable` warning, not a schema error.
      name: { type: 'string' },
      url: { type: 'string', format: 'uri-reference' },
      type: { enum: ['arazzo', 'asyncapi', 'openapi'] },
    },
    required: ['name', 'url'],
  }),
  'parameter-object': strictObject({
    properties: {
      name: { type: 'string' },
      in: { enum: ['path', 'query', 'querystring', 'header', 'cookie'] },
      value: valueOrSelector,
    },
    required: ['name', 'value'],
  }),
  'payload-replacement-object': strictObject({
    properties: {
      target: { type: 'string' },
      targetSelectorType: { $ref: '#/$defs/selector-type' },
      value: valueOrSelector,
    },
    required: ['target', 'value'],
  }),
  // The section has no "MAY be extended" sentence; x- is allowed as on its sibling Expression Type
  // Object: a sibling's extension should not make a selector unreadable.
  'selector-object': strictObject({
    properties: {
      context: { type: 'string' },
      selector: { type: 'string' },
      type: { $ref: '#/$defs/selector-type' },
    },
    required: ['context', 'selector', 'type'],
  }),
  'selector-type': {
    if: { type: 'string' },
    then: { enum: Object.keys(EXPRESSION_TYPE_VERSIONS) },
    else: { $ref: '#/$defs/expression-type-object' },
  },
  'expression-type-object': expressionTypeObject(['jsonpath', 'xpath', 'jsonpointer']),
  // In a criterion: jsonpath or xpath only ("the options allowed are simple, regex, jsonpath or xpath").
  'criterion-expression-type-object': expressionTypeObject(['jsonpath', 'xpath']),
} as const;

/** An Expression Type Object limited to `types`, each with its allowed versions. */
function expressionTypeObject(
  types: readonly (keyof typeof EXPRESSION_TYPE_VERSIONS)[],
): Record<string, unknown> {
  return strictObject({
    properties: { type: { enum: [...types] }, version: { type: 'string' } },
    required: ['type', 'version'],
    extra: {
      allOf: types.map((type) => ({
        if: { required: ['type'], properties: { type: { const: type } } },
        then: { properties: { version: { enum: [...EXPRESSION_TYPE_VERSIONS[type]] } } },
      })),
    },
  });
}
