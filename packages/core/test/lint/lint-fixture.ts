/**
 * Test helper: lint an Arazzo text against in-memory OpenAPI operations, without touching disk or
 * network, so each rule's test shows exactly the document it judges.
 */
import {
  type Diagnostic,
  lintDocument,
  type OperationInfo,
  type OperationParameter,
  type ResolvedDocument,
  type ResolvedSource,
} from '@telaio/core';
import { loadArazzoText } from '../../src/document/load-arazzo-text.js';

/** An OpenAPI operation of a fake source. */
export function op(
  sourceName: string,
  method: string,
  path: string,
  extra: { operationId?: string; parameters?: OperationParameter[] } = {},
): OperationInfo {
  return {
    sourceName,
    method,
    path,
    pointer: `/paths/${path.replace(/~/g, '~0').replace(/\//g, '~1')}/${method}`,
    servers: [{ url: 'https://example.test' }],
    parameters: extra.parameters ?? [],
    responses: {},
    security: [],
    securitySchemes: {},
    ...(extra.operationId === undefined ? {} : { operationId: extra.operationId }),
  };
}

/** Build a ResolvedDocument by hand: sources named in `unresolved` failed, `arazzo` ones hold the given texts. */
export function resolveText(
  text: string,
  options: { operations?: OperationInfo[]; unresolved?: string[]; arazzo?: Record<string, string> } = {},
): ResolvedDocument {
  const loaded = loadArazzoText({ uri: '/virtual/test.arazzo.yaml', text });
  const operations = options.operations ?? [];
  const declared = Array.isArray(
    (loaded.file?.document as { sourceDescriptions?: unknown })?.sourceDescriptions,
  )
    ? (loaded.file!.document.sourceDescriptions as unknown[]).filter(
        (d): d is { name: string; url: string; type?: string } =>
          typeof d === 'object' &&
          d !== null &&
          typeof (d as { name?: unknown }).name === 'string' &&
          typeof (d as { url?: unknown }).url === 'string',
      )
    : [];
  const sources: ResolvedSource[] = declared.map((description) => {
    const uri = `/virtual/${description.url}`;
    if (options.unresolved?.includes(description.name))
      return { kind: 'unresolved', description: description as never, uri, reason: 'ENOENT' };
    const arazzoText = options.arazzo?.[description.name];
    if (arazzoText !== undefined) {
      const file = loadArazzoText({ uri, text: arazzoText }).file!;
      return { kind: 'arazzo', description: description as never, uri, file, sources: [] };
    }
    return {
      kind: 'openapi',
      description: description as never,
      uri,
      version: '3.0.3',
      operations: operations.filter((o) => o.sourceName === description.name),
    };
  });
  return {
    ...(loaded.file === undefined ? {} : { file: loaded.file }),
    sources,
    diagnostics: loaded.diagnostics,
    index: {
      byOperationId(ref) {
        const q = /^\$sourceDescriptions\.([^.]+)\.(.+)$/.exec(ref);
        return q === null
          ? operations.filter((o) => o.operationId === ref)
          : operations.filter((o) => o.sourceName === q[1] && o.operationId === q[2]);
      },
      byOperationPath(ref) {
        const m = /^\{\$sourceDescriptions\.([^.}]+)\.url\}#(.*)$/.exec(ref);
        return m === null ? undefined : operations.find((o) => o.sourceName === m[1] && o.pointer === m[2]);
      },
      messageOperationsById: () => [],
      channelByPath: () => undefined,
    },
  };
}

/** Lint `text` (see resolveText). */
export function lintText(text: string, options: Parameters<typeof resolveText>[1] = {}): Diagnostic[] {
  return lintDocument(resolveText(text, options));
}

/** The diagnostics of one code, as `line:severity:message` strings easy to assert on. */
export function findings(
  diagnostics: readonly Diagnostic[],
  code: string,
): { line: number; severity: string; message: string; pointer: string }[] {
  return diagnostics
    .filter((d) => d.code === code)
    .map((d) => ({ line: d.range.start.line, severity: d.severity, message: d.message, pointer: d.pointer }));
}

/** The standard pet store operations of the `pets` source used by most tests. */
export const PET_OPERATIONS: OperationInfo[] = [
  op('pets', 'get', '/pets', { operationId: 'listPets', parameters: [{ name: 'limit', in: 'query' }] }),
  op('pets', 'post', '/pets', { operationId: 'createPet' }),
  op('pets', 'get', '/pets/{petId}', {
    operationId: 'getPet',
    parameters: [
      { name: 'petId', in: 'path', required: true },
      { name: 'X-Trace', in: 'header' },
    ],
  }),
];
