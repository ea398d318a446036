import type { EngineHooks, RequestParameter } from '@telaio/core';
import type { Masker } from './create-masker.js';

/**
 * Hooks that teach the masker every secret as soon as the run sees it: secret-looking inputs,
 * request parameters and headers (authorization), message payloads and headers, a step's own `x-security` credentials, response fields (`session_token`, `secret`,
 * `recovery_codes`...), and step and workflow outputs (`sessionToken`, `qrCode`...). Run them first.
 */
export function createSecretHooks(masker: Masker): EngineHooks {
  return {
    onWorkflowStart: (e) => masker.collect(e.inputs),
    onRequest: (e) => {
      for (const parameter of e.request.parameters as readonly RequestParameter[])
        masker.collect(parameter.value, parameter.name);
      if (e.request.body !== undefined) masker.collect(e.request.body.value);
      // a step's own credentials (x-security): every secret part, as sent too (a Basic blob)
      for (const entry of e.request.security ?? []) for (const secret of entry.secrets) masker.add(secret);
    },
    onResponse: (e) => {
      masker.collect(e.response.request.headers);
      masker.collect(e.response.headers);
      masker.collect(e.response.body);
    },
    onMessageSend: (e) => {
      masker.collect(e.message.headers);
      masker.collect(e.message.payload);
    },
    onMessageReceived: (e) => {
      masker.collect(e.message.headers);
      masker.collect(e.message.payload);
    },
    onStepEnd: (e) => {
      masker.collect(e.result.outputs);
      if (e.result.request !== undefined) masker.collect(e.result.request.headers);
    },
    onWorkflowEnd: (e) => masker.collect(e.result.outputs),
  };
}
