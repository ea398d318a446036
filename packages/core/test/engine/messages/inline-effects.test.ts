/**
 * The process host's message steps take a shorter path (send-message.ts, receive-message.ts): its
 * effect(request, perform) is perform(run signal) and records nothing, so the engine performs the
 * send or the take itself, without naming the effect, and takes from an open subscription without
 * awaiting its readiness again. This differential test runs the same message workflows on the
 * process host and on hosts that wrap it (so every effect goes through effect(), with and without
 * a JSON journal form) and requires the same results and the same events, in the same order.
 */
import {
  createEngine,
  createProcessHost,
  type EngineHooks,
  type Host,
  type RunHost,
  type RunResult,
} from '@telaio/core';
import { createMemoryMessageTransport, createMemoryTransport } from '@telaio/core/testing';
import { describe, expect, it } from 'vitest';
import { performsEffectsInline } from '../../../src/host/create-process-host.js';
import { fixture } from '../helpers.js';
import { orders } from './message-support.js';

type Messages = ReturnType<typeof createMemoryMessageTransport>;

interface Case {
  readonly name: string;
  readonly steps: string;
  readonly inputs?: Record<string, unknown>;
  /** How the service answers each message the run sends. */
  readonly service?: (messages: Messages) => void;
  /** Abort the run when its first receive starts waiting. */
  readonly abortOnWait?: boolean;
  readonly maxConcurrentSteps?: number;
  /**
   * Steps run concurrently: which of two in-flight steps ends first depends on how many microtask
   * turns each path takes (both orders are executions the spec allows), so results and events are
   * compared as sets.
   */
  readonly concurrent?: boolean;
}

const place = (id = 'place', payload = '{ productId: p1, quantity: 1 }') => `      - stepId: ${id}
        operationId: placeOrder
        action: send
        parameters: [{ name: requestId, in: header, value: $inputs.requestId }]
        requestBody: { payload: ${payload} }
`;
const confirm = (extra = '', id = 'confirm', request = '$inputs.requestId') => `      - stepId: ${id}
        operationId: confirmOrder
        action: receive
        correlationId: ${request}
        timeout: 40
        outputs: { orderId: $message.payload#/orderId, status: $message.payload#/status }
${extra}`;

/** Replies to every send carrying a requestId header (after `skip` sends), with `status`. */
const replying =
  (status: string, skip = 0) =>
  (messages: Messages) => {
    let seen = 0;
    messages.onSend((sent) => {
      seen += 1;
      const requestId = sent.headers.requestId;
      if (seen <= skip || requestId === undefined) return;
      messages.publish({
        address: 'orders.confirmed',
        headers: { requestId },
        payload: { orderId: `o-${String(requestId)}`, status },
      });
    });
  };

const CASES: readonly Case[] = [
  {
    name: 'a send, then the receive its reply answers (outputs, successCriteria over $message)',
    steps: `${place()}${confirm("        successCriteria: [{ condition: $message.payload#/status == 'ok' }]\n")}`,
    inputs: { requestId: 'r1' },
    service: replying('ok'),
  },
  {
    name: 'a receive whose successCriteria fail',
    steps: `${place()}${confirm("        successCriteria: [{ condition: $message.payload#/status == 'ok' }]\n")}`,
    inputs: { requestId: 'r2' },
    service: replying('refused'),
  },
  {
    name: 'a timeout that fails into onFailure (goto a fallback send)',
    steps: `${place()}${confirm('        onFailure: [{ name: fallback, type: goto, stepId: cancel }]\n')}${place('cancel', '{ productId: cancel, quantity: 1 }')}`,
    inputs: { requestId: 'r3' },
  },
  {
    name: 'a retry naming the send step, answered the second time',
    steps: `${place()}${confirm('        onFailure: [{ name: again, type: retry, stepId: place, retryAfter: 0, retryLimit: 2 }]\n')}`,
    inputs: { requestId: 'r4' },
    service: replying('ok', 1),
  },
  {
    name: 'a message that fits no declared schema (nothing is sent)',
    steps: place('place', '{ productId: p1, quantity: 0 }'),
    inputs: { requestId: 'r5' },
  },
  {
    name: 'two receives in flight joined by a step that dependsOn both',
    steps: `${confirm('', 'first', "'a'")}${confirm('', 'second', "'b'")}${place('trigger')}      - stepId: join
        operationId: placeOrder
        action: send
        dependsOn: [first, second]
        requestBody: { payload: { productId: '{$steps.first.outputs.orderId}+{$steps.second.outputs.orderId}', quantity: 1 } }
`,
    inputs: { requestId: 'trigger' },
    concurrent: true,
    service: (messages) =>
      messages.onSend((sent) => {
        if (sent.headers.requestId !== 'trigger') return;
        for (const requestId of ['b', 'a'])
          messages.publish({
            address: 'orders.confirmed',
            headers: { requestId },
            payload: { orderId: `o-${requestId}`, status: 'ok' },
          });
      }),
  },
  {
    name: 'a run cancelled while its receive waits',
    steps: `${place()}${confirm()}`,
    inputs: { requestId: 'r7' },
    abortOnWait: true,
  },
];

