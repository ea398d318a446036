import type { RunResult, StepResult } from '@telaio/core';
import { describeMessage } from './describe-message.js';

/**
 * A JUnit XML report of a run: one testsuite for the workflow, one testcase per step execution (a
 * step reached again through goto gets `#2`, `#3`), failures with their reason, skipped steps as
 * `<skipped/>`. A failure that belongs to no step (e.g. an input) is its own testcase. Pure; mask
 * the result before calling it.
 */
export function formatJunitReport(result: RunResult, options: { readonly timestamp?: Date } = {}): string {
  const steps = result.steps;
  const seen = new Map<string, number>();
  const cases = steps.map((step) => {
    const key = `${step.workflowId}/${step.stepId}`;
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    return testcase(result, step, count);
  });
  const stepFailed = steps.some((step) => step.status === 'failure');
  if (result.status === 'failure' && !stepFailed) {
    const error = result.error ?? { code: 'workflow-failed', message: 'the workflow failed' };
    cases.push(
      `    <testcase classname="${attr(result.workflowId)}" name="workflow" time="0">\n` +
        `      <failure type="${attr(error.code)}" message="${attr(error.message)}">${text(error.message)}</failure>\n    </testcase>`,
    );
  }
  const failures =
    steps.filter((s) => s.status === 'failure').length + (result.status === 'failure' && !stepFailed ? 1 : 0);
  const skipped = steps.filter((s) => s.status === 'skipped').length;
  const tests = cases.length;
  const time = seconds(result.durationMs);
  const stamp = (options.timestamp ?? new Date()).toISOString().replace(/\.\d+Z$/, '');
  const outputs = JSON.stringify(result.outputs, null, 2);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="telaio run" tests="${tests}" failures="${failures}" errors="0" skipped="${skipped}" time="${time}">`,
    `  <testsuite name="${attr(result.workflowId)}" tests="${tests}" failures="${failures}" errors="0" skipped="${skipped}" time="${time}" timestamp="${stamp}">`,
    ...cases,
    `    <system-out>${text(`outputs: ${outputs}`)}</system-out>`,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

function testcase(result: RunResult, step: StepResult, count: number): string {
  const name = count > 1 ? `${step.stepId} #${count}` : step.stepId;
  const classname =
    step.workflowId === result.workflowId ? result.workflowId : `${result.workflowId}.${step.workflowId}`;
  const open = `    <testcase classname="${attr(classname)}" name="${attr(name)}" time="${seconds(step.durationMs)}"`;
  const message = describeMessage(step, { width: 2000 });
  const detail = [
    step.request === undefined ? undefined : `${step.request.method} ${step.request.url}`,
    message === undefined ? undefined : `${message.headline} via ${message.via}`,
    message === undefined ? undefined : `payload ${message.payload}`,
    step.statusCode === undefined ? undefined : `status ${step.statusCode}`,
    `attempts ${step.attempts}`,
  ].filter((line) => line !== undefined);
  if (step.status === 'failure') {
    const reason =
      step.reason ?? (result.error?.stepId === step.stepId ? result.error.message : 'step failed');
    const type = result.error?.stepId === step.stepId ? result.error.code : 'step-failed';
    return `${open}>\n      <failure type="${attr(type)}" message="${attr(reason)}">${text([reason, ...detail].join('\n'))}</failure>\n    </testcase>`;
  }
  if (step.status === 'skipped') return `${open}>\n      <skipped/>\n    </testcase>`;
  return `${open}>\n      <system-out>${text(detail.join('\n'))}</system-out>\n    </testcase>`;
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

/** Characters XML 1.0 cannot hold at all. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly what must go
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function text(value: string): string {
  return value.replace(INVALID, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attr(value: string): string {
  return text(value)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}
