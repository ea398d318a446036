/**
 * Channel addresses with parameters (AsyncAPI 3.0 Channel Object `address: 'jobs/{worker}'`, filled
 * from step parameters `in: path`): each run sends to and receives on the address of its own values,
 * however many runs of the same document came before with other values (the engine keeps the
 * targets it resolved per step and value: a value seen before must give its own address again).
 */
import { describe, expect, it } from 'vitest';
import { planOf } from '../../../src/engine/plan/document-plans.js';
import type { MessageStepTarget } from '../../../src/engine/plan/plan-types.js';
import { addressReadsOnlyInputs } from '../../../src/engine/steps/message/resolve-message-target.js';
import { fixture } from '../helpers.js';
import { messageEngine } from './message-support.js';

const WORKFLOW = `arazzo: 1.1.0
info: { title: t, version: 1.0.0 }
sourceDescriptions:
  - { name: workers, url: ./workers.asyncapi.yaml, type: asyncapi }
workflows:
  - workflowId: w
    inputs: { type: object, properties: { worker: {}, id: { type: string } } }
    steps:
      - stepId: give
        operationId: sendJob
        action: send
        parameters: [{ name: worker, in: path, value: $inputs.worker }]
        requestBody: { payload: { id: $inputs.id } }
      - stepId: take
        operationId: receiveJob
        action: receive
        correlationId: $inputs.id
        timeout: 2000
        parameters: [{ name: worker, in: path, value: $inputs.worker }]
        outputs: { id: $message.payload#/id }
`;

describe('AsyncAPI channel parameters in message step addresses (Arazzo 1.1 parameters in: path)', () => {
  it('sends and receives on the address of each run’s own value, a value seen before included', async () => {
    const { engine, messages } = messageEngine();
    const document = await engine.load({ uri: fixture('messages/inline.arazzo.yaml'), text: WORKFLOW });
    const runs = [
      ['a', 'j1'],
      ['b', 'j2'],
      ['a', 'j3'],
      [7, 'j4'],
    ] as const;
    for (const [worker, id] of runs) {
      const result = await engine.run({ document, inputs: { worker, id } });
      expect(result.error).toBeUndefined();
      expect(result.steps.map((s) => s.sentMessage?.address ?? s.receivedMessage?.address)).toEqual([
        `jobs/${worker}`,
        `jobs/${worker}`,
      ]);
      expect(result.steps[1]?.outputs).toEqual({ id });
    }
    expect(messages.sent.map((m) => m.address)).toEqual(['jobs/a', 'jobs/b', 'jobs/a', 'jobs/7']);
  });

  it('a missing parameter value still fails the step with parameter-missing', async () => {
    const { engine } = messageEngine();
    const document = await engine.load({ uri: fixture('messages/inline.arazzo.yaml'), text: WORKFLOW });
    const result = await engine.run({ document, inputs: { id: 'j1' } });
    expect(result.error).toMatchObject({ code: 'parameter-missing', stepId: 'give' });
  });

  it('an address reading only inputs and constants is resolved once, when the workflow starts; one reading a step or another workflow is not', async () => {
    // Only the plan is looked at: references lint would refuse (no such output) do not matter here.
    const { engine } = messageEngine({ refuseInvalid: false });
    const receive = (stepId: string, value: string) => `      - stepId: ${stepId}
        operationId: receiveJob
        action: receive
        timeout: 50
        parameters: [{ name: worker, in: path, value: ${value} }]
`;
    const text = WORKFLOW.replace(
      '    steps:\n',
      `    steps:\n${receive('fromInput', '$inputs.worker')}${receive('constant', 'w1')}${receive('template', "'w-{$inputs.id}'")}${receive('fromStep', '$steps.give.outputs.worker')}${receive('fromWorkflow', '$workflows.w.inputs.worker')}${receive('fromSelf', '$outputs.worker')}`,
    );
    const document = await engine.load({ uri: fixture('messages/inline.arazzo.yaml'), text });
    const plan = planOf({ document })?.workflows.get('w');
    const verdicts = Object.fromEntries(
      (plan?.steps ?? [])
        .filter((step) => step.target.kind === 'message' && step.target.action === 'receive')
        .map((step) => [step.stepId, addressReadsOnlyInputs(step, step.target as MessageStepTarget)]),
    );
    expect(verdicts).toEqual({
      fromInput: true,
      constant: true,
      template: true,
      fromStep: false,
      fromWorkflow: false,
      fromSelf: false,
      take: true,
    });
  });
});
