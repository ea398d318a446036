import { resolveLocalRef } from '../document/json-pointer.js';
import type { RefResolver } from './create-ref-resolver.js';
import type { MessageInfo } from './types.js';

type Obj = Record<string, unknown>;
const asObj = (value: unknown): Obj =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Obj) : {};

/** What reading AsyncAPI messages needs of their document. */
export interface AsyncReadContext {
  readonly root: Obj;
  readonly refs: RefResolver;
  /** The document's `defaultContentType`, for messages that name none. */
  readonly defaultContentType?: string;
}

/**
 * Follow the local `$ref` chain at the top of `value`: the object it ends at and the JSON Pointer
 * of where that object is defined (the last `$ref`'s fragment, else `pointer` as given). A `$ref`
 * that reaches nothing ends the chain at the `$ref` object itself.
 */
export function followRef(
  context: AsyncReadContext,
  value: unknown,
  pointer: string,
): { node: Obj; pointer: string } {
  let node = value;
  let at = pointer;
  for (let hops = 0; hops < 32; hops++) {
    const ref = asObj(node).$ref;
    if (typeof ref !== 'string' || !ref.startsWith('#')) break;
    const next = resolveLocalRef(context.root, ref);
    if (next === undefined) break;
    node = next;
    at = ref.slice(1);
  }
  return { node: asObj(node), pointer: at };
}

/**
 * One AsyncAPI Message Object (2.x or 3.x) as MessageInfo: payload and headers with local `$ref`s
 * resolved (a 3.x Multi Format Schema Object's `schema` taken), `correlationId` followed through
 * its `$ref`, the content type defaulting to the document's.
 */
export function readAsyncMessage(
  context: AsyncReadContext,
  raw: unknown,
  pointer: string,
  key?: string,
): MessageInfo {
  const { node, pointer: at } = followRef(context, raw, pointer);
  const name =
    key ??
    (typeof node.name === 'string'
      ? node.name
      : typeof node.messageId === 'string'
        ? node.messageId
        : lastToken(at, '/components/messages/'));
  const payload = schemaOf(context, node.payload);
  const headers = schemaOf(context, node.headers);
  const correlation = followRef(context, node.correlationId, '').node;
  const contentType = typeof node.contentType === 'string' ? node.contentType : context.defaultContentType;
  const bindings = bindingsOf(context, node.bindings);
  return {
    ...(bindings === undefined ? {} : { bindings }),
    ...(name === undefined ? {} : { name }),
    pointer: at,
    ...(contentType === undefined ? {} : { contentType }),
    ...(payload === undefined ? {} : { payload }),
    ...(headers === undefined ? {} : { headers }),
    ...(typeof correlation.location === 'string'
      ? {
          correlationId: {
            location: correlation.location,
            ...(typeof correlation.description === 'string' ? { description: correlation.description } : {}),
          },
        }
      : {}),
  };
}

/** A Bindings Object (`$ref`s resolved, its own and its bindings'), or undefined when absent or empty. */
export function bindingsOf(
  context: AsyncReadContext,
  value: unknown,
): Readonly<Record<string, Readonly<Record<string, unknown>>>> | undefined {
  if (value === undefined) return undefined;
  const resolved = asObj(context.refs.deep(value));
  const out: Record<string, Readonly<Record<string, unknown>>> = {};
  for (const [protocol, binding] of Object.entries(resolved))
    if (binding !== null && typeof binding === 'object' && !Array.isArray(binding))
      out[protocol] = binding as Readonly<Record<string, unknown>>;
  return Object.keys(out).length === 0 ? undefined : out;
}

/** A schema, or the `schema` of a 3.x Multi Format Schema Object, `$ref`s resolved. */
function schemaOf(context: AsyncReadContext, value: unknown): unknown {
  if (value === undefined) return undefined;
  const node = asObj(value);
  const schema = typeof node.schemaFormat === 'string' && 'schema' in node ? node.schema : value;
  return context.refs.deep(schema);
}

/** The key after `prefix` in `pointer` (`/components/messages/A` → `A`), when it is one token. */
export function lastToken(pointer: string, prefix: string): string | undefined {
  if (!pointer.startsWith(prefix)) return undefined;
  const rest = pointer.slice(prefix.length);
  return rest === '' || rest.includes('/') ? undefined : rest.replace(/~1/g, '/').replace(/~0/g, '~');
}
