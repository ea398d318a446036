import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { lintDocument, parseExpression, parseTemplate, resolveDocument } from '@telaio/core';
import { expect, it } from 'vitest';
import { corpusAvailable, corpusPath, describeCorpus } from '../../../../test/support/shared-corpus.js';

/**
 * The examples of the OAI Arazzo 1.1.0 text that are not YAML or JSON blocks (those are in
 * spec-examples-v11.test.ts and spec-documents-v11.test.ts): the §Runtime Expressions Examples
 * table, every expression of which must parse, and the §Components Object key names (```text),
 * each of which must be accepted as a component key.
 */
const text = corpusAvailable ? readFileSync(corpusPath('reference', 'arazzo-1.1.0.md'), 'utf8') : '';

/** The backquoted expressions of the second column of the table under `#### Examples` of §Runtime Expressions. */
function tableExpressions(): string[] {
  const start = text.indexOf('#### Examples', text.indexOf('### Runtime Expressions'));
  const rows = text.slice(start).split('\n').slice(4);
  const out: string[] = [];
  for (const row of rows) {
    if (!row.startsWith('|')) break;
    const cell = row.split('|')[2] ?? '';
    for (const m of cell.matchAll(/`([^`]+)`/g)) out.push(m[1]!);
  }
  return out;
}

/** The names of the ```text block of §Components Object. */
function componentNames(): string[] {
  const at = text.indexOf('```text', text.indexOf('#### Components Object'));
  return text
    .slice(at + 8, text.indexOf('```', at + 8))
    .trim()
    .split('\n');
}

describeCorpus('Arazzo 1.1.0 specification: the examples outside YAML and JSON blocks', () => {
  it('§Runtime Expressions Examples: every expression of the table parses (templates as templates)', () => {
    const expressions = tableExpressions();
    expect(expressions.length).toBeGreaterThanOrEqual(22);
    const failed = expressions.filter((e) =>
      e.startsWith('$') ? !parseExpression(e).ok : !parseTemplate(e).ok,
    );
    expect(failed).toEqual([]);
    expect(expressions).toEqual(
      expect.arrayContaining([
        '$self',
        '$message.payload#/status',
        '$sourceDescriptions.petstore.getPetById',
      ]),
    );
  });

  it('§Components Object: the example key names are valid component keys of a 1.1 document', async () => {
    const names = componentNames();
    expect(names).toEqual(['User', 'User_1', 'User_Name', 'user-name', 'my.org.User']);
    const inputs = names.map((n) => `    ${n}: { type: object }`).join('\n');
    const doc = `arazzo: 1.1.0
info: { title: t, version: 1.0.0 }
sourceDescriptions:
  - { name: pets, url: ./pets.openapi.yaml, type: openapi }
workflows:
  - workflowId: w
    steps:
      - { stepId: s, operationId: listPets }
components:
  inputs:
${inputs}
`;
    const uri = fileURLToPath(new URL('../fixtures/engine/inline.arazzo.yaml', import.meta.url));
    const found = lintDocument(await resolveDocument(uri, { text: doc, cache: false }));
    expect(found).toEqual([]);
  });
});
