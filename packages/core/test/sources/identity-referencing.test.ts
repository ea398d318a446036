import { createEngine, lintDocument, resolveDocument, type SourceLoader, TelaioError } from '@telaio/core';
import { createMemoryTransport } from '@telaio/core/testing';
import { describe, expect, it } from 'vitest';

// 1.1.0 §Identity-Based Referencing and Appendix B: an Arazzo document is known by its `$self`,
// wherever it was read from; a sourceDescription url naming that identity finds it among the
// documents provided (no fetch of the identity URL), and its own relative urls resolve against it.

const CANONICAL = 'https://api.example.com/workflows/purchase.arazzo.yaml';
/** Appendix B, Base URI Within Content: retrieved from a local file, identified by `$self`. */
const LOCAL_COPY = '/Users/dev/projects/workflows/purchase.arazzo.yaml';

const PURCHASE = `arazzo: 1.1.0
$self: ${CANONICAL}
info: { title: Pet Purchase Workflow, version: 1.0.0 }
sourceDescriptions:
  - name: petstore
    url: ../specs/petstore.yaml
    type: openapi
workflows:
  - workflowId: buyPet
    steps:
      - stepId: order
        operationId: placeOrder
        successCriteria: [{ condition: $statusCode == 201 }]
`;

const PETSTORE = `openapi: 3.1.0
info: { title: petstore, version: 1.0.0 }
servers: [{ url: https://petstore.example.test }]
paths:
  /orders:
    post:
      operationId: placeOrder
      responses: { '201': { description: created } }
`;

const entry = (url: string) => `arazzo: 1.1.0
info: { title: app, version: 1.0.0 }
sourceDescriptions:
  - { name: purchase, url: '${url}', type: arazzo }
workflows:
  - workflowId: main
    steps:
      - { stepId: buy, workflowId: $sourceDescriptions.purchase.buyPet }
`;

const ENTRY = '/srv/app/main.arazzo.yaml';

/** Serves `files` from memory and records every URI asked for (a network that only has these). */
function memoryLoader(files: Record<string, string>) {
  const fetched: string[] = [];
  const loader: SourceLoader = {
    async load(uri) {
      fetched.push(uri);
      const text = files[uri];
      if (text === undefined) throw new TelaioError('source-unresolved', `not reachable: ${uri}`);
      return { uri, text };
    },
  };
  return { loader, fetched };
}

const FILES = {
  [LOCAL_COPY]: PURCHASE,
  'https://api.example.com/specs/petstore.yaml': PETSTORE,
};

