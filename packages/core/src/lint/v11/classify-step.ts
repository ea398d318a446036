import { splitFragment } from '../../document/json-pointer.js';
import type { ChannelInfo, MessageOperationInfo } from '../../sources/types.js';
import type { LintContext } from '../lint-context.js';
import { asRecord, asString } from '../read-node.js';

/** What kind of step a Step Object is, as far as the sources tell. */
export type StepClass =
  | { readonly kind: 'workflow' }
  /** An OpenAPI operation step (found, or named through an OpenAPI source). */
  | { readonly kind: 'http' }
  /** An AsyncAPI step: by operationId/operationPath (`operation`) or by channelPath (`channel`). */
  | {
      readonly kind: 'message';
      readonly via: 'operation' | 'channel';
      readonly operation?: MessageOperationInfo;
      readonly channel?: ChannelInfo;
    }
  /** Cannot tell: no target, an unknown operation, or a source that did not load. */
  | { readonly kind: 'unknown' };

const QUALIFIED = /^\$sourceDescriptions\.([^.]+)\.(.+)$/s;
const TEMPLATED = /^\{\$sourceDescriptions\.([^.}]+)\.url\}(#.*)$/s;

/** Classify one step node (read defensively) against the document's resolved sources. */
export function classifyStep(context: LintContext, step: unknown): StepClass {
  const node = asRecord(step);
  if (asString(node?.workflowId) !== undefined) return { kind: 'workflow' };
  const channelPath = asString(node?.channelPath);
  if (channelPath !== undefined) {
    const channel = safe(() => context.resolved.index.channelByPath(channelPath));
    return { kind: 'message', via: 'channel', ...(channel ? { channel } : {}) };
  }
  const operationId = asString(node?.operationId);
  if (operationId !== undefined) return byOperationId(context, operationId);
  const operationPath = asString(node?.operationPath);
  if (operationPath !== undefined) return byOperationPath(context, operationPath);
  return { kind: 'unknown' };
}

function byOperationId(context: LintContext, ref: string): StepClass {
  if ((safe(() => context.resolved.index.byOperationId(ref)) ?? []).length > 0) return { kind: 'http' };
  const messages = safe(() => context.resolved.index.messageOperationsById(ref)) ?? [];
  if (messages.length > 0) return { kind: 'message', via: 'operation', operation: messages[0]! };
  const qualified = QUALIFIED.exec(ref);
  const source = context.sources.find((s) => s.description.name === qualified?.[1]);
  if (source?.kind === 'asyncapi') return { kind: 'message', via: 'operation' };
  if (source?.kind === 'openapi') return { kind: 'http' };
  return { kind: 'unknown' };
}

function byOperationPath(context: LintContext, ref: string): StepClass {
  const match = TEMPLATED.exec(ref);
  const source = context.sources.find((s) => s.description.name === match?.[1]);
  if (source?.kind === 'openapi') return { kind: 'http' };
  if (source?.kind !== 'asyncapi') return { kind: 'unknown' };
  const tokens = splitFragment(match?.[2] ?? '');
  const pointer = tokens === undefined ? undefined : `/${tokens.map(escapeToken).join('/')}`;
  const operation = source.operations.find((o) => o.pointer === pointer);
  return { kind: 'message', via: 'operation', ...(operation ? { operation } : {}) };
}

const escapeToken = (token: string): string => token.replace(/~/g, '~0').replace(/\//g, '~1');

/** Call into the index without letting a bug there crash lint. */
function safe<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}
