/**
 * Workflow inputs checked with ajv (JSON Schema 2020-12) before anything is sent, defaults applied
 * (Workflow Object `inputs`). `$ref`s to `#/components/inputs/...` resolve against the document.
 * Nothing is compiled, and ajv is not even loaded, until a workflow's inputs are first checked (at
 * the start of its run, before anything is sent): a workflow's validator is compiled then and kept
 * on the plan; a property validator for a lazily provided input is compiled on first use.
 */
import { createRequire } from 'node:module';
import type { Ajv2020, ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { joinPointer, splitPointer } from '../../document/json-pointer.js';
import type { ArazzoDocument } from '../../model/arazzo.js';
import { copyPlainValue } from '../run/copy-plain-value.js';
import type { RunError } from '../types.js';
import { simpleInputSchema } from './simple-input-schema.js';

// ajv and ajv-formats are CommonJS: a synchronous require keeps validation synchronous while
// loading them (~50 ms of CPU) only when inputs are actually checked.
const require = createRequire(import.meta.url);

const DOC_ID = 'https://telaio.invalid/arazzo.json';

/** Checks the inputs of one workflow. */
export interface InputValidator {
  /** The declared top-level input names (undefined when the schema declares no properties). */
  readonly properties: ReadonlySet<string> | undefined;
  /** Top-level required names. */
  readonly required: ReadonlySet<string>;
  /** The JSON schema of one input, when declared. */
  schemaOf(name: string): unknown;
  /** Validate a copy of `inputs` with defaults applied; names in `deferred` may be missing (provided later). */
  validate(
    inputs: Readonly<Record<string, unknown>>,
    deferred: { has(name: string): boolean },
  ): { value: Record<string, unknown>; error?: RunError };
  /** Validate one lazily provided input against its property schema. */
  validateOne(name: string, value: unknown): RunError | undefined;
}

/** Does any object in `node` have a `format` key (only then are ajv-formats worth loading)? */
function usesFormat(node: unknown): boolean {
  if (node === null || typeof node !== 'object') return false;
  if (Array.isArray(node)) return node.some(usesFormat);
  if (Object.hasOwn(node, 'format')) return true;
  return Object.values(node).some(usesFormat);
}

/**
 * Per-document ajv with the whole document registered, so local `$ref`s resolve; ajv is loaded
 * and the instance built on the getter's first call, then kept.
 */
export function createDocumentAjv(options: { document: ArazzoDocument }): () => Ajv2020 {
  let ajv: Ajv2020 | undefined;
  return () => {
    if (ajv !== undefined) return ajv;
    const { Ajv2020: Ajv } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
    ajv = new Ajv({
      allErrors: true,
      strict: false,
      useDefaults: true,
      validateSchema: false,
      allowUnionTypes: true,
    });
    if (usesFormat(options.document)) (require('ajv-formats') as (instance: Ajv2020) => Ajv2020)(ajv);
    ajv.addSchema(options.document as object, DOC_ID);
    return ajv;
  };
}

const pointerAt = (root: unknown, pointer: string): unknown => {
  let node = root;
  for (const token of splitPointer(pointer))
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[token] : undefined;
  return node;
};

/** Follow local `$ref`s (`#/...`) from the schema at `pointer` to the schema that declares properties. */
function resolveLocal(
  document: ArazzoDocument,
  pointer: string,
): { pointer: string; schema: Record<string, unknown> | undefined } {
  let current = pointer;
  for (let hops = 0; hops < 16; hops++) {
    const schema = pointerAt(document, current);
    if (schema === null || typeof schema !== 'object') return { pointer: current, schema: undefined };
    const ref = (schema as Record<string, unknown>).$ref;
    if (
      typeof ref !== 'string' ||
      !ref.startsWith('#') ||
      (schema as Record<string, unknown>).properties !== undefined
    )
      return { pointer: current, schema: schema as Record<string, unknown> };
    current = ref.slice(1);
  }
  return { pointer: current, schema: undefined };
}

const ARTICLE: Readonly<Record<string, string>> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'a boolean',
  object: 'an object',
  array: 'an array',
  null: 'null',
};

/** Names whose values are not repeated in a message (they may be credentials). */
const SECRET_LOOKING = /secret|passw|passcode|token|jwt|pin|code|otp|key|cookie|auth/i;

