import type { MessageBindings, MessageSecurity } from '../adapters/message-transport.js';
import type { Diagnostic } from '../lint/diagnostic.js';
import type { ArazzoDocument, ParameterLocation, SourceDescription } from '../model/arazzo.js';
import type { PositionMap } from '../model/positions.js';

/** Reads the bytes behind a URI (file path, file: or http(s): URL). Pluggable for embedding and tests. */
export interface SourceLoader {
  /** Load `uri` (absolute). Rejects with a TelaioError of code `source-unresolved` when it cannot. */
  load(uri: string, options?: { signal?: AbortSignal }): Promise<LoadedText>;
}

/** Text obtained from a SourceLoader. */
export interface LoadedText {
  /** Absolute URI the text was read from (after redirects). */
  readonly uri: string;
  readonly text: string;
  /** Media type when known (from HTTP), used to tell JSON from YAML. */
  readonly contentType?: string;
}

/** An Arazzo document file as loaded: its text, its typed AST and where every node sits. */
export interface ArazzoFile {
  /** Absolute URI (file path or URL). */
  readonly uri: string;
  readonly text: string;
  /** The parsed value. Typed as the AST; only trust it after schema validation passed. */
  readonly document: ArazzoDocument;
  readonly positions: PositionMap;
}

/** An OpenAPI server object (variables kept for the transport to substitute). */
export interface ServerInfo {
  readonly url: string;
  readonly description?: string;
  readonly variables?: {
    readonly [name: string]: { readonly default: string; readonly enum?: readonly string[] };
  };
}

/** An OpenAPI parameter with `$ref`s resolved. */
export interface OperationParameter {
  readonly name: string;
  readonly in: ParameterLocation;
  readonly required?: boolean;
  readonly style?: string;
  readonly explode?: boolean;
  readonly allowReserved?: boolean;
  readonly schema?: unknown;
  readonly content?: { readonly [mediaType: string]: unknown };
  /** Swagger 2.0 sources: how an array value is joined (`csv` by default for arrays; `multi` repeats the name). */
  readonly collectionFormat?: 'csv' | 'ssv' | 'tsv' | 'pipes' | 'multi';
}

/** An OpenAPI security scheme with `$ref`s resolved. */
export interface SecurityScheme {
  readonly type: 'http' | 'apiKey' | 'oauth2' | 'openIdConnect' | 'mutualTLS';
  readonly scheme?: string;
  readonly bearerFormat?: string;
  readonly name?: string;
  readonly in?: 'header' | 'query' | 'cookie';
  readonly flows?: {
    readonly clientCredentials?: {
      readonly tokenUrl: string;
      readonly scopes?: { readonly [s: string]: string };
    };
    readonly [flow: string]: unknown;
  };
  readonly openIdConnectUrl?: string;
}

/** One OpenAPI security requirement: scheme name → scopes. */
export type SecurityRequirement = { readonly [schemeName: string]: readonly string[] };

