import { type Criterion, createCriterionRegistry } from '@telaio/core';
import { describe, expect, it } from 'vitest';
import { makeContext } from './ctx.js';

// 1.1.0 §Criterion Object, XPath Conditions: "A condition passes (truthy) when the XPath expression
// returns `true` (boolean), a non-zero number, a non-empty string, a node-set with at least one node"
// and fails on false, zero, an empty string, an empty node-set; EBV by the version in use.

const registry = createCriterionRegistry();
const xml = makeContext({ response: { headers: {}, body: '<root><a>x</a><b></b></root>' } });
const VERSIONS = [
  'xpath',
  ...['xpath-31', 'xpath-30', 'xpath-20', 'xpath-10'].map((version) => ({ type: 'xpath', version })),
];
const holds = (condition: string, type: unknown) =>
  registry.compile({ context: '$response.body', condition, type } as Criterion).test(xml);

describe('1.1.0 §Criterion Object XPath Conditions: truthiness of each result type, every version', () => {
  for (const type of VERSIONS) {
    const name = typeof type === 'string' ? 'default (xpath-31)' : (type as { version: string }).version;
    it(`§Expression Type Object ${name}: boolean, number, string and node-set results pass and fail as the text lists`, () => {
      expect([holds('true()', type), holds('false()', type)]).toEqual([true, false]);
      expect([holds('count(/root/a)', type), holds('count(/root/c)', type)]).toEqual([true, false]);
      expect([holds('string(/root/a)', type), holds('string(/root/b)', type)]).toEqual([true, false]);
      expect([holds('/root/a', type), holds('/root/c', type)]).toEqual([true, false]);
    });
  }
});
