import type { EngineHooks, ReceivedMessage, SentMessage } from '@telaio/core';
import type { Masker } from '../../mask/create-masker.js';
import type { Colors } from '../../shared/colors-for.js';

/** A message a dry run would have sent, or the placeholder one a receive took, with its step. */
export interface DryRunMessage {
  readonly stepId: string;
  readonly action: 'send' | 'receive';
  readonly message: SentMessage | ReceivedMessage;
}

/**
 * `--dry-run` for message steps: the messages that would be sent (and the placeholder message each
 * receive takes instead of waiting), masked, in order; with `write`, each printed as it happens
 * (pretty format), as requests are.
 */
export function createDryRunMessageHooks(options: {
  readonly masker: Masker;
  readonly colors: Colors;
  readonly write?: (text: string) => void;
}): { readonly hooks: EngineHooks; readonly messages: () => readonly DryRunMessage[] } {
  const { masker, colors: c } = options;
  const seen: DryRunMessage[] = [];
  const print = (entry: DryRunMessage): void => {
    if (options.write === undefined) return;
    const m = masker.message(entry.message);
    const lines =
      entry.action === 'send'
        ? [`${c.cyan('⇢')} ${c.bold(entry.stepId)}  ${c.bold('SEND')} ${m.address}  ${c.dim(m.serverUrl)}`]
        : [
            `${c.cyan('⇠')} ${c.bold(entry.stepId)}  ${c.bold('RECEIVE')} ${m.address}  ${c.dim(m.serverUrl)}`,
          ];
    if (m.correlationId !== undefined) lines.push(`    ${c.dim('correlationId:')} ${m.correlationId}`);
    for (const [name, value] of Object.entries(m.headers))
      lines.push(`    ${c.dim(`${name}:`)} ${String(value)}`);
    if (m.contentType !== undefined) lines.push(`    ${c.dim('content-type:')} ${m.contentType}`);
    for (const line of m.body.split('\n')) lines.push(`    ${line}`);
    lines.push(
      `    ${c.dim(entry.action === 'send' ? '(not sent)' : '(not awaited; answered with placeholders)')}`,
    );
    options.write(masker.text(`${lines.join('\n')}\n`));
  };
  const note = (entry: DryRunMessage): void => {
    seen.push(entry);
    print(entry);
  };
  return {
    hooks: {
      onMessageSent: (e) => note({ stepId: e.stepId, action: 'send', message: e.message }),
      onMessageReceived: (e) => note({ stepId: e.stepId, action: 'receive', message: e.message }),
    },
    messages: () => seen.map((entry) => ({ ...entry, message: masker.message(entry.message) })),
  };
}