/** Everything telaio needs about one OpenAPI operation, resolved once per process. */
export interface OperationInfo {
  /** Name of the sourceDescription it was found through. */
  readonly sourceName: string;
  readonly operationId?: string;
  /** Lower-case HTTP method (`get`, `query`; an OpenAPI 3.2 additional operation's `COPY` as `copy`). */
  readonly method: string;
  /** Path template as in the OpenAPI document, e.g. `/v1/b2b/recovery_codes/{organization_id}/{member_id}`. */
  readonly path: string;
  /** JSON Pointer of the operation inside its source, e.g. `/paths/~1pets~1{id}/get`, `/paths/~1a/additionalOperations/COPY` (3.2). */
  readonly pointer: string;
  /** Effective servers: operation, else path item, else document; never empty (`/` by default). */
  readonly servers: readonly ServerInfo[];
  /** Path-item and operation parameters merged (operation wins on same name+in). */
  readonly parameters: readonly OperationParameter[];
  /** Request body object, `$ref`s resolved. */
  readonly requestBody?: {
    readonly required?: boolean;
    readonly content: {
      readonly [mediaType: string]: { readonly schema?: unknown; readonly encoding?: unknown };
    };
  };
  /** Responses by status code (`200`, `4XX`, `default`): response `$ref`s resolved; schemas inside keep theirs. */
  readonly responses: { readonly [status: string]: unknown };
  /** Effective security requirements (operation, else document); `[]` means none required. */
  readonly security: readonly SecurityRequirement[];
  /** All security schemes the source declares. */
  readonly securitySchemes: { readonly [name: string]: SecurityScheme };
  /**
   * Shapes of the JSON response bodies by status code (`200`, `2XX`, `default`); absent for a response
   * with no JSON body; undefined when no response has one. buildOperations defines it (and
   * `responses`) as a property worked out on first read: only the operations someone looks at
   * have their responses read (and built, when a lazy YAML parse deferred them).
   */
  readonly responseShapes?: { readonly [status: string]: ResponseShape };
  /**
   * `$ref`s its parameters, request body or responses need that cannot be resolved (a node that is
   * not there, a file that could not be loaded): a step using it is an error. Absent: none.
   */
  readonly unresolvedRefs?: readonly string[];
}

/**
 * What a JSON body may hold, as far as pointers into it are concerned: a compact tree of property
 * names and array items taken from a response schema (`$ref`s followed, `allOf` merged,
 * `oneOf`/`anyOf` unioned, descriptions dropped). An empty object describes a value with no members
 * (a scalar of unknown type).
 */
export interface ResponseShape {
  /** Members of an object value. */
  readonly properties?: { readonly [name: string]: ResponseShape };
  /** Shape of every item of an array value. */
  readonly items?: ResponseShape;
  /** True when members not listed here may exist: free-form objects, unknown schemas, cut cycles. */
  readonly open?: true;
  /** The JSON type of a scalar value (`string`, `integer`...), when the schema says it. */
  readonly type?: string;
}

/** A sourceDescription resolved to its content. */
export type ResolvedSource =
  | ResolvedOpenApiSource
  | ResolvedAsyncApiSource
  | ResolvedArazzoSource
  | UnresolvedSource;

/** An OpenAPI 3.0/3.1/3.2 or Swagger 2.0 source with its operations. */
export interface ResolvedOpenApiSource {
  readonly kind: 'openapi';
  readonly description: SourceDescription;
  /** Absolute URI. */
  readonly uri: string;
  /** `openapi` field of the document, e.g. `3.0.3`, `3.2.0`; `2.0` for Swagger 2.0. */
  readonly version: string;
  readonly operations: readonly OperationInfo[];
  /**
   * Files named by its external `$ref`s that could not be loaded or parsed, in words (the file and the
   * referring pointer); each is a `source-ref-unresolved` warning (an error only at a step whose
   * operation needs it, see OperationInfo.unresolvedRefs). The operations are indexed anyway.
   */
  readonly problems?: readonly string[];
  /** Local `$ref`s of the source that reach nothing: warnings, errors only where a used operation needs one. */
  readonly brokenRefs?: readonly string[];
}

/**
 * An AsyncAPI 2.x (2.0 to 2.6) or 3.x source: its operations and channels, indexed for validation
 * (operationId, `channelPath`, `action`) and, next, for sending and receiving messages.
 */
export interface ResolvedAsyncApiSource {
  readonly kind: 'asyncapi';
  readonly description: SourceDescription;
  /** Absolute URI. */
  readonly uri: string;
  /** `asyncapi` field of the document, e.g. `2.6.0`, `3.0.0`. */
  readonly version: string;
  readonly operations: readonly MessageOperationInfo[];
  readonly channels: readonly ChannelInfo[];
  readonly servers: readonly MessageServerInfo[];
  /** As for ResolvedOpenApiSource: external `$ref`s that could not be loaded, in words. */
  readonly problems?: readonly string[];
}

