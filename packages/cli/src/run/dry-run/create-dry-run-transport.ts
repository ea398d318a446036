import {
  type CredentialProvider,
  type EngineHooks,
  exampleFromShape,
  type ReceivedResponse,
  type SentRequest,
  type Transport,
} from '@telaio/core';
import { pickSuccessResponse } from './pick-success-response.js';
import { resolveDryRunRequest } from './resolve-dry-run-request.js';

/** One request `--dry-run` would have sent. */
export interface DryRunRecord {
  readonly stepId: string;
  readonly request: SentRequest;
  /** The made-up status it answered with. */
  readonly statusCode: number;
}

/** The dry-run transport with the hooks that tell it which step is sending, and what it recorded. */
export interface DryRun {
  readonly transport: Transport;
  /** Merge into the run's hooks: they name the step each request belongs to. */
  readonly hooks: EngineHooks;
  readonly records: DryRunRecord[];
}

/**
 * A Transport that sends nothing: it resolves each PreparedRequest as it would go on the wire
 * (credentials included), records it, calls `onRecord`, and answers with the operation's first
 * documented 2xx status and a body built from the response shape core made of that response's
 * schema (`exampleFromShape`), whose leaves are placeholders (`<createTotp:$response.body#/secret>`)
 * that later steps then show.
 */
export function createDryRun(options: {
  readonly credentials?: CredentialProvider;
  readonly onRecord?: (record: DryRunRecord) => void;
  /** Told about each gap a request shows as a marker outside the engine's expressions (a base URL). */
  readonly onUnresolved?: (gap: { stepId: string; expression: string; reason: string }) => void;
}): DryRun {
  const records: DryRunRecord[] = [];
  let currentStep = '?';
  const transport: Transport = {
    async send(prepared, context) {
      const credentials = context.credentials ?? options.credentials;
      const stepId =
        currentStep === '?' ? (prepared.operation.operationId ?? prepared.operation.path) : currentStep;
      const request = await resolveDryRunRequest({
        request: prepared,
        ...(credentials === undefined ? {} : { credentials }),
        onUnresolved: (expression, reason) => options.onUnresolved?.({ stepId, expression, reason }),
      });
      const answer = pickSuccessResponse(prepared.operation);
      const record = { stepId, request, statusCode: answer.statusCode };
      records.push(record);
      options.onRecord?.(record);
      const placeholder = (pointer: string): string =>
        `<${stepId}:$response.body${pointer === '' ? '' : `#${pointer}`}>`;
      let body: unknown;
      if (answer.shape !== undefined) {
        body = exampleFromShape(answer.shape, placeholder);
      } else if (answer.mediaType !== undefined) body = placeholder('');
      const response: ReceivedResponse = {
        statusCode: answer.statusCode,
        headers: { 'content-type': answer.mediaType ?? 'application/json', 'x-telaio-dry-run': 'true' },
        body,
        request,
        durationMs: 0,
      };
      return response;
    },
  };
  const hooks: EngineHooks = {
    onRequest: (e) => {
      currentStep = e.stepId;
    },
  };
  return { transport, hooks, records };
}
