import type { ErrorObject } from 'ajv';

/** One collapsed schema problem: where (pointer), whether it points at a key, and what. */
export interface SchemaProblem {
  readonly pointer: string;
  readonly atKey: boolean;
  readonly message: string;
}

const typeName = (value: unknown): string =>
  value === null
    ? 'null'
    : Array.isArray(value)
      ? 'array'
      : typeof value === 'number' && Number.isInteger(value)
        ? 'integer'
        : typeof value;

const article = (t: string): string => (/^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`);

const list = (values: readonly unknown[]): string => values.map((v) => JSON.stringify(v)).join(', ');

/**
 * Turn one ajv error into a readable problem. `propertyNames` and meta errors are described by the
 * inner error ajv reports alongside them.
 */
export function describeSchemaError(error: ErrorObject): SchemaProblem {
  const at = error.instancePath;
  const p = error.params as Record<string, unknown>;
  const data = error.data;
  switch (error.keyword) {
    case 'required':
      return {
        pointer: at,
        atKey: false,
        message: `missing required property '${String(p.missingProperty)}'`,
      };
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const name = String(p.additionalProperty ?? p.unevaluatedProperty);
      const hint = name.startsWith('x-') ? '' : ' (extensions must start with x-)';
      return {
        pointer: `${at}/${escapeToken(name)}`,
        atKey: true,
        message: `unknown property '${name}'${hint}`,
      };
    }
    case 'type': {
      const expected = String(p.type).split(',').join(' or ');
      return {
        pointer: at,
        atKey: false,
        message: `must be ${article(expected)}, not ${article(typeName(data))}`,
      };
    }
    case 'enum':
      return {
        pointer: at,
        atKey: false,
        message: `${JSON.stringify(data)} is not one of ${list(p.allowedValues as unknown[])}`,
      };
    case 'const':
      return {
        pointer: at,
        atKey: false,
        message: `must be ${JSON.stringify(p.allowedValue)}, not ${JSON.stringify(data)}`,
      };
    case 'pattern': {
      if (error.propertyName !== undefined) {
        const name = error.propertyName;
        return {
          pointer: `${at}/${escapeToken(name)}`,
          atKey: true,
          message: `name '${name}' does not match ${String(p.pattern)}`,
        };
      }
      return {
        pointer: at,
        atKey: false,
        message: `${JSON.stringify(data)} does not match ${String(p.pattern)}`,
      };
    }
    case 'minItems':
      return {
        pointer: at,
        atKey: false,
        message: `must have at least ${String(p.limit)} item${p.limit === 1 ? '' : 's'}`,
      };
    case 'uniqueItems':
      return {
        pointer: `${at}/${String(p.i)}`,
        atKey: false,
        message: `duplicate of item ${String(p.j)}: items must be unique`,
      };
    case 'format':
      return {
        pointer: at,
        atKey: false,
        message: `${JSON.stringify(data)} is not a valid ${String(p.format)}`,
      };
    case 'minimum':
      return { pointer: at, atKey: false, message: `must be ${String(p.comparison)} ${String(p.limit)}` };
    case 'dependentRequired':
      return {
        pointer: at,
        atKey: false,
        message: `property '${String(p.missingProperty)}' is required when '${String(p.property)}' is present`,
      };
    default:
      return { pointer: at, atKey: false, message: error.message ?? `fails '${error.keyword}'` };
  }
}

function escapeToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}
