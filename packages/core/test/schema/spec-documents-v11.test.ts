import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { lintDocument, resolveDocument, type SourceLoader, TelaioError } from '@telaio/core';
import { describe, expect, it } from 'vitest';
import { corpusAvailable, corpusPath, describeCorpus } from '../../../../test/support/shared-corpus.js';
import { extractSpecExamples } from './extract-spec-examples.js';

/** Lint a document text as `uri`, its sources refused (no network in tests): [line, code] pairs. */
async function lintOffline(text: string): Promise<[number, string][]> {
  const uri = '/virtual/spec/example.arazzo.yaml';
  const loader: SourceLoader = {
    async load(u) {
      if (u === uri) return { uri, text };
      throw new TelaioError('source-unresolved', `offline: ${u}`);
    },
  };
  const found = lintDocument(await resolveDocument(uri, { loader, cache: false, text }));
  return found.map((d) => [d.range.start.line, d.code]);
}

const documents = corpusAvailable
  ? extractSpecExamples(readFileSync(corpusPath('reference', 'arazzo-1.1.0.md'), 'utf8')).filter((e) =>
      /^arazzo: 1\.1\.0/m.test(e.text),
    )
  : [];
const at = (heading: string) => documents.find((d) => d.heading.startsWith(heading))?.text ?? '';

describeCorpus('Arazzo 1.1.0 specification: its whole documents lint as the text says', () => {
  it('has the Arazzo Specification Object example and the five of Appendix B', () => {
    expect(documents.map((d) => d.heading)).toHaveLength(6);
  });

  it('§Arazzo Specification Object Example: read as 1.1, its own slips reported where the text forbids them', async () => {
    expect(await lintOffline(at('Arazzo Specification Object Example'))).toEqual([
      // Its two sources are remote; tests never reach the network.
      [11, 'source-unresolved'],
      [14, 'source-unresolved'],
      // The source is declared as `petStoreDescription` but named `petstoreDescription` here; names
      // are case sensitive ("All field names in the specification are case sensitive").
      [33, 'operation-unknown'],
      [52, 'operation-unknown'],
      // operationPath is "A reference to a Source Description Object combined with a JSON Pointer":
      // `$sourceDescriptions.asyncOrderApiDescription.placeOrder` has no pointer (an operationId
      // would say this).
      [71, 'operation-unknown'],
      [83, 'operation-unknown'],
      // The ABNF reads `payload-reference = "payload" ["#" json-pointer]`: `$message.payload#/orderId`.
      [88, 'expression-invalid'],
    ]);
  });

  for (const heading of [
    'Base URI Within Content',
    'Base URI From the Retrieval URI',
    'Application-Specific Default Base URI',
    'Resolving Relative',
  ])
    it(`Appendix B, ${heading}: a partial document (no workflows), its relative source refused offline`, async () => {
      const found = await lintOffline(at(heading));
      expect(found.map(([, code]) => code)).toEqual(['schema', 'source-unresolved']);
      expect(found[0]?.[0]).toBe(1);
    });

  it('Appendix B, Identity vs Location: a document fragment (no sources, no workflows)', async () => {
    expect(await lintOffline(at('Identity vs Location'))).toEqual([
      [1, 'schema'],
      [1, 'schema'],
    ]);
  });
});

describe('a 1.1 document of the project, after the specification example (no ../shared needed)', () => {
  it('§Arazzo Specification Object: the pet purchase with its slips corrected lints clean against local sources', async () => {
    const file = fileURLToPath(new URL('../fixtures/v11/pet-purchase.arazzo.yaml', import.meta.url));
    const found = lintDocument(await resolveDocument(file, { cache: false }));
    expect(found.map((d) => `${d.range.start.line} ${d.code} ${d.message}`)).toEqual([]);
  });
});
