import { describe, expect, it } from 'vitest';
import { lintDocument } from '../../src/lint/lint-document.js';
import { resolveDocument } from '../../src/sources/resolve-document.js';

const text = (second: string) => `arazzo: 1.0.1
info: {title: t, version: '1'}
sourceDescriptions:
  - name: pets
    url: ./pets-3.0.yaml
workflows:
  - workflowId: w
    steps:
      - stepId: a
        operationId: getPet
      - stepId: a
        operationId: getPet
${second}`;

const lint = async (t: string) => {
  const uri = new URL('../fixtures/sources/dup.arazzo.yaml', import.meta.url).pathname;
  return lintDocument(await resolveDocument(uri, { text: t, cache: false })).map(
    (d) => `${d.range.start.line}:${d.range.start.column} ${d.code} ${d.message}`,
  );
};

describe('duplicate-id whatever the schema says', () => {
  it('two identical steps: duplicate-id at the second stepId, no "items must be unique"', async () => {
    const found = await lint(text(''));
    expect(found).toContain("11:17 duplicate-id stepId 'a' is already used at /workflows/0/steps/0");
    expect(found.filter((d) => d.includes('must be unique'))).toEqual([]);
  });

  it('a repeated stepId on a step the schema rejects as a whole is still reported', async () => {
    const found = await lint(text('        workflowId: other\n'));
    expect(found).toContain("11:17 duplicate-id stepId 'a' is already used at /workflows/0/steps/0");
    expect(found.some((d) => d.includes('schema a step must have exactly one of'))).toBe(true);
  });
});
