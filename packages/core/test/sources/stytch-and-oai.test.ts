import { expect, it } from 'vitest';
import { corpusFiles, corpusPath, describeCorpus } from '../../../../test/support/shared-corpus.js';
import { resolveDocument } from '../../src/sources/resolve-document.js';

describeCorpus('the 24 Stytch workflows', () => {
  const files = corpusFiles('stytch/arazzo', /\.yml$/);

  it('are 24 and resolve every operationId they use, without diagnostics', async () => {
    expect(files).toHaveLength(24);
    const results = await Promise.all(files.map((f) => resolveDocument(f, { cache: false })));
    let used = 0;
    for (const r of results) {
      expect(r.diagnostics).toEqual([]);
      expect(r.sources.every((s) => s.kind === 'openapi')).toBe(true);
      for (const workflow of r.file?.document.workflows ?? []) {
        for (const step of workflow.steps) {
          if (step.operationId === undefined) continue;
          used++;
          const found = r.index.byOperationId(step.operationId);
          expect(found, `${r.file?.uri} ${step.operationId}`).toHaveLength(1);
          expect(found[0]?.servers.length).toBeGreaterThan(0);
        }
      }
    }
    expect(used).toBeGreaterThan(24);
  });
});

describeCorpus('the OAI examples', () => {
  const dir = corpusPath('reference', 'oai-examples');
  const files = corpusFiles('reference/oai-examples', /arazzo/);

  it('load without crashing', async () => {
    for (const f of files) {
      const r = await resolveDocument(f, { cache: false });
      expect(r.file, f).toBeDefined();
    }
  });

  it('ExtendedParametersExample names a missing file: source-unresolved at its url', async () => {
    const r = await resolveDocument(`${dir}/ExtendedParametersExample.arazzo.yaml`, { cache: false });
    const d = r.diagnostics.find((x) => x.code === 'source-unresolved');
    expect(d?.pointer).toMatch(/^\/sourceDescriptions\/\d+\/url$/);
    expect(d?.message).toMatch(/file not found/);
  });

  it('pet-coupons resolves its OpenAPI source', async () => {
    const r = await resolveDocument(`${dir}/pet-coupons.arazzo.yaml`, { cache: false });
    expect(r.diagnostics.filter((d) => d.code === 'source-unresolved')).toEqual([]);
    expect(r.sources.some((s) => s.kind === 'openapi' && s.operations.length > 0)).toBe(true);
  });
});
