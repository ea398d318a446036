import { anyValue, strictObject } from './schema-fragments.js';

/** Info, source description, parameter, reusable, request body, replacement and components objects. */
export const objectDefs = {
  info: strictObject({
    properties: {
      title: { type: 'string' },
      summary: { type: 'string' },
      description: { type: 'string' },
      version: { type: 'string' },
    },
    required: ['title', 'version'],
  }),
  'source-description-object': strictObject({
    properties: {
      // The text says a name SHOULD match [A-Za-z0-9_\\-]+: lint's `id-not-portable` warning, not a schema error.
      name: { type: 'string' },
      url: { type: 'string', format: 'uri-reference' },
      type: { enum: ['arazzo', 'openapi'] },
    },
    required: ['name', 'url'],
  }),
  'parameter-object': strictObject({
    properties: {
      name: { type: 'string' },
      in: { enum: ['path', 'query', 'header', 'cookie'] },
      value: anyValue,
    },
    required: ['name', 'value'],
  }),
  'reusable-object': strictObject({
    properties: { reference: { type: 'string' }, value: anyValue },
    required: ['reference'],
    extensions: false,
  }),
  'request-body-object': strictObject({
    properties: {
      contentType: { type: 'string' },
      payload: true,
      replacements: {
        type: 'array',
        items: { $ref: '#/$defs/payload-replacement-object' },
      },
    },
  }),
  'payload-replacement-object': strictObject({
    // The spec text says `value` is "Any | {expression}" (its example sets 10); the published schema's
    // `type: string` contradicts it, and the text wins.
    properties: { target: { type: 'string' }, value: true },
    required: ['target', 'value'],
  }),
  'components-object': strictObject({
    properties: {
      inputs: componentMap({ $ref: '#/$defs/schema' }),
      parameters: componentMap({ $ref: '#/$defs/parameter-object' }),
      successActions: componentMap({ $ref: '#/$defs/success-action-object' }),
      failureActions: componentMap({ $ref: '#/$defs/failure-action-object' }),
    },
  }),
  schema: { $ref: 'https://json-schema.org/draft/2020-12/schema' },
} as const;

/** A components map whose keys follow the spec's name pattern. */
function componentMap(item: Record<string, unknown>): Record<string, unknown> {
  return { type: 'object', propertyNames: { pattern: '^[a-zA-Z0-9\\.\\-_]+$' }, additionalProperties: item };
}
