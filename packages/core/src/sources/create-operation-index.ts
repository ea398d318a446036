import { splitFragment, splitPointer } from '../document/json-pointer.js';
import type {
  ChannelInfo,
  MessageOperationInfo,
  OperationIndex,
  OperationInfo,
  ResolvedAsyncApiSource,
  ResolvedOpenApiSource,
  ResolvedSource,
} from './types.js';

const QUALIFIED = /^\$sourceDescriptions\.([^.]+)\.(.+)$/;
const TEMPLATED_PATH = /^\{\$sourceDescriptions\.([^.}]+)\.url\}(#.*)$/;

interface SourceEntry {
  /** Every operation by id (a source may repeat one). */
  readonly allIds: Map<string, OperationInfo[]>;
  /** The last operation with each id. */
  readonly ids: Map<string, OperationInfo>;
  readonly allMessageIds: Map<string, MessageOperationInfo[]>;
  readonly paths: Map<string, OperationInfo>;
  readonly messageIds: Map<string, MessageOperationInfo>;
  readonly channels: Map<string, ChannelInfo>;
}

/**
 * Index the operations of a document's own OpenAPI and AsyncAPI sources: HTTP operations by
 * operationId (also in Redocly Respect's `sourceName.operationId` short form, when no operation has
 * that whole string as its id) and by operationPath (`#/paths/<path>/<method>`, and OpenAPI 3.2's
 * `#/paths/<path>/additionalOperations/<METHOD>`), AsyncAPI operations by operationId and channels
 * by `channelPath` (`#/channels/<key>`). Pointers are compared decoded: `~1`/`~0` escapes and
 * percent-encoding both accepted.
 */
export function createOperationIndex(sources: readonly ResolvedSource[]): OperationIndex {
  const bySource = new Map<string, SourceEntry>();
  const entries: SourceEntry[] = [];
  for (const source of sources) {
    if (source.kind !== 'openapi' && source.kind !== 'asyncapi') continue;
    const entry = entryOf(source);
    entries.push(entry);
    if (!bySource.has(source.description.name)) bySource.set(source.description.name, entry);
  }
  // Unqualified ids: every source's operations with that id, in source order (duplicates within one source kept).
  const inAll = <T>(ref: string, all: (e: SourceEntry) => Map<string, T[]>): T[] => {
    let found: T[] | undefined;
    for (const entry of entries) {
      const list = all(entry).get(ref);
      if (list !== undefined) found = found === undefined ? list : [...found, ...list];
    }
    return found ?? [];
  };
  const findSource = (ref: string): string | undefined =>
    sources.find(
      (s) => (s.kind === 'openapi' || s.kind === 'asyncapi') && (s.description.url === ref || s.uri === ref),
    )?.description.name;
  /** The source entry and decoded pointer tokens a `{$sourceDescriptions.x.url}#/...` (or `url#/...`) names. */
  const locate = (ref: string): { entry: SourceEntry; tokens: string[] } | undefined => {
    let name: string | undefined;
    let pointer: string | undefined;
    const templated = TEMPLATED_PATH.exec(ref);
    if (templated !== null) {
      name = templated[1];
      pointer = templated[2];
    } else {
      const hash = ref.indexOf('#');
      if (hash < 0) return undefined;
      name = findSource(ref.slice(0, hash));
      pointer = ref.slice(hash);
    }
    const entry = bySource.get(name ?? '');
    const tokens = splitFragment(pointer ?? '');
    return entry === undefined || tokens === undefined ? undefined : { entry, tokens };
  };
  const byQualifiedId = <T>(
    ref: string,
    all: (e: SourceEntry) => Map<string, T[]>,
    pick: (e: SourceEntry) => Map<string, T>,
  ) => {
    const qualified = QUALIFIED.exec(ref);
    if (qualified === null) return inAll(ref, all);
    const entry = bySource.get(qualified[1] ?? '');
    const found = entry === undefined ? undefined : pick(entry).get(qualified[2] ?? '');
    return found === undefined ? [] : [found];
  };
  return {
    byOperationId(ref: string): readonly OperationInfo[] {
      const found = byQualifiedId(
        ref,
        (e) => e.allIds,
        (e) => e.ids,
      );
      if (found.length > 0 || QUALIFIED.test(ref)) return found;
      // Redocly Respect's short form `sourceName.operationId` (lint warns: not portable)
      const dot = ref.indexOf('.');
      const op = dot > 0 ? bySource.get(ref.slice(0, dot))?.ids.get(ref.slice(dot + 1)) : undefined;
      return op === undefined ? [] : [op];
    },
    messageOperationsById: (ref) =>
      byQualifiedId(
        ref,
        (e) => e.allMessageIds,
        (e) => e.messageIds,
      ),
    byOperationPath(ref: string): OperationInfo | undefined {
      const found = locate(ref);
      if (found === undefined || found.tokens[0] !== 'paths') return undefined;
      return found.entry.paths.get(tokensKey(found.tokens));
    },
    channelByPath(ref: string): ChannelInfo | undefined {
      const found = locate(ref);
      if (found === undefined || found.tokens[0] !== 'channels' || found.tokens.length !== 2)
        return undefined;
      return found.entry.channels.get(tokensKey(found.tokens));
    },
  };
}

/**
 * The lookup maps of one source's operations, built once per operations list: the documents of a
 * run that name the same source share its (named) operations, so each is indexed once, not per document.
 */
const entries = new WeakMap<object, SourceEntry>();

function entryOf(source: ResolvedOpenApiSource | ResolvedAsyncApiSource): SourceEntry {
  const cached = entries.get(source.operations);
  if (cached !== undefined && (source.kind === 'openapi' || entries.get(source.channels) === cached))
    return cached;
  const entry: SourceEntry = {
    allIds: new Map(),
    ids: new Map(),
    paths: new Map(),
    allMessageIds: new Map(),
    messageIds: new Map(),
    channels: new Map(),
  };
  if (source.kind === 'openapi') {
    for (const op of source.operations) {
      if (op.operationId !== undefined) {
        push(entry.allIds, op.operationId, op);
        entry.ids.set(op.operationId, op);
      }
      entry.paths.set(pointerKey(op.pointer), op);
    }
  } else {
    for (const op of source.operations) {
      if (op.operationId === undefined) continue;
      push(entry.allMessageIds, op.operationId, op);
      entry.messageIds.set(op.operationId, op);
    }
    for (const channel of source.channels) entry.channels.set(pointerKey(channel.pointer), channel);
    entries.set(source.channels, entry);
  }
  entries.set(source.operations, entry);
  return entry;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/** An operation or channel pointer (unencoded, as built) as a lookup key. */
function pointerKey(pointer: string): string {
  return tokensKey(splitPointer(pointer));
}

/** Decoded pointer tokens as a lookup key; the method of `/paths/<path>/<method>` in lower case. */
function tokensKey(tokens: readonly string[]): string {
  if (tokens.length === 3 && tokens[0] === 'paths')
    return `paths\u0000${tokens[1]}\u0000${(tokens[2] ?? '').toLowerCase()}`;
  return tokens.join('\u0000');
}
