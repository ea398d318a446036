import { fileURLToPath } from 'node:url';
import { createEngine } from '@telaio/core';
import { createMemoryTransport } from '@telaio/core/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { resolveDocument } from '../../src/sources/resolve-document.js';
import { clearSourceCache } from '../../src/sources/source-cache.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/sources/lazy/${name}`, import.meta.url));
const summary = (d: { severity: string; code: string; rule?: string; pointer: string }) =>
  `${d.severity} ${d.code} ${d.rule} ${d.pointer}`;

beforeEach(() => clearSourceCache());

// Arazzo 1.0.1 §4.6.1: references inside an OpenAPI source resolve by OpenAPI's rules; telaio
// resolves them lazily, per operation a step uses: a broken $ref no such operation needs (in an
// extension, an example, a link, an unused component) is a warning at the source, never an error.
describe('unresolvable $refs inside an OpenAPI source: warnings, errors only where a used operation needs one', () => {
  it('a document using only operations whose refs resolve gets warnings at the source url, no error', async () => {
    const r = await resolveDocument(fixture('clean.arazzo.yaml'), { cache: false });
    expect(r.diagnostics.map(summary)).toEqual([
      'warning source-ref-unresolved source-ref-unresolved /sourceDescriptions/0/url',
      'warning source-ref-unresolved source-ref-unresolved /sourceDescriptions/0/url',
    ]);
    const text = r.diagnostics.map((d) => d.message).join('\n');
    for (const ref of [
      '#/components/x-assets/logo',
      '#/components/examples/ManyPets',
      '#/components/schemas/Gone',
    ])
      expect(text).toContain(ref);
    expect(text).toContain('./codegen-settings.yaml#/list');
    expect(r.index.byOperationId('listPets')[0]?.unresolvedRefs).toBeUndefined();
  });

  it('an operation a step uses that needs one is an error at that step; the source keeps its warnings for the rest', async () => {
    const r = await resolveDocument(fixture('broken.arazzo.yaml'), { cache: false });
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map(summary)).toEqual([
      'error source-unresolved operation-ref-unresolved /workflows/0/steps/1/operationPath',
    ]);
    expect(errors[0]?.message).toContain(
      "operation 'placeOrder' of source 'api' needs '#/components/schemas/Order'",
    );
    expect(errors[0]?.range.start.line).toBe(11);
    const warnings = r.diagnostics
      .filter((d) => d.severity === 'warning')
      .map((d) => d.message)
      .join('\n');
    expect(warnings).not.toContain('#/components/schemas/Order');
    expect(warnings).toContain('#/components/schemas/Gone');
  });

  it('the engine runs the clean document and refuses the one whose step cannot be built', async () => {
    const transport = createMemoryTransport(() => ({ status: 200, body: [] }));
    const engine = createEngine({ transport, cache: false });
    const clean = await engine.load(fixture('clean.arazzo.yaml'));
    expect((await engine.run({ document: clean })).status).toBe('success');
    await expect(engine.load(fixture('broken.arazzo.yaml'))).rejects.toMatchObject({
      code: 'document-invalid',
    });
  });
});
