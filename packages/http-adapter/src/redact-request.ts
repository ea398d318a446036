/**
 * The secrets and the redactor of one request's log lines and HAR entry: the transport's own secret
 * values, the run's credentials' and the ones the request's security put on the wire.
 */
import type { TransportContext } from '@telaio/core';
import { createRedactor, type Redactor } from './redact.js';

/** What the transport says about redaction. */
export interface RedactionSettings {
  /** `--reveal-secrets`: redact nothing. */
  readonly reveal: boolean;
  /** The transport's extra secret values. */
  readonly secretValues: (() => readonly string[]) | undefined;
}

/** Every secret to mask in a request's log lines and HAR entry: the transport's, the run's, the request's. */
export function secretsOf(
  deps: RedactionSettings,
  context: TransportContext,
  secrets: readonly string[],
): string[] {
  return [...(deps.secretValues?.() ?? []), ...(context.credentials?.secretValues?.() ?? []), ...secrets];
}

/** The redactor for a request's log lines (secret values read on every use). */
export function redactorOf(
  deps: RedactionSettings,
  context: TransportContext,
  facts: { readonly apiKeyNames: readonly string[] },
  secrets: readonly string[],
): Redactor {
  return createRedactor({
    reveal: deps.reveal,
    secretValues: () => secretsOf(deps, context, secrets),
    headerNames: facts.apiKeyNames,
    fieldNames: facts.apiKeyNames,
  });
}