/** A host that hands every call to the process host's run, through effect() (never inline). */
function wrappingHost(journaled: boolean, effects: string[]): Host {
  const inner = createProcessHost();
  return {
    begin(run) {
      const host = inner.begin(run) as RunHost;
      return {
        runId: host.runId,
        ...(journaled ? {} : { journaled: false }),
        now: () => host.now(),
        effect: (request, perform) => {
          effects.push(request.id);
          return host.effect(request, perform);
        },
        sleep: (request, signal) => host.sleep(request, signal),
        waitFor: (request, signal) => host.waitFor(request, signal),
      };
    },
  };
}

/** Durations and run ids differ from run to run: zero them, keep everything else. */
function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable);
  if (value === null || typeof value !== 'object' || value instanceof Uint8Array) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value))
    out[key] = key === 'durationMs' ? 0 : key === 'runId' ? 'run' : stable(v);
  return out;
}

/** The result as compared: stable, and for concurrent cases with its steps by stepId. */
function comparable(test: Case, result: RunResult): unknown {
  const steps =
    test.concurrent === true
      ? [...result.steps].sort((a, b) => a.stepId.localeCompare(b.stepId))
      : result.steps;
  return stable({ ...result, steps });
}

/** JSON.stringify replacer: a `steps` list of step results by stepId (the order they ended varies). */
function bySteps(key: string, value: unknown): unknown {
  if (key === 'steps' && Array.isArray(value))
    return [...(value as { stepId: string }[])].sort((a, b) => a.stepId.localeCompare(b.stepId));
  // Keys sorted too: a journal's JSON form may order a message's fields differently.
  if (value !== null && typeof value === 'object' && !Array.isArray(value))
    return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)));
  return value;
}

/** Events as compared: in order, or for concurrent cases as a sorted list. */
function inOrder(test: Case, events: readonly unknown[]): unknown[] {
  if (test.concurrent !== true) return [...events];
  return events.map((e) => JSON.stringify(e, bySteps)).sort();
}

const HOOKS = [
  'onWorkflowStart',
  'onWorkflowEnd',
  'onStepStart',
  'onCriterion',
  'onRetry',
  'onAction',
  'onMessageSend',
  'onMessageSent',
  'onMessageWait',
  'onMessageReceived',
  'onStepEnd',
  'onMissingValue',
] as const;

async function runCase(
  test: Case,
  host: Host | undefined,
): Promise<{ result: RunResult; events: unknown[]; sent: unknown[] }> {
  const messages = createMemoryMessageTransport();
  test.service?.(messages);
  const controller = new AbortController();
  const events: unknown[] = [];
  const hooks: EngineHooks = {};
  for (const name of HOOKS)
    (hooks as Record<string, (e: unknown) => void>)[name] = (event) => {
      events.push([name, stable(event)]);
      if (name === 'onMessageWait' && test.abortOnWait === true) controller.abort();
    };
  const engine = createEngine({
    transport: createMemoryTransport(() => ({ status: 200 })),
    messageTransport: messages,
    cache: false,
    hooks,
    ...(host === undefined ? {} : { host }),
    ...(test.maxConcurrentSteps === undefined ? {} : { maxConcurrentSteps: test.maxConcurrentSteps }),
  });
  const document = await engine.load({
    uri: fixture('messages/inline.arazzo.yaml'),
    text: orders(test.steps),
  });
  const result = await engine.run({ document, inputs: test.inputs ?? {}, signal: controller.signal });
  await messages.close();
  return { result, events, sent: stable(messages.sent) as unknown[] };
}

describe('1.1.0 §Defining Success for Asynchronous Steps: the process host performs message effects inline, with the results and events of the general path', () => {
  it('the process host is inline; a host wrapping it is not', () => {
    const run = { documentUri: 'x', workflowId: 'w', inputs: {}, signal: new AbortController().signal };
    expect(performsEffectsInline(createProcessHost().begin(run) as RunHost)).toBe(true);
    expect(performsEffectsInline(wrappingHost(false, []).begin(run) as RunHost)).toBe(false);
  });

  for (const test of CASES)
    it(test.name, async () => {
      const inline = await runCase(test, undefined);
      for (const journaled of [false, true]) {
        const effects: string[] = [];
        const general = await runCase(test, wrappingHost(journaled, effects));
        expect(comparable(test, general.result)).toEqual(comparable(test, inline.result));
        expect(inOrder(test, general.events)).toEqual(inOrder(test, inline.events));
        expect(general.sent).toEqual(inline.sent);
        // The general path did go through effect(): one named effect per message sent or waited for.
        const waits = inline.events.filter((e) => (e as [string])[0] === 'onMessageWait').length;
        expect(effects.filter((id) => /\/message-(send|receive)#/.test(id)).length).toBe(
          inline.sent.length + waits,
        );
      }
    });
});
