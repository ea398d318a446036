import { splitFragment } from '../../document/json-pointer.js';
import { didYouMean } from '../closest-name.js';
import type { LintContext } from '../lint-context.js';
import { asArray, asRecord, asString } from '../read-node.js';
import { classifyStep } from './classify-step.js';
import { isArazzo11, reportV11 } from './report-v11.js';

const TEMPLATED = /^\{\$sourceDescriptions\.([^.}]+)\.url\}(#.*)$/s;
const FORM = "'{$sourceDescriptions.<name>.url}#/channels/<escaped channel key>'";

/**
 * `channel-unknown` (Arazzo 1.1.0 §Step Object channelPath): a channelPath must be a source runtime
 * expression and a JSON Pointer to a channel of an AsyncAPI source. Also `operation-unknown` for an
 * `operationPath` into an AsyncAPI source that names no operation (the OpenAPI rule skips those).
 */
export function checkChannelPaths(context: LintContext): void {
  if (!isArazzo11(context)) return;
  asArray(context.root.workflows).forEach((workflow, w) => {
    asArray(asRecord(workflow)?.steps).forEach((step, s) => {
      const at = `/workflows/${w}/steps/${s}`;
      const node = asRecord(step);
      const channelPath = asString(node?.channelPath);
      if (channelPath !== undefined) {
        const message = channelProblem(context, channelPath);
        if (message !== undefined)
          reportV11(context, 'channel-unknown', { message, pointer: `${at}/channelPath` });
        return;
      }
      const operationPath = asString(node?.operationPath);
      const found = classifyStep(context, step);
      if (operationPath !== undefined && found.kind === 'message' && found.operation === undefined) {
        const source = TEMPLATED.exec(operationPath)?.[1] ?? '';
        const pointers = context.sources.flatMap((x) =>
          x.kind === 'asyncapi' && x.description.name === source ? x.operations.map((o) => o.pointer) : [],
        );
        reportV11(context, 'message-operation-unknown', {
          message: `operationPath '${operationPath}' matches no operation of AsyncAPI source '${source}'${didYouMean(operationPath.slice(operationPath.indexOf('#') + 1), pointers)}`,
          pointer: `${at}/operationPath`,
        });
      }
    });
  });
}

/** Why a channelPath names no channel, or undefined when it does (or its source did not load). */
function channelProblem(context: LintContext, ref: string): string | undefined {
  const match = TEMPLATED.exec(ref);
  if (match === null) return `channelPath '${ref}' is not of the form ${FORM}`;
  const [, name, fragment] = match as unknown as [string, string, string];
  const source = context.sources.find((x) => x.description.name === name);
  const names = context.sources.map((x) => x.description.name);
  if (source === undefined)
    return `channelPath '${ref}' names sourceDescription '${name}', which is not declared${didYouMean(name, names)}`;
  if (source.kind === 'unresolved') return undefined;
  if (source.kind !== 'asyncapi')
    return `channelPath '${ref}' names '${name}', an ${source.kind === 'openapi' ? 'OpenAPI' : 'Arazzo'} source; a channel lives in an AsyncAPI source (type: asyncapi)`;
  const tokens = splitFragment(fragment);
  if (tokens === undefined || tokens[0] !== 'channels' || tokens.length !== 2)
    return `channelPath '${ref}' must point at a channel, ${FORM}`;
  if (context.resolved.index.channelByPath(ref) !== undefined) return undefined;
  const keys = source.channels.map((c) => c.key);
  return `channelPath '${ref}': AsyncAPI source '${name}' has no channel '${tokens[1]}'${didYouMean(tokens[1]!, keys)}`;
}
