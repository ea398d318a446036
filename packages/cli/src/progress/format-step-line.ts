import type { StepResult } from '@telaio/core';
import { describeMessage } from '../report/describe-message.js';
import type { Colors } from '../shared/colors-for.js';

/**
 * One line for one step execution: mark, step, method, path, status, duration, attempts (a message
 * step: `⇢ send ADDRESS` or `⇠ receive ADDRESS`, then its server, correlation id and payload, cut);
 * below it the reason of a failure and the step's outputs (long values cut). Pure; mask the step first;
 * `indent` is the nesting depth of the workflow, `note` a last part (a dry run's unresolved count).
 */
export function formatStepLine(
  step: StepResult,
  options: {
    readonly colors: Colors;
    readonly indent?: number;
    readonly note?: string;
    /** A receive step's awaited correlation value (from onMessageWait). */
    readonly correlation?: string;
  },
): string {
  const c = options.colors;
  const pad = '  '.repeat(1 + (options.indent ?? 0));
  const mark =
    step.status === 'success' ? c.green('✓') : step.status === 'failure' ? c.red('✗') : c.yellow('-');
  const message = describeMessage(step, {
    ...(options.correlation === undefined ? {} : { correlation: options.correlation }),
  });
  const target =
    message !== undefined
      ? `${step.action === 'send' ? '⇢' : '⇠'} ${message.headline}`
      : step.request === undefined
        ? c.dim(step.action === undefined ? '(no request)' : `(${step.action}: no message)`)
        : `${step.request.method} ${pathOf(step.request.url)}`;
  const code = step.statusCode === undefined ? '' : colourStatus(step.statusCode, c);
  const parts = [
    `${pad}${mark} ${c.bold(step.stepId)}`,
    target,
    code,
    c.dim(`${Math.round(step.durationMs)} ms`),
  ];
  if (step.attempts > 1) parts.push(c.yellow(`${step.attempts} attempts`));
  if (step.status === 'skipped') parts.push(c.dim('skipped'));
  if (options.note !== undefined) parts.push(c.yellow(options.note));
  let line = parts.filter((part) => part !== '').join('  ');
  if (message !== undefined)
    line += `\n${pad}    ${c.dim(message.via)}\n${pad}    ${c.dim(`payload ${message.payload}`)}`;
  if (step.status === 'failure' && step.reason !== undefined) line += `\n${pad}    ${c.red(step.reason)}`;
  const outputs = Object.entries(step.outputs);
  if (outputs.length > 0)
    line += `\n${pad}    ${c.dim(outputs.map(([name, value]) => `${name}=${brief(value)}`).join('  '))}`;
  return `${line}\n`;
}

/** A value on one line, long ones cut to 60 characters. */
function brief(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** `/v1/b2b/totp?x=1` from a full URL (the URL itself when it does not parse). */
export function pathOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.search}`;
  } catch {
    return url;
  }
}

function colourStatus(status: number, c: Colors): string {
  const text = String(status);
  if (status < 300) return c.green(text);
  if (status < 400) return c.cyan(text);
  return c.red(text);
}