/** `number 7`, `string`, `an array`...: what was given, the value itself only when short and safe. */
function given(name: string, value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  const type = typeof value;
  if ((type === 'number' || type === 'boolean') && !SECRET_LOOKING.test(name))
    return `${type} ${String(value)}`;
  return type === 'object' ? 'an object' : type;
}

const valueAt = (root: unknown, instancePath: string): unknown => pointerAt(root, instancePath);

/**
 * One validation error in plain words: `input 'id' must be a string, got number 7`, or
 * `input 'n' must be >= 1 (minimum)`; never the internal schema URI ajv names schemas by.
 */
const describe = (e: ErrorObject, inputs: unknown, prefix = ''): RunError => {
  const [, name, ...rest] = `${prefix}${e.instancePath}`.split('/');
  if (e.keyword === 'required' && e.instancePath === '' && prefix === '') {
    const missing = String((e.params as { missingProperty?: string }).missingProperty);
    return { code: 'input-missing', message: `input '${missing}' is required and was not given` };
  }
  const where =
    name === undefined ? 'inputs' : `input '${name}'${rest.length > 0 ? ` at /${rest.join('/')}` : ''}`;
  if (e.keyword === 'type') {
    const types = String((e.params as { type?: unknown }).type ?? '').split(',');
    const wanted = types.map((t) => ARTICLE[t] ?? t).join(' or ');
    return {
      code: 'input-invalid',
      message: `${where} must be ${wanted}, got ${given(name ?? '', valueAt(inputs, e.instancePath))}`,
    };
  }
  return { code: 'input-invalid', message: `${where} ${e.message ?? 'is invalid'} (${e.keyword})` };
};

/** The input validator of the workflow at `workflowIndex` (compiled on its first use). */
export function createInputValidator(options: {
  ajv: () => Ajv2020;
  document: ArazzoDocument;
  workflowIndex: number;
}): InputValidator {
  const { ajv, document } = options;
  const base = `/workflows/${options.workflowIndex}/inputs`;
  const declared = pointerAt(document, base);
  const top = resolveLocal(document, base);
  const props = top.schema?.properties;
  const properties = props !== null && typeof props === 'object' ? new Set(Object.keys(props)) : undefined;
  const required = new Set(Array.isArray(top.schema?.required) ? (top.schema.required as string[]) : []);
  // The common subset (no $ref, single types, defaults) is checked without loading ajv at all.
  const simple =
    declared === undefined || top.pointer !== base
      ? undefined
      : simpleInputSchema(declared, `${DOC_ID}#${base}`);
  let whole: ValidateFunction | undefined;
  const single = new Map<string, ValidateFunction>();
  return {
    properties,
    required,
    schemaOf: (name) => (properties?.has(name) ? (props as Record<string, unknown>)[name] : undefined),
    validate(inputs, deferred) {
      const value = copyPlainValue(inputs) as Record<string, unknown>;
      if (declared === undefined) return { value };
      let found: readonly ErrorObject[];
      if (simple !== undefined) found = simple.check(value);
      else {
        whole ??= ajv().compile({ $ref: `${DOC_ID}#${base}` });
        found = whole(value) ? [] : (whole.errors ?? []);
      }
      if (found.length === 0) return { value };
      const errors = found.filter(
        (e) =>
          !(
            e.keyword === 'required' &&
            e.instancePath === '' &&
            deferred.has(String((e.params as { missingProperty?: string }).missingProperty))
          ),
      );
      const first = errors.find((e) => e.keyword === 'required' && e.instancePath === '') ?? errors[0];
      return first === undefined ? { value } : { value, error: describe(first, value) };
    },
    validateOne(name, value) {
      if (!properties?.has(name)) return undefined;
      if (simple !== undefined) {
        const e = simple.checkOne(name, value)[0];
        return e === undefined ? undefined : describe(e, value, `/${name}`);
      }
      let validate = single.get(name);
      if (validate === undefined) {
        validate = ajv().compile({ $ref: `${DOC_ID}#${top.pointer}${joinPointer(['properties', name])}` });
        single.set(name, validate);
      }
      if (validate(value)) return undefined;
      const e = validate.errors?.[0];
      return e === undefined
        ? { code: 'input-invalid', message: `input '${name}' is invalid` }
        : describe(e, value, `/${name}`);
    },
  };
}