describe('1.1.0 §Identity-Based Referencing, Appendix B', () => {
  it('Appendix B, Identity vs Location: a source url naming a $self finds that document among those provided, without fetching the identity URL', async () => {
    const { loader, fetched } = memoryLoader(FILES);
    const resolved = await resolveDocument(ENTRY, {
      loader,
      cache: false,
      text: entry(CANONICAL),
      documents: [`file://${LOCAL_COPY}`],
    });
    expect(resolved.sources[0]).toMatchObject({ kind: 'arazzo', uri: LOCAL_COPY });
    expect(fetched).not.toContain(CANONICAL);
    expect(lintDocument(resolved).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('Appendix B, Base URI Within Content: the found document resolves its relative source against its $self, not where it was read', async () => {
    const { loader, fetched } = memoryLoader(FILES);
    const resolved = await resolveDocument(ENTRY, {
      loader,
      cache: false,
      text: entry(CANONICAL),
      documents: [LOCAL_COPY],
    });
    const nested = resolved.sources[0];
    expect(nested?.kind === 'arazzo' ? nested.sources.map((s) => s.uri) : []).toEqual([
      'https://api.example.com/specs/petstore.yaml',
    ]);
    expect(fetched).toContain('https://api.example.com/specs/petstore.yaml');
    expect(fetched).not.toContain('/Users/dev/projects/specs/petstore.yaml');
  });

  it('§Identity-Based Referencing: not among the provided documents, the identity URL is fetched as a location (here unreachable: source-unresolved)', async () => {
    const { loader, fetched } = memoryLoader(FILES);
    const resolved = await resolveDocument(ENTRY, { loader, cache: false, text: entry(CANONICAL) });
    expect(resolved.sources[0]?.kind).toBe('unresolved');
    expect(fetched).toContain(CANONICAL);
    expect(resolved.diagnostics.map((d) => d.code)).toContain('source-unresolved');
  });

  it('§Identity-Based Referencing: naming a document with a $self by its location works (a MAY) but is a source-not-by-identity warning at the url', async () => {
    const { loader } = memoryLoader(FILES);
    const resolved = await resolveDocument(ENTRY, { loader, cache: false, text: entry(LOCAL_COPY) });
    expect(resolved.sources[0]?.kind).toBe('arazzo');
    const found = lintDocument(resolved).filter((d) => d.code === 'source-not-by-identity');
    expect(found.map((d) => [d.severity, d.pointer, d.range.start.line])).toEqual([
      ['warning', '/sourceDescriptions/0/url', 4],
    ]);
    expect(found[0]?.message).toContain(CANONICAL);
  });

  it('Appendix B, Resolving Relative $self: a relative $self is resolved against the retrieval URI first, and that is the identity', async () => {
    const retrieved = 'https://mirror.example.com/v2/api-description.yaml';
    const relative = PURCHASE.replace(`$self: ${CANONICAL}`, '$self: workflows/purchase.arazzo.yaml');
    const { loader, fetched } = memoryLoader({
      [retrieved]: relative,
      'https://mirror.example.com/v2/specs/petstore.yaml': PETSTORE,
    });
    const identity = 'https://mirror.example.com/v2/workflows/purchase.arazzo.yaml';
    const resolved = await resolveDocument(ENTRY, {
      loader,
      cache: false,
      text: entry(identity),
      documents: [retrieved],
    });
    expect(resolved.sources[0]).toMatchObject({ kind: 'arazzo', uri: retrieved });
    expect(fetched).not.toContain(identity);
    expect(fetched).toContain('https://mirror.example.com/v2/specs/petstore.yaml');
  });

  it('§Identity-Based Referencing: the engine runs a workflow of a document found by identity (EngineOptions.documents)', async () => {
    const { loader } = memoryLoader({ ...FILES, [ENTRY]: entry(CANONICAL) });
    const transport = createMemoryTransport(() => ({ status: 201 }));
    const engine = createEngine({ transport, loader, cache: false, documents: [LOCAL_COPY] });
    const document = await engine.load(ENTRY);
    const result = await engine.run({ document, workflowId: 'main' });
    expect(result.status).toBe('success');
    expect(transport.sent.map((s) => `${s.method} ${s.url}`)).toEqual([
      'POST https://petstore.example.test/orders',
    ]);
  });
});

// Documents validated together are each parsed once (as the entry and as a candidate identity);
// the shared parse must follow the text: a document whose text changed is parsed again.
describe('one parse per document text, shared by the entry and the identity scan', () => {
  it('§Identity-Based Referencing: resolving again with a changed text reads the new text', async () => {
    const { loader } = memoryLoader(FILES);
    const first = await resolveDocument(LOCAL_COPY, { loader, cache: false, documents: [LOCAL_COPY] });
    expect(first.diagnostics).toEqual([]);
    const changed = PURCHASE.replace('operationId: placeOrder', 'operationId: placeOrder\n        bogus: 1');
    const second = await resolveDocument(LOCAL_COPY, { loader, cache: false, text: changed });
    expect(second.file?.text).toBe(changed);
    expect(second.diagnostics.map((d) => d.code)).toEqual(['schema']);
    const third = await resolveDocument(LOCAL_COPY, { loader, cache: false, text: PURCHASE });
    expect(third.diagnostics).toEqual([]);
  });
});

// validate passes one list of documents to every entry: the list is read once for all of them, and
// each entry still sees its own `$self` first, then the others in the order given.
describe('§Identity-Based Referencing: documents provided together, one list for every entry', () => {
  const ID = 'https://example.com/flows/shared.arazzo.yaml';
  const claiming = (title: string) => `arazzo: 1.1.0
$self: ${ID}
info: { title: ${title}, version: 1.0.0 }
sourceDescriptions:
  - { name: other, url: '${ID}', type: arazzo }
workflows:
  - workflowId: ${title}
    steps:
      - { stepId: s, workflowId: $sourceDescriptions.other.${title} }
`;
  const naming = `arazzo: 1.1.0
info: { title: a, version: 1.0.0 }
sourceDescriptions:
  - { name: other, url: '${ID}', type: arazzo }
workflows:
  - workflowId: a
    steps:
      - { stepId: s, workflowId: $sourceDescriptions.other.first }
`;
  const files = { '/w/a.yaml': naming, '/w/b.yaml': claiming('first'), '/w/c.yaml': claiming('second') };

  it('the first provided document claiming a $self has it; an entry claiming it finds itself', async () => {
    const { loader, fetched } = memoryLoader(files);
    const documents = Object.keys(files);
    const [a, b, c] = await Promise.all(
      documents.map((uri) => resolveDocument(uri, { loader, cache: false, documents })),
    );
    expect(a?.sources[0]).toMatchObject({ kind: 'arazzo', uri: '/w/b.yaml' });
    expect(b?.sources[0]).toMatchObject({ kind: 'arazzo', uri: '/w/b.yaml' });
    expect(c?.sources[0]).toMatchObject({ kind: 'arazzo', uri: '/w/c.yaml' });
    for (const r of [a, b, c]) expect(lintDocument(r!).filter((d) => d.severity === 'error')).toEqual([]);
    expect(fetched).not.toContain(ID);
  });
});
