import type { EngineHooks, ReceivedMessage, SentMessage } from '@telaio/core';
import type { MessageLike } from '../mask/create-masker.js';

/** One message of a run as the HAR-like record keeps it (`log._messages`). */
export interface HarMessage {
  readonly _workflowId: string;
  readonly _stepId: string;
  /** `send` or `receive`. */
  readonly action: 'send' | 'receive';
  /** When it was sent or taken, ISO 8601. */
  readonly startedDateTime: string;
  readonly message: SentMessage | ReceivedMessage;
}

/** Which step sent one request: method and URL as sent, and the workflow and step. */
interface Sent {
  readonly method: string;
  readonly url: string;
  readonly workflowId: string;
  readonly stepId: string;
  used: boolean;
}

/** HAR entries as the transport exports them: the fields this reads, anything else kept. */
interface HarLike {
  readonly log: {
    readonly entries: readonly { readonly request: { readonly method: string; readonly url: string } }[];
  };
}

/** The URL without its query (a redacted query value must not stop a match). */
const withoutQuery = (url: string): string => url.split('?')[0] ?? url;

/**
 * Says which step sent each HAR entry. The transport records exchanges without knowing steps; these
 * hooks note every request a step sent (from its response, or from the step's result when no
 * response came), and `annotate` gives each HAR entry, in order, the matching step's `_workflowId`
 * and `_stepId` and a `comment` ("workflow w, step s"). Requests no step sent (an OAuth token fetch)
 * stay as they are. Messages of AsyncAPI steps, sent and received, have no HTTP entry: they go to
 * `log._messages` in order (HAR's custom-field convention), each through `maskMessage` at the end
 * (when every secret of the run is known), masked as request bodies are.
 */
export function createHarSteps(
  options: { readonly maskMessage?: <T extends MessageLike>(message: T) => T } = {},
): { readonly hooks: EngineHooks; annotate(har: unknown): unknown } {
  const sent: Sent[] = [];
  const messages: HarMessage[] = [];
  const noteMessage = (
    e: { workflowId: string; stepId: string },
    action: 'send' | 'receive',
    message: SentMessage | ReceivedMessage,
  ): void =>
    void messages.push({
      _workflowId: e.workflowId,
      _stepId: e.stepId,
      action,
      startedDateTime: new Date().toISOString(),
      message,
    });
  const note = (
    workflowId: string,
    stepId: string,
    request: { method: string; url: string } | undefined,
  ): void => {
    if (request !== undefined)
      sent.push({ method: request.method.toUpperCase(), url: request.url, workflowId, stepId, used: false });
  };
  return {
    hooks: {
      onResponse: (e) => note(e.workflowId, e.stepId, e.response.request),
      onStepEnd: (e) => {
        if (e.result.statusCode === undefined) note(e.workflowId, e.result.stepId, e.result.request);
      },
      onMessageSent: (e) => noteMessage(e, 'send', e.message),
      onMessageReceived: (e) => noteMessage(e, 'receive', e.message),
    },
    annotate(har) {
      const log = (har as HarLike | undefined)?.log;
      if (log === undefined || !Array.isArray(log.entries)) return har;
      const mask = options.maskMessage ?? (<T>(m: T): T => m);
      const _messages = messages.map((m) => ({ ...m, message: mask(m.message) }));
      const entries = log.entries.map((entry) => {
        const method = entry.request.method.toUpperCase();
        const match =
          sent.find((s) => !s.used && s.method === method && s.url === entry.request.url) ??
          sent.find(
            (s) => !s.used && s.method === method && withoutQuery(s.url) === withoutQuery(entry.request.url),
          );
        if (match === undefined) return entry;
        match.used = true;
        return {
          ...entry,
          _workflowId: match.workflowId,
          _stepId: match.stepId,
          comment: `workflow ${match.workflowId}, step ${match.stepId}`,
        };
      });
      return {
        ...(har as object),
        log: { ...log, entries, ...(_messages.length === 0 ? {} : { _messages }) },
      };
    },
  };
}
