/**
 * Small building blocks shared by the Arazzo schema definitions.
 */

/** `x-` specification extensions, allowed on every object that allows them. */
export const extensions = { '^x-': true } as const;

/** Any JSON value except undefined (the spec's `Any` for parameter and reusable values). */
export const anyValue = { type: ['string', 'boolean', 'object', 'array', 'number', 'null'] } as const;

/** A map of friendly names to runtime expressions (workflow and step outputs). */
export const outputsMap = {
  type: 'object',
  patternProperties: { '^[a-zA-Z0-9\\.\\-_]+$': { type: 'string' } },
} as const;

/** A strict object: only the listed properties plus `x-` extensions. */
export function strictObject(options: {
  properties: Record<string, unknown>;
  required?: readonly string[];
  extensions?: boolean;
  extra?: Record<string, unknown>;
}): Record<string, unknown> {
  return {
    type: 'object',
    properties: options.properties,
    ...(options.required ? { required: options.required } : {}),
    ...(options.extensions === false ? {} : { patternProperties: extensions }),
    additionalProperties: false,
    ...options.extra,
  };
}
