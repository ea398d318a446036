import { readFileSync } from 'node:fs';
import { type Criterion, compileValue, createCriterionRegistry, type JsonValue } from '@telaio/core';
import { expect, it } from 'vitest';
import { parse } from 'yaml';
import { corpusFiles, corpusPath, describeCorpus } from '../../../../test/support/shared-corpus.js';

const files = [...corpusFiles('stytch/arazzo', /./), ...corpusFiles('reference/oai-examples', /arazzo/)];
const shared = corpusPath();

/** Every Criterion Object and every expression-bearing value of a document. */
function collect(
  node: unknown,
  criteria: Criterion[],
  values: JsonValue[],
  outputs: JsonValue[],
  key = '',
): void {
  if (Array.isArray(node)) {
    const isCriteria = ['successCriteria', 'criteria'].includes(key);
    for (const item of node)
      isCriteria ? criteria.push(item as Criterion) : collect(item, criteria, values, outputs);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  for (const [k, v] of Object.entries(node)) {
    if (['value', 'payload'].includes(k)) values.push(v as JsonValue);
    if (k === 'outputs') outputs.push(v as JsonValue);
    collect(v, criteria, values, outputs, k);
  }
}

describeCorpus(
  'the published corpus: every expression and criterion of the Stytch workflows and OAI examples compiles',
  () => {
    const registry = createCriterionRegistry();
    it.each(files.map((f) => [f.slice(shared.length + 1), f]))('%s', (_name, file) => {
      const criteria: Criterion[] = [];
      const values: JsonValue[] = [];
      const outputs: JsonValue[] = [];
      collect(parse(readFileSync(file, 'utf8')), criteria, values, outputs);
      const problems: string[] = [];
      const compiled = [
        ...values.map((value) => [value, compileValue(value)] as const),
        ...outputs.map((value) => [value, compileValue(value, { constantAllowed: false })] as const),
      ];
      for (const [value, result] of compiled)
        for (const e of [...result.errors, ...result.literals])
          problems.push(`${JSON.stringify(value).slice(0, 80)}: ${e.error.message}`);
      for (const c of criteria) {
        try {
          registry.compile(c);
        } catch (e) {
          problems.push(`${c.condition}: ${(e as Error).message}`);
        }
      }
      // bnpl-arazzo.yaml's workflow output `$steps.retrieveFinalizedPaymentPlan.finalizedPaymentPlan` lacks
      // `.outputs.`: it can never resolve, so it is reported rather than sent as a literal.
      expect(problems).toEqual(
        file.endsWith('bnpl-arazzo.yaml')
          ? [
              expect.stringMatching(
                /a step exposes only 'outputs', not 'finalizedPaymentPlan'; did you mean '\$steps\.retrieveFinalizedPaymentPlan\.outputs\.finalizedPaymentPlan'\?/,
              ),
            ]
          : [],
      );
    });
  },
);
