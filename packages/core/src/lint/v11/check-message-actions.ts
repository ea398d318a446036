import type { MessageOperationInfo } from '../../sources/types.js';
import type { LintContext } from '../lint-context.js';
import { asArray, asRecord, asString } from '../read-node.js';
import { classifyStep } from './classify-step.js';
import { isArazzo11, reportV11 } from './report-v11.js';

/** How an operation's direction reads in a message: `send`, or `receive (AsyncAPI 2.x subscribe)`. */
const describe = (op: MessageOperationInfo): string =>
  `${op.action}${op.verb === undefined ? '' : ` (AsyncAPI ${op.verb})`}`;

/**
 * `action` and `correlationId` of Arazzo 1.1.0 §Step Object, per kind of step: an AsyncAPI step's
 * `action` must be what its operation does (`action-mismatch`), or what an operation of its channel
 * does; a channelPath step needs one (`action-missing`); on any other step, and `correlationId` on a
 * `send` step, they apply to nothing (`action-not-applicable`). A receiving step's `correlationId`
 * needs a message that defines one (`correlation-id-undefined`); a receiving step has nothing to send,
 * so its `requestBody` is ignored (`request-body-on-receive`).
 */
export function checkMessageActions(context: LintContext): void {
  if (!isArazzo11(context)) return;
  asArray(context.root.workflows).forEach((workflow, w) => {
    asArray(asRecord(workflow)?.steps).forEach((step, s) => {
      const at = `/workflows/${w}/steps/${s}`;
      const node = asRecord(step);
      const action = asString(node?.action);
      const found = classifyStep(context, step);
      if (found.kind === 'workflow' || found.kind === 'http') {
        const what = found.kind === 'workflow' ? 'a workflow step' : 'an OpenAPI operation step';
        for (const field of ['action', 'correlationId'] as const)
          if (node?.[field] !== undefined)
            reportV11(context, 'action-not-applicable', {
              message: `'${field}' applies only to AsyncAPI steps; this is ${what}, so it is ignored`,
              pointer: `${at}/${field}`,
            });
        return;
      }
      if (found.kind !== 'message') return;
      const operation = found.operation;
      if (action === undefined) {
        if (found.via === 'channel')
          reportV11(context, 'action-missing', {
            message:
              "a channelPath step needs 'action' (send or receive): the channel alone does not say which",
            pointer: `${at}/channelPath`,
          });
        else if (operation !== undefined)
          reportV11(context, 'action-missing-operation', {
            message: `no 'action': telaio takes the operation's own (${describe(operation)}); write action: ${operation.action} for other tools`,
            pointer: `${at}/${node?.operationId !== undefined ? 'operationId' : 'operationPath'}`,
          });
      } else if (operation !== undefined && operation.action !== action) {
        reportV11(context, 'action-mismatch', {
          message: `action '${action}', but operation '${operation.operationId ?? operation.pointer}' of '${operation.sourceName}' is ${describe(operation)}`,
          pointer: `${at}/action`,
        });
      } else if (found.channel !== undefined && found.channel.operations.length > 0) {
        const ops = found.channel.operations;
        if (!ops.some((op) => op.action === action))
          reportV11(context, 'action-mismatch', {
            message: `action '${action}', but channel '${found.channel.key}' of '${found.channel.sourceName}' only has operations that ${ops[0]!.action}`,
            pointer: `${at}/action`,
          });
      }
      const direction = action ?? operation?.action;
      if (direction === 'send' && node?.correlationId !== undefined)
        reportV11(context, 'action-not-applicable', {
          message: "'correlationId' applies only to steps that receive; this step sends, so it is ignored",
          pointer: `${at}/correlationId`,
        });
      if (direction === 'receive' && node?.requestBody !== undefined)
        reportV11(context, 'request-body-on-receive', {
          message:
            "'requestBody' is what a step passes to its operation; this step receives a message and sends nothing, so it is ignored",
          pointer: `${at}/requestBody`,
          atKey: true,
        });
      const messages = operation?.messages ?? found.channel?.messages ?? [];
      if (
        direction === 'receive' &&
        node?.correlationId !== undefined &&
        messages.length > 0 &&
        messages.every((m) => m.correlationId === undefined)
      )
        reportV11(context, 'correlation-id-undefined', {
          message: `'correlationId' given, but no message this step receives defines a correlationId in the AsyncAPI document, so none can match`,
          pointer: `${at}/correlationId`,
        });
    });
  });
}
