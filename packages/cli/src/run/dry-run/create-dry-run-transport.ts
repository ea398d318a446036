import type { CredentialProvider, EngineHooks, ReceivedResponse, SentRequest, Transport } from '@telaio/core';
import type { RefResolver } from './create-ref-resolver.js';
import { pickSuccessResponse } from './pick-success-response.js';
import { resolveDryRunRequest } from './resolve-dry-run-request.js';
import { synthesiseBody } from './synthesise-body.js';

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
 * documented 2xx status and a body synthesised from that response's schema, whose leaves are
 * placeholders (`<createTotp:$response.body#/secret>`) that later steps then show.
 */
export function createDryRun(options: {
  readonly credentials?: CredentialProvider;
  readonly onRecord?: (record: DryRunRecord) => void;
  /** Follows `$ref`s left in response schemas (source name, ref). */
  readonly resolveRef?: RefResolver;
}): DryRun {
  const records: DryRunRecord[] = [];
  let currentStep = '?';
  const transport: Transport = {
    async send(prepared, context) {
      const credentials = context.credentials ?? options.credentials;
      const request = await resolveDryRunRequest({
        request: prepared,
        ...(credentials === undefined ? {} : { credentials }),
      });
      const stepId =
        currentStep === '?' ? (prepared.operation.operationId ?? prepared.operation.path) : currentStep;
      const answer = pickSuccessResponse(prepared.operation);
      const record = { stepId, request, statusCode: answer.statusCode };
      records.push(record);
      options.onRecord?.(record);
      const body =
        answer.schema === undefined && answer.mediaType === undefined
          ? undefined
          : synthesiseBody({
              schema: answer.schema,
              stepId,
              resolveRef: (ref) => options.resolveRef?.(prepared.operation.sourceName, ref),
            });
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