/** An AsyncAPI server (2.x `url`, 3.x `host` + `pathname`), variables kept for the transport. */
export interface MessageServerInfo {
  /** Key under `servers`. */
  readonly name: string;
  /** 2.x `url`; 3.x `host` followed by `pathname`. */
  readonly url: string;
  /** `kafka`, `amqp`, `mqtt`, `ws`, `http`... */
  readonly protocol: string;
  readonly protocolVersion?: string;
  /** Server Variable Objects by name (their `default` fills `{name}` in the url). */
  readonly variables?: Readonly<Record<string, { readonly default?: unknown }>>;
  /** Server bindings by protocol, `$ref`s resolved (MQTT `clientId`, `keepAlive`...). */
  readonly bindings?: MessageBindings;
  /** Its `security`, each scheme in the credential seam's words; absent: none declared. */
  readonly security?: readonly MessageSecurity[];
}

/** One message an AsyncAPI operation or channel carries, `$ref`s resolved. */
export interface MessageInfo {
  /** Its key in the channel's (3.x) or the components' messages, else its `name` or `messageId`, when known. */
  readonly name?: string;
  /** JSON Pointer of the message object in the source (where it is defined, after `$ref`s). */
  readonly pointer: string;
  readonly contentType?: string;
  /** Payload schema, local `$ref`s resolved. */
  readonly payload?: unknown;
  /** Headers schema, local `$ref`s resolved. */
  readonly headers?: unknown;
  /** Correlation ID object: a runtime expression `location` (`$message.header#/correlationId`). */
  readonly correlationId?: { readonly location: string; readonly description?: string };
  /** Message bindings by protocol (AMQP `contentEncoding`, `messageType`...), `$ref`s resolved. */
  readonly bindings?: MessageBindings;
}

/** An AsyncAPI channel, the target of an Arazzo 1.1 `channelPath`. */
export interface ChannelInfo {
  /** Name of the sourceDescription it was found through. */
  readonly sourceName: string;
  /** Key under `channels` (3.x: the channel id; 2.x: the channel name, also its address). */
  readonly key: string;
  /** JSON Pointer of the channel, `/channels/<escaped key>`: what a `channelPath` fragment names. */
  readonly pointer: string;
  /** 3.x `address` (null: dynamic, unknown until run time); 2.x the key. */
  readonly address: string | null;
  readonly messages: readonly MessageInfo[];
  /** Operations on this channel (2.x: its publish and subscribe; 3.x: those whose `channel` is it). */
  readonly operations: readonly MessageOperationInfo[];
  /** Channel bindings by protocol (MQTT none; AMQP `is`, `exchange`, `queue`; WebSocket `query`, `headers`). */
  readonly bindings?: MessageBindings;
  /**
   * Names of the servers the channel is available on (2.x `servers` names; 3.x `servers` `$ref`s to
   * `#/servers/<name>`); absent: "this channel MUST be available on all the servers".
   */
  readonly servers?: readonly string[];
}

/**
 * An AsyncAPI operation. `action` is in the words of an Arazzo 1.1 step's `action` ("send (publish)
 * or receive (subscribe)"): a 3.x operation's own `action`; a 2.x `publish` is `send` and a
 * `subscribe` is `receive`, the verb as written kept in `verb`.
 */
export interface MessageOperationInfo {
  /** Name of the sourceDescription it was found through. */
  readonly sourceName: string;
  /** 3.x: its key under `operations`; 2.x: its `operationId` field, when it has one. */
  readonly operationId?: string;
  readonly action: 'send' | 'receive';
  /** 2.x only: `publish` or `subscribe` as written. */
  readonly verb?: 'publish' | 'subscribe';
  /** JSON Pointer of the operation: `/operations/<id>` (3.x), `/channels/<name>/publish` (2.x). */
  readonly pointer: string;
  /** Key of its channel under `channels`. */
  readonly channel: string;
  /** JSON Pointer of its channel, `/channels/<escaped key>`. */
  readonly channelPointer: string;
  /** Address of its channel (see ChannelInfo.address). */
  readonly address: string | null;
  /** Messages it sends or receives (3.x: its `messages`, else all of its channel's). */
  readonly messages: readonly MessageInfo[];
  /** Operation bindings by protocol (MQTT `qos`, `retain`; AMQP `deliveryMode`, `expiration`...). */
  readonly bindings?: MessageBindings;
  /** Its channel's bindings (see ChannelInfo.bindings), so a step needs no channel lookup. */
  readonly channelBindings?: MessageBindings;
  /** Its channel's servers (see ChannelInfo.servers); absent: all of the source's. */
  readonly channelServers?: readonly string[];
  /** 3.x request/reply: where the reply comes (its channel key and address) and its messages. */
  readonly reply?: {
    readonly channel?: string;
    readonly address?: string | null;
    readonly messages: readonly MessageInfo[];
  };
}

