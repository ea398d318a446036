/**
 * Whether a step is an AsyncAPI message step, and what it names: a `channelPath` (always a message
 * step), an `operationId` that no OpenAPI source has but an AsyncAPI source does, or an
 * `operationPath` into an `asyncapi` source. Anything else is left to the other kinds (undefined).
 */
import { escapePointerToken, splitFragment } from '../../../document/json-pointer.js';
import type { Step } from '../../../model/arazzo.js';
import type { ChannelInfo, MessageOperationInfo, ResolvedAsyncApiSource } from '../../../sources/types.js';
import type { StepScope } from '../../plan/compile-step-plan.js';
import { planError } from '../../plan/plan-error.js';

/** What a message step names, and its source. */
export interface FoundMessageStep {
  readonly source: ResolvedAsyncApiSource;
  readonly operation?: MessageOperationInfo;
  readonly channel?: ChannelInfo;
}

const TEMPLATED = /^\{\$sourceDescriptions\.([^.}]+)\.url\}(#.*)$/s;

/** The message step `step` is, or undefined when it is not one; refuses the document when it names nothing that exists. */
export function findMessageStep(step: Step, scope: StepScope, pointer: string): FoundMessageStep | undefined {
  const sourceNamed = (name: string): ResolvedAsyncApiSource | undefined =>
    scope.resolvedSources.find(
      (s): s is ResolvedAsyncApiSource => s.kind === 'asyncapi' && s.description.name === name,
    );
  const refuse = (field: string, message: string): never =>
    planError({ uri: scope.uri, pointer: `${pointer}/${field}`, message });
  if (step.channelPath !== undefined) {
    const channel = scope.index.channelByPath(step.channelPath);
    const source = channel === undefined ? undefined : sourceNamed(channel.sourceName);
    if (channel === undefined || source === undefined)
      return refuse('channelPath', `no AsyncAPI channel at '${step.channelPath}'`);
    return { source, channel };
  }
  if (step.operationId !== undefined) {
    if (scope.index.byOperationId(step.operationId).length > 0) return undefined;
    const found = scope.index.messageOperationsById(step.operationId);
    if (found.length === 0) return undefined;
    const operation = found[0] as MessageOperationInfo;
    if (found.length > 1)
      return refuse('operationId', `more than one AsyncAPI operation with operationId '${step.operationId}'`);
    const source = sourceNamed(operation.sourceName);
    return source === undefined ? undefined : { source, operation };
  }
  if (step.operationPath !== undefined) {
    const match = TEMPLATED.exec(step.operationPath);
    const source = match === null ? undefined : sourceNamed(match[1] as string);
    if (source === undefined) return undefined;
    const tokens = splitFragment(match?.[2] ?? '');
    const at = tokens === undefined ? undefined : `/${tokens.map(escapePointerToken).join('/')}`;
    const operation = source.operations.find((o) => o.pointer === at);
    if (operation === undefined)
      return refuse('operationPath', `no AsyncAPI operation at '${step.operationPath}'`);
    return { source, operation };
  }
  return undefined;
}
