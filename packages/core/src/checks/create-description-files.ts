/**
 * The OpenAPI files behind the checks, read once per process per checker: parsed with positions,
 * converted for ajv (convert-schema-document.ts), and walked by JSON Pointer across `$ref`s, local
 * or into other files, so a response object or a schema is found wherever the description keeps it.
 */
import { isAbsolute } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { escapePointerToken, splitFragment } from '../document/json-pointer.js';
import { loadArazzoText } from '../document/load-arazzo-text.js';
import type { PositionMap } from '../model/positions.js';
import type { SourceLoader } from '../sources/types.js';
import type { DescriptionLocation } from './check-types.js';
import { convertSchemaDocument, type SchemaDialect } from './convert-schema-document.js';

/** One OpenAPI file (the source, or a file its `$ref`s name). */
export interface DescriptionFile {
  readonly uri: string;
  /** The URL ajv knows the file by (`file://...` for paths). */
  readonly id: string;
  readonly root: unknown;
  readonly positions: PositionMap;
  readonly dialect: SchemaDialect;
  /** The ajv-ready copy of the whole file (with `$id`). */
  readonly converted: unknown;
}

/** A node found by `locate`: the file and pointer where it really is (after `$ref`s). */
export interface LocatedNode {
  readonly file: DescriptionFile;
  readonly pointer: string;
  readonly node: unknown;
}

/** The files, their converted copies' origins, and lookups by pointer. */
export interface DescriptionFiles {
  /** Converted schema object → the file and pointer it was copied from. */
  readonly origins: WeakMap<object, { readonly uri: string; readonly pointer: string }>;
  /** Load `uri` once (undefined when it cannot be read or parsed); `dialect` for files with no `openapi` field. */
  get(uri: string, dialect?: SchemaDialect): Promise<DescriptionFile | undefined>;
  /** Walk `pointer` from the root of `uri`, following `$ref`s met on the way and at the end. */
  locate(uri: string, pointer: string): Promise<LocatedNode | undefined>;
  /** Line and column of the node (of its key, when it is a mapping key) at `pointer` in `uri`. */
  where(uri: string, pointer: string): Promise<DescriptionLocation | undefined>;
}

/** The id ajv gives a file: its URL. */
export function fileId(uri: string): string {
  return isAbsolute(uri) ? pathToFileURL(uri).href : uri;
}

/** The loader URI of an ajv id. */
export function uriOfId(id: string): string {
  return id.startsWith('file:') ? fileURLToPath(id) : id;
}

/** Create the file set over `loader`. */
export function createDescriptionFiles(options: { readonly loader: SourceLoader }): DescriptionFiles {
  const files = new Map<string, Promise<DescriptionFile | undefined>>();
  const origins = new WeakMap<object, { uri: string; pointer: string }>();
  const located = new Map<string, Promise<LocatedNode | undefined>>();
  const read = async (uri: string, inherited: SchemaDialect): Promise<DescriptionFile | undefined> => {
    let text: string;
    try {
      text = (await options.loader.load(uri)).text;
    } catch {
      return undefined;
    }
    const { file } = loadArazzoText({ uri, text });
    if (file === undefined) return undefined;
    const root = file.document as unknown;
    const version = (root as { openapi?: unknown } | null)?.openapi;
    const dialect = typeof version === 'string' ? (version.startsWith('3.0') ? '3.0' : '3.1') : inherited;
    const id = fileId(uri);
    const converted = convertSchemaDocument({ root, dialect, id, origins, uri });
    return { uri, id, root, positions: file.positions, dialect, converted };
  };
  const get = (uri: string, dialect: SchemaDialect = '3.1'): Promise<DescriptionFile | undefined> => {
    let pending = files.get(uri);
    if (pending === undefined) {
      pending = read(uri, dialect);
      files.set(uri, pending);
    }
    return pending;
  };
  const follow = async (
    file: DescriptionFile,
    ref: string,
    hops: number,
  ): Promise<LocatedNode | undefined> => {
    const hash = ref.indexOf('#');
    const target = hash < 0 ? ref : ref.slice(0, hash);
    const fragment = hash < 0 ? '' : ref.slice(hash + 1);
    const next = target === '' ? file : await get(uriOfId(new URL(target, file.id).href), file.dialect);
    if (next === undefined) return undefined;
    const tokens = splitFragment(`#${fragment}`);
    if (tokens === undefined) return undefined;
    return walk(next, '', next.root, tokens, hops + 1);
  };
  const walk = async (
    file: DescriptionFile,
    pointer: string,
    start: unknown,
    tokens: readonly string[],
    hops: number,
  ): Promise<LocatedNode | undefined> => {
    if (hops > 32) return undefined;
    let node = start;
    let at = pointer;
    for (let i = 0; i <= tokens.length; i++) {
      const ref = (node as { $ref?: unknown } | null)?.$ref;
      if (typeof ref === 'string') {
        const landed = await follow(file, ref, hops);
        if (landed === undefined) return undefined;
        return walk(landed.file, landed.pointer, landed.node, tokens.slice(i), hops + 1);
      }
      const token = tokens[i];
      if (token === undefined) break;
      if (node === null || typeof node !== 'object' || !Object.hasOwn(node, token)) return undefined;
      node = (node as Record<string, unknown>)[token];
      at = `${at}/${escapePointerToken(token)}`;
    }
    return { file, pointer: at, node };
  };
  return {
    origins,
    get,
    locate(uri, pointer) {
      // The same few pointers are asked for on every response: walk each once.
      const key = `${uri}#${pointer}`;
      let found = located.get(key);
      if (found === undefined) {
        found = get(uri).then((file) =>
          file === undefined ? undefined : walk(file, '', file.root, splitFragment(`#${pointer}`) ?? [], 0),
        );
        located.set(key, found);
      }
      return found;
    },
    async where(uri, pointer) {
      const file = await get(uri);
      if (file === undefined) return undefined;
      const range = file.positions.keyRangeOf(pointer) ?? file.positions.rangeOf(pointer);
      return { uri, pointer, line: range.start.line, column: range.start.column };
    },
  };
}