/** An Arazzo source (its own sources resolved recursively). */
export interface ResolvedArazzoSource {
  readonly kind: 'arazzo';
  readonly description: SourceDescription;
  readonly uri: string;
  readonly file: ArazzoFile;
  readonly sources: readonly ResolvedSource[];
}

/** A source that could not be loaded or parsed. */
export interface UnresolvedSource {
  readonly kind: 'unresolved';
  readonly description: SourceDescription;
  readonly uri: string;
  /** Why, in words, for the `source-unresolved` diagnostic. */
  readonly reason: string;
  /** An Arazzo file that did not parse: its own diagnostics (their `file` is that file). */
  readonly diagnostics?: readonly Diagnostic[];
}

/** Lookups over the operations of a document's sources. */
export interface OperationIndex {
  /** By operationId: unqualified (`getPet`, possibly several matches) or `$sourceDescriptions.name.getPet`. */
  byOperationId(ref: string): readonly OperationInfo[];
  /** By operationPath `{$sourceDescriptions.x.url}#/paths/~1a~1{b}/get`; undefined when nothing matches. */
  byOperationPath(ref: string): OperationInfo | undefined;
  /** AsyncAPI operations by operationId: unqualified (possibly several) or `$sourceDescriptions.name.id`. */
  messageOperationsById(ref: string): readonly MessageOperationInfo[];
  /** AsyncAPI channel by `channelPath` `{$sourceDescriptions.x.url}#/channels/<escaped key>`. */
  channelByPath(ref: string): ChannelInfo | undefined;
}

/** An Arazzo document loaded and resolved against its sources: what lint and the engine start from. */
export interface ResolvedDocument {
  /** The loaded file; absent when the text could not be read or parsed (see diagnostics). */
  readonly file?: ArazzoFile;
  /** One entry per sourceDescription of the document, in order. */
  readonly sources: readonly ResolvedSource[];
  /** Operations of the document's OpenAPI and AsyncAPI sources. */
  readonly index: OperationIndex;
  /**
   * yaml-syntax, schema, unsupported-version and source-unresolved findings, of the document and of
   * the Arazzo documents it names as sources (directly or not, each once; `file` tells which).
   */
  readonly diagnostics: readonly Diagnostic[];
}

/** Options of resolveDocument. */
export interface ResolveDocumentOptions {
  /** Reads documents and sources; defaults to files and http(s) through fetch. */
  readonly loader?: SourceLoader;
  /** Disk cache of parsed OpenAPI sources: on by default; `false` to skip; `{dir}` to place it. */
  readonly cache?: boolean | { readonly dir: string };
  /** The document text, when the caller already has it (then `uri` is not read). */
  readonly text?: string;
  /**
   * Other Arazzo documents provided with this one (paths or URIs): a sourceDescription url equal to
   * one's `$self` resolves to that document without fetching the url (1.1.0 §Identity-Based
   * Referencing). The document's own `$self` counts too.
   */
  readonly documents?: readonly string[];
  /**
   * Check the document against the Arazzo schema (default true). `false` leaves out its own `schema`
   * and `unsupported-version` findings, which would come first in `diagnostics` (engine.load, whose
   * lint cache may already hold them, adds them itself on a miss); nested Arazzo documents are still
   * checked.
   */
  readonly checkSchema?: boolean;
}
