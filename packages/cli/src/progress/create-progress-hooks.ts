import type { EngineHooks } from '@telaio/core';
import type { Masker } from '../mask/create-masker.js';
import { maskStepMessages } from '../mask/mask-step-messages.js';
import type { Colors } from '../shared/colors-for.js';
import { formatStepLine } from './format-step-line.js';

/** Where and how progress is printed. */
export interface ProgressOptions {
  /** Receives whole lines (already masked). */
  readonly write: (text: string) => void;
  readonly colors: Colors;
  readonly masker: Masker;
  /** Also report expressions that reached nothing. */
  readonly verbose?: boolean;
  /** A note for the line of a step execution that just ended (a dry run's count of unresolved values). */
  readonly noteFor?: (stepId: string) => string | undefined;
}

/**
 * Hooks that print a run as it happens: the workflow, a line per step execution (step, method,
 * path, status, duration, attempts), and the actions taken in words (`retry in 2 s (attempt 2 of
 * 3)`, `goto X`, `end`). Everything goes through the masker.
 */
export function createProgressHooks(options: ProgressOptions): EngineHooks {
  const { colors: c, masker } = options;
  const write = (text: string): void => options.write(masker.text(text));
  const pad = (depth: number): string => '  '.repeat(depth + 2);
  const lastStatus = new Map<string, number>();
  const awaited = new Map<string, string>();
  return {
    onWorkflowStart: (e) => {
      if (e.depth === 0) write(`${c.bold(c.cyan('▶'))} ${c.bold(e.workflowId)}\n`);
      else write(`${'  '.repeat(e.depth)}${c.cyan('↳')} workflow ${c.bold(e.workflowId)}\n`);
    },
    onResponse: (e) => {
      lastStatus.set(`${e.runId}/${e.stepId}`, e.response.statusCode);
      for (const warning of e.response.warnings ?? [])
        write(`${pad(e.depth)}${c.yellow('!')} ${e.stepId}: ${warning}\n`);
    },
    onMessageWait: (e) => {
      if (e.correlation !== undefined) awaited.set(`${e.runId}/${e.stepId}`, e.correlation.value);
    },
    onStepEnd: (e) => {
      const note = options.noteFor?.(e.result.stepId);
      const correlation = awaited.get(`${e.runId}/${e.result.stepId}`);
      write(
        formatStepLine(masker.value(maskStepMessages(e.result, masker)), {
          colors: c,
          indent: e.depth,
          ...(note === undefined ? {} : { note }),
          ...(correlation === undefined ? {} : { correlation: masker.text(correlation) }),
        }),
      );
    },
    onRetry: (e) => {
      const status = lastStatus.get(`${e.runId}/${e.stepId}`);
      const why = status === undefined ? '' : `${e.stepId} got ${status}: `;
      // The engine reports the limit of the action it took, wherever that action was declared.
      const of = ` of ${e.retryLimit + 1}`;
      write(
        `${pad(e.depth)}${c.yellow('↻')} ${why}retry in ${seconds(e.delayMs)} (attempt ${e.attempt}${of}, action ${e.action})\n`,
      );
    },
    onAction: (e) => {
      if (e.type === 'goto') {
        const target =
          e.targetWorkflowId === undefined
            ? `step ${e.targetStepId ?? '?'}`
            : `workflow ${e.targetWorkflowId}`;
        write(`${pad(e.depth)}${c.cyan('→')} goto ${c.bold(target)} (action ${e.name})\n`);
      } else if (e.type === 'end') {
        write(`${pad(e.depth)}${c.cyan('■')} end (action ${e.name})\n`);
      }
    },
    ...(options.verbose === true
      ? {
          onMissingValue: (e) => write(`${pad(e.depth)}${c.dim(`! ${e.expression}: ${e.reason}`)}\n`),
          onInputResolved: (e) => write(`${pad(e.depth)}${c.dim(`input ${e.name} resolved`)}\n`),
        }
      : {}),
  };
}

function seconds(ms: number): string {
  if (ms % 1000 === 0) return `${ms / 1000} s`;
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
