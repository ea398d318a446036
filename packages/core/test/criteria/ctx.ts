import type { ExpressionContext } from '@telaio/core';

/** A hand-built context for criteria tests. */
export function makeContext(over: Partial<ExpressionContext> = {}): ExpressionContext {
  return {
    inputs: { threshold: 3, name: 'Fido', expectedStatus: 'available' },
    outputs: {},
    steps: { getPets: { outputs: { count: 5, list: [1, 2] } } },
    workflows: {},
    sourceDescriptions: {},
    components: {},
    statusCode: 200,
    response: {
      headers: { 'content-type': 'application/json', 'x-count': '12' },
      body: {
        count: 4,
        data: { id: 'a1' },
        items: [{ id: 7, name: "O'Brien" }],
        status: 'AVAILABLE',
        ok: true,
        none: null,
      },
    },
    ...over,
  };
}
