import type { CriterionEvaluator } from '@telaio/core';
import type { MemoryHandler } from '@telaio/core/testing';
import { describe, expect, it } from 'vitest';
import { loadInline, memoryEngine, PRELUDE } from './helpers.js';

const xmlOrJson: MemoryHandler = (req) => {
  if (req.operation.operationId === 'placeOrder') {
    const headers = { 'content-type': 'application/xml' };
    return { status: 200, headers, body: '<order><status>placed</status><qty>3</qty></order>' };
  }
  return {
    status: 200,
    headers: { 'x-rate': '42' },
    body: { pets: [{ id: 1 }, { id: 2 }], name: "O'Brien" },
  };
};

describe('criteria through the engine', () => {
  it("§Criterion Object regex, jsonpath (RFC 9535) and xpath criteria judge responses; simple compares strings case-insensitively with '' escapes", async () => {
    const { engine } = memoryEngine(xmlOrJson);
    const doc = await loadInline(
      engine,
      `${PRELUDE}workflows:
  - workflowId: w
    steps:
      - stepId: a
        operationId: listPets
        successCriteria:
          - { context: $statusCode, condition: '^200$', type: regex }
          - { context: $response.body, condition: '$[?count(@.pets) > 0]', type: jsonpath }
          - { context: $response.body, condition: '$.pets[?(@.id == 2)]', type: { type: jsonpath, version: draft-goessner-dispatch-jsonpath-00 } }
          - condition: $response.body#/name == 'o''brien'
          - condition: $response.header.X-Rate > 41 && $method == 'GET' && $url == 'https://pets.example.test/v1/pets'
      - stepId: b
        operationId: placeOrder
        successCriteria:
          - { context: $response.body, condition: "/order/status = 'placed'", type: xpath }
          - { context: $response.body, condition: '/order/qty > 2', type: { type: xpath, version: xpath-10 } }
`,
    );
    const verdicts: string[] = [];
    const result = await engine.run({
      document: doc,
      hooks: { onCriterion: (e) => verdicts.push(`${e.stepId}:${e.passed}`) },
    });
    expect(result.error).toBeUndefined();
    expect(verdicts).toEqual(['a:true', 'a:true', 'a:true', 'a:true', 'a:true', 'b:true', 'b:true']);
  });

  it('§Criterion Object a criterion that does not hold fails the step (the verdict event says which)', async () => {
    const { engine } = memoryEngine(xmlOrJson);
    const doc = await loadInline(
      engine,
      `${PRELUDE}workflows:
  - workflowId: w
    steps:
      - stepId: b
        operationId: placeOrder
        successCriteria:
          - { context: $response.body, condition: "/order/status = 'cancelled'", type: xpath }
`,
    );
    const verdicts: string[] = [];
    const result = await engine.run({
      document: doc,
      hooks: { onCriterion: (e) => verdicts.push(`${e.condition}:${e.passed}`) },
    });
    expect(result.error?.code).toBe('criteria-failed');
    expect(verdicts).toEqual(["/order/status = 'cancelled':false"]);
  });

  // The Arazzo schema admits only the four standard type names, so this plugin replaces `regex`.
  it('criterion plugins: compiled once at load, never per run, and tested on every run', async () => {
    let compiles = 0;
    let tests = 0;
    const even: CriterionEvaluator = {
      type: 'regex',
      versions: [],
      compile: (source) => {
        compiles += 1;
        const field = source.condition;
        return {
          test: (ctx) => {
            tests += 1;
            return Number((ctx.response?.body as Record<string, unknown> | undefined)?.[field]) % 2 === 0;
          },
        };
      },
    };
    const { engine } = memoryEngine(() => ({ status: 200, body: { n: 4 } }), { criteria: [even] });
    const doc = await loadInline(
      engine,
      `${PRELUDE}workflows:
  - workflowId: w
    steps:
      - stepId: a
        operationId: listPets
        successCriteria: [{ context: $response.body, condition: n, type: regex }]
`,
    );
    const afterLoad = compiles;
    expect(afterLoad).toBeGreaterThan(0);
    for (let i = 0; i < 5; i++) expect((await engine.run({ document: doc })).status).toBe('success');
    expect(compiles).toBe(afterLoad);
    expect(tests).toBe(5);
  });

  it('§Step Object a request that gets no response fails the step even without successCriteria, and failure actions still apply', async () => {
    let calls = 0;
    const { engine } = memoryEngine(() => {
      calls += 1;
      if (calls === 1) throw new Error('socket hang up');
      return { status: 200 };
    });
    const doc = await loadInline(
      engine,
      `${PRELUDE}workflows:
  - workflowId: w
    steps:
      - stepId: a
        operationId: listPets
        onFailure: [{ name: again, type: retry }]
`,
    );
    const result = await engine.run({ document: doc });
    expect(result.status).toBe('success');
    expect(result.steps[0]?.attempts).toBe(2);
  });
});
